'use strict';
// EventTarget, Event, CustomEvent and NodeEventTarget:
// https://nodejs.org/docs/latest-v20.x/api/events.html#eventtarget-and-event-api
//
// Node's EventTarget is a single target: there is no tree, so no capture or bubble phases;
// `capture` only takes part in telling listeners apart. The behaviour follows node 20 where it
// departs from the DOM, because programs are written against node:
// - listeners live in a linked list per type, and a dispatch walks it by `next` pointers taken
//   just before each call, so a listener appended while the last-but-one runs is still called;
// - once the first listener has returned, `currentTarget` is null and `eventPhase` NONE;
// - `passive` does not stop preventDefault();
// - removeEventListener(type, fn, true) (a boolean) matches only non-capture listeners;
// - an exception in a listener does not stop the dispatch: it is rethrown from process.nextTick,
//   so it surfaces as an uncaught exception after the current operation.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateObject,
  validateString,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const EventEmitter = require('events');

const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = EventEmitter;

// Symbol descriptions are node's where the symbol is visible (own keys of events and targets).
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kType = Symbol('type');
const kTarget = Symbol('kTarget');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kDetail = Symbol('detail');
const kTrustEvent = Symbol('kTrustEvent');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kRemoveWeakListenerHelper = Symbol('kRemoveWeakListenerHelper');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');
// Registered symbols: node's own helpers recognise targets made here, and ours recognise node's.
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

// Timestamps are milliseconds on the performance clock, like node's.
function now() {
  return typeof performance === 'object' && performance !== null ? performance.now() : Date.now();
}

// An uncaught listener error must not abort the dispatch, so it is rethrown on the next tick.
function reportUncaught(err) {
  process.nextTick(() => {
    throw err;
  });
}

// A listener that returned a thenable: its rejection is reported the same way.
function reportRejection(result) {
  try {
    const then = result.then;
    if (typeof then === 'function') then.call(result, undefined, reportUncaught);
  } catch (err) {
    reportUncaught(err);
  }
}

// WebIDL DOMString conversion as node applies it to event types.
function toDOMString(value) {
  if (typeof value === 'symbol') throw new ERR_INVALID_ARG_VALUE('value', value);
  return `${value}`;
}

// Inspect output: "Name { ...fields }", or just the name when out of depth.
function inspectWith(self, fields, depth, options) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
  });
  return `${name} ${inspect(fields, opts)}`;
}

// --- Event ----------------------------------------------------------------------------------

const trustedEvents = new WeakSet();
const kEmptyObject = Object.freeze({ __proto__: null });

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    validateObject(options, 'options', kValidateObjectAllowNullable);
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) trustedEvents.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    // Changing an event in flight is a no-op, as in the DOM.
    if (this[kIsBeingDispatched]) return;
    this[kType] = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [kInspect](depth, options) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return inspectWith(
      this,
      {
        type: this[kType],
        defaultPrevented: this.#defaultPrevented,
        cancelable: this.#cancelable,
        timeStamp: this.#timestamp,
      },
      depth,
      options,
    );
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    // Also sets cancelBubble, as the DOM's "stop immediate propagation flag" implies the other.
    this.#propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  // preventDefault() on a non-cancelable event is remembered but has no effect.
  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  // With no tree the path is the target alone, and only while the event is dispatched.
  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  // Only ever sets the flag: assigning false does not clear it.
  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }

  static NONE = 0;
  static CAPTURING_PHASE = 1;
  static AT_TARGET = 2;
  static BUBBLING_PHASE = 3;
}

// WebIDL shape: accessors and methods enumerable, constants read-only, a toStringTag.
const enumerable = { enumerable: true };
Object.defineProperties(Event.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Event' },
  initEvent: enumerable,
  stopImmediatePropagation: enumerable,
  preventDefault: enumerable,
  target: enumerable,
  currentTarget: enumerable,
  srcElement: enumerable,
  type: enumerable,
  cancelable: enumerable,
  defaultPrevented: enumerable,
  timeStamp: enumerable,
  composedPath: enumerable,
  returnValue: enumerable,
  bubbles: enumerable,
  composed: enumerable,
  eventPhase: enumerable,
  cancelBubble: enumerable,
  stopPropagation: enumerable,
  // [LegacyUnforgeable] in the DOM: it cannot be redefined.
  isTrusted: {
    get: Object.getOwnPropertyDescriptor(
      {
        get isTrusted() {
          return trustedEvents.has(this);
        },
      },
      'isTrusted',
    ).get,
    enumerable: true,
    configurable: false,
  },
});
for (const name of ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE']) {
  Object.defineProperty(Event, name, { writable: false, enumerable: true, configurable: false });
}

function isCustomEvent(value) {
  return isEvent(value) && value?.[kDetail] !== undefined;
}

class CustomEvent extends Event {
  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail];
  }
}

Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'CustomEvent' },
  detail: enumerable,
});

// --- Listener records -------------------------------------------------------------------------

// Weak listeners (an internal option) are held through a WeakRef, kept alive by the object given
// as the option's value, and unlinked once collected. Without WeakRef they are simply strong.
// Only functions are registered weakly in practice; a weak handleEvent object would stay strongly
// reachable through its caller closure.
const canBeWeak = typeof WeakRef === 'function' && typeof FinalizationRegistry === 'function';
let weakState;
function weakListeners() {
  if (weakState === undefined) {
    weakState = {
      // owner object -> its weak listeners: each lives as long as its owner.
      owners: new WeakMap(),
      // The held record reaches neither the target nor the entry strongly: a registration must
      // not keep alive what it is waiting for.
      registry: new FinalizationRegistry(({ target, type, entry }) => {
        const liveTarget = target.deref();
        const liveEntry = entry.deref();
        if (liveTarget !== undefined && liveEntry !== undefined) {
          liveTarget[kRemoveWeakListenerHelper](type, liveEntry);
        }
      }),
    };
  }
  return weakState;
}

// One node of a type's listener list. The list's head is the `root` record kept in
// target[kEvents] (`{ size, next, resistStopPropagation }`); nodes are appended at the tail.
class ListenerEntry {
  constructor(target, type, previous, listener, once, capture, passive, nodeStyle, weak, resistStop) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = nodeStyle;
    this.removed = false;
    this.weak = Boolean(weak) && canBeWeak;
    this.resistStopPropagation = resistStop;
    this.owner = undefined;

    if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      // A handleEvent object: the method is looked up at each event, per the DOM. An async
      // wrapper turns a throw (or a non-callable handleEvent) into a rejection, which is
      // reported like any rejected listener result.
      this.callback = async function handleEventCaller(...args) {
        if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, args);
      };
    }

    if (this.weak) {
      const state = weakListeners();
      this.listener = new WeakRef(listener);
      if (typeof listener === 'function') this.callback = this.listener;
      state.registry.register(listener, { target: new WeakRef(target), type, entry: new WeakRef(this) }, this);
      const owned = state.owners.get(weak);
      if (owned === undefined) state.owners.set(weak, [listener]);
      else owned.push(listener);
      this.owner = new WeakRef(weak);
    }
  }

  // The listener as the user passed it (undefined if a weak one was collected).
  get original() {
    return this.weak ? this.listener.deref() : this.listener;
  }

  same(listener, capture) {
    return this.original === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    // `next` is kept: a dispatch that already holds this node continues past it.
    this.removed = true;
    if (this.weak) {
      // Let the owner stop holding a listener that can no longer be called.
      const state = weakListeners();
      state.registry.unregister(this);
      const owner = this.owner.deref();
      const owned = owner === undefined ? undefined : state.owners.get(owner);
      const listener = this.listener.deref();
      if (owned !== undefined && listener !== undefined) {
        const index = owned.indexOf(listener);
        if (index !== -1) owned.splice(index, 1);
      }
    }
  }
}

// --- EventTarget ----------------------------------------------------------------------------

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

function isEventTarget(value) {
  return value?.constructor?.[kIsEventTarget];
}

// Options may be a boolean (capture) or an object read once, in node's order.
function parseListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  validateObject(options, 'options', kValidateObjectAllowNullable);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

// true for a usable listener; false for null/undefined (ignored, as the DOM does); objects are
// accepted without handleEvent because it is looked up only when an event arrives.
function isValidListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  // Hook for subclasses (AbortSignal, NodeEventTarget): called after a listener is added.
  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const warning = new Error(
        `Possible EventTarget memory leak detected. ${size} ${type} listeners added to ` +
          `${inspect(this, { depth: -1 })}. MaxListeners is ${max}. ` +
          'Use events.setMaxListeners() to increase limit',
      );
      warning.name = 'MaxListenersExceededWarning';
      warning.target = this;
      warning.type = type;
      warning.count = size;
      process.emitWarning(warning);
    }
  }

  // Hook for subclasses: called after a listener is removed.
  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');

    // Options are read before the listener is checked: the DOM requires the getters to run.
    const { once, capture, passive, signal, isNodeStyleListener, weak, resistStopPropagation } =
      parseListenerOptions(options);
    validateAbortSignal(signal, 'options.signal');

    if (!isValidListener(listener)) {
      // Allowed by the DOM but certainly a mistake: warn instead of throwing.
      const warning = new Error(`addEventListener called with ${listener} which has no effect.`);
      warning.name = 'AddEventListenerArgumentTypeWarning';
      warning.target = this;
      warning.type = type;
      process.emitWarning(warning);
      return;
    }
    type = toDOMString(type);

    if (signal) {
      if (signal.aborted) return;
      // The abort listener is weak, owned by this target: the signal does not keep us alive.
      signal.addEventListener(
        'abort',
        () => {
          this.removeEventListener(type, listener, options);
        },
        { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true },
      );
    }

    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resistStopPropagation) };
      // The root doubles as the list head: the first entry links itself after it.
      new ListenerEntry(
        this, type, root, listener, once, capture, passive, isNodeStyleListener, weak,
        Boolean(resistStopPropagation),
      );
      this[kNewListener](root.size, type, listener, once, capture, passive, weak);
      this[kEvents].set(type, root);
      return;
    }

    // Walk to the tail, ignoring the call if the same (listener, capture) is already there.
    let entry = root.next;
    let previous = root;
    while (entry !== undefined && !entry.same(listener, capture)) {
      previous = entry;
      entry = entry.next;
    }
    if (entry !== undefined) return;

    new ListenerEntry(
      this, type, previous, listener, once, capture, passive, isNodeStyleListener, weak,
      Boolean(resistStopPropagation),
    );
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  removeEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!isValidListener(listener)) return;
    type = toDOMString(type);
    // Node reads `capture` off an options object only; a bare boolean counts as false.
    const capture = options?.capture === true;

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;

    for (let entry = root.next; entry !== undefined; entry = entry.next) {
      if (entry.same(listener, capture)) {
        entry.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
    }
  }

  // Called by the FinalizationRegistry when a weak listener was collected.
  [kRemoveWeakListenerHelper](type, entry) {
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;
    if (entry.removed) return;
    entry.remove();
    root.size--;
    if (root.size === 0) this[kEvents].delete(type);
    this[kRemoveListener](root.size, type, undefined, entry.capture);
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) throw new ERR_EVENT_RECURSION(event.type);

    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  // Shared by dispatchEvent (an Event) and NodeEventTarget.emit (any value). Node-style
  // listeners receive `nodeValue`; DOM listeners receive `event`, created on first need by
  // kCreateEvent when emit() was given a plain value.
  [kHybridDispatch](nodeValue, type, event) {
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }

    let entry = root.next;
    while (entry !== undefined) {
      // stopImmediatePropagation() ends the walk unless some listener must still see the event.
      if (!root.resistStopPropagation && !entry.passive && event?.[kStop] === true) break;

      const next = entry.next;
      if (entry.removed || (event?.[kStop] === true && !entry.resistStopPropagation)) {
        entry = next;
        continue;
      }
      if (entry.once) {
        entry.remove();
        root.size--;
        this[kRemoveListener](root.size, type, entry.original, entry.capture);
      }

      try {
        let arg;
        if (entry.isNodeStyleListener) {
          arg = nodeValue;
        } else {
          if (event === undefined) {
            event = this[kCreateEvent](nodeValue, type);
            event[kTarget] = this;
            event[kIsBeingDispatched] = true;
          }
          arg = event;
        }
        const callback = entry.weak && typeof entry.callback !== 'function'
          ? entry.callback.deref()
          : entry.callback;
        let result;
        if (callback) {
          result = callback.call(this, arg);
          // Node clears the in-dispatch flag after the first DOM listener returns; kept so
          // currentTarget/eventPhase read the same as in node.
          if (!entry.isNodeStyleListener) arg[kIsBeingDispatched] = false;
        }
        if (result !== undefined && result !== null) reportRejection(result);
      } catch (err) {
        reportUncaught(err);
      }
      entry = next;
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  // What DOM listeners of a NodeEventTarget receive for emit(type, value).
  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [kInspect](depth, options) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    return inspectWith(this, {}, depth, options);
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: enumerable,
  removeEventListener: enumerable,
  dispatchEvent: enumerable,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'EventTarget' },
});
Object.defineProperty(EventTarget, kIsEventTarget, { enumerable: true });

// events.getEventListeners() for an EventTarget: the listeners in order, as passed.
function listenersOfTarget(target, type) {
  const root = target[kEvents].get(type);
  const result = [];
  for (let entry = root?.next; entry?.listener !== undefined; entry = entry.next) {
    result.push(entry.original);
  }
  return result;
}

// --- NodeEventTarget ------------------------------------------------------------------------
// An EventTarget with a subset of the EventEmitter API on top (MessagePort is one).

function initNodeEventTarget(self) {
  initEventTarget(self);
}

function isNodeEventTarget(value) {
  return value?.constructor?.[kIsNodeEventTarget];
}

class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  constructor() {
    super();
    initNodeEventTarget(this);
  }

  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    EventEmitter.setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return Array.from(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (type !== undefined) {
      this[kEvents].delete(String(type));
    } else {
      this[kEvents].clear();
    }
    return this;
  }
}

Object.defineProperties(NodeEventTarget.prototype, {
  setMaxListeners: enumerable,
  getMaxListeners: enumerable,
  eventNames: enumerable,
  listenerCount: enumerable,
  off: enumerable,
  removeListener: enumerable,
  on: enumerable,
  addListener: enumerable,
  emit: enumerable,
  once: enumerable,
  removeAllListeners: enumerable,
});
Object.defineProperty(NodeEventTarget, kIsNodeEventTarget, { enumerable: true });
Object.defineProperty(NodeEventTarget, 'defaultMaxListeners', { enumerable: true });

// --- Event handler attributes (`onabort` and friends) -----------------------------------------

// The function registered as the listener: it calls whatever the attribute holds at event time,
// so reassigning the attribute keeps the listener's original position in the list.
function makeEventHandler(handler) {
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return undefined;
    return Reflect.apply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function checkHandlersField(object) {
  if (typeof object !== 'object' || object === null || !Object.prototype.hasOwnProperty.call(object, kHandlers)) {
    throw new ERR_INVALID_ARG_TYPE('this', 'EventTarget', object);
  }
}

// Defines `on<name>` on `emitter` (an object or a prototype) for the event `event`.
function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;

  function get() {
    checkHandlersField(this);
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  Object.defineProperty(get, 'name', { value: `get ${propName}` });

  function set(value) {
    checkHandlersField(this);
    let wrapped = this[kHandlers]?.get(event);
    if (wrapped) {
      // Already registered: swap the function and keep the count in step with what is callable.
      if (typeof wrapped.handler === 'function') {
        this[kEvents].get(event).size--;
        const size = this[kEvents].get(event).size;
        this[kRemoveListener](size, event, wrapped.handler, false);
      }
      wrapped.handler = value;
      if (typeof wrapped.handler === 'function') {
        this[kEvents].get(event).size++;
        const size = this[kEvents].get(event).size;
        this[kNewListener](size, event, value, false, false, false, false);
      }
    } else {
      wrapped = makeEventHandler(value);
      this.addEventListener(event, wrapped);
    }
    this[kHandlers].set(event, wrapped);
  }
  Object.defineProperty(set, 'name', { value: `set ${propName}` });

  Object.defineProperty(emitter, propName, { get, set, configurable: true, enumerable: true });
}

// A class whose instances are both `Superclass` and EventEmitters (used by worker ports).
function EventEmitterMixin(Superclass) {
  class MixedEventEmitter extends Superclass {
    constructor(...args) {
      super(...args);
      EventEmitter.call(this);
    }
  }
  const descriptors = Object.getOwnPropertyDescriptors(EventEmitter.prototype);
  delete descriptors.constructor;
  Object.defineProperties(MixedEventEmitter.prototype, descriptors);
  return MixedEventEmitter;
}

module.exports = {
  Event,
  CustomEvent,
  EventEmitterMixin,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initEventTarget,
  initNodeEventTarget,
  kCreateEvent,
  kNewListener,
  kTrustEvent,
  kRemoveListener,
  kEvents,
  kWeakHandler,
  kResistStopPropagation,
  isEventTarget,
  // Ours (node keeps these inside its events.js and event_target.js):
  kHybridDispatch,
  kIsNodeStyleListener,
  listenersOfTarget,
};
