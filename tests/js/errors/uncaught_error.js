'use strict';
// An uncaught exception in the main script: 'exit' runs with code 1, the error is printed on
// stderr (its stack, then node's version line), and the exit status is 1.

process.on('exit', (code) => console.log(`exit ${code}`));
setTimeout(() => console.log('timer (never)'), 1);
console.log('before the throw');

function fail() {
  throw new Error('boom');
}
fail();
