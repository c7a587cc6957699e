'use strict';
// `events`: https://nodejs.org/docs/latest-v20.x/api/events.html
//
// The module is the EventEmitter constructor itself, carrying the helpers (once, on,
// getEventListeners, ...) as properties, the way node exports it.
//
// Storage layout, kept identical to node's because libraries read it directly: `_events` is a
// null-prototype object mapping an event name to either a single listener function or an array of
// two or more listeners; `_eventsCount` counts the names present. A `once` listener is stored as a
// wrapper function whose `listener` property is the user's function.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNHANDLED_ERROR },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');

// The symbols' descriptions are node's: they show up in util.inspect of an emitter and in
// Reflect.ownKeys, which tests and snapshots compare.
const kCapture = Symbol('kCapture');
// Whether any emitter captures rejections (captureRejections set on it or process-wide). Until
// one does, emit() does not look at what listeners return: the check costs more than the call.
let capturing = false;
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kWatermarkData = Symbol.for('nodejs.watermarkData');
const kAsyncResource = Symbol('kAsyncResource');
const kEventEmitter = Symbol('kEventEmitter');

// `Symbol.dispose` is standard in newer engines; node 20 installs its own. Fall back to a private
// symbol so the disposable returned by addAbortListener still has a working method.
const kDispose = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol('Symbol.dispose');

// Both are loaded on first use: inspect is large and only needed for warnings and error text;
// event_target requires this module, so it cannot be required at load time.
let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}
let eventTargetModule;
function eventTarget() {
  if (eventTargetModule === undefined) eventTargetModule = require('internal/event_target');
  return eventTargetModule;
}

let defaultMaxListeners = 10;

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

// --- Static surface -------------------------------------------------------------------------
// Defined in node's key order, so Object.keys(require('events')) and inspect() match.

Object.defineProperties(EventEmitter, {
  addAbortListener: { value: addAbortListener, enumerable: true, writable: true, configurable: true },
  once: { value: once, enumerable: true, writable: true, configurable: true },
  on: { value: on, enumerable: true, writable: true, configurable: true },
  getEventListeners: { value: getEventListeners, enumerable: true, writable: true, configurable: true },
  getMaxListeners: { value: getMaxListeners, enumerable: true, writable: true, configurable: true },
  EventEmitter: { value: EventEmitter, enumerable: true, writable: true, configurable: true },
  usingDomains: { value: false, enumerable: true, writable: true, configurable: true },
  captureRejectionSymbol: { value: kRejection, enumerable: true, writable: true, configurable: true },
  captureRejections: {
    enumerable: true,
    configurable: false,
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      if (value) startCapturing();
      EventEmitter.prototype[kCapture] = value;
    },
  },
  EventEmitterAsyncResource: {
    enumerable: true,
    configurable: true,
    get() {
      // `import ... from 'events'` reads every export; while actorjs has no async_hooks that
      // read must not throw, so the class is simply absent until async_hooks exists.
      try {
        return lazyEventEmitterAsyncResource();
      } catch (err) {
        if (err instanceof Error && err.message === 'No such built-in module: async_hooks') return undefined;
        throw err;
      }
    },
  },
  errorMonitor: { value: kErrorMonitor, enumerable: true, writable: true, configurable: true },
  defaultMaxListeners: {
    enumerable: true,
    configurable: false,
    get() {
      return defaultMaxListeners;
    },
    set(value) {
      validateNumber(value, 'defaultMaxListeners', 0);
      defaultMaxListeners = value;
    },
  },
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners, enumerable: false, writable: false, configurable: false },
  kMaxEventTargetListenersWarned: {
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    writable: false,
    configurable: false,
  },
  setMaxListeners: { value: setMaxListeners, enumerable: true, writable: true, configurable: true },
});

EventEmitter.init = function init(opts) {
  // A subclass (streams do this) may install `_events` with every slot it uses already present,
  // so the object keeps one shape; in that "shape mode" removal stores undefined instead of
  // deleting the key.
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;

  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
    startCapturing();
  } else {
    // Inherit the process-wide default current at construction time.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

// Counts an EventTarget's listeners too, as node 25 does (its DEP0033 deprecation was revoked
// for that).
EventEmitter.listenerCount = function (emitterOrTarget, type) {
  if (typeof emitterOrTarget.listenerCount === 'function') {
    return emitterOrTarget.listenerCount(type);
  }
  const { isEventTarget, kEvents } = eventTarget();
  if (isEventTarget(emitterOrTarget)) return emitterOrTarget[kEvents].get(type)?.size ?? 0;
  return listenerCount.call(emitterOrTarget, type);
};

// --- Prototype --------------------------------------------------------------------------------

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;
Object.defineProperty(proto, kCapture, { value: false, writable: true, enumerable: false, configurable: false });

proto.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function maxListenersOf(emitter) {
  return emitter._maxListeners === undefined ? EventEmitter.defaultMaxListeners : emitter._maxListeners;
}

proto.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

// The hot path. One listener is stored bare and called directly. With two or three listeners the
// list is read into locals before any of them runs: that is the snapshot node takes by copying
// the array (a listener added or removed during the emit must not change who is called this time),
// without allocating. Longer lists are copied.
proto.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error') {
    if (events !== undefined) {
      if (events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      if (events.error === undefined) throwUnhandledError(args);
    } else {
      throwUnhandledError(args);
    }
  } else if (events === undefined) {
    return false;
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    // Most listeners return undefined; only look further when something came back.
    if (capturing && result !== undefined && result !== null) catchRejection(this, result, type, args);
    return true;
  }

  const count = handler.length;
  if (count <= 3) {
    const first = handler[0];
    const second = handler[1];
    const third = handler[2];
    let result = first.apply(this, args);
    if (capturing && result !== undefined && result !== null) catchRejection(this, result, type, args);
    if (count > 1) {
      result = second.apply(this, args);
      if (capturing && result !== undefined && result !== null) catchRejection(this, result, type, args);
      if (count > 2) {
        result = third.apply(this, args);
        if (capturing && result !== undefined && result !== null) catchRejection(this, result, type, args);
      }
    }
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < count; i++) {
      const result = listeners[i].apply(this, args);
      if (capturing && result !== undefined && result !== null) catchRejection(this, result, type, args);
    }
  }
  return true;
};

// The common case of emit runs natively (internalBinding('events')), falling back to the JS
// version above for 'error' events and once rejections are captured. Under node (the
// development harness) there is no such binding and the JS version stays.
const nativeEvents = (() => {
  try {
    return internalBinding('events');
  } catch {
    return undefined;
  }
})();
if (nativeEvents !== undefined && nativeEvents.op_events_emit !== undefined) {
  const native = nativeEvents.op_events_emit;
  nativeEvents.op_events_init(proto.emit);
  Object.defineProperty(native, 'name', { value: 'emit' });
  Object.defineProperty(native, 'length', { value: 1 });
  proto.emit = native;
}

function startCapturing() {
  capturing = true;
  if (nativeEvents !== undefined && nativeEvents.op_events_capturing !== undefined) nativeEvents.op_events_capturing();
}

// An 'error' event nobody listens to: an Error is thrown as is; anything else is wrapped so the
// thrown value is always an Error, with the original kept as `context`.
function throwUnhandledError(args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) throw er;
  let shown;
  try {
    shown = inspect(er);
  } catch {
    shown = er;
  }
  const err = new ERR_UNHANDLED_ERROR(shown);
  err.context = er;
  throw err;
}

// captureRejections: a listener that returns a rejected thenable has its rejection routed to the
// emitter's [Symbol.for('nodejs.rejection')] method if it has one, else to its 'error' event.
function catchRejection(emitter, result, type, args) {
  if (!emitter[kCapture]) return;
  try {
    const then = result.then;
    if (typeof then === 'function') {
      then.call(result, undefined, (err) => {
        // A tick later, so an error thrown from here is not a rejection of this chain.
        process.nextTick(deliverRejection, emitter, err, type, args);
      });
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function deliverRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  // Turn capturing off while emitting, so a rejecting 'error' listener cannot loop forever.
  const previous = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

function addListenerImpl(target, type, listener, prepend) {
  validateFunction(listener, 'listener');

  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    // 'newListener' fires before the listener is added, with the user's function for once().
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      // A 'newListener' handler may have replaced the table (removeAllListeners does).
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }

  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }

  // Warn once per list when it grows past the limit; the flag lives on the array.
  const max = maxListenersOf(target);
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    const warning = new Error(
      `Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners ` +
        `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
        'Use emitter.setMaxListeners() to increase limit',
    );
    warning.name = 'MaxListenersExceededWarning';
    warning.emitter = target;
    warning.type = type;
    warning.count = existing.length;
    process.emitWarning(warning);
  }
  return target;
}

proto.addListener = function addListener(type, listener) {
  return addListenerImpl(this, type, listener, false);
};
proto.on = proto.addListener;

proto.prependListener = function prependListener(type, listener) {
  return addListenerImpl(this, type, listener, true);
};

// The wrapper is a bound function (named "bound onceWrapper", as in node) over a small state
// record, so rawListeners() shows the same thing node shows.
function onceWrapper(...args) {
  if (this.fired) return undefined;
  this.target.removeListener(this.type, this.wrapFn);
  this.fired = true;
  return this.listener.apply(this.target, args);
}

function wrapOnce(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

proto.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, wrapOnce(this, type, listener));
  return this;
};

proto.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, wrapOnce(this, type, listener));
  return this;
};

proto.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');

  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      // Nothing left, and so no 'removeListener' listener either: start from a fresh table.
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    // The most recently added match goes first.
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;

    if (position === 0) {
      list.shift();
    } else {
      list.splice(position, 1);
    }
    // Back to the single-function form once one listener remains.
    if (list.length === 1) events[type] = list[0];

    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  // `arguments.length`, not `type === undefined`: removeAllListeners(undefined) clears the
  // listeners of the event named undefined only.
  const all = arguments.length === 0;

  // Without 'removeListener' listeners there is nobody to tell: drop the entries directly.
  if (events.removeListener === undefined) {
    if (all) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }

  // Otherwise remove one by one so each removal is announced, 'removeListener' itself last.
  if (all) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last in, first out, as node announces them.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const entry = events[type];
  if (entry === undefined) return [];
  if (typeof entry === 'function') return unwrap ? [entry.listener || entry] : [entry];
  const copy = entry.slice();
  if (unwrap) {
    for (let i = 0; i < copy.length; i++) {
      const original = copy[i].listener;
      if (typeof original === 'function') copy[i] = original;
    }
  }
  return copy;
}

proto.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

proto.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

// emitter.listenerCount(), also what EventEmitter.listenerCount() counts on an emitter without
// the method. Streams ask it on every chunk, so it is the method itself, not a wrapper.
function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const entry = events[type];
  if (typeof entry === 'function') {
    if (listener != null) return listener === entry || listener === entry.listener ? 1 : 0;
    return 1;
  }
  if (entry === undefined) return 0;
  if (listener == null) return entry.length;
  let matching = 0;
  for (let i = 0; i < entry.length; i++) {
    if (entry[i] === listener || entry[i].listener === listener) matching++;
  }
  return matching;
}

proto.listenerCount = listenerCount;

proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// --- Module functions ----------------------------------------------------------------------

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  const { isEventTarget } = eventTarget();
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return maxListenersOf(emitterOrTarget);
  if (emitterOrTarget?.[kMaxEventTargetListeners]) return emitterOrTarget[kMaxEventTargetListeners];
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  const { isEventTarget, listenersOfTarget } = eventTarget();
  if (isEventTarget(emitterOrTarget)) return listenersOfTarget(emitterOrTarget, type);
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

// Options for the listeners our helpers put on an AbortSignal or other EventTarget: they must run
// even when a user listener calls stopImmediatePropagation() first (event_target honours this
// internal key).
function internalListenerOptions(once) {
  const options = { __proto__: null, [eventTarget().kResistStopPropagation]: true };
  if (once) options.once = true;
  return options;
}

// Helpers that speak to either kind of emitter: EventEmitter-like (on/removeListener) first,
// then EventTarget-like (addEventListener). Only the EventTarget path needs the options object,
// so plain emitters never load event_target.
function addAgnosticListener(emitter, name, listener, once = false) {
  if (typeof emitter.on === 'function') {
    if (once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, once ? internalListenerOptions(true) : undefined);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function removeAgnosticListener(emitter, name, listener) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// An async function, as in node: argument errors become rejections, and the extra promise layer
// gives the same resolution timing relative to other microtasks.
async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  return new Promise((resolve, reject) => {
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      if (signal != null) removeAgnosticListener(signal, 'abort', onAbort);
      reject(err);
    };
    const onEvent = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
      if (signal != null) removeAgnosticListener(signal, 'abort', onAbort);
      resolve(args);
    };
    function onAbort() {
      removeAgnosticListener(emitter, name, onEvent);
      removeAgnosticListener(emitter, 'error', onError);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }

    addAgnosticListener(emitter, name, onEvent, true);
    // Waiting for 'error' itself needs no separate rejection path.
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', onError);
    if (signal != null) addAgnosticListener(signal, 'abort', onAbort, true);
  });
}

// A plain FIFO: an array plus a read index, compacted when the consumed prefix dominates.
class Queue {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  get empty() {
    return this.head === this.items.length;
  }
  push(item) {
    this.items.push(item);
  }
  shift() {
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function iterResult(value, done) {
  return { value, done };
}

// events.on(): an async iterator over the emitted events. Events that arrive with nobody waiting
// are buffered (pausing the emitter past highWaterMark, resuming below lowWaterMark); waiting
// next() calls are queued promises. An 'error' event rejects the next read and ends the
// iteration; a 'close' event from options.close or an abort ends it as well.
function on(emitter, event, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  const highWaterMark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWaterMark, 'options.highWaterMark', 1);
  const lowWaterMark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWaterMark, 'options.lowWaterMark', 1);

  const buffered = new Queue();
  const waiting = new Queue();
  let size = 0;
  let paused = false;
  let error = null;
  let finished = false;
  const added = [];
  let abortDisposable = null;

  const iterator = Object.setPrototypeOf(
    {
      next() {
        if (size) {
          const value = buffered.shift();
          size--;
          if (paused && size < lowWaterMark) {
            emitter.resume();
            paused = false;
          }
          return Promise.resolve(iterResult(value, false));
        }
        if (error) {
          const rejected = Promise.reject(error);
          error = null;
          return rejected;
        }
        if (finished) return finish();
        return new Promise((resolve, reject) => {
          waiting.push({ resolve, reject });
        });
      },

      return() {
        return finish();
      },

      throw(err) {
        if (!err || !(err instanceof Error)) {
          throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
        }
        fail(err);
      },

      [Symbol.asyncIterator]() {
        return this;
      },

      [kWatermarkData]: {
        get size() {
          return size;
        },
        get low() {
          return lowWaterMark;
        },
        get high() {
          return highWaterMark;
        },
        get isPaused() {
          return paused;
        },
      },
    },
    AsyncIteratorPrototype,
  );

  function listen(name, handler) {
    addAgnosticListener(emitter, name, handler);
    added.push(name, handler);
  }

  function onEvent(value) {
    if (waiting.empty) {
      size++;
      if (!paused && size > highWaterMark) {
        paused = true;
        emitter.pause();
      }
      buffered.push(value);
    } else {
      waiting.shift().resolve(iterResult(value, false));
    }
  }

  function fail(err) {
    if (waiting.empty) error = err;
    else waiting.shift().reject(err);
    finish();
  }

  function finish() {
    if (abortDisposable !== null) {
      abortDisposable[kDispose]();
      abortDisposable = null;
    }
    for (let i = 0; i < added.length; i += 2) removeAgnosticListener(emitter, added[i], added[i + 1]);
    added.length = 0;
    finished = true;
    const done = iterResult(undefined, true);
    while (!waiting.empty) waiting.shift().resolve(done);
    return Promise.resolve(done);
  }

  listen(event, (...args) => onEvent(args));
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', fail);
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(closeEvents[i], finish);
  }
  if (signal) {
    abortDisposable = addAbortListener(signal, () => {
      fail(new AbortError(undefined, { cause: signal?.reason }));
    });
  }
  return iterator;
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');

  let remove;
  if (signal.aborted) {
    // Already aborted: still asynchronous, so callers see one behaviour.
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, internalListenerOptions(true));
    remove = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [kDispose]() {
      remove?.();
    },
  };
}

// --- EventEmitterAsyncResource ---------------------------------------------------------------
// Built on first access: it needs async_hooks, which plain emitter users never load.

let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');

  // The async resource keeps a back reference to its emitter, like node's.
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, options) {
      super(type, options);
      this[kEventEmitter] = emitter;
    }
    get eventEmitter() {
      if (this[kEventEmitter] === undefined) {
        throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      }
      return this[kEventEmitter];
    }
  }

  EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
        name = options?.name || new.target.name;
      }
      super(options);
      this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    // Every emit runs inside the resource's async scope.
    emit(event, ...args) {
      const resource = this.asyncResource;
      return resource.runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this.asyncResource.emitDestroy();
    }

    get asyncId() {
      return this.asyncResource.asyncId();
    }

    get triggerAsyncId() {
      return this.asyncResource.triggerAsyncId();
    }

    get asyncResource() {
      if (this[kAsyncResource] === undefined) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      return this[kAsyncResource];
    }
  };
  return EventEmitterAsyncResource;
}

module.exports = EventEmitter;
