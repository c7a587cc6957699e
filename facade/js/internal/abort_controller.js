'use strict';
// AbortController and AbortSignal:
// https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortcontroller
//
// An AbortSignal is an EventTarget that fires one trusted 'abort' event. Besides signals made by
// a controller there are three kinds made by static methods:
// - AbortSignal.abort(reason): already aborted;
// - AbortSignal.timeout(ms): aborted by an unref'd timer, so it never keeps the process alive;
// - AbortSignal.any(signals): a "composite" signal aborted with the first of its sources.
// Timeout and composite signals are referenced weakly from their timer and their sources, so an
// unreachable signal can be collected; while one has 'abort' listeners (and has not fired) it is
// held strongly instead, since firing it would still be observable.
//
// As in node 20, a source signal dispatches its own 'abort' event before its composite
// dependants are aborted (each dependant then dispatches in turn).

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateObject,
  validateUint32,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const {
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
  defineEventHandler,
} = require('internal/event_target');

// Descriptions are node's: they are visible in Reflect.ownKeys of a signal, which node's own
// tests (and some libraries) look up by description.
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kComposite = Symbol('kComposite');
const kTimeout = Symbol('kTimeout');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Lets this module construct signals while `new AbortSignal()` from users throws.
const kDontThrow = Symbol('kDontThrowSymbol');

const { lazyDOMException } = require('internal/util');

let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

// "Name { fields }"; out of depth the object itself, which inspect then prints as a plain
// object (as node does).
function inspectWith(self, fields, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

// --- Weak references, with a strong fallback where the engine has none ------------------------

const hasWeakRefs = typeof WeakRef === 'function' && typeof FinalizationRegistry === 'function';

class StrongRef {
  constructor(value) {
    this.value = value;
  }
  deref() {
    return this.value;
  }
}

function makeRef(value) {
  return hasWeakRefs ? new WeakRef(value) : new StrongRef(value);
}

// Signals that must stay alive while they have abort listeners and can still fire.
const persistentSignals = new Set();

// A collected timeout signal no longer needs its timer.
const timerRegistry = hasWeakRefs ? new FinalizationRegistry((timer) => clearTimeout(timer)) : null;

// A collected composite signal is dropped from its sources' dependant sets. The held value must
// not reach the composite itself, only the refs it left behind.
const dependantRegistry = hasWeakRefs
  ? new FinalizationRegistry(({ sources, ref }) => {
      for (const sourceRef of sources) sourceRef.deref()?.[kDependantSignals]?.delete(ref);
    })
  : null;

// --- AbortSignal ----------------------------------------------------------------------------

function checkSignal(value) {
  if (value?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

function needsPersistence(signal) {
  return signal[kTimeout] || (signal[kComposite] && signal[kSourceSignals]?.size);
}

class AbortSignal extends EventTarget {
  constructor(dontThrow = undefined, { aborted = false, reason = undefined, composite = false } = {}) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = aborted;
    this[kReason] = reason;
    this[kComposite] = composite;
  }

  get aborted() {
    checkSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    checkSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options) {
    return inspectWith(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    return new AbortSignal(kDontThrow, { aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrow);
    signal[kTimeout] = true;
    const ref = makeRef(signal);
    const timer = setTimeout(() => {
      const target = ref.deref();
      if (target === undefined) return;
      persistentSignals.delete(target);
      abortSignal(target, lazyDOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    // The timer alone must not keep the process running.
    timer?.unref?.();
    timerRegistry?.register(signal, timer);
    return signal;
  }

  static any(signals) {
    validateSignalArray(signals, 'signals');
    const result = new AbortSignal(kDontThrow, { composite: true });
    if (!signals.length) return result;

    const resultRef = makeRef(result);
    const sources = new Set();
    result[kSourceSignals] = sources;
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(result, signal.reason);
        return result;
      }
      signal[kDependantSignals] ??= new Set();
      if (!signal[kComposite]) {
        sources.add(makeRef(signal));
        signal[kDependantSignals].add(resultRef);
      } else if (signal[kSourceSignals]) {
        // A composite input contributes its (plain, unaborted) sources rather than itself, so
        // chains of any() stay one level deep.
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (source === undefined || sources.has(sourceRef)) continue;
          // Only possible from inside that source's own 'abort' listeners, before the composite
          // input has been aborted in turn (node 20 fails an internal assertion here).
          if (source.aborted) {
            abortSignal(result, source.reason);
            return result;
          }
          sources.add(sourceRef);
          source[kDependantSignals].add(resultRef);
        }
      }
    }
    dependantRegistry?.register(result, { sources, ref: resultRef });
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if (needsPersistence(this) && type === 'abort' && !this.aborted && !weak && size === 1) {
      persistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (needsPersistence(this) && type === 'abort' && size === 0) persistentSignals.delete(this);
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: { enumerable: true },
});
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});
defineEventHandler(AbortSignal.prototype, 'abort');

// Unlike validateAbortSignal, undefined is not allowed here.
function validateSignalArray(value, name) {
  if (!Array.isArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  for (let i = 0; i < value.length; i++) {
    const signal = value[i];
    const itemName = `${name}[${i}]`;
    if (signal === undefined) throw new ERR_INVALID_ARG_TYPE(itemName, 'AbortSignal', signal);
    validateAbortSignal(signal, itemName);
  }
}

// Marks the signal aborted, fires its 'abort' event, then aborts the composites depending on it.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  persistentSignals.delete(signal);
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);

  const dependants = signal[kDependantSignals];
  if (dependants !== undefined) {
    for (const ref of dependants) {
      const dependant = ref.deref();
      if (dependant !== undefined) abortSignal(dependant, reason);
    }
    // A fired source can never fire again: nothing needs these links any more.
    dependants.clear();
  }
}

// --- AbortController ------------------------------------------------------------------------

class AbortController {
  // Created on first use: many controllers are made and dropped without anyone reading it.
  #signal;

  // Reading the private field is the brand check: another receiver gets the engine's TypeError,
  // as in node 20.
  get signal() {
    this.#signal ??= new AbortSignal(kDontThrow);
    return this.#signal;
  }

  abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    this.#signal ??= new AbortSignal(kDontThrow);
    abortSignal(this.#signal, reason);
  }

  [kInspect](depth, options) {
    return inspectWith(this, { signal: this.signal }, depth, options);
  }

}

Object.defineProperties(AbortController.prototype, {
  signal: { enumerable: true },
  abort: { enumerable: true },
});
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// util.aborted(signal, resource): resolves once the signal aborts, without keeping `resource`
// alive (the listener is weak, owned by the resource). For node/util.js to re-export.
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  if (signal.aborted) return Promise.resolve();
  let resolve;
  const promise = new Promise((res) => {
    resolve = res;
  });
  signal.addEventListener('abort', resolve, {
    __proto__: null,
    once: true,
    [kWeakHandler]: resource,
    [kResistStopPropagation]: true,
  });
  return promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  kAborted,
};
