'use strict';
// What the web stream classes share (node's lib/internal/webstreams/util.js): the brand checks,
// the queue-with-sizes of the Streams Standard, strategy extraction, the iterator helpers and
// ArrayBuffer transfer. https://streams.spec.whatwg.org/

const {
  codes: { ERR_ARG_NOT_ITERABLE, ERR_INVALID_ARG_VALUE, ERR_OPERATION_FAILED, ERR_INVALID_STATE },
} = require('internal/errors');

const {
  constants: { kPending },
  getPromiseDetails,
} = internalBinding('util');

const assert = require('internal/assert');
const { isArrayBufferDetached } = require('internal/util');

const { validateFunction } = require('internal/validators');

let inspectFn;
function inspect(value, opts) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

const kState = Symbol('kState');
const kType = Symbol('kType');

const AsyncIterator = {
  __proto__: AsyncIteratorPrototype,
  next: undefined,
  return: undefined,
};

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0)
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  return value;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return () => 1;
  validateFunction(size, 'strategy.size');
  return size;
}

function customInspect(depth, options, name, data) {
  if (depth < 0) return this;

  const opts = {
    ...options,
    depth: options.depth == null ? null : options.depth - 1,
  };

  return `${name} ${inspect(data, opts)}`;
}

// These are defensive to work around the possibility that
// the buffer, byteLength, and byteOffset properties on
// ArrayBuffer and ArrayBufferView's may have been tampered with.

function ArrayBufferViewGetBuffer(view) {
  return Reflect.get(view.constructor.prototype, 'buffer', view);
}

function ArrayBufferViewGetByteLength(view) {
  return Reflect.get(view.constructor.prototype, 'byteLength', view);
}

function ArrayBufferViewGetByteOffset(view) {
  return Reflect.get(view.constructor.prototype, 'byteOffset', view);
}

function cloneAsUint8Array(view) {
  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);
  return new Uint8Array(buffer.slice(byteOffset, byteOffset + byteLength));
}

function isBrandCheck(brand) {
  return (value) => {
    return value != null && value[kState] !== undefined && value[kType] === brand;
  };
}

// Copies `length` bytes between two ArrayBuffers.
function copyArrayBuffer(destination, destinationOffset, source, sourceOffset, length) {
  new Uint8Array(destination, destinationOffset, length).set(new Uint8Array(source, sourceOffset, length));
}

// The Streams Standard moves a buffer's bytes into a new ArrayBuffer and detaches the old one, so
// that the side that gave it up cannot see later writes. With an engine that has
// ArrayBuffer.prototype.transfer (ES2024) that is what happens; without it (Boa as built here)
// the bytes are copied and the old buffer stays usable, which only the code that gave it up can
// tell. A detached buffer cannot be transferred either way.
const nativeTransfer = ArrayBuffer.prototype.transfer;
function transferArrayBuffer(buffer) {
  if (isArrayBufferDetached(buffer)) {
    throw new ERR_OPERATION_FAILED.TypeError('The ArrayBuffer could not be transferred');
  }
  if (typeof nativeTransfer === 'function') return nativeTransfer.call(buffer);
  return buffer.slice(0);
}

function isViewedArrayBufferDetached(view) {
  return ArrayBufferViewGetByteLength(view) === 0 && isArrayBufferDetached(ArrayBufferViewGetBuffer(view));
}

function dequeueValue(controller) {
  assert(controller[kState].queue !== undefined);
  assert(controller[kState].queueTotalSize !== undefined);
  assert(controller[kState].queue.length);
  const { value, size } = controller[kState].queue.shift();
  controller[kState].queueTotalSize = Math.max(0, controller[kState].queueTotalSize - size);
  return value;
}

function resetQueue(controller) {
  assert(controller[kState].queue !== undefined);
  assert(controller[kState].queueTotalSize !== undefined);
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}

function peekQueueValue(controller) {
  assert(controller[kState].queue !== undefined);
  assert(controller[kState].queueTotalSize !== undefined);
  assert(controller[kState].queue.length);
  return controller[kState].queue[0].value;
}

function enqueueValueWithSize(controller, value, size) {
  assert(controller[kState].queue !== undefined);
  assert(controller[kState].queueTotalSize !== undefined);
  size = +size;
  if (typeof size !== 'number' || size < 0 || Number.isNaN(size) || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  controller[kState].queue.push({ value, size });
  controller[kState].queueTotalSize += size;
}

// This implements "invoke a callback function type" for callback functions that return a promise.
// See https://webidl.spec.whatwg.org/#es-invoking-callback-functions
async function invokePromiseCallback(fn, thisArg, ...args) {
  return Reflect.apply(fn, thisArg, args);
}

function createPromiseCallback(name, fn, thisArg) {
  validateFunction(fn, name);
  return (...args) => invokePromiseCallback(fn, thisArg, ...args);
}

function isPromisePending(promise) {
  if (promise === undefined) return false;
  const details = getPromiseDetails(promise);
  return details?.[0] === kPending;
}

// The streams react to their own promises through the original Promise.prototype.then, so a
// program that patches it neither sees nor changes their steps (the Streams Standard's "react to
// a promise"; node uses its primordials for the same).
const intrinsicThen = Promise.prototype.then;
function promiseThen(promise, onFulfilled, onRejected) {
  return Reflect.apply(intrinsicThen, promise, [onFulfilled, onRejected]);
}

function setPromiseHandled(promise) {
  // Handlers that do nothing mark the promise handled, so its rejection is never reported as
  // unhandled.
  promiseThen(
    promise,
    () => {},
    () => {},
  );
}

async function nonOpFlush() {}

function nonOpStart() {}

async function nonOpPull() {}

async function nonOpCancel() {}

async function nonOpWrite() {}

function createAsyncFromSyncIterator(syncIteratorRecord) {
  const syncIterable = {
    [Symbol.iterator]: () => syncIteratorRecord.iterator,
  };

  const asyncIterator = (async function* () {
    return yield* syncIterable;
  })();

  const nextMethod = asyncIterator.next;
  return { iterator: asyncIterator, nextMethod, done: false };
}

// Refs: https://tc39.es/ecma262/#sec-getiterator
function getIterator(obj, kind = 'sync', method) {
  if (method === undefined) {
    if (kind === 'async') {
      method = obj[Symbol.asyncIterator];
      if (method == null) {
        const syncMethod = obj[Symbol.iterator];

        if (syncMethod === undefined) {
          throw new ERR_ARG_NOT_ITERABLE(obj);
        }

        const syncIteratorRecord = getIterator(obj, 'sync', syncMethod);
        return createAsyncFromSyncIterator(syncIteratorRecord);
      }
    } else {
      method = obj[Symbol.iterator];
    }
  }

  if (method === undefined) {
    throw new ERR_ARG_NOT_ITERABLE(obj);
  }

  const iterator = Reflect.apply(method, obj, []);
  if (typeof iterator !== 'object' || iterator === null) {
    throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  }
  const nextMethod = iterator.next;
  return { iterator, nextMethod, done: false };
}

function iteratorNext(iteratorRecord, value) {
  let result;
  if (value === undefined) {
    result = Reflect.apply(iteratorRecord.nextMethod, iteratorRecord.iterator, []);
  } else {
    result = Reflect.apply(iteratorRecord.nextMethod, iteratorRecord.iterator, [[value]]);
  }
  if (typeof result !== 'object' || result === null) {
    throw new ERR_INVALID_STATE.TypeError('The iterator.next() method must return an object');
  }
  return result;
}

module.exports = {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  AsyncIterator,
  createPromiseCallback,
  cloneAsUint8Array,
  copyArrayBuffer,
  customInspect,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokePromiseCallback,
  isBrandCheck,
  isPromisePending,
  isViewedArrayBufferDetached,
  peekQueueValue,
  promiseThen,
  resetQueue,
  setPromiseHandled,
  transferArrayBuffer,
  nonOpCancel,
  nonOpFlush,
  nonOpPull,
  nonOpStart,
  nonOpWrite,
  getIterator,
  iteratorNext,
  kType,
  kState,
};
