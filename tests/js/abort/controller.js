'use strict';
// AbortController and AbortSignal (abort, reason, events, throwIfAborted, inspection).

const util = require('util');

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    const result = fn();
    log(label, '->', result);
  } catch (err) {
    log(label, '-> threw', err.name, err.code, err.message);
  }
}

// A fresh controller and its signal.
{
  const ac = new AbortController();
  const { signal } = ac;
  log('same signal every time:', ac.signal === signal);
  log('initial:', signal.aborted, signal.reason, signal.onabort);
  log('instanceof EventTarget:', signal instanceof EventTarget, signal instanceof AbortSignal);
  log('tags:', Object.prototype.toString.call(ac), Object.prototype.toString.call(signal));
  signal.throwIfAborted();
  log('throwIfAborted does nothing before abort');
}

// abort(): default reason, event, handler order, idempotence.
{
  const ac = new AbortController();
  const { signal } = ac;
  const order = [];
  signal.addEventListener('abort', (event) => {
    order.push('listener 1');
    log('abort event:', event.type, 'trusted', event.isTrusted, 'target', event.target === signal,
      'aborted inside', signal.aborted, 'bubbles', event.bubbles, 'cancelable', event.cancelable);
  });
  signal.onabort = function (event) {
    order.push('onabort');
    log('onabort this===signal:', this === signal, event.type);
  };
  signal.addEventListener('abort', () => order.push('listener 2'), { once: true });
  ac.abort();
  log('order:', order.join(','));
  log('aborted:', signal.aborted);
  const { reason } = signal;
  log('default reason:', reason instanceof DOMException, reason instanceof Error, reason.name, reason.message, reason.code);
  ac.abort('second');
  log('second abort ignored:', signal.reason === reason);
  try {
    signal.throwIfAborted();
  } catch (err) {
    log('throwIfAborted throws the reason:', err === reason);
  }
}

// Any value can be the reason; undefined means the default.
for (const reason of ['text', 0, null, false, { custom: true }, new Error('own error')]) {
  const ac = new AbortController();
  ac.abort(reason);
  log('reason kept:', util.inspect(ac.signal.reason).split('\n')[0], ac.signal.reason === reason);
}
{
  const ac = new AbortController();
  ac.abort(undefined);
  log('undefined reason becomes:', ac.signal.reason.name);
  const thrown = new AbortController();
  thrown.abort(42);
  try {
    thrown.signal.throwIfAborted();
  } catch (value) {
    log('throwIfAborted with a primitive reason throws it:', value);
  }
}

// The signal can be read after abort() was called first.
{
  const ac = new AbortController();
  ac.abort('early');
  log('signal created by abort():', ac.signal.aborted, ac.signal.reason);
}

// AbortSignal.abort().
{
  const signal = AbortSignal.abort();
  log('AbortSignal.abort():', signal.aborted, signal.reason.name, signal.reason.message);
  log('AbortSignal.abort(reason):', AbortSignal.abort('why').reason);
  let fired = false;
  signal.addEventListener('abort', () => {
    fired = true;
  });
  log('no event for an already aborted signal:', fired);
}

// onabort: a single slot that keeps its position when reassigned.
{
  const ac = new AbortController();
  const order = [];
  ac.signal.addEventListener('abort', () => order.push('before'));
  ac.signal.onabort = () => order.push('first handler');
  ac.signal.addEventListener('abort', () => order.push('after'));
  ac.signal.onabort = () => order.push('second handler');
  log('onabort getter returns the function:', typeof ac.signal.onabort);
  ac.abort();
  log('handler order:', order.join(','));
  const other = new AbortController();
  other.signal.onabort = () => log('must not run');
  other.signal.onabort = null;
  log('cleared onabort:', other.signal.onabort);
  other.abort();
  const descriptor = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort');
  log('onabort accessor names:', descriptor.get.name, descriptor.set.name);
}

// Inspection.
{
  const ac = new AbortController();
  log(util.inspect(ac));
  log(util.inspect(ac.signal));
  ac.abort();
  log(util.inspect(ac.signal));
  log(util.inspect({ nested: { deeper: { ac } } }, { depth: 1 }));
  log(util.inspect(ac, { depth: 0 }));
}

// Errors.
{
  attempt('new AbortSignal()', () => new AbortSignal());
  attempt('aborted getter on {}', () => Reflect.get(AbortSignal.prototype, 'aborted', {}));
  attempt('reason getter on {}', () => Reflect.get(AbortSignal.prototype, 'reason', {}));
  attempt('throwIfAborted on {}', () => AbortSignal.prototype.throwIfAborted.call({}));
  attempt('onabort getter on {}', () => Reflect.get(AbortSignal.prototype, 'onabort', {}));
  // The controller's state is a private field: other receivers get the engine's own TypeError,
  // whose message differs between engines.
  for (const [label, fn] of [
    ['signal getter on {}', () => Reflect.get(AbortController.prototype, 'signal', {})],
    ['AbortController.prototype.abort on {}', () => AbortController.prototype.abort.call({})],
  ]) {
    try {
      fn();
      log(label, '-> did not throw');
    } catch (err) {
      log(label, '-> threw', err.name);
    }
  }
}
