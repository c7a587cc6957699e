'use strict';
// stream.Writable: https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamwritable
//
// One _write() runs at a time. A write() while one is in flight (or while corked, errored or
// still constructing) is queued in `state.buffered`; when the running write calls back, the
// queue is flushed, through _writev() in one call when the stream has it. write() returns false
// once the queued length reaches the high-water mark, and 'drain' follows when it is back to 0.
// end() waits for the queue, runs _final(), then emits 'prefinish' and 'finish'.
//
// Booleans live in one integer (`state[kState]`), as in readable.js.

const EE = require('events');
const { Stream } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const {
  defineFlags,
  getHighWaterMark,
  getDefaultHighWaterMark,
  kUndestroy,
  kWritesThrough,
} = require('internal/streams/state');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/streams/errors');
const { getBuffer } = require('internal/streams/utils');

const { errorOrDestroy, kOnConstructed } = destroyImpl;

let Duplex; // circular

const kState = Symbol('kState');
const kOnFinished = Symbol('kOnFinished');

const kObjectMode = 1 << 0;
const kEnded = 1 << 1;
const kConstructed = 1 << 2;
const kSync = 1 << 3;
const kErrorEmitted = 1 << 4;
const kEmitClose = 1 << 5;
const kAutoDestroy = 1 << 6;
const kDestroyed = 1 << 7;
const kClosed = 1 << 8;
const kCloseEmitted = 1 << 9;
const kFinalCalled = 1 << 10;
const kNeedDrain = 1 << 11;
const kEnding = 1 << 12;
const kFinished = 1 << 13;
const kDecodeStrings = 1 << 14;
const kWriting = 1 << 15;
const kBufferProcessing = 1 << 16;
const kPrefinished = 1 << 17;
const kAllBuffers = 1 << 18;
const kAllNoop = 1 << 19;

function nop() {}

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') {
    Duplex ??= require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }

  let bits = kEmitClose | kAutoDestroy | kConstructed | kSync | kDecodeStrings | kAllBuffers | kAllNoop;
  if (options?.objectMode || (isDuplex && options?.writableObjectMode)) bits |= kObjectMode;
  // Strings are turned into Buffers before _write unless asked not to.
  if (options?.decodeStrings === false) bits &= ~kDecodeStrings;
  if (options?.emitClose === false) bits &= ~kEmitClose;
  if (options?.autoDestroy === false) bits &= ~kAutoDestroy;
  this[kState] = bits;

  this.highWaterMark = options
    ? getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex)
    : getDefaultHighWaterMark(false);

  const defaultEncoding = options?.defaultEncoding;
  if (defaultEncoding == null) {
    this.defaultEncoding = 'utf8';
  } else if (getBuffer().isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw new ERR_UNKNOWN_ENCODING(defaultEncoding);
  }

  // Bytes (or objects) written and not yet acknowledged by _write, queued ones included.
  this.length = 0;
  this.corked = 0;
  // The callback handed to every _write/_writev call.
  this.onwrite = onwrite.bind(undefined, stream);
  this.writecb = null;
  this.writelen = 0;
  // Coalesces the callbacks of synchronous writes into one tick.
  this.afterWriteTickInfo = null;

  // Queued writes: buffered[bufferedIndex..].
  this.buffered = [];
  this.bufferedIndex = 0;

  // Callbacks in flight (writes, _final, the finish step); 'finish' waits for 0.
  this.pendingcb = 0;
  this.errored = null;
  this[kOnFinished] = [];
}

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state[kState] |= kAllBuffers | kAllNoop;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};

WritableState.prototype[kUndestroy] = function () {
  // constructed; not destroyed, closed, closeEmitted, errorEmitted, finalCalled or prefinished;
  // ended, ending and finished only when the stream is not writable.
  let bits =
    (this[kState] | kConstructed) &
    ~(kDestroyed | kClosed | kCloseEmitted | kErrorEmitted | kFinalCalled | kPrefinished);
  if (this.writable === false) bits |= kEnded | kEnding | kFinished;
  else bits &= ~(kEnded | kEnding | kFinished);
  this[kState] = bits;
  this.errored = null;
};

WritableState.prototype[kWritesThrough] = function () {
  return (
    (this[kState] & (kObjectMode | kWriting | kEnding | kDestroyed | kConstructed)) === kConstructed &&
    this.corked === 0 &&
    !this.errored
  );
};

defineFlags(WritableState.prototype, kState, [
  ['objectMode', kObjectMode],
  ['finalCalled', kFinalCalled],
  ['needDrain', kNeedDrain],
  ['ending', kEnding],
  ['ended', kEnded],
  ['finished', kFinished],
  ['destroyed', kDestroyed],
  ['decodeStrings', kDecodeStrings],
  ['writing', kWriting],
  ['sync', kSync],
  ['bufferProcessing', kBufferProcessing],
  ['constructed', kConstructed],
  ['prefinished', kPrefinished],
  ['errorEmitted', kErrorEmitted],
  ['emitClose', kEmitClose],
  ['autoDestroy', kAutoDestroy],
  ['closed', kClosed],
  ['closeEmitted', kCloseEmitted],
  ['allBuffers', kAllBuffers],
  ['allNoop', kAllNoop],
]);

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  configurable: true,
  get() {
    return this.buffered.length - this.bufferedIndex;
  },
});

function Writable(options) {
  Duplex ??= require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;
  // `instanceof Writable` is widened below to every stream with a writable state, so the plain
  // prototype check decides whether `new` was used.
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);

  this._events ??= {
    __proto__: null,
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
  };

  this._writableState = new WritableState(options, this, isDuplex);

  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) destroyImpl.construct(this, writableOnConstructed);
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

function writableOnConstructed() {
  this._writableState[kOnConstructed](this);
}

// Writes queued while _construct() ran go out now; an end() may be waiting too.
WritableState.prototype[kOnConstructed] = function (stream) {
  if ((this[kState] & kWriting) === 0) clearBuffer(stream, this);
  finishMaybe(stream, this);
};

// A Duplex is a Readable by inheritance and a Writable by this check.
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function (object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.WritableState = WritableState;

Writable.prototype.pipe = function () {
  errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
};

// Validates and normalises a chunk, then writes or queues it. Returns true/false as write()
// does, or the error when writing is no longer possible.
function _write(stream, chunk, encoding, cb) {
  const state = stream._writableState;

  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    // Object mode hands the encoding argument through untouched.
    if ((state[kState] & kObjectMode) === 0) {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== 'buffer' && !getBuffer().isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (typeof cb !== 'function') cb = nop;
  }

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if ((state[kState] & kObjectMode) === 0) {
    if (typeof chunk === 'string') {
      if ((state[kState] & kDecodeStrings) !== 0) {
        chunk = getBuffer().from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof getBuffer()) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = getBuffer().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }

  let err;
  if ((state[kState] & kEnding) !== 0) err = new ERR_STREAM_WRITE_AFTER_END();
  else if ((state[kState] & kDestroyed) !== 0) err = new ERR_STREAM_DESTROYED('write');

  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  if (encoding != null && typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return _write(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if ((state[kState] & kWriting) === 0) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!getBuffer().isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// Queues the chunk behind a running write (or while corked, errored or constructing), or
// starts writing it.
function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
  state.length += len;

  const bits = state[kState];
  if ((bits & kWriting) !== 0 || state.corked || state.errored || (bits & kConstructed) === 0) {
    state.buffered.push({ chunk, encoding, callback });
    if ((bits & kAllBuffers) !== 0 && encoding !== 'buffer') state[kState] &= ~kAllBuffers;
    if ((bits & kAllNoop) !== 0 && callback !== nop) state[kState] &= ~kAllNoop;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state[kState] = bits | kWriting | kSync;
    stream._write(chunk, encoding, state.onwrite);
    state[kState] &= ~kSync;
  }

  // Measured after the write: a _write that completed synchronously leaves room.
  const ret = state.length < state.highWaterMark;
  if (!ret) state[kState] |= kNeedDrain;

  return ret && !state.errored && (state[kState] & kDestroyed) === 0;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state[kState] |= kWriting | kSync;
  if ((state[kState] & kDestroyed) !== 0) state.onwrite(new ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state[kState] &= ~kSync;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  // Queued writes fail with the same error; then the stream errors.
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

// The callback of _write/_writev.
function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = (state[kState] & kSync) !== 0;
  const cb = state.writecb;

  if (typeof cb !== 'function') {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }

  state[kState] &= ~kWriting;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;

  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions
    if (!state.errored) state.errored = er;
    // A duplex's readable side fails with it.
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);

    if (sync) {
      // A series of synchronous writes with the same callback (as pipe makes) runs the
      // callbacks in one tick rather than one tick each.
      const info = state.afterWriteTickInfo;
      if (info !== null && info.cb === cb) {
        info.count++;
      } else {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        process.nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick(info) {
  info.state.afterWriteTickInfo = null;
  return afterWrite(info.stream, info.state, info.count, info.cb);
}

function afterWrite(stream, state, count, cb) {
  const needDrain =
    (state[kState] & (kEnding | kNeedDrain)) === kNeedDrain && !stream.destroyed && state.length === 0;
  if (needDrain) {
    state[kState] &= ~kNeedDrain;
    stream.emit('drain');
  }

  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }

  if ((state[kState] & kDestroyed) !== 0) errorBuffer(state);

  // 'finish' after the last write callback comes on a later tick, as it does after end().
  finishMaybe(stream, state, true);
}

// Fails every queued write and pending end() callback (the stream was destroyed or errored).
function errorBuffer(state) {
  if ((state[kState] & kWriting) !== 0) return;

  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored ?? new ERR_STREAM_DESTROYED('write'));
  }

  const onfinishCallbacks = state[kOnFinished].splice(0);
  for (let i = 0; i < onfinishCallbacks.length; i++) {
    onfinishCallbacks[i](state.errored ?? new ERR_STREAM_DESTROYED('end'));
  }

  resetBuffer(state);
}

// Writes out the queue: all at once through _writev when there is more than one chunk and the
// stream has _writev, one by one otherwise (stopping while a write is in flight).
function clearBuffer(stream, state) {
  if (
    state.corked ||
    (state[kState] & (kBufferProcessing | kDestroyed | kConstructed)) !== kConstructed
  ) {
    return;
  }

  const { buffered, bufferedIndex } = state;
  const objectMode = (state[kState] & kObjectMode) !== 0;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;

  let i = bufferedIndex;
  state[kState] |= kBufferProcessing;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;

    const callback =
      (state[kState] & kAllNoop) !== 0
        ? nop
        : (err) => {
            for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
          };
    // The queue array itself is handed over when nothing else refers to it.
    const chunks = (state[kState] & kAllNoop) !== 0 && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = (state[kState] & kAllBuffers) !== 0;

    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && (state[kState] & kWriting) === 0);

    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state[kState] &= ~kBufferProcessing;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
  }
};

Writable.prototype._writev = null;

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;

  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let err;

  if (chunk !== null && chunk !== undefined) {
    const ret = _write(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }

  // end() uncorks completely.
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }

  if (err) {
    // The write already failed; the callback gets its error.
  } else if (!state.errored && (state[kState] & kEnding) === 0) {
    // Marked ending before finishMaybe runs so that writes from its listeners fail, and ended
    // only after, so that state.ended still says "end() has returned".
    state[kState] |= kEnding;
    finishMaybe(this, state, true);
    state[kState] |= kEnded;
  } else if ((state[kState] & kFinished) !== 0) {
    err = new ERR_STREAM_ALREADY_FINISHED('end');
  } else if ((state[kState] & kDestroyed) !== 0) {
    err = new ERR_STREAM_DESTROYED('end');
  }

  if (typeof cb === 'function') {
    // An errored stream (even one that failed inside this very call, in _final) reports its
    // error on the next tick; otherwise the callback waits for 'finish' or a destroy.
    if (err) process.nextTick(cb, err);
    else if (state.errored) process.nextTick(cb, state.errored);
    else if ((state[kState] & kFinished) !== 0) process.nextTick(cb, null);
    else state[kOnFinished].push(cb);
  }

  return this;
};

// The bits needFinish() looks at, and the value they must have. The engine does not fold
// constant expressions, so the masks of hot checks are computed once.
const kFinishMask = kEnding | kDestroyed | kConstructed | kFinished | kWriting | kErrorEmitted | kCloseEmitted;
const kFinishReady = kEnding | kConstructed;

function needFinish(state) {
  return (
    (state[kState] & kFinishMask) === kFinishReady &&
    state.length === 0 &&
    !state.errored &&
    state.buffered.length === 0
  );
}

function callFinal(stream, state) {
  let called = false;

  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;

    state.pendingcb--;
    if (err) {
      const onfinishCallbacks = state[kOnFinished].splice(0);
      for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](err);
      errorOrDestroy(stream, err, (state[kState] & kSync) !== 0);
    } else if (needFinish(state)) {
      state[kState] |= kPrefinished;
      stream.emit('prefinish');
      // Held until 'finish' is emitted on the next tick.
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }

  state[kState] |= kSync;
  state.pendingcb++;

  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }

  state[kState] &= ~kSync;
}

function prefinish(stream, state) {
  if ((state[kState] & (kPrefinished | kFinalCalled)) === 0) {
    if (typeof stream._final === 'function' && (state[kState] & kDestroyed) === 0) {
      state[kState] |= kFinalCalled;
      callFinal(stream, state);
    } else {
      state[kState] |= kPrefinished;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        // From end(): 'finish' comes on a later tick, after end() returned.
        state.pendingcb++;
        process.nextTick(finishIfNeeded, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finishIfNeeded(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}

function finish(stream, state) {
  state.pendingcb--;
  state[kState] |= kFinished;

  const onfinishCallbacks = state[kOnFinished].splice(0);
  for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](null);

  stream.emit('finish');

  if ((state[kState] & kAutoDestroy) !== 0) {
    // A duplex is destroyed only once its readable side has ended too.
    const rState = stream._readableState;
    const autoDestroy = !rState || (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
    if (autoDestroy) stream.destroy();
  }
}

Object.defineProperties(Writable.prototype, {
  closed: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.closed : false;
    },
  },
  destroyed: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.destroyed : false;
    },
    set(value) {
      if (this._writableState) this._writableState.destroyed = value;
    },
  },
  writable: {
    __proto__: null,
    get() {
      const w = this._writableState;
      // `writable` on the state is only ever set by a duplex made with writable: false, or by
      // assignment to this property.
      return (
        !!w &&
        w.writable !== false &&
        (w[kState] & (kDestroyed | kEnding | kEnded)) === 0 &&
        !w.errored
      );
    },
    set(val) {
      if (this._writableState) this._writableState.writable = !!val;
    },
  },
  writableFinished: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.finished : false;
    },
  },
  writableObjectMode: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.objectMode : false;
    },
  },
  writableBuffer: {
    __proto__: null,
    get() {
      return this._writableState && this._writableState.getBuffer();
    },
  },
  writableEnded: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.ending : false;
    },
  },
  writableNeedDrain: {
    __proto__: null,
    get() {
      const wState = this._writableState;
      if (!wState) return false;
      return (wState[kState] & (kDestroyed | kEnding | kNeedDrain)) === kNeedDrain;
    },
  },
  writableHighWaterMark: {
    __proto__: null,
    get() {
      return this._writableState && this._writableState.highWaterMark;
    },
  },
  writableCorked: {
    __proto__: null,
    get() {
      return this._writableState ? this._writableState.corked : 0;
    },
  },
  writableLength: {
    __proto__: null,
    get() {
      return this._writableState && this._writableState.length;
    },
  },
  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._writableState ? this._writableState.errored : null;
    },
  },
  writableAborted: {
    __proto__: null,
    enumerable: false,
    get() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
});

const destroy = destroyImpl.destroy;
Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  // Queued writes and end() callbacks fail on the next tick.
  if (
    (state[kState] & kDestroyed) === 0 &&
    (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)
  ) {
    process.nextTick(errorBuffer, state);
  }
  destroy.call(this, err, cb);
  return this;
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function (err, cb) {
  cb(err);
};

Writable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/webstreams/adapters');
  return webStreamsAdapters;
}

Writable.fromWeb = function (writableStream, options) {
  return lazyWebStreams().newStreamWritableFromWritableStream(writableStream, options);
};

Writable.toWeb = function (streamWritable) {
  return lazyWebStreams().newWritableStreamFromStreamWritable(streamWritable);
};

module.exports = Writable;
