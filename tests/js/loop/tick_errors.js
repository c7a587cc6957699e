'use strict';
// Exceptions thrown by ticks and queueMicrotask callbacks go to 'uncaughtExceptionMonitor' and
// then 'uncaughtException'; the remaining ticks and microtasks still run.

const log = (s) => console.log(s);
const describe = (err) => (err instanceof Error ? err.message : `the value ${err}`);

process.on('uncaughtExceptionMonitor', (err, origin) => {
  log(`monitor: ${describe(err)} (${origin})`);
});
process.on('uncaughtException', (err, origin) => {
  log(`uncaught: ${describe(err)} (${origin})`);
});
process.on('exit', (code) => log(`exit ${code}`));

process.nextTick(() => log('tick 1'));
process.nextTick(() => {
  throw new Error('from tick 2');
});
process.nextTick(() => log('tick 3'));
Promise.resolve().then(() => log('promise 1'));
queueMicrotask(() => {
  throw new Error('from microtask');
});
queueMicrotask(() => log('microtask after the throwing one'));
Promise.resolve().then(() => {
  throw new Error('from a promise job');
});
process.nextTick(() => {
  // A non-error value is reported as is.
  throw 42;
});
log('main done');
