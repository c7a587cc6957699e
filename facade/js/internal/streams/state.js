'use strict';
// High-water marks: the defaults (changeable process-wide through
// stream.setDefaultHighWaterMark) and the reading of a stream's options.

const { validateInteger } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/streams/errors');

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

// `highWaterMark` applies to both sides of a duplex; `readableHighWaterMark` or
// `writableHighWaterMark` (the `duplexKey`) to one side only, and only on a duplex.
function highWaterMarkFrom(options, isDuplex, duplexKey) {
  if (options.highWaterMark != null) return options.highWaterMark;
  return isDuplex ? options[duplexKey] : null;
}

function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = highWaterMarkFrom(options, isDuplex, duplexKey);
  if (hwm == null) return getDefaultHighWaterMark(state.objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
    throw new ERR_INVALID_ARG_VALUE(name, hwm);
  }
  return Math.floor(hwm);
}

// Defines each `[name, bit]` of `flags` as a boolean accessor on `proto` over the bit field
// `this[stateKey]` (node's field names over the packed state of readable.js and writable.js).
function defineFlags(proto, stateKey, flags) {
  for (const [name, bit] of flags) {
    Object.defineProperty(proto, name, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        return (this[stateKey] & bit) !== 0;
      },
      set(value) {
        if (value) this[stateKey] |= bit;
        else this[stateKey] &= ~bit;
      },
    });
  }
}

// The method that resets a state after destroy() (destroy.js's undestroy), defined on the
// readable and writable states over their bit fields: through the flag accessors it took 18
// accessor calls, a noticeable part of setting up every socket.
const kUndestroy = Symbol('kUndestroy');

// Readable's push() for a source that keeps reading by itself (a socket whose handle reads until
// it is told to stop): see readable.js.
const kPushWhileReading = Symbol('kPushWhileReading');

// Whether a write() now would go straight to _write() and leave the state as it found it: no
// write running or queued, not corked, ending, destroyed, errored or constructing, and not in
// object mode. A stream whose writes complete at once (process.stdout) may then write directly.
const kWritesThrough = Symbol('kWritesThrough');

module.exports = {
  defineFlags,
  kUndestroy,
  kWritesThrough,
  kPushWhileReading,
  getDefaultHighWaterMark,
  getHighWaterMark,
  setDefaultHighWaterMark,
};
