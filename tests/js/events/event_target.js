'use strict';
// EventTarget, Event and CustomEvent (the globals).

const util = require('util');

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    const result = fn();
    log(label, '->', typeof result === 'string' ? result : JSON.stringify(result));
  } catch (err) {
    log(label, '-> threw', err.name, err.code, err.message);
  }
}

// Event properties outside and during dispatch.
{
  const event = new Event('foo', { bubbles: true, cancelable: true, composed: true });
  log('type/bubbles/cancelable/composed:', event.type, event.bubbles, event.cancelable, event.composed);
  log('before dispatch:', event.target, event.currentTarget, event.srcElement, event.eventPhase,
    JSON.stringify(event.composedPath()), event.defaultPrevented, event.returnValue, event.isTrusted,
    event.cancelBubble);
  log('timeStamp:', typeof event.timeStamp, event.timeStamp >= 0, new Event('x').timeStamp >= event.timeStamp);
  log('constants:', Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
  log('defaults:', JSON.stringify([new Event('d').bubbles, new Event('d').cancelable, new Event('d').composed]));
  log('type conversion:', new Event(1).type, new Event(null).type, new Event(undefined).type, new Event({}).type);
  log('own keys:', Object.keys(event).length, 'tag:', Object.prototype.toString.call(event));

  const target = new EventTarget();
  target.addEventListener('foo', function first(e) {
    log('first listener: this===target', this === target, 'target', e.target === target,
      'currentTarget', e.currentTarget === target, 'srcElement', e.srcElement === target,
      'phase', e.eventPhase, 'path', e.composedPath().length);
  });
  target.addEventListener('foo', (e) => {
    // Node clears the in-dispatch state once the first listener has returned.
    log('second listener: currentTarget', e.currentTarget, 'phase', e.eventPhase, 'path', e.composedPath().length,
      'target', e.target === target);
  });
  log('dispatch returns:', target.dispatchEvent(event));
  log('after dispatch: target kept', event.target === target, 'currentTarget', event.currentTarget,
    'phase', event.eventPhase);
}

// preventDefault, returnValue, cancelable and passive.
{
  const target = new EventTarget();
  target.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  target.addEventListener('p', (e) => log('in listener: defaultPrevented', e.defaultPrevented, 'returnValue', e.returnValue));
  const cancelable = new Event('p', { cancelable: true });
  log('cancelable dispatch returns:', target.dispatchEvent(cancelable), cancelable.defaultPrevented);
  const plain = new Event('p');
  log('non-cancelable dispatch returns:', target.dispatchEvent(plain), plain.defaultPrevented, plain.returnValue);
}

// stopImmediatePropagation stops the remaining listeners; stopPropagation does not.
{
  const target = new EventTarget();
  target.addEventListener('s', (e) => {
    log('s1, cancelBubble before:', e.cancelBubble);
    e.stopImmediatePropagation();
    log('s1, cancelBubble after:', e.cancelBubble);
  });
  target.addEventListener('s', () => log('s2 must not run'));
  const event = new Event('s');
  target.dispatchEvent(event);
  target.dispatchEvent(event);
  log('redispatched a stopped event: no listener ran');

  target.addEventListener('sp', (e) => {
    e.stopPropagation();
    log('sp1 stopped propagation');
  });
  target.addEventListener('sp', () => log('sp2 still runs'));
  target.dispatchEvent(new Event('sp'));

  const bubble = new Event('b');
  bubble.cancelBubble = true;
  bubble.cancelBubble = false;
  log('cancelBubble cannot be cleared:', bubble.cancelBubble);
}

// Listener registration: duplicates, capture, once, handleEvent objects, null listeners.
{
  const target = new EventTarget();
  const calls = [];
  const f = () => calls.push('f');
  target.addEventListener('d', f);
  target.addEventListener('d', f);
  target.addEventListener('d', f, { capture: true });
  target.addEventListener('d', f, true);
  target.dispatchEvent(new Event('d'));
  log('duplicates ignored, capture distinct:', calls.length);

  // A boolean third argument to removeEventListener does not select capture listeners.
  target.removeEventListener('d', f, true);
  calls.length = 0;
  target.dispatchEvent(new Event('d'));
  log('after remove(f, true):', calls.length);
  target.removeEventListener('d', f, { capture: true });
  target.removeEventListener('d', f);
  calls.length = 0;
  target.dispatchEvent(new Event('d'));
  log('after removing both:', calls.length);

  target.addEventListener('o', () => calls.push('once'), { once: true });
  calls.length = 0;
  target.dispatchEvent(new Event('o'));
  target.dispatchEvent(new Event('o'));
  log('once:', calls.join(','));

  const handler = {
    handleEvent(e) {
      log('handleEvent: this===handler', this === handler, 'type', e.type);
    },
  };
  target.addEventListener('h', handler);
  target.dispatchEvent(new Event('h'));
  const late = {};
  target.addEventListener('late', late);
  late.handleEvent = () => log('handleEvent looked up at dispatch time');
  target.dispatchEvent(new Event('late'));

  target.addEventListener('n', null);
  target.addEventListener('n', undefined);
  log('null listeners ignored:', target.dispatchEvent(new Event('n')));
}

// Changes to the list during dispatch.
{
  const target = new EventTarget();
  const calls = [];
  const removed = () => calls.push('removed');
  target.addEventListener('m', () => {
    calls.push('first');
    target.removeEventListener('m', removed);
    target.addEventListener('m', () => calls.push('added during dispatch'));
  });
  target.addEventListener('m', removed);
  target.addEventListener('m', () => calls.push('third'));
  target.dispatchEvent(new Event('m'));
  log('modified during dispatch:', calls.join(','));
}

// initEvent is ignored while dispatching; dispatching an event twice at once is an error.
{
  const target = new EventTarget();
  const event = new Event('i');
  target.addEventListener('i', (e) => {
    e.initEvent('changed', true, true);
    log('initEvent during dispatch ignored:', e.type, e.bubbles);
    attempt('re-dispatch during dispatch', () => target.dispatchEvent(e));
  });
  target.dispatchEvent(event);
  event.initEvent('changed', true, true);
  log('initEvent afterwards:', event.type, event.bubbles, event.cancelable);
}

// The signal option removes the listener on abort.
{
  const target = new EventTarget();
  const ac = new AbortController();
  target.addEventListener('sig', () => log('signal listener runs'), { signal: ac.signal });
  target.dispatchEvent(new Event('sig'));
  ac.abort();
  target.dispatchEvent(new Event('sig'));
  target.addEventListener('sig', () => log('must not run'), { signal: AbortSignal.abort() });
  target.dispatchEvent(new Event('sig'));
  log('signal option done');
}

// The options object is read in node's order, with its getters.
{
  const target = new EventTarget();
  const options = {};
  for (const key of ['capture', 'once', 'passive', 'signal']) {
    Object.defineProperty(options, key, {
      get() {
        log('  read', key);
        return undefined;
      },
    });
  }
  log('addEventListener reads:');
  target.addEventListener('g', () => {}, options);
  log('removeEventListener reads:');
  target.removeEventListener('g', () => {}, options);
  const eventOptions = {};
  for (const key of ['bubbles', 'cancelable', 'composed', 'detail']) {
    Object.defineProperty(eventOptions, key, {
      get() {
        log('  read', key);
        return true;
      },
    });
  }
  log('CustomEvent reads:');
  new CustomEvent('c', eventOptions);
}

// CustomEvent.
{
  const event = new CustomEvent('c', { detail: { answer: 42 } });
  log('detail:', JSON.stringify(event.detail), 'default detail:', new CustomEvent('c').detail,
    'instanceof Event:', event instanceof Event, 'tag:', Object.prototype.toString.call(event));
  const target = new EventTarget();
  target.addEventListener('c', (e) => log('CustomEvent dispatched, detail:', e.detail.answer));
  target.dispatchEvent(event);
}

// Subclassing.
{
  class Emitter extends EventTarget {
    fire(type) {
      return this.dispatchEvent(new Event(type, { cancelable: true }));
    }
  }
  class Ping extends Event {
    constructor() {
      super('ping');
      this.extra = 1;
    }
  }
  const emitter = new Emitter();
  emitter.addEventListener('go', (e) => log('subclass target works:', e.target === emitter));
  emitter.fire('go');
  emitter.addEventListener('ping', (e) => log('subclass event:', e instanceof Ping, e.extra));
  emitter.dispatchEvent(new Ping());
  log('inspect subclass target:', util.inspect(emitter));
}

// Inspection (the timestamp varies, so it is masked).
{
  const mask = (text) => text.replace(/timeStamp: [\d.e+-]+/, 'timeStamp: <n>');
  log(mask(util.inspect(new Event('shown', { cancelable: true }))));
  log(mask(util.inspect(new CustomEvent('custom'))));
  log('nested:', util.inspect({ a: { b: new Event('deep') } }, { depth: 1 }));
  log('depth 0:', util.inspect(new Event('x'), { depth: 0 }));
  log('target:', util.inspect(new EventTarget()), util.inspect([new EventTarget()], { depth: 0 }));
}

// Argument and receiver errors.
{
  const target = new EventTarget();
  attempt('new Event()', () => new Event());
  attempt('new Event("x", 1)', () => new Event('x', 1));
  attempt('new Event("x", [])', () => new Event('x', []));
  attempt('new Event("x", null)', () => new Event('x', null).type);
  attempt('new CustomEvent()', () => new CustomEvent());
  attempt('addEventListener()', () => target.addEventListener());
  attempt('addEventListener("x")', () => target.addEventListener('x'));
  attempt('addEventListener("x", 1)', () => target.addEventListener('x', 1));
  attempt('addEventListener("x", f, 1)', () => target.addEventListener('x', () => {}, 1));
  attempt('addEventListener("x", f, { signal: 1 })', () => target.addEventListener('x', () => {}, { signal: 1 }));
  attempt('addEventListener(Symbol(), f)', () => target.addEventListener(Symbol('s'), () => {}));
  attempt('removeEventListener("x")', () => target.removeEventListener('x'));
  attempt('dispatchEvent()', () => target.dispatchEvent());
  attempt('dispatchEvent({ type })', () => target.dispatchEvent({ type: 'x' }));
  attempt('dispatchEvent("x")', () => target.dispatchEvent('x'));
  attempt('addEventListener on {}', () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
  attempt('dispatchEvent on {}', () => EventTarget.prototype.dispatchEvent.call({}, new Event('x')));
  for (const name of ['type', 'target', 'currentTarget', 'defaultPrevented', 'timeStamp', 'eventPhase',
    'cancelBubble', 'returnValue', 'bubbles', 'composed', 'cancelable', 'srcElement']) {
    attempt(`Event getter ${name} on {}`, () => Reflect.get(Event.prototype, name, {}));
  }
  for (const name of ['preventDefault', 'stopPropagation', 'stopImmediatePropagation', 'composedPath']) {
    attempt(`Event.${name} on {}`, () => Event.prototype[name].call({}));
  }
  attempt('CustomEvent detail on an Event', () => Reflect.get(CustomEvent.prototype, 'detail', new Event('x')));
  attempt('isTrusted on {}', () => Reflect.get(Event.prototype, 'isTrusted', {}));
}
