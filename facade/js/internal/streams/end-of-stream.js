'use strict';
// stream.finished(stream[, options], callback): calls back once when a stream is done (ended,
// finished, or closed) or failed, whatever kind of stream it is. Returns a function that removes
// every listener it added.
// https://nodejs.org/docs/latest-v20.x/api/stream.html#streamfinishedstream-options-callback

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/streams/errors');
const { kEmptyObject } = require('internal/util');
const { validateAbortSignal, validateFunction, validateObject, validateBoolean } = require('internal/validators');
const {
  isClosed,
  isNodeStream,
  isReadable,
  isReadableErrored,
  isReadableFinished,
  isReadableNodeStream,
  isReadableStream,
  isRequest,
  isWritable,
  isWritableErrored,
  isWritableFinished,
  isWritableNodeStream,
  isWritableStream,
  kDispose,
  kIsClosedPromise,
  nop,
  once,
  willEmitClose: streamWillEmitClose,
} = require('internal/streams/utils');

let addAbortListener;
function lazyAddAbortListener() {
  addAbortListener ??= require('events').addAbortListener;
  return addAbortListener;
}

// After an abort signal fires, the callback gets an AbortError carrying the signal's reason, and
// listening stops. Otherwise the callback, once called, unhooks the abort listener.
function withSignal(stream, signal, callback, cleanup) {
  const abort = () => {
    const endCallback = callback.current;
    cleanup();
    endCallback.call(stream, new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    process.nextTick(abort);
  } else {
    const disposable = lazyAddAbortListener()(signal, abort);
    const original = callback.current;
    callback.current = once(function (...args) {
      disposable[kDispose]();
      original.apply(stream, args);
    });
  }
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = kEmptyObject;
  } else if (options == null) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');

  // Held in a box so that cleanup and the abort path can swap it for a no-op.
  const cb = { current: once(callback) };

  if (isReadableStream(stream) || isWritableStream(stream)) {
    return eosWeb(stream, options, cb);
  }
  if (!isNodeStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  const call = (err) => {
    if (err === undefined) cb.current.call(stream);
    else cb.current.call(stream, err);
  };

  // A legacy writable (no _writableState) counts as finished once it is no longer writable.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  // When the stream will emit 'close' by itself, wait for it: it comes after 'finish'/'end' and
  // any errors, so the callback sees the final state.
  let willEmitClose =
    streamWillEmitClose(stream) &&
    isReadableNodeStream(stream) === readable &&
    isWritableNodeStream(stream) === writable;

  let writableFinished = isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) call();
  };

  let readableFinished = isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) call();
  };

  const onerror = (err) => {
    call(err);
  };

  let closed = isClosed(stream);

  const onclose = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return call(errored);
    if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
      if (!isReadableFinished(stream, false)) return call(new ERR_STREAM_PREMATURE_CLOSE());
    }
    if (writable && !writableFinished) {
      if (!isWritableFinished(stream, false)) return call(new ERR_STREAM_PREMATURE_CLOSE());
    }
    call();
  };

  // For a stream that is already done when finished() is called.
  const onclosed = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return call(errored);
    call();
  };

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }

  // http's IncomingMessage before it had 'close' semantics.
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if (wState?.errorEmitted || rState?.errorEmitted) {
    if (!willEmitClose) process.nextTick(onclosed);
  } else if (
    !readable &&
    (!willEmitClose || isReadable(stream)) &&
    (writableFinished || isWritable(stream) === false) &&
    // Writes still waiting for their callbacks keep it open (streams without the counter
    // cannot tell).
    (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)
  ) {
    process.nextTick(onclosed);
  } else if (
    !writable &&
    (!willEmitClose || isWritable(stream)) &&
    (readableFinished || isReadable(stream) === false)
  ) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    cb.current = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) withSignal(stream, options.signal, cb, cleanup);

  return cleanup;
}

// Web streams say when they are done through a promise node's implementation attaches.
function eosWeb(stream, options, cb) {
  let aborted = false;
  if (options.signal) {
    const signal = options.signal;
    const abort = () => {
      aborted = true;
      cb.current.call(stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const disposable = lazyAddAbortListener()(signal, abort);
      const original = cb.current;
      cb.current = once(function (...args) {
        disposable[kDispose]();
        original.apply(stream, args);
      });
    }
  }
  const settle = (...args) => {
    if (!aborted) process.nextTick(() => cb.current.apply(stream, args));
  };
  stream[kIsClosedPromise].promise.then(settle, settle);
  return nop;
}

// stream/promises.finished: `cleanup: true` removes the listeners once settled.
function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = kEmptyObject;
  if (opts?.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;
module.exports = eos;
