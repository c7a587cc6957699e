'use strict';
// The stream module: https://nodejs.org/docs/latest-v20.x/api/stream.html
//
// require('stream') is the legacy Stream class itself, carrying the stream classes and helpers
// as properties (in node's order, so Object.keys matches). The implementation lives in
// internal/streams/.

const { promisify } = require('internal/util');
const { Stream } = require('internal/streams/legacy');
const utils = require('internal/streams/utils');
const operators = require('internal/streams/operators');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/streams/errors');
const compose = require('internal/streams/compose');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const { pipeline } = require('internal/streams/pipeline');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');

let promises;
function lazyPromises() {
  promises ??= require('stream/promises');
  return promises;
}

module.exports = Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');

// The iterator helpers: the stream-returning ones give a Readable over their async generator.
for (const key of Object.keys(operators.streamReturningOperators)) {
  const op = operators.streamReturningOperators[key];
  function fn(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Stream.Readable.from(Reflect.apply(op, this, args));
  }
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Stream.Readable.prototype, key, {
    __proto__: null,
    value: fn,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}
for (const key of Object.keys(operators.promiseReturningOperators)) {
  const op = operators.promiseReturningOperators[key];
  function fn(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Reflect.apply(op, this, args);
  }
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Stream.Readable.prototype, key, {
    __proto__: null,
    value: fn,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.duplexPair = require('internal/streams/duplexpair');
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return lazyPromises();
  },
});

// util.promisify(pipeline) and util.promisify(finished) are the promise versions.
Object.defineProperty(pipeline, promisify.custom, {
  __proto__: null,
  enumerable: true,
  get() {
    return lazyPromises().pipeline;
  },
});
Object.defineProperty(eos, promisify.custom, {
  __proto__: null,
  enumerable: true,
  get() {
    return lazyPromises().finished;
  },
});

// Backwards compatibility with the pre-streams2 module, whose export was also `.Stream`.
Stream.Stream = Stream;

Stream._isArrayBufferView = utils.isArrayBufferView;
Stream._isUint8Array = utils.isUint8Array;
Stream._uint8ArrayToBuffer = utils.uint8ArrayToBuffer;
