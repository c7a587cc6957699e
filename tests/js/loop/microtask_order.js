'use strict';
// The order of process.nextTick, promise jobs and queueMicrotask in the main script: every tick
// (including ticks queued by ticks) runs before the promise jobs, and ticks queued from promise
// jobs wait until the microtask queue is empty.

const log = (s) => console.log(s);

log('sync start');
process.nextTick(() => {
  log('tick 1');
  process.nextTick(() => log('tick 1.1 (nested)'));
  Promise.resolve().then(() => log('promise from tick 1'));
  queueMicrotask(() => log('microtask from tick 1'));
});
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('tick from promise 1'));
  Promise.resolve().then(() => log('promise 1.1'));
});
queueMicrotask(() => {
  log('microtask 1');
  queueMicrotask(() => log('microtask 1.1'));
  process.nextTick(() => log('tick from microtask 1'));
});
process.nextTick(
  (a, b) => {
    log(`tick 2 args ${a} ${b}`);
  },
  'x',
  'y',
);
Promise.reject(new Error('x')).catch(() => log('catch'));
(async () => {
  log('async fn body');
  await null;
  log('after await 1');
  await null;
  log('after await 2');
  process.nextTick(() => log('tick from async fn'));
})();
Promise.resolve()
  .then(() => log('chain a'))
  .then(() => log('chain b'))
  .then(() => log('chain c'));
log('sync end');
