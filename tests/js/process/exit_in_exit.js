'use strict';
// process.exit() inside an 'exit' listener ends the process at once with the new code: the
// listeners after it do not run and 'exit' is not emitted again.

process.exitCode = 4;
process.on('exit', (code) => {
  console.log(`first listener: ${code}`);
  process.exit(6);
});
process.on('exit', () => console.log('second listener (never)'));
console.log('main done');
