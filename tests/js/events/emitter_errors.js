'use strict';
// EventEmitter: 'error' semantics, errorMonitor, and argument validation.

const EventEmitter = require('events');

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    const result = fn();
    log(label, '-> returned', result === undefined ? 'undefined' : typeof result);
  } catch (err) {
    log(label, '-> threw', err.name, err.code, JSON.stringify(err.message));
    if (err.code === 'ERR_UNHANDLED_ERROR') log('   context:', err.context);
    return err;
  }
  return undefined;
}

// An unhandled 'error' event throws: the Error itself, or ERR_UNHANDLED_ERROR around a non-Error.
{
  const e = new EventEmitter();
  const original = new TypeError('boom');
  const thrown = attempt('emit error Error', () => e.emit('error', original, 'extra'));
  log('same object thrown:', thrown === original);
  attempt('emit error (no args)', () => e.emit('error'));
  attempt('emit error undefined', () => e.emit('error', undefined));
  attempt('emit error null', () => e.emit('error', null));
  attempt('emit error string', () => e.emit('error', 'just a string'));
  attempt('emit error number', () => e.emit('error', 42));
  attempt('emit error object', () => e.emit('error', { code: 'X', nested: { deep: [1, 2] } }));
  attempt('emit error array', () => e.emit('error', [1, 'a']));
  attempt('emit error symbol', () => e.emit('error', Symbol('s')));
  attempt('emit error false', () => e.emit('error', false));
  const fake = { message: 'looks like an error', name: 'Error' };
  attempt('emit error error-like', () => e.emit('error', fake));
  class MyError extends Error {}
  attempt('emit error subclass', () => e.emit('error', new MyError('mine')));
}

// With an 'error' listener nothing is thrown; an emitter made without init still throws.
{
  const e = new EventEmitter();
  e.on('error', (err, more) => log('error listener got:', err.message, more));
  log('handled:', e.emit('error', new Error('handled'), 'more'));
  const bare = Object.create(EventEmitter.prototype);
  attempt('bare emitter error', () => bare.emit('error', new Error('bare')));
  attempt('bare emitter non-error', () => bare.emit('error', 'bare string'));
}

// errorMonitor listeners see the error first and do not count as handling it.
{
  const e = new EventEmitter();
  log('errorMonitor is a symbol:', typeof EventEmitter.errorMonitor, String(EventEmitter.errorMonitor));
  e.on(EventEmitter.errorMonitor, (err, extra) => log('monitor saw:', err.message, extra));
  attempt('monitored unhandled', () => e.emit('error', new Error('watched'), 'x'));
  e.on('error', (err) => log('handler saw:', err.message));
  log('monitored handled:', e.emit('error', new Error('handled too')));
  log('eventNames with monitor:', e.eventNames().map(String).join(','));
}

// An exception from a listener propagates out of emit() and stops the remaining listeners.
{
  const e = new EventEmitter();
  e.on('t', () => {
    throw new RangeError('from listener');
  });
  e.on('t', () => log('must not run'));
  attempt('listener throws', () => e.emit('t'));
}

// Listeners must be functions, for every registration method.
{
  const e = new EventEmitter();
  for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener',
    'removeListener', 'off']) {
    for (const bad of [undefined, null, 1, 'str', {}, [], Symbol('x')]) {
      attempt(`${method}(${typeof bad === 'symbol' ? 'symbol' : JSON.stringify(bad)})`, () => e[method]('x', bad));
    }
  }
}

// setMaxListeners / defaultMaxListeners / captureRejections validation.
{
  const e = new EventEmitter();
  for (const value of [-1, 'a', NaN, null, undefined, 1n, -Infinity]) {
    attempt(`setMaxListeners(${String(value)})`, () => e.setMaxListeners(value));
  }
  attempt('setMaxListeners(Infinity)', () => e.setMaxListeners(Infinity));
  log('getMaxListeners after Infinity:', e.getMaxListeners());
  attempt('setMaxListeners(0)', () => e.setMaxListeners(0));
  attempt('setMaxListeners(1.5)', () => e.setMaxListeners(1.5));
  log('getMaxListeners after 1.5:', e.getMaxListeners());

  for (const value of [-1, 'x', NaN, true]) {
    attempt(`defaultMaxListeners = ${String(value)}`, () => {
      EventEmitter.defaultMaxListeners = value;
    });
  }
  log('defaultMaxListeners unchanged:', EventEmitter.defaultMaxListeners);

  attempt('captureRejections = 1', () => {
    EventEmitter.captureRejections = 1;
  });
  attempt('new EventEmitter({ captureRejections: "yes" })', () => new EventEmitter({ captureRejections: 'yes' }));
  attempt('new EventEmitter({ captureRejections: 0 })', () => new EventEmitter({ captureRejections: 0 }));
  attempt('new EventEmitter(null)', () => new EventEmitter(null));
}
