'use strict';
// process.exitCode: validated, accepted as an integer string, and used as the exit status when
// the loop ends; 'exit' listeners receive it and may change it.

for (const value of [4.5, 'abc', true, '', {}]) {
  try {
    process.exitCode = value;
    console.log(`exitCode = ${JSON.stringify(value)}: accepted`);
  } catch (err) {
    console.log(`exitCode = ${JSON.stringify(value)}: ${err.name} ${err.code}`);
    console.log(`  ${err.message}`);
  }
}
process.exitCode = '9';
console.log('string code:', JSON.stringify(process.exitCode));
process.exitCode = null;
console.log('null:', process.exitCode);
process.exitCode = 2;

process.on('exit', (code) => {
  console.log(`exit listener 1: code ${code}, exitCode ${process.exitCode}`);
  process.exitCode = 3;
});
process.on('exit', (code) => {
  // The argument is what it was when 'exit' was emitted; exitCode is the current value.
  console.log(`exit listener 2: code ${code}, exitCode ${process.exitCode}`);
});
setTimeout(() => console.log('the loop still runs its timers'), 1);
