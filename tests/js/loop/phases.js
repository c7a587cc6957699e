'use strict';
// Which phase runs what: a timer that is already due when the loop starts runs before the
// immediates; inside a timer callback a new immediate runs before a new zero-delay timer (the
// check phase comes first); ticks and promise jobs run after every single callback.

const log = (s) => console.log(s);

function busyWait(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

setTimeout(() => {
  log('timeout A');
  process.nextTick(() => log('  tick after A'));
  Promise.resolve().then(() => log('  promise after A'));
  setImmediate(() => log('immediate from A'));
  setTimeout(() => log('timeout from A'), 0);
}, 0);
setTimeout(() => {
  log('timeout B');
  process.nextTick(() => log('  tick after B'));
}, 0);
setImmediate(() => {
  log('immediate 1');
  process.nextTick(() => log('  tick after immediate 1'));
  Promise.resolve().then(() => log('  promise after immediate 1'));
  setImmediate(() => log('immediate from immediate 1 (next loop turn)'));
});
setImmediate(() => {
  log('immediate 2');
  queueMicrotask(() => log('  microtask after immediate 2'));
  // Makes 'timeout from A' due when the next loop turn starts, so it runs before the immediate
  // queued by immediate 1 (without the wait, which comes first depends on the clock).
  busyWait(3);
});
process.nextTick(() => log('tick in main'));
// Both timers are due by the time the loop starts, so the timers phase runs them first.
busyWait(10);
log('main done');
