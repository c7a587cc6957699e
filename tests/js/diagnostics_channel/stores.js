// diagnostics_channel: bindStore, unbindStore and runStores with AsyncLocalStorage, with and
// without a transform; several stores on one channel; hasSubscribers and instanceof while only
// stores are bound.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const ch = dc.channel('stores');

// Without stores or subscribers, runStores just calls fn with thisArg and args.
console.log(ch.runStores({ id: 0 }, function (a, b) {
  return [this && this.tag, a, b, als.getStore()];
}, { tag: 'this' }, 1, 2));
console.log(ch.unbindStore(als));

ch.bindStore(als);
console.log(ch.hasSubscribers, dc.hasSubscribers('stores'), ch instanceof dc.Channel);
const data = { id: 1 };
const result = ch.runStores(data, function (x) {
  return [als.getStore() === data, this.tag, x];
}, { tag: 'T' }, 'arg');
console.log(result, als.getStore());

// Subscribers see the message inside the stores.
const subscriber = (message, name) => {
  console.log('subscriber', name, JSON.stringify(message), JSON.stringify(als.getStore()),
              JSON.stringify(other.getStore()));
};
ch.subscribe(subscriber);
ch.runStores({ id: 2 }, () => console.log('fn', JSON.stringify(als.getStore())));

// A transform decides what the store holds; binding again replaces the transform.
ch.bindStore(other, (message) => ({ wrapped: message.id }));
ch.runStores({ id: 3 }, () => console.log('fn', JSON.stringify(als.getStore()), JSON.stringify(other.getStore())));
ch.bindStore(other, (message) => `id-${message.id}`);
ch.runStores({ id: 4 }, () => console.log('fn', JSON.stringify(other.getStore())));

// The store lasts into what fn schedules.
ch.runStores({ id: 5 }, () => {
  process.nextTick(() => console.log('nextTick', JSON.stringify(als.getStore()), JSON.stringify(other.getStore())));
  Promise.resolve().then(() => console.log('then', JSON.stringify(als.getStore())));
});
console.log('outside', als.getStore(), other.getStore());

// Nested runStores.
ch.runStores({ id: 6 }, () => {
  ch.runStores({ id: 7 }, () => console.log('inner', JSON.stringify(als.getStore())));
  console.log('outer', JSON.stringify(als.getStore()));
});

// Errors from fn propagate, and the store is left.
try {
  ch.runStores({ id: 8 }, () => {
    throw new Error('fn failed');
  });
} catch (err) {
  console.log('caught', err.message, als.getStore());
}

// Unbinding: true once; the channel stays active while a subscriber or store remains.
console.log(ch.unbindStore(als), ch.unbindStore(als));
ch.runStores({ id: 9 }, () => console.log('fn', als.getStore(), JSON.stringify(other.getStore())));
console.log(ch.unbindStore(other), ch.hasSubscribers);
console.log(ch.unsubscribe(subscriber));
console.log(ch.hasSubscribers, Object.getPrototypeOf(ch) === dc.Channel.prototype);

// Stores only: active without subscribers, inactive again after unbinding.
const onlyStore = dc.channel('only-store');
onlyStore.bindStore(als, (m) => m.toUpperCase());
console.log(onlyStore.hasSubscribers, Object.getPrototypeOf(onlyStore) === dc.Channel.prototype);
console.log(onlyStore.runStores('abc', () => als.getStore()));
console.log(onlyStore.unbindStore(als), onlyStore.hasSubscribers, onlyStore.runStores('abc', () => als.getStore()));
