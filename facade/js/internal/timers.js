'use strict';
// Timeout and Immediate objects and the global timer functions.
// Node docs: https://nodejs.org/docs/latest-v20.x/api/timers.html
//
// The host keeps the queues (internalBinding('timers')) and runs them in Node's phase order;
// these objects carry the callbacks and the ref/unref/refresh state.

const {
  op_timer_start,
  op_timer_cancel,
  op_timer_ref,
  op_timer_now,
  op_immediate_push,
  op_immediate_ref,
} = internalBinding('timers');
const { validateFunction, validateNumber } = require('internal/validators');
const {
  currentFrame,
  exchangeFrame,
  symbols: { async_context_frame },
} = require('internal/async_hooks');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('internal/errors');

const TIMEOUT_MAX = 2 ** 31 - 1;

const kRefed = Symbol('refed');
const kKey = Symbol('kKey');
const kHasPrimitive = Symbol('kHasPrimitive');
const kTimerId = Symbol('asyncId');
// Where other internals (sockets) keep their Timeout.
const kTimeout = Symbol('timeout');

let nextId = 1;
// Timers whose numeric id was handed out by [Symbol.toPrimitive], so clearTimeout(number) works.
const knownTimersById = new Map();

let timeoutOverflowWarned = false;

function normalizeDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(
        `${after} does not fit into a 32-bit signed integer.` + '\nTimeout duration was set to 1.',
        'TimeoutOverflowWarning',
      );
      timeoutOverflowWarned = true;
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after = normalizeDelay(after);
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kTimerId] = nextId++;
    this[kKey] = undefined;
    // The async context frame the callback runs in: the one current now, which refresh() and
    // repeats keep. (Immediates run once; the host keeps theirs.)
    this[async_context_frame] = currentFrame();
  }

  // Restarts the timer from now. As in node this also brings back a one-shot timer that already
  // ran; only a cleared timer (whose delay clearTimeout set to -1) stays cleared.
  refresh() {
    if (this._idleTimeout < 0) return this;
    unschedule(this);
    if (this._destroyed) {
      this._destroyed = false;
      if (this[kHasPrimitive]) knownTimersById.set(this[kTimerId], this);
    }
    schedule(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed && this[kKey] !== undefined) op_timer_ref(this[kKey][0], this[kKey][1], false);
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed && this[kKey] !== undefined) op_timer_ref(this[kKey][0], this[kKey][1], true);
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[kTimerId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById.set(id, this);
    }
    return id;
  }
}

function schedule(timer) {
  timer._idleStart = op_timer_now();
  timer[kKey] = op_timer_start(timer, timer._idleTimeout, timer[kRefed]);
}

function unschedule(timer) {
  if (timer[kKey] !== undefined) {
    op_timer_cancel(timer[kKey][0], timer[kKey][1]);
    timer[kKey] = undefined;
  }
}

// Called by the host for each due timer.
// As node's listOnTimeout: after the callback a timer with `_repeat` runs again (even a
// one-shot timer the callback gave one), unless it was cleared or restarted; otherwise it ends.
function runTimer(timer) {
  if (timer._destroyed) return;
  timer[kKey] = undefined;
  // The host runs each timer on its own and goes back to no frame after it.
  const frame = timer[async_context_frame];
  if (frame !== undefined) exchangeFrame(frame);
  try {
    const args = timer._timerArgs;
    if (args === undefined) timer._onTimeout();
    else timer._onTimeout(...args);
  } finally {
    if (timer[kKey] === undefined) {
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        schedule(timer);
      } else if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) knownTimersById.delete(timer[kTimerId]);
      }
    }
  }
}

// The arguments after the first `skip` that a timer passes to its callback, or undefined.
function extraArgs(all, skip) {
  return all.length > skip ? Array.prototype.slice.call(all, skip) : undefined;
}

function startTimeout(callback, delay, args, repeat) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, delay, args, repeat, true);
  schedule(timeout);
  return timeout;
}

// The unused parameters give the functions node's `length`.
function setTimeout(callback, after, arg1, arg2, arg3) {
  return startTimeout(callback, after, extraArgs(arguments, 2), false);
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  return startTimeout(callback, repeat, extraArgs(arguments, 2), true);
}

// A timer that does not keep the process alive, for timeouts internal to other objects
// (socket.setTimeout); refresh() restarts it on activity.
function setUnrefTimeout(callback, after) {
  validateFunction(callback, 'callback');
  const timer = new Timeout(callback, after, undefined, false, false);
  schedule(timer);
  return timer;
}

// The checks of socket.setTimeout(msecs): a non-negative finite number, capped to TIMEOUT_MAX.
function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(
      `${msecs} does not fit into a 32-bit signed integer.` + `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
      'TimeoutOverflowWarning',
    );
    return TIMEOUT_MAX;
  }
  return msecs;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    timer._destroyed = true;
    timer._idleTimeout = -1;
    unschedule(timer);
    if (timer[kHasPrimitive]) knownTimersById.delete(timer[kTimerId]);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const known = knownTimersById.get(Number(timer));
    if (known !== undefined) clearTimeout(known);
  }
}

function clearInterval(timer) {
  // Either clear works on either kind of timer, as in node.
  clearTimeout(timer);
}

// util.promisify(setTimeout) and util.promisify(setImmediate) are the timers/promises versions.
for (const [fn, name] of [
  [setTimeout, 'setTimeout'],
  [setImmediate, 'setImmediate'],
]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() {
      return require('timers/promises')[name];
    },
  });
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this.ref();
    op_immediate_push(this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) op_immediate_ref(1);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) op_immediate_ref(-1);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

// Called by the host for each immediate of the check phase.
function runImmediate(immediate) {
  if (immediate._destroyed) return;
  immediate._destroyed = true;
  if (immediate[kRefed]) op_immediate_ref(-1);
  const callback = immediate._onImmediate;
  immediate._onImmediate = null;
  const args = immediate._argv;
  // As in node, `this` inside the callback is the Immediate; a callback's own `call` or `apply`
  // property is not used.
  Reflect.apply(callback, immediate, args === undefined ? [] : args);
}

function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, extraArgs(arguments, 1));
}

function clearImmediate(immediate) {
  // Anything but an Immediate (a Timeout, say) is left alone.
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  if (immediate[kRefed]) op_immediate_ref(-1);
  immediate[kRefed] = false;
  immediate._onImmediate = null;
}

module.exports = {
  Immediate,
  Timeout,
  TIMEOUT_MAX,
  clearImmediate,
  clearInterval,
  clearTimeout,
  getTimerDuration,
  kRefed,
  kTimeout,
  runImmediate,
  runTimer,
  setImmediate,
  setInterval,
  setTimeout,
  setUnrefTimeout,
  get timeoutOverflowWarned() {
    return timeoutOverflowWarned;
  },
};
