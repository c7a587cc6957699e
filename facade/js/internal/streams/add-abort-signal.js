'use strict';
// stream.addAbortSignal(signal, stream): aborting the signal destroys the stream with an
// AbortError (for a web stream: errors its controller).
// https://nodejs.org/docs/latest-v20.x/api/stream.html#streamaddabortsignalsignal-stream

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/streams/errors');
const { validateAbortSignal } = require('internal/validators');
const { isNodeStream, isWebStream, kControllerErrorFunction, kDispose } = require('internal/streams/utils');

let eos;
let addAbortListener;

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

// Used by the stream constructors' `signal` option, which is checked loosely: anything that is
// not signal-like is ignored.
function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) return stream;
  const onAbort = isNodeStream(stream)
    ? () => {
        stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      }
    : () => {
        stream[kControllerErrorFunction](new AbortError(undefined, { cause: signal.reason }));
      };
  if (signal.aborted) {
    onAbort();
  } else {
    addAbortListener ??= require('events').addAbortListener;
    eos ??= require('internal/streams/end-of-stream');
    const disposable = addAbortListener(signal, onAbort);
    // Once the stream is done the signal no longer needs to hold on to it.
    eos(stream, disposable[kDispose]);
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
