'use strict';
// The JS half of node's StreamBase, shared by every stream over a native handle (net.Socket,
// and later pipes and ttys): writes go out as WriteWrap requests, reads come in through
// handle.onread, and socket.setTimeout is an unref'd timer refreshed on activity.
// Follows node's lib/internal/stream_base_commons.js.
//
// The handle's side of the contract (internal/net/stream_wrap): a write method returns 0 or a
// negative errno and leaves the bytes it took in streamBaseState[kBytesWritten] and whether it
// completes later in streamBaseState[kLastWriteWasAsync]; an asynchronous write calls
// req.oncomplete(status) when done. onread(arrayBuffer) is called with `this` the handle and the
// byte count (or a negative errno, UV_EOF at the end) in streamBaseState[kReadBytesOrError].

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  WriteWrap,
  kReadBytesOrError,
  kArrayBufferOffset,
  kBytesWritten,
  kLastWriteWasAsync,
  streamBaseState,
} = require('internal/net/stream_wrap');
const { UV_EOF } = internalBinding('uv');
const { ErrnoException } = require('internal/errors');
const { owner_symbol } = require('internal/async_hooks').symbols;
const { kTimeout, setUnrefTimeout, getTimerDuration } = require('internal/timers');
const { isUint8Array } = require('internal/util/types');
const { clearTimeout } = require('timers');
const { validateFunction } = require('internal/validators');
const { kPushWhileReading } = require('internal/streams/state');
const { push: readablePush } = require('internal/streams/readable').prototype;

const kMaybeDestroy = Symbol('kMaybeDestroy');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kBoundSession = Symbol('kBoundSession');
const kSession = Symbol('kSession');

let debug = require('internal/util').debuglog('stream', (fn) => {
  debug = fn;
});
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');
// On a stream's prototype: its _read() when that only starts the handle reading (net.Socket's),
// so that nothing is left for it to do while the handle reads.
const kReadStartsHandle = Symbol('kReadStartsHandle');

function handleWriteReq(req, data, encoding) {
  const { handle } = req;

  switch (encoding) {
    case 'buffer': {
      const ret = handle.writeBuffer(req, data);
      if (streamBaseState[kLastWriteWasAsync]) req.buffer = data;
      return ret;
    }
    case 'latin1':
    case 'binary':
      return handle.writeLatin1String(req, data);
    case 'utf8':
    case 'utf-8':
      return handle.writeUtf8String(req, data);
    case 'ascii':
      return handle.writeAsciiString(req, data);
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return handle.writeUcs2String(req, data);
    default: {
      const buffer = Buffer.from(data, encoding);
      const ret = handle.writeBuffer(req, buffer);
      if (streamBaseState[kLastWriteWasAsync]) req.buffer = buffer;
      return ret;
    }
  }
}

function onWriteComplete(status) {
  debug('onWriteComplete', status, this.error);

  const stream = this.handle[owner_symbol];

  if (stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }

  if (status < 0) {
    const ex = new ErrnoException(status, 'write', this.error);
    if (typeof this.callback === 'function') this.callback(ex);
    else stream.destroy(ex);
    return;
  }

  stream[kUpdateTimer]();
  stream[kAfterAsyncWrite](this);

  if (typeof this.callback === 'function') this.callback(null);
}

function createWriteWrap(handle, callback) {
  const req = new WriteWrap();

  req.handle = handle;
  req.oncomplete = onWriteComplete;
  req.async = false;
  req.bytes = 0;
  req.buffer = null;
  req.callback = callback;

  return req;
}

function writevGeneric(self, data, cb) {
  const req = createWriteWrap(self[kHandle], cb);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = data;
    for (let i = 0; i < data.length; i++) data[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length << 1);
    for (let i = 0; i < data.length; i++) {
      const entry = data[i];
      chunks[i * 2] = entry.chunk;
      chunks[i * 2 + 1] = entry.encoding;
    }
  }
  const err = req.handle.writev(req, chunks, allBuffers);

  // The chunks must outlive an asynchronous write.
  if (err === 0) req._chunks = chunks;

  afterWriteDispatched(req, err, cb);
  return req;
}

// Returns the write's request, or null for a Buffer the kernel took at once.
function writeGeneric(self, data, encoding, cb) {
  const handle = self[kHandle];
  if (encoding === 'buffer' && handle.adoptPendingWrite !== undefined) {
    // The common case, a Buffer the kernel takes at once, makes no request object: only a
    // write that completes later needs one for its completion to go to.
    const err = handle.writeBuffer(null, data);
    if (err !== 0) {
      cb(new ErrnoException(err, 'write'));
      return null;
    }
    if (!streamBaseState[kLastWriteWasAsync]) {
      cb();
      return null;
    }
    const req = createWriteWrap(handle, cb);
    req.buffer = data;
    handle.adoptPendingWrite(req);
    return req;
  }
  const req = createWriteWrap(handle, cb);
  const err = handleWriteReq(req, data, encoding);

  afterWriteDispatched(req, err, cb);
  return req;
}

function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = !!streamBaseState[kLastWriteWasAsync];

  if (err !== 0) return cb(new ErrnoException(err, 'write', req.error));

  if (!req.async && typeof req.callback === 'function') {
    req.callback();
  }
}

function onStreamRead(arrayBuffer) {
  const nread = streamBaseState[kReadBytesOrError];

  const handle = this;
  const stream = this[owner_symbol];

  stream[kUpdateTimer]();

  if (nread > 0 && !stream.destroyed) {
    let ret;
    let result;
    const userBuf = stream[kBuffer];
    if (userBuf) {
      result = stream[kBufferCb](nread, userBuf) !== false;
      const bufGen = stream[kBufferGen];
      if (bufGen !== null) {
        const nextBuf = bufGen();
        if (isUint8Array(nextBuf)) stream[kBuffer] = ret = nextBuf;
      }
    } else {
      const offset = streamBaseState[kArrayBufferOffset];
      const buf = new FastBuffer(arrayBuffer, offset, nread);
      if (handle.reading && stream._read === stream[kReadStartsHandle] && stream.push === readablePush) {
        result = stream[kPushWhileReading](buf);
      } else {
        result = stream.push(buf);
      }
    }
    if (!result) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(new ErrnoException(err, 'read'));
      }
    }

    return ret;
  }

  if (nread === 0) {
    return;
  }

  // After EOF most streams are closed for good and deliver no more reads; some (a TTY) may be
  // started again with readStart().

  if (nread !== UV_EOF) {
    stream.destroy(new ErrnoException(nread, 'read'));
    return;
  }

  if (stream._readableState.endEmitted) {
    if (stream[kMaybeDestroy]) stream[kMaybeDestroy]();
  } else {
    if (stream[kMaybeDestroy]) stream.on('end', stream[kMaybeDestroy]);

    // The end of data is pushed before maybeDestroy runs, so that 'end' comes before 'close'.
    stream.push(null);
    stream.read(0);
  }
}

function setStreamTimeout(msecs, callback) {
  if (this.destroyed) return this;

  this.timeout = msecs;

  // The checks of timers.enroll().
  msecs = getTimerDuration(msecs, 'msecs');

  // An existing timer is cleared in both cases, so that rescheduling does not leak it.
  clearTimeout(this[kTimeout]);

  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (this[kSession]) this[kSession][kUpdateTimer]();
    if (this[kBoundSession]) this[kBoundSession][kUpdateTimer]();

    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
}

module.exports = {
  writevGeneric,
  writeGeneric,
  onStreamRead,
  kAfterAsyncWrite,
  kMaybeDestroy,
  kUpdateTimer,
  kHandle,
  kSession,
  setStreamTimeout,
  kBuffer,
  kBufferCb,
  kBufferGen,
  kReadStartsHandle,
};
