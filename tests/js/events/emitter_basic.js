'use strict';
// EventEmitter: adding, emitting, listing and counting listeners.

const EventEmitter = require('events');

const log = (...args) => console.log(...args);

// emit() passes its arguments through, with the emitter as `this`, and reports listeners.
{
  const e = new EventEmitter();
  log('emit without listeners:', e.emit('nothing'));
  e.on('data', function (...args) {
    log('data listener this===e:', this === e, 'args:', JSON.stringify(args), 'count:', arguments.length);
  });
  log('emit 0 args:', e.emit('data'));
  log('emit 1 arg:', e.emit('data', 1));
  log('emit 3 args:', e.emit('data', 1, 'two', [3]));
  log('emit explicit undefined:', e.emit('data', undefined));
  log('emit 6 args:', e.emit('data', 1, 2, 3, 4, 5, 6));
}

// Registration methods return the emitter; on/addListener and off/removeListener are aliases.
{
  const e = new EventEmitter();
  const f = () => {};
  log('chain:', e.on('a', f) === e, e.addListener('a', f) === e, e.once('a', f) === e,
    e.prependListener('a', f) === e, e.prependOnceListener('a', f) === e, e.off('a', f) === e,
    e.removeListener('a', f) === e, e.removeAllListeners('a') === e, e.setMaxListeners(3) === e);
  log('aliases:', EventEmitter.prototype.on === EventEmitter.prototype.addListener,
    EventEmitter.prototype.off === EventEmitter.prototype.removeListener);
}

// Order: prepend puts listeners first; once listeners run a single time.
{
  const e = new EventEmitter();
  const order = [];
  e.on('x', () => order.push('on1'));
  e.once('x', () => order.push('once'));
  e.prependListener('x', () => order.push('prepend'));
  e.prependOnceListener('x', () => order.push('prependOnce'));
  e.on('x', () => order.push('on2'));
  e.emit('x');
  log('first emit:', order.join(','));
  order.length = 0;
  e.emit('x');
  log('second emit:', order.join(','));
}

// The same function can be added several times and is called once per registration.
{
  const e = new EventEmitter();
  let calls = 0;
  const f = () => calls++;
  e.on('dup', f);
  e.on('dup', f);
  e.once('dup', f);
  e.emit('dup');
  e.emit('dup');
  log('duplicate calls:', calls, 'listenerCount:', e.listenerCount('dup'));
}

// A snapshot of the listeners is taken when emit starts, for every list length.
for (const n of [1, 2, 3, 4, 6]) {
  const e = new EventEmitter();
  const calls = [];
  const listeners = [];
  for (let i = 0; i < n; i++) {
    const listener = () => {
      calls.push(i);
      if (i === 0) {
        // Remove all the others and add a new one while the emit is running.
        for (const other of listeners.slice(1)) e.removeListener('s', other);
        e.on('s', () => calls.push('late'));
      }
    };
    listeners.push(listener);
    e.on('s', listener);
  }
  e.emit('s');
  log(`snapshot with ${n}:`, calls.join(','));
  calls.length = 0;
  e.emit('s');
  log(`next emit with ${n}:`, calls.join(','));
}

// A listener removing itself does not disturb the others.
{
  const e = new EventEmitter();
  const calls = [];
  function a() {
    calls.push('a');
    e.removeListener('r', a);
  }
  e.on('r', a);
  e.on('r', () => calls.push('b'));
  e.on('r', () => calls.push('c'));
  e.emit('r');
  e.emit('r');
  log('self removal:', calls.join(','));
}

// listeners() unwraps once wrappers; rawListeners() does not, and a raw wrapper can be called.
{
  const e = new EventEmitter();
  function plain() {
    return 'plain';
  }
  function onlyOnce() {
    return 'once';
  }
  e.on('l', plain);
  e.once('l', onlyOnce);
  const unwrapped = e.listeners('l');
  log('listeners:', unwrapped.map((f) => f.name).join(','), unwrapped[1] === onlyOnce);
  const raw = e.rawListeners('l');
  log('rawListeners:', raw.length, raw[0] === plain, raw[1] === onlyOnce, raw[1].listener === onlyOnce);
  log('raw once wrapper name:', raw[1].name, 'length:', raw[1].length);
  log('calling the wrapper:', raw[1](), 'count after:', e.listenerCount('l'));
  log('calling it again:', raw[1]());
  log('copies:', e.listeners('l') !== e.listeners('l'), e.rawListeners('l') !== e.rawListeners('l'));
  log('single listener arrays:', e.listeners('l').length, e.rawListeners('l')[0] === plain);
  log('unknown event:', JSON.stringify(e.listeners('nope')), JSON.stringify(e.rawListeners('nope')));
}

// listenerCount() with and without the listener argument.
{
  const e = new EventEmitter();
  const f = () => {};
  const g = () => {};
  log('count empty:', e.listenerCount('c'), e.listenerCount('c', f));
  e.on('c', f);
  log('count one:', e.listenerCount('c'), e.listenerCount('c', f), e.listenerCount('c', g));
  e.on('c', g);
  e.on('c', f);
  e.once('c', f);
  log('count many:', e.listenerCount('c'), e.listenerCount('c', f), e.listenerCount('c', g));
  log('count with null listener:', e.listenerCount('c', null), e.listenerCount('c', undefined));
  log('static listenerCount:', EventEmitter.listenerCount(e, 'c'));
  log('static on plain object:', EventEmitter.listenerCount({ _events: { c: [f, g] } }, 'c'));
}

// eventNames() in insertion order, symbols included, and empty once all are removed.
{
  const e = new EventEmitter();
  const sym = Symbol('sym');
  const f = () => {};
  e.on('b', f);
  e.on(sym, f);
  e.on('a', f);
  e.on('b', f);
  log('eventNames:', e.eventNames().map(String).join(','));
  e.removeAllListeners('b');
  e.removeListener(sym, f);
  log('after removals:', e.eventNames().map(String).join(','));
  e.removeListener('a', f);
  log('all removed:', JSON.stringify(e.eventNames()));
}

// Special names, including ones that exist on Object.prototype.
{
  const e = new EventEmitter();
  const seen = [];
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'undefined']) {
    e.on(name, () => seen.push(name || '(empty)'));
  }
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'undefined']) {
    e.emit(name);
  }
  e.emit(undefined);
  log('special names:', seen.join(','));
  log('special eventNames:', e.eventNames().join('|'));
}

// Numbers are property keys: 1 and '1' are the same event.
{
  const e = new EventEmitter();
  e.on(1, (v) => log('numeric event got', v));
  e.emit('1', 'as string');
  e.emit(1, 'as number');
  log('numeric eventNames:', JSON.stringify(e.eventNames()));
}

// Listener return values other than promises are ignored.
{
  const e = new EventEmitter();
  e.on('r', () => 42);
  e.on('r', () => ({ then: 1 }));
  log('emit with return values:', e.emit('r'));
}

// An emitter made without the constructor still works (lazy _events).
{
  const e = Object.create(EventEmitter.prototype);
  log('lazy before:', e._events, e._eventsCount, e.emit('x'));
  e.on('x', (v) => log('lazy emitter got', v));
  e.emit('x', 'value');
  log('lazy after:', e.eventNames());
}
