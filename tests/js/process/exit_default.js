'use strict';
// process.exit() without a code uses process.exitCode; output written before it is not lost.

process.exitCode = 12;
process.on('exit', (code) => console.log(`exit ${code}`));
for (let i = 0; i < 3; i++) console.log(`line ${i}`);
process.stdout.write('no newline, then exit');
process.exit();
