'use strict';
// After a callback throws and an 'uncaughtException' listener takes the error, node goes on with
// the next callback of the same phase before it runs the ticks and promise jobs that are
// waiting; they run after that callback.

const log = (s) => console.log(s);

process.on('uncaughtException', (err) => log(`uncaught: ${err.message}`));

setImmediate(() => {
  log('immediate 1');
  process.nextTick(() => log('  tick from immediate 1'));
  Promise.resolve().then(() => log('  promise from immediate 1'));
  throw new Error('from immediate 1');
});
setImmediate(() => {
  log('immediate 2');
  process.nextTick(() => log('  tick from immediate 2'));
});
setImmediate(() => {
  log('immediate 3');
  process.nextTick(() => log('  tick 1 from immediate 3'));
  process.nextTick(() => {
    throw new Error('from a tick of immediate 3');
  });
  process.nextTick(() => log('  tick 3 from immediate 3'));
});
setImmediate(() => log('immediate 4'));
setImmediate(() => log('immediate 5'));
