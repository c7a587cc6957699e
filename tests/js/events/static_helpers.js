'use strict';
// events.getEventListeners, getMaxListeners, setMaxListeners and addAbortListener, for both
// EventEmitters and EventTargets.

const events = require('events');

const { EventEmitter, getEventListeners, getMaxListeners, setMaxListeners, addAbortListener } = events;
const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    const result = fn();
    log(label, '->', JSON.stringify(result));
  } catch (err) {
    log(label, '-> threw', err.name, err.code, err.message);
  }
}

function a() {}
function b() {}
const handler = { handleEvent() {} };

// getEventListeners
{
  const e = new EventEmitter();
  e.on('x', a);
  e.once('x', b);
  const list = getEventListeners(e, 'x');
  log('emitter listeners:', list.length, list[0] === a, list[1] === b);
  log('emitter unknown type:', getEventListeners(e, 'nope').length);

  const target = new EventTarget();
  target.addEventListener('x', a);
  target.addEventListener('x', b, { once: true });
  target.addEventListener('x', a, { capture: true });
  target.addEventListener('x', handler);
  const targetList = getEventListeners(target, 'x');
  log('target listeners:', targetList.length, targetList[0] === a, targetList[1] === b,
    targetList[2] === a, targetList[3] === handler);
  target.dispatchEvent(new Event('x'));
  log('after once fired:', getEventListeners(target, 'x').length);
  log('target unknown type:', getEventListeners(target, 'nope').length);

  attempt('plain object', () => getEventListeners({}, 'x'));
}

// getMaxListeners / setMaxListeners
{
  const e = new EventEmitter();
  const target = new EventTarget();
  log('defaults:', getMaxListeners(e), getMaxListeners(target), getMaxListeners(new AbortController().signal));
  setMaxListeners(4, e, target);
  log('after setMaxListeners(4, e, target):', getMaxListeners(e), e.getMaxListeners(), getMaxListeners(target));
  setMaxListeners(0, target);
  attempt('EventTarget with limit 0', () => getMaxListeners(target));
  attempt('getMaxListeners({})', () => getMaxListeners({}));
  attempt('getMaxListeners(null)', () => getMaxListeners(null));
  attempt('setMaxListeners(-1, e)', () => setMaxListeners(-1, e));
  attempt('setMaxListeners("2", e)', () => setMaxListeners('2', e));
  attempt('setMaxListeners(2, {})', () => setMaxListeners(2, {}));
  attempt('setMaxListeners(2, e, 1)', () => setMaxListeners(2, e, 1));
  log('first target still updated:', e.getMaxListeners());
}

// The EventTarget limit warning.
{
  const target = new EventTarget();
  setMaxListeners(2, target);
  process.on('warning', (warning) => {
    log('warning:', warning.name, warning.message);
    log('  target:', warning.target === target, 'type:', warning.type, 'count:', warning.count);
  });
  target.addEventListener('many', () => {});
  target.addEventListener('many', () => {});
  target.addEventListener('many', () => {});
  target.addEventListener('many', () => {});
  // Re-arming by setting the limit again.
  setMaxListeners(3, target);
  target.addEventListener('many', () => {});
}

// addAbortListener
{
  const ac = new AbortController();
  const order = [];
  ac.signal.addEventListener('abort', (event) => {
    order.push('first listener stops propagation');
    event.stopImmediatePropagation();
  });
  const disposable = addAbortListener(ac.signal, (event) => order.push(`added listener (${event.type})`));
  log('disposable:', typeof disposable, Object.getPrototypeOf(disposable), typeof disposable[Symbol.dispose]);
  ac.abort();
  log('abort order:', order.join(' | '));

  const ac2 = new AbortController();
  const removed = addAbortListener(ac2.signal, () => log('must not run'));
  removed[Symbol.dispose]();
  removed[Symbol.dispose]();
  ac2.abort();
  log('disposed listener not called');

  // Already aborted: called on a microtask, without arguments.
  const early = addAbortListener(AbortSignal.abort(), (...args) => log('already aborted listener, args:', args.length));
  early[Symbol.dispose]();
  log('sync part of already-aborted case');

  attempt('addAbortListener()', () => addAbortListener());
  attempt('addAbortListener(null, f)', () => addAbortListener(null, a));
  attempt('addAbortListener({}, f)', () => addAbortListener({}, a));
  attempt('addAbortListener(signal)', () => addAbortListener(new AbortController().signal));
  attempt('addAbortListener(signal, {})', () => addAbortListener(new AbortController().signal, {}));
}

Promise.resolve().then(() => log('microtask after everything'));
