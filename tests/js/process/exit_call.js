'use strict';
// process.exit(code) from a timer: 'exit' listeners run at once with that code, nothing after
// the call runs, and pending ticks, promise jobs, timers and immediates are dropped.

process.on('exit', (code) => console.log(`exit ${code}, exitCode ${process.exitCode}`));
process.on('beforeExit', () => console.log('beforeExit (never: process.exit skips it)'));

setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('tick (never)'));
  Promise.resolve().then(() => console.log('promise (never)'));
  setImmediate(() => console.log('immediate (never)'));
  process.exit(7);
  console.log('after process.exit (never)');
}, 1);
setTimeout(() => console.log('timer 2 (never)'), 1);
setTimeout(() => console.log('later timer (never)'), 50);
