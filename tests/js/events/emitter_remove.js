'use strict';
// EventEmitter: removing listeners, and the 'newListener' / 'removeListener' events.

const EventEmitter = require('events');

const log = (...args) => console.log(...args);
const names = (list) => list.map((f) => f.name || '(anonymous)').join(',');

// removeListener removes the most recently added matching registration.
{
  const e = new EventEmitter();
  const calls = [];
  function a() {
    calls.push('a');
  }
  function b() {
    calls.push('b');
  }
  e.on('x', a);
  e.on('x', b);
  e.on('x', a);
  e.removeListener('x', a);
  log('after removing a once:', names(e.listeners('x')));
  e.emit('x');
  log('calls:', calls.join(','));
  e.removeListener('x', a);
  log('after removing a twice:', names(e.listeners('x')));
  e.removeListener('x', a);
  log('removing a missing listener is a no-op:', names(e.listeners('x')));
  e.removeListener('unknown', a);
  log('removing from an unknown event is a no-op:', e.eventNames().join(','));
}

// A once listener can be removed by its original function.
{
  const e = new EventEmitter();
  function once() {
    log('must not run');
  }
  e.once('o', once);
  e.removeListener('o', once);
  log('once removed by original:', e.emit('o'), e.listenerCount('o'));
  e.on('o', () => {});
  e.once('o', once);
  e.off('o', once);
  log('once removed from a list:', e.listenerCount('o'));
}

// 'removeListener' is emitted after the removal, with the original function.
{
  const e = new EventEmitter();
  function first() {}
  function second() {}
  function wrapped() {}
  e.on('removeListener', (name, listener) => {
    log('removeListener event:', String(name), listener.name, 'remaining:', e.listenerCount(name));
  });
  e.on('r', first);
  e.on('r', second);
  e.once('r', wrapped);
  e.removeListener('r', second);
  e.removeListener('r', wrapped);
  e.emit('r');
  e.once('s', wrapped);
  e.emit('s');
}

// 'newListener' is emitted before the addition, with the original function for once().
{
  const e = new EventEmitter();
  const seen = [];
  e.on('newListener', (name, listener) => {
    seen.push(`${String(name)}:${listener.name}:${e.listenerCount(name)}`);
  });
  function hello() {}
  function bye() {}
  e.on('hello', hello);
  e.once('bye', bye);
  e.prependListener('hello', bye);
  e.prependOnceListener(Symbol('s'), hello);
  log('newListener events:', seen.join(' '));
}

// A 'newListener' handler adding a listener for the same event: the new one goes first.
{
  const e = new EventEmitter();
  let added = false;
  e.on('newListener', (name) => {
    if (name === 'n' && !added) {
      added = true;
      e.on('n', function fromNewListener() {});
    }
  });
  e.on('n', function original() {});
  log('order after nested add:', names(e.listeners('n')));
}

// removeAllListeners(type) and removeAllListeners() with 'removeListener' watchers.
{
  const e = new EventEmitter();
  const removed = [];
  e.on('removeListener', (name, listener) => removed.push(`${String(name)}:${listener.name}`));
  function a1() {}
  function a2() {}
  function b1() {}
  e.on('a', a1);
  e.on('a', a2);
  e.on('b', b1);
  e.removeAllListeners('a');
  log('removeAllListeners(a):', removed.join(' '), '| left:', e.eventNames().join(','));
  removed.length = 0;
  e.on('a', a1);
  e.removeAllListeners();
  log('removeAllListeners():', removed.join(' '), '| left:', JSON.stringify(e.eventNames()));
}

// Without 'removeListener' watchers everything is dropped directly.
{
  const e = new EventEmitter();
  e.on('a', () => {});
  e.on('b', () => {});
  e.on('b', () => {});
  e.removeAllListeners('b');
  log('direct removal:', e.eventNames().join(','), e._eventsCount);
  e.removeAllListeners('missing');
  log('missing type:', e.eventNames().join(','));
  e.removeAllListeners();
  log('all:', JSON.stringify(e.eventNames()), e._eventsCount);
}

// removeAllListeners(undefined) is not removeAllListeners(): it targets the event "undefined".
{
  const e = new EventEmitter();
  e.on('undefined', () => {});
  e.on('keep', () => {});
  e.removeAllListeners(undefined);
  log('removeAllListeners(undefined):', e.eventNames().join(','));
}

// Removing listeners during 'removeListener' handling of removeAllListeners().
{
  const e = new EventEmitter();
  const log2 = [];
  e.on('x', function x1() {});
  e.on('y', function y1() {});
  e.on('removeListener', function watcher(name, fn) {
    log2.push(`${name}:${fn.name}`);
  });
  e.removeAllListeners();
  log('watcher saw:', log2.join(' '));
  log('emitter clean:', JSON.stringify(e.eventNames()), e.emit('x'));
}

// The internal table: a single listener is stored bare, several as an array.
{
  const e = new EventEmitter();
  function one() {}
  function two() {}
  e.on('t', one);
  log('single stored as function:', typeof e._events.t, e._eventsCount);
  e.on('t', two);
  log('two stored as array:', Array.isArray(e._events.t), e._events.t.length);
  e.removeListener('t', two);
  log('back to a function:', e._events.t === one);
  e.removeListener('t', one);
  log('table after last removal:', Object.keys(e._events).length, e._eventsCount,
    Object.getPrototypeOf(e._events));
}
