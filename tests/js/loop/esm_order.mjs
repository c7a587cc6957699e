// In an ES module entry point, the module body itself runs as a promise job, so promise jobs
// queued by the body run before the ticks it queued (the reverse of a CommonJS entry).
const log = (s) => console.log(s);

process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => log('promise 1'));
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => {
  log('tick 2');
  Promise.resolve().then(() => log('promise from tick 2'));
});
log('body before await');
await null;
log('body after await');
process.nextTick(() => log('tick after await'));
Promise.resolve().then(() => log('promise after await'));
setImmediate(() => log('immediate'));
