'use strict';
// Tearing streams down and building them up: destroy() and _undestroy() for Readable, Writable
// and Duplex, the error path every stream method funnels into (errorOrDestroy), the optional
// asynchronous _construct() step, and `destroyer`, which ends any stream-like object (pipeline
// and finished use it on streams that are not ours).
//
// The order node users observe: destroy(err) marks the stream destroyed at once, calls
// _destroy(err, cb), and when cb runs, emits 'error' (once per stream) and then 'close' on a later
// tick.

const {
  AbortError,
  aggregateTwoErrors,
  codes: { ERR_MULTIPLE_CALLBACK },
} = require('internal/streams/errors');
const { isDestroyed, isFinished, isRequest, isServerRequest, kIsDestroyed } = require('internal/streams/utils');
const { kUndestroy } = require('internal/streams/state');

// Internal event names: one stream-wide signal when _construct() completes, and the destroy
// request that was waiting for it.
const kConstruct = Symbol('kConstruct');
const kDestroy = Symbol('kDestroy');
// What each side's state does once construction is over (see readable.js and writable.js).
const kOnConstructed = Symbol('kOnConstructed');

// The first error wins; it is recorded on both sides of a duplex.
function recordError(err, w, r) {
  if (!err) return;
  // Reading the stack now captures it before the error travels through ticks.
  err.stack; // eslint-disable-line no-unused-expressions
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;

  if (w?.destroyed || r?.destroyed) {
    if (typeof cb === 'function') cb();
    return this;
  }

  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;

  if (s.constructed) {
    runDestroy(this, err, cb);
  } else {
    // _construct() has not called back yet; destroy once it has.
    this.once(kDestroy, function (er) {
      runDestroy(this, aggregateTwoErrors(er, err), cb);
    });
  }
  return this;
}

function runDestroy(self, err, cb) {
  let called = false;
  function onDestroy(error) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    recordError(error, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(error);
    if (error) process.nextTick(emitErrorCloseNT, self, error);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (error) {
    onDestroy(error);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if (w?.emitClose || r?.emitClose) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if (w?.errorEmitted || r?.errorEmitted) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

// Back to the state of a fresh stream (used by net.Socket when it reconnects).
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (typeof r?.[kUndestroy] === 'function') {
    r[kUndestroy]();
  } else if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (typeof w?.[kUndestroy] === 'function') {
    w[kUndestroy]();
  } else if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

// Where stream internals report an error: destroy the stream if it destroys itself on errors
// (the default), otherwise only record and emit it.
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (w?.destroyed || r?.destroyed) return this;
  if (r?.autoDestroy || w?.autoDestroy) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Runs stream._construct(cb) on the next tick, holding back reads, writes and destroy until it
// calls back. `cb` runs once construction succeeded. A duplex calls this once per side; the
// second call only adds its callback.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => {
      process.nextTick(onConstruct, err);
    });
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

// Ends any stream-like object: ours and node's through destroy(), an http request through
// abort(), old-style streams through close() or by emitting the events themselves.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();
  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick((s, e) => s.emit('error', e), stream, err);
  } else {
    process.nextTick((s) => s.emit('close'), stream);
  }
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  construct,
  destroy,
  destroyer,
  errorOrDestroy,
  kConstruct,
  kDestroy,
  kOnConstructed,
  undestroy,
};
