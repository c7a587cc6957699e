'use strict';
// EventEmitter: the listener limit and the MaxListenersExceededWarning.

const EventEmitter = require('events');

const log = (...args) => console.log(...args);
const emitters = new Map();

// Warnings are emitted on a later tick; print them as they arrive.
process.on('warning', (warning) => {
  log('warning:', warning.name);
  log('  message:', warning.message);
  log('  type:', String(warning.type), 'count:', warning.count, 'emitter:', emitters.get(warning.emitter));
  log('  own keys:', Object.keys(warning).join(','));
});

const noop = () => {};

{
  const e = new EventEmitter();
  emitters.set(e, 'default limit');
  log('default limit:', e.getMaxListeners(), EventEmitter.defaultMaxListeners);
  for (let i = 0; i < 11; i++) e.on('event', noop);
  // Only one warning per event name and list.
  for (let i = 0; i < 5; i++) e.on('event', noop);
  log('listeners added:', e.listenerCount('event'));
}

{
  const e = new EventEmitter();
  emitters.set(e, 'symbol event');
  const sym = Symbol('my symbol');
  for (let i = 0; i < 11; i++) e.on(sym, noop);
}

{
  const e = new EventEmitter();
  emitters.set(e, 'null event');
  for (let i = 0; i < 11; i++) e.on(null, noop);
}

{
  // The limit applies per event name.
  const e = new EventEmitter();
  emitters.set(e, 'spread');
  for (let i = 0; i < 10; i++) {
    e.on('a', noop);
    e.on('b', noop);
  }
  log('spread counts:', e.listenerCount('a'), e.listenerCount('b'));
}

{
  // setMaxListeners(0) and Infinity disable the check.
  const e = new EventEmitter();
  e.setMaxListeners(0);
  for (let i = 0; i < 20; i++) e.on('x', noop);
  const f = new EventEmitter();
  f.setMaxListeners(Infinity);
  for (let i = 0; i < 20; i++) f.on('x', noop);
  log('unlimited:', e.getMaxListeners(), f.getMaxListeners());
}

{
  // A custom limit, a subclass name in the message, and prepend counting too.
  class Custom extends EventEmitter {}
  const e = new Custom();
  emitters.set(e, 'subclass');
  e.setMaxListeners(2);
  e.prependListener('p', noop);
  e.once('p', noop);
  e.prependOnceListener('p', noop);
}

{
  // Removing below the limit and growing again: the flag lives on the list, which is rebuilt
  // once only one listener is left.
  const e = new EventEmitter();
  emitters.set(e, 'regrow');
  e.setMaxListeners(1);
  e.on('r', noop);
  e.on('r', noop);
  e.removeListener('r', noop);
  e.on('r', noop);
}

{
  // Changing the default affects emitters without their own limit, even existing ones.
  const e = new EventEmitter();
  emitters.set(e, 'default changed');
  EventEmitter.defaultMaxListeners = 1;
  log('after changing default:', e.getMaxListeners());
  e.on('d', noop);
  e.on('d', noop);
  EventEmitter.defaultMaxListeners = 10;
}

{
  // events.setMaxListeners(n) with no targets changes the default as well.
  EventEmitter.setMaxListeners(3);
  log('default via events.setMaxListeners:', EventEmitter.defaultMaxListeners, new EventEmitter().getMaxListeners());
  EventEmitter.setMaxListeners();
  log('default restored by no-argument call:', EventEmitter.defaultMaxListeners);
  EventEmitter.setMaxListeners(10);
}

log('sync part done');
