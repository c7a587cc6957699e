'use strict';
// stream.pipeline(source[, ...transforms], destination, callback): connects the stages, forwards
// errors, destroys every stage when one fails, and calls back once with the first error (or the
// last stage's value, for a function destination returning a promise).
// https://nodejs.org/docs/latest-v20.x/api/stream.html#streampipelinesource-transforms-destination-callback
//
// A stage is a node stream, an iterable or async iterable (source only), or a function: the
// first gets `{ signal }` and returns an iterable; the others get the previous stage as an async
// iterable and return an async iterable (middle) or anything awaitable (last).

const eos = require('internal/streams/end-of-stream');
const { once } = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const Duplex = require('internal/streams/duplex');
const {
  AbortError,
  aggregateTwoErrors,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/streams/errors');
const { validateFunction, validateAbortSignal } = require('internal/validators');
const {
  isIterable,
  isReadable,
  isReadableNodeStream,
  isNodeStream,
  isTransformStream,
  isWebStream,
  isReadableFinished,
  isReadableStream,
  kDispose,
} = require('internal/streams/utils');

let PassThrough;
let Readable;
let addAbortListener;

// Wraps a stage so that pipeline can destroy it, unless it already finished cleanly.
function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new ERR_STREAM_DESTROYED('pipe'));
    },
    cleanup,
  };
}

function popCallback(streams) {
  // The message names the parameter as node does.
  validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (isIterable(val)) return val;
  if (isReadableNodeStream(val)) return fromReadable(val);
  throw new ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

async function* fromReadable(val) {
  Readable ??= require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(val);
}

// Writes an (async) iterable into a node stream, honouring backpressure.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;

  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };

  const wait = () =>
    new Promise((resolve, reject) => {
      if (error) {
        reject(error);
      } else {
        onresolve = () => {
          if (error) reject(error);
          else resolve();
        };
      }
    });

  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);

  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

// Writes an (async) iterable into a web WritableStream (or a TransformStream's writable side),
// waiting for the writer to be ready before each chunk.
// https://streams.spec.whatwg.org/#example-manual-write-with-backpressure
async function pumpToWeb(readable, writable, finish, { end }) {
  if (isTransformStream(writable)) writable = writable.writable;
  const writer = writable.getWriter();
  try {
    for await (const chunk of readable) {
      await writer.ready;
      writer.write(chunk).catch(() => {});
    }
    await writer.ready;
    if (end) await writer.close();
    finish();
  } catch (err) {
    try {
      await writer.abort(err);
      finish(err);
    } catch (err) {
      finish(err);
    }
  }
}

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

// What a pipeline throws when a stage before a Node or web stream gives nothing it can read.
function invalidSource(ret) {
  return new ERR_INVALID_ARG_TYPE(
    'val',
    ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'],
    ret,
  );
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new ERR_MISSING_ARGS('streams');

  // Aborted when the pipeline is over: function stages see it as their `signal`.
  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;

  // Listeners on the last stream, removed once the pipeline succeeds (the caller keeps using it).
  const lastStreamCleanup = [];

  validateAbortSignal(outerSignal, 'options.signal');

  function abort() {
    finishImpl(new AbortError());
  }

  let disposable;
  if (outerSignal) {
    addAbortListener ??= require('events').addAbortListener;
    disposable = addAbortListener(outerSignal, abort);
  }

  let error;
  let value;
  const destroys = [];
  // How many stage connections must report before the pipeline is done.
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    // A premature close is often the echo of the real error: let a later error replace it.
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;

    while (destroys.length) destroys.shift()(error);

    disposable?.[kDispose]();
    ac.abort();

    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        destroys.push(destroy);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }

      // Errors after the data has gone through still fail the pipeline; aborts and premature
      // closes are reported through finished() with better errors.
      function onError(err) {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      }
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => {
          stream.removeListener('error', onError);
        });
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (isIterable(stream) || isReadableNodeStream(stream) || isTransformStream(stream)) {
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      if (isTransformStream(ret)) ret = makeAsyncIterable(ret?.readable);
      else ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal });

      if (reading) {
        if (!isIterable(ret, true)) throw new ERR_INVALID_RETURN_VALUE('AsyncIterable', `transform[${i - 1}]`, ret);
      } else {
        // The last function's result goes through a PassThrough, which is what pipeline
        // returns.
        PassThrough ??= require('internal/streams/passthrough');
        const pt = new PassThrough({ objectMode: true });

        const then = ret?.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(
            ret,
            (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              process.nextTick(finish);
            },
            (err) => {
              pt.destroy(err);
              process.nextTick(finish, err);
            },
          );
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else if (isReadableStream(ret) || isTransformStream(ret)) {
          finishCount++;
          pumpToNode(isTransformStream(ret) ? ret.readable : ret, pt, finish, { end });
        } else {
          throw new ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', ret);
        }

        ret = pt;
        const { destroy, cleanup } = destroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        // With end: false the pipeline is done when the source is; the destination only
        // counts if it fails.
        finishCount += end ? 2 : 1;
        const cleanup = pipe(ret, stream, finish, { end }, (err) => finishImpl(err, false));
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isTransformStream(ret) || isReadableStream(ret)) {
        // Web streams as sources are read through their async iterator.
        const toRead = isTransformStream(ret) ? ret.readable : ret;
        finishCount++;
        pumpToNode(toRead, stream, finish, { end });
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw invalidSource(ret);
      }
      ret = stream;
    } else if (isWebStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount++;
        pumpToWeb(makeAsyncIterable(ret), stream, finish, { end });
      } else if (isReadableStream(ret) || isIterable(ret)) {
        finishCount++;
        pumpToWeb(ret, stream, finish, { end });
      } else if (isTransformStream(ret)) {
        finishCount++;
        pumpToWeb(ret.readable, stream, finish, { end });
      } else {
        throw invalidSource(ret);
      }
      ret = stream;
    } else {
      ret = Duplex.from(stream);
    }
  }

  if (signal?.aborted || outerSignal?.aborted) process.nextTick(abort);

  return ret;
}

// src.pipe(dst), reporting to `finish` once per side (only for the source with end: false, when
// the destination's failures go to `fail`).
function pipe(src, dst, finish, { end }, fail) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) {
      // The destination closed before the source was done with it.
      const err = new ERR_STREAM_PREMATURE_CLOSE();
      if (end) finish(err);
      else fail(err);
    }
  });

  // Ending is done here rather than by pipe(), to know when it happened.
  src.pipe(dst, { end: false });

  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }

    if (isReadableFinished(src)) {
      process.nextTick(endFn);
    } else {
      src.once('end', endFn);
    }
  } else {
    src.once('end', () => {
      ended = true;
    });
  }

  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (
      err &&
      err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
      rState &&
      rState.ended &&
      !rState.errored &&
      !rState.errorEmitted
    ) {
      // The source was closed after it ended but before 'end' was emitted (its remaining data
      // is still being read): wait for 'end'.
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });

  if (end) return eos(dst, { readable: false, writable: true }, finish);
  return eos(dst, { readable: false, writable: true }, (err) => {
    if (err) fail(err);
  });
}

module.exports = { pipelineImpl, pipeline };
