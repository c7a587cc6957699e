// diagnostics_channel: a subscriber that throws does not stop the others; its error is reported
// as an uncaught exception on the next tick. The same for a store transform that throws.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

const seen = [];
process.on('uncaughtException', (err, origin) => {
  seen.push(err.message);
  console.log('uncaught:', err.message, origin);
});

const ch = dc.channel('throwing');
ch.subscribe((message) => {
  console.log('first', message);
  throw new Error(`boom ${message}`);
});
ch.subscribe((message) => console.log('second', message));
ch.subscribe(() => {
  throw new TypeError('another');
});

console.log('publish 1');
ch.publish(1);
console.log('after publish 1');
process.nextTick(() => console.log('tick queued after publish 1'));
ch.publish(2);
console.log('after publish 2');
Promise.resolve().then(() => console.log('microtask'));

// A throwing transform: the store is not entered, the function still runs.
const store = new AsyncLocalStorage();
const tr = dc.channel('transform');
tr.bindStore(store, (data) => {
  if (data.bad) throw new Error('transform failed');
  return data.value;
});
console.log(tr.runStores({ value: 'ok' }, () => store.getStore()));
console.log(tr.runStores({ bad: true }, (x, y) => `${store.getStore()} ${x + y}`, null, 1, 2));
console.log('sync end');

setTimeout(() => {
  console.log(seen);
}, 0);
