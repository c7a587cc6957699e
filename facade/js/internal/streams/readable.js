'use strict';
// stream.Readable: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamreadable
//
// How data moves: push(chunk) either hands the chunk straight to 'data' listeners (a flowing
// stream with an empty buffer, outside of _read) or appends it to `state.buffer`. read(n) takes
// from the buffer and asks _read() for more whenever the buffer is below the high-water mark.
// A flowing stream calls read() in a loop (flow()) until it returns null; a paused one emits
// 'readable' and lets the user call read().
//
// The boolean parts of the state live in one integer (`state[kState]`), which keeps the state
// object small and the hot paths (push, read) to a few bit operations; the named accessors on
// ReadableState.prototype expose them under node's field names for code that inspects
// `_readableState`.

const EE = require('events');
const { Stream, prependListener } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const {
  defineFlags,
  getHighWaterMark,
  getDefaultHighWaterMark,
  kPushWhileReading,
  kUndestroy,
} = require('internal/streams/state');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');
const {
  AbortError,
  aggregateTwoErrors,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/streams/errors');
const { validateObject } = require('internal/validators');
const { getBuffer, kAsyncDispose } = require('internal/streams/utils');

const { errorOrDestroy, kOnConstructed } = destroyImpl;

let Duplex; // circular: duplex.js inherits from this module
let StringDecoder;
function lazyStringDecoder() {
  StringDecoder ??= require('string_decoder').StringDecoder;
  return StringDecoder;
}

const kState = Symbol('kState');

const kObjectMode = 1 << 0;
const kEnded = 1 << 1;
const kEndEmitted = 1 << 2;
const kReading = 1 << 3;
const kConstructed = 1 << 4;
const kSync = 1 << 5;
const kNeedReadable = 1 << 6;
const kEmittedReadable = 1 << 7;
const kReadableListening = 1 << 8;
const kResumeScheduled = 1 << 9;
const kErrorEmitted = 1 << 10;
const kEmitClose = 1 << 11;
const kAutoDestroy = 1 << 12;
const kDestroyed = 1 << 13;
const kClosed = 1 << 14;
const kCloseEmitted = 1 << 15;
const kMultiAwaitDrain = 1 << 16;
const kReadingMore = 1 << 17;
const kDataEmitted = 1 << 18;
// Tri-states as two bits each: whether set at all, and the value. `flowing` is null before any
// consumer appeared, `paused` before pause() or resume() was called.
const kHasFlowing = 1 << 19;
const kFlowing = 1 << 20;
const kHasPaused = 1 << 21;
const kPaused = 1 << 22;

function ReadableState(options, stream, isDuplex) {
  // A duplex carries both sides' options in one object; readableObjectMode and
  // readableHighWaterMark apply to this side only.
  if (typeof isDuplex !== 'boolean') {
    Duplex ??= require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }

  // Reading waits for the first read() call: `sync` starts set so that nothing done during
  // construction is emitted synchronously.
  let bits = kEmitClose | kAutoDestroy | kConstructed | kSync;
  if (options?.objectMode || (isDuplex && options?.readableObjectMode)) bits |= kObjectMode;
  if (options?.emitClose === false) bits &= ~kEmitClose;
  if (options?.autoDestroy === false) bits &= ~kAutoDestroy;
  this[kState] = bits;

  this.highWaterMark = options
    ? getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex)
    : getDefaultHighWaterMark(false);

  // Chunks waiting to be read: buffer[bufferIndex..] (the slots before bufferIndex were read and
  // are reused by unshift, or dropped when the queue drains).
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];
  // The writers a piping source waits on for 'drain': one stream, or a Set once it pipes to
  // several destinations.
  this.awaitDrainWriters = null;

  this.errored = null;

  const defaultEncoding = options?.defaultEncoding;
  if (defaultEncoding == null) {
    this.defaultEncoding = 'utf8';
  } else if (getBuffer().isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw new ERR_UNKNOWN_ENCODING(defaultEncoding);
  }

  this.decoder = null;
  this.encoding = null;
  if (options?.encoding) {
    this.decoder = new (lazyStringDecoder())(options.encoding);
    this.encoding = options.encoding;
  }
}

ReadableState.prototype[kUndestroy] = function () {
  // constructed; not closed, closeEmitted, destroyed, errorEmitted or reading; ended and
  // endEmitted only when the stream is not readable.
  let bits = (this[kState] | kConstructed) & ~(kClosed | kCloseEmitted | kDestroyed | kErrorEmitted | kReading);
  if (this.readable === false) bits |= kEnded | kEndEmitted;
  else bits &= ~(kEnded | kEndEmitted);
  this[kState] = bits;
  this.errored = null;
};

defineFlags(ReadableState.prototype, kState, [
  ['objectMode', kObjectMode],
  ['ended', kEnded],
  ['endEmitted', kEndEmitted],
  ['reading', kReading],
  ['constructed', kConstructed],
  ['sync', kSync],
  ['needReadable', kNeedReadable],
  ['emittedReadable', kEmittedReadable],
  ['readableListening', kReadableListening],
  ['resumeScheduled', kResumeScheduled],
  ['errorEmitted', kErrorEmitted],
  ['emitClose', kEmitClose],
  ['autoDestroy', kAutoDestroy],
  ['destroyed', kDestroyed],
  ['closed', kClosed],
  ['closeEmitted', kCloseEmitted],
  ['multiAwaitDrain', kMultiAwaitDrain],
  ['readingMore', kReadingMore],
  ['dataEmitted', kDataEmitted],
]);

Object.defineProperties(ReadableState.prototype, {
  pipesCount: {
    __proto__: null,
    configurable: true,
    get() {
      return this.pipes.length;
    },
  },
  paused: {
    __proto__: null,
    configurable: true,
    get() {
      return (this[kState] & kPaused) !== 0;
    },
    set(value) {
      if (value) this[kState] |= kHasPaused | kPaused;
      else this[kState] = (this[kState] | kHasPaused) & ~kPaused;
    },
  },
  // null: no consumer yet; true: flowing; false: paused.
  flowing: {
    __proto__: null,
    configurable: true,
    get() {
      const bits = this[kState];
      return (bits & kHasFlowing) === 0 ? null : (bits & kFlowing) !== 0;
    },
    set(value) {
      if (value == null) this[kState] &= ~(kHasFlowing | kFlowing);
      else if (value) this[kState] |= kHasFlowing | kFlowing;
      else this[kState] = (this[kState] | kHasFlowing) & ~kFlowing;
    },
  },
});

function Readable(options) {
  Duplex ??= require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Readable)) return new Readable(options);

  // The slots every readable uses exist from the start, so the listener table keeps one shape.
  this._events ??= {
    __proto__: null,
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new ReadableState(options, this, isDuplex);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) destroyImpl.construct(this, readableOnConstructed);
}

// Reading that was asked for while _construct() ran starts now.
function readableOnConstructed() {
  this._readableState[kOnConstructed](this);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

ReadableState.prototype[kOnConstructed] = function (stream) {
  if ((this[kState] & kNeedReadable) !== 0) maybeReadMore(stream, this);
};

Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

Readable.prototype[kAsyncDispose] = function () {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
};

// --- Adding data -------------------------------------------------------------------------------

Readable.prototype.push = function push(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

// push(chunk) of a non-empty Buffer from a source that is reading by itself and whose _read()
// has nothing to do meanwhile (a socket whose handle is reading). A chunk that goes straight to
// a flowing consumer then skips the read(0) that maybeReadMore() would schedule: with the
// source still reading, that read only marks the stream reading (and wanting the next chunk
// announced), which is done here in place. Anything else is push(). The one trace of the
// shortcut: `_readableState.reading` turns true before the ticks the 'data' listeners queued
// run, not after them.
const kDirectMask = kObjectMode | kEnded | kDestroyed | kSync | kFlowing | kConstructed | kReadingMore | kMultiAwaitDrain;
const kFlowingConstructed = kFlowing | kConstructed;
const kReadMoreMask = kReading | kEnded | kDestroyed | kReadingMore | kFlowing | kConstructed | kReadableListening;

Readable.prototype[kPushWhileReading] = function (chunk) {
  const state = this._readableState;
  const bits = state[kState];
  if (
    (bits & kDirectMask) !== kFlowingConstructed ||
    state.length !== 0 ||
    state.decoder !== null ||
    state.errored !== null ||
    this.listenerCount('data') === 0
  ) {
    return readableAddChunk(this, chunk, undefined, false);
  }
  state[kState] = (bits & ~kReading) | kDataEmitted;
  state.awaitDrainWriters = null;
  this.emit('data', chunk);

  // What maybeReadMore_() would find on its tick, checked now: a flowing stream, still empty,
  // that read(0) would mark reading. Whatever a 'data' listener changed takes the usual way.
  const after = state[kState];
  if (
    (after & kReadMoreMask) === kFlowingConstructed &&
    state.length === 0 &&
    state.errored === null
  ) {
    state[kState] = after | kReading | kNeedReadable;
    return true;
  }
  maybeReadMore(this, state);
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  let bits = state[kState];

  if ((bits & kObjectMode) === 0) {
    if (typeof chunk === 'string') {
      encoding ||= state.defaultEncoding;
      if (state.encoding !== encoding) {
        // Unshifting onto a decoding stream keeps the buffer all strings.
        if (addToFront && state.encoding) {
          chunk = getBuffer().from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = getBuffer().from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof getBuffer()) {
      encoding = '';
    } else if (chunk != null && ArrayBuffer.isView(chunk)) {
      chunk = getBuffer().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk != null) {
      errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk));
      return false;
    }
  }

  if (chunk === null) {
    state[kState] &= ~kReading;
    onEofChunk(stream, state);
  } else if ((bits & kObjectMode) !== 0 || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if ((bits & kEndEmitted) !== 0) {
        errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      } else if ((bits & kDestroyed) !== 0 || state.errored) {
        return false;
      } else {
        addChunk(stream, state, chunk, true);
      }
    } else if ((bits & kEnded) !== 0) {
      errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if ((bits & kDestroyed) !== 0 || state.errored) {
      return false;
    } else {
      state[kState] = bits &= ~kReading;
      if (state.decoder !== null && !encoding) {
        chunk = state.decoder.write(chunk);
        if ((bits & kObjectMode) !== 0 || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    // An empty chunk: _read() answered without data, so it may be called again.
    state[kState] &= ~kReading;
    maybeReadMore(stream, state);
  }

  // More is welcome while the buffer is below the mark (and always when it is empty, so a
  // zero high-water mark still lets data through).
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  const bits = state[kState];
  if (
    (bits & kFlowing) !== 0 &&
    state.length === 0 &&
    (bits & kSync) === 0 &&
    stream.listenerCount('data') > 0
  ) {
    // Straight through to the consumer, which has now taken what a piped source waited for.
    if ((bits & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state[kState] = bits | kDataEmitted;
    stream.emit('data', chunk);
  } else {
    state.length += (bits & kObjectMode) !== 0 ? 1 : chunk.length;
    if (addToFront) {
      if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
      else state.buffer.unshift(chunk);
    } else {
      state.buffer.push(chunk);
    }
    if ((bits & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

function onEofChunk(stream, state) {
  if ((state[kState] & kEnded) !== 0) return;
  const decoder = state.decoder;
  if (decoder !== null) {
    const chunk = decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
    }
  }
  state[kState] |= kEnded;
  if ((state[kState] & kSync) !== 0) {
    // Inside _read(): let the current read() return first.
    emitReadable(stream);
  } else {
    state[kState] = (state[kState] & ~kNeedReadable) | kEmittedReadable;
    emitReadable_(stream);
  }
}

// --- Pausing and reading -----------------------------------------------------------------------

Readable.prototype.isPaused = function isPaused() {
  const bits = this._readableState[kState];
  return (bits & kPaused) !== 0 || (bits & (kHasFlowing | kFlowing)) === kHasFlowing;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  const decoder = new (lazyStringDecoder())(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;

  // What is buffered already is decoded now, so the buffer holds strings only.
  let content = '';
  const buffer = state.buffer;
  for (let i = state.bufferIndex; i < buffer.length; i++) content += decoder.write(buffer[i]);
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

// Largest high-water mark read(n) may raise it to.
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  // The next power of two, so that a few larger reads do not raise it step by step.
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

// How much read(n) can return now: 0 when it must wait for more.
function howMuchToRead(n, state) {
  const bits = state[kState];
  if (n <= 0 || (state.length === 0 && (bits & kEnded) !== 0)) return 0;
  if ((bits & kObjectMode) !== 0) return 1;
  if (n !== n) {
    // read() without a size: a flowing stream hands out one chunk at a time, a paused one
    // everything buffered.
    if ((bits & kFlowing) !== 0 && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (bits & kEnded) !== 0 ? state.length : 0;
}

Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;

  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);

  if (n !== 0) state[kState] &= ~kEmittedReadable;

  // read(0) with enough buffered (or at EOF) only announces it.
  if (
    n === 0 &&
    (state[kState] & kNeedReadable) !== 0 &&
    ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
      (state[kState] & kEnded) !== 0)
  ) {
    if (state.length === 0 && (state[kState] & kEnded) !== 0) endReadable(this);
    else emitReadable(this);
    return null;
  }

  n = howMuchToRead(n, state);

  if (n === 0 && (state[kState] & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read() for more if what stays buffered after this read would be below the mark.
  let doRead = (state[kState] & kNeedReadable) !== 0;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;

  const bits = state[kState];
  if ((bits & (kEnded | kReading | kDestroyed)) !== 0 || state.errored || (bits & kConstructed) === 0) {
    doRead = false;
  } else if (doRead) {
    state[kState] = bits | kReading | kSync | (state.length === 0 ? kNeedReadable : 0);
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state[kState] &= ~kSync;
    // A synchronous push() may have made more available than was computed above.
    if ((state[kState] & kReading) === 0) n = howMuchToRead(nOrig, state);
  }

  let ret;
  if (n > 0) ret = fromList(n, state);
  else ret = null;

  if (ret === null) {
    if (state.length <= state.highWaterMark) state[kState] |= kNeedReadable;
    else state[kState] &= ~kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((state[kState] & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    // Nothing left: the next push should be announced.
    if ((state[kState] & kEnded) === 0) state[kState] |= kNeedReadable;
    // Drained to EOF by this very read.
    if (nOrig !== n && (state[kState] & kEnded) !== 0) endReadable(this);
  }

  if (ret !== null && (state[kState] & (kErrorEmitted | kCloseEmitted)) === 0) {
    state[kState] |= kDataEmitted;
    this.emit('data', ret);
  }
  return ret;
};

Readable.prototype._read = function _read(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

// Takes n units (bytes, characters or one object) off the front of the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;
  const buffer = state.buffer;
  let idx = state.bufferIndex;
  let ret;

  if ((state[kState] & kObjectMode) !== 0) {
    ret = buffer[idx];
    buffer[idx++] = null;
  } else if (!n || n >= state.length) {
    // Everything.
    if (state.decoder !== null) {
      ret = '';
      for (let i = idx; i < buffer.length; i++) ret += buffer[i];
    } else if (buffer.length - idx === 1) {
      ret = buffer[idx];
    } else {
      ret = getBuffer().allocUnsafe(state.length);
      let offset = 0;
      for (let i = idx; i < buffer.length; i++) {
        const data = buffer[i];
        ret.set(data, offset);
        offset += data.length;
      }
    }
    buffer.length = 0;
    idx = 0;
  } else {
    const first = buffer[idx];
    if (n < first.length) {
      ret = typeof first === 'string' ? first.slice(0, n) : first.subarray(0, n);
      buffer[idx] = typeof first === 'string' ? first.slice(n) : first.subarray(n);
    } else if (n === first.length) {
      ret = first;
      buffer[idx++] = null;
    } else if (state.decoder !== null) {
      ret = '';
      while (idx < buffer.length) {
        const str = buffer[idx];
        if (n > str.length) {
          ret += str;
          n -= str.length;
          buffer[idx++] = null;
        } else {
          if (n === str.length) {
            ret += str;
            buffer[idx++] = null;
          } else {
            ret += str.slice(0, n);
            buffer[idx] = str.slice(n);
          }
          break;
        }
      }
    } else {
      ret = getBuffer().allocUnsafe(n);
      const total = n;
      while (idx < buffer.length) {
        const data = buffer[idx];
        if (n > data.length) {
          ret.set(data, total - n);
          n -= data.length;
          buffer[idx++] = null;
        } else {
          if (n === data.length) {
            ret.set(data, total - n);
            buffer[idx++] = null;
          } else {
            ret.set(new Uint8Array(data.buffer, data.byteOffset, n), total - n);
            buffer[idx] = data.subarray(n);
          }
          break;
        }
      }
    }
  }

  // Drop the read slots once the queue is empty or they pile up.
  if (idx === buffer.length) {
    buffer.length = 0;
    idx = 0;
  } else if (idx > 1024) {
    buffer.splice(0, idx);
    idx = 0;
  }
  state.bufferIndex = idx;
  return ret;
}

// Announces buffered data (or EOF) with 'readable' on the next tick, once per batch.
function emitReadable(stream) {
  const state = stream._readableState;
  state[kState] &= ~kNeedReadable;
  if ((state[kState] & kEmittedReadable) === 0) {
    state[kState] |= kEmittedReadable;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if ((state[kState] & kDestroyed) === 0 && !state.errored && (state.length || (state[kState] & kEnded) !== 0)) {
    stream.emit('readable');
    state[kState] &= ~kEmittedReadable;
  }
  // Announce the next push too if the consumer is not flowing and wants more.
  if (!state.flowing && (state[kState] & kEnded) === 0 && state.length <= state.highWaterMark) {
    state[kState] |= kNeedReadable;
  } else {
    state[kState] &= ~kNeedReadable;
  }
  flow(stream);
}

// Fill the buffer up to the mark in the background (on a later tick), so that data is ready
// before the consumer asks.
function maybeReadMore(stream, state) {
  if ((state[kState] & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] |= kReadingMore;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (
    (state[kState] & (kReading | kEnded)) === 0 &&
    (state.length < state.highWaterMark || (state.flowing && state.length === 0))
  ) {
    const len = state.length;
    stream.read(0);
    // _read() answered asynchronously or with nothing: stop and wait for its push.
    if (len === state.length) break;
  }
  state[kState] &= ~kReadingMore;
}

// --- Piping ------------------------------------------------------------------------------------

Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  // From the second destination on, every destination's 'drain' is waited for.
  if (state.pipes.length === 1 && (state[kState] & kMultiAwaitDrain) === 0) {
    state[kState] |= kMultiAwaitDrain;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }

  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if ((state[kState] & kEndEmitted) !== 0) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    // If the source was waiting on this destination's 'drain', stop waiting: it is gone.
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }

  function pause() {
    // Remember which destination the source waits for, unless unpiped meanwhile.
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state[kState] &= ~kMultiAwaitDrain;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }

  // An error on the destination unpipes it; it is rethrown if nobody else listens.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  // A destination that is already full makes the source wait; otherwise start flowing.
  if (dest.writableNeedDrain === true) {
    pause();
  } else if (!state.flowing) {
    src.resume();
  }

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if ((state[kState] & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.delete(dest);
    }
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };

  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

// --- Listeners that change the mode ------------------------------------------------------------

// A 'data' listener makes the stream flow (unless paused explicitly); a 'readable' listener
// takes precedence and keeps it paused.
Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    if (this.listenerCount('readable') > 0) state[kState] |= kReadableListening;
    else state[kState] &= ~kReadableListening;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if ((state[kState] & (kEndEmitted | kReadableListening)) === 0) {
      state[kState] = (state[kState] | kReadableListening | kNeedReadable) & ~kEmittedReadable;
      state.flowing = false;
      if (state.length) {
        emitReadable(this);
      } else if ((state[kState] & kReading) === 0) {
        process.nextTick(nReadingNextTick, this);
      }
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  // Decided on the next tick: the listener may be re-added right away.
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  if (self.listenerCount('readable') > 0) state[kState] |= kReadableListening;
  else state[kState] &= ~kReadableListening;

  if ((state[kState] & kResumeScheduled) !== 0 && (state[kState] & (kHasPaused | kPaused)) === kHasPaused) {
    // resume() was called while 'readable' listeners held the stream: honour it now.
    state.flowing = true;
  } else if (self.listenerCount('data') > 0) {
    self.resume();
  } else if ((state[kState] & kReadableListening) === 0) {
    state.flowing = null;
  }
}

function nReadingNextTick(self) {
  self.read(0);
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // With 'readable' listeners, resume() only takes effect once they are gone.
    state.flowing = (state[kState] & kReadableListening) === 0;
    if ((state[kState] & kResumeScheduled) === 0) {
      state[kState] |= kResumeScheduled;
      process.nextTick(resume_, this, state);
    }
  }
  state[kState] = (state[kState] | kHasPaused) & ~kPaused;
  return this;
};

function resume_(stream, state) {
  if ((state[kState] & kReading) === 0) stream.read(0);
  state[kState] &= ~kResumeScheduled;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && (state[kState] & kReading) === 0) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kState] |= kHasPaused | kPaused;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while ((state[kState] & kFlowing) !== 0 && stream.read() !== null);
}

// Wraps an old-style stream (events only) in a Readable.
Readable.prototype.wrap = function wrap(stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // The wrapped stream's own methods stay reachable (except the first key, as node does).
  const keys = Object.keys(stream);
  for (let j = 1; j < keys.length; j++) {
    const key = keys[j];
    if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
  }
  return this;
};

// --- Async iteration ---------------------------------------------------------------------------

Readable.prototype[Symbol.asyncIterator] = function () {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  let callback = nop;

  // Wakes the waiting next() on 'readable' (as a listener, `this` is the stream) or, as the
  // executor of the wait below, stores the resolver.
  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }

  stream.on('readable', next);

  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    // Leaving the loop early (break, return, throw) destroys the stream unless asked not to.
    if (
      (error || options?.destroyOnReturn !== false) &&
      (error === undefined || stream._readableState.autoDestroy)
    ) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

function nop() {}

// --- Properties --------------------------------------------------------------------------------

Object.defineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    get() {
      const r = this._readableState;
      // `readable` on the state is only ever set by a duplex made with readable: false, or by
      // assignment to this property.
      return !!r && r.readable !== false && (r[kState] & (kDestroyed | kErrorEmitted | kEndEmitted)) === 0;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState.dataEmitted;
    },
  },
  readableAborted: {
    __proto__: null,
    enumerable: false,
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState.highWaterMark;
    },
  },
  readableBuffer: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState && this._readableState.buffer;
    },
  },
  readableFlowing: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState.flowing;
    },
    set(state) {
      if (this._readableState) this._readableState.flowing = state;
    },
  },
  readableLength: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState.length;
    },
  },
  readableObjectMode: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },
  readableEncoding: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },
  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },
  closed: {
    __proto__: null,
    get() {
      return this._readableState ? this._readableState.closed : false;
    },
  },
  destroyed: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.destroyed : false;
    },
    set(value) {
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },
  readableEnded: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },
});

// --- Ending ------------------------------------------------------------------------------------

function endReadable(stream) {
  const state = stream._readableState;
  if ((state[kState] & kEndEmitted) === 0) {
    state[kState] |= kEnded;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  // 'end' only when everything was consumed and nothing went wrong meanwhile.
  if (!state.errored && (state[kState] & (kCloseEmitted | kEndEmitted)) === 0 && state.length === 0) {
    state[kState] |= kEndEmitted;
    stream.emit('end');

    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if ((state[kState] & kAutoDestroy) !== 0) {
      // A duplex is destroyed only once its writable side is done too.
      const wState = stream._writableState;
      const autoDestroy =
        !wState || (wState.autoDestroy && (wState.finished || wState.writable === false));
      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

// --- Static helpers ----------------------------------------------------------------------------

Readable._fromList = fromList;

let from;
Readable.from = function (iterable, opts) {
  from ??= require('internal/streams/from');
  return from(Readable, iterable, opts);
};

let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/webstreams/adapters');
  return webStreamsAdapters;
}

Readable.fromWeb = function (readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(readableStream, options);
};

Readable.toWeb = function (streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(streamReadable, options);
};

// A Readable reading from an old-style stream, destroying it along.
Readable.wrap = function (src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};


module.exports = Readable;
