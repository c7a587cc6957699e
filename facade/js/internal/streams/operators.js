'use strict';
// The iterator-helper methods of Readable (map, filter, forEach, toArray, some, find, every,
// flatMap, drop, take, reduce, asIndexedPairs, compose).
// https://nodejs.org/docs/latest-v20.x/api/stream.html#readablemapfn-options
//
// The stream-returning ones are async generators over the stream (wrapped by stream.js in
// Readable.from); the others are async functions. map is the engine for filter, forEach, some,
// find and every: it runs up to `concurrency` calls of fn at once, keeps results in input order,
// and reads ahead until `highWaterMark` results are waiting.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
} = require('internal/streams/errors');
const { validateAbortSignal, validateInteger, validateObject } = require('internal/validators');
const { isNodeStream, isWritable } = require('internal/streams/utils');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');

let staticCompose;
let finished;

// Results of fn that are dropped (filter's misses, forEach's results).
const kEmpty = Symbol('kEmpty');
// The end of the source, queued after its last result.
const kEof = Symbol('kEof');

function validateFn(fn, name = 'fn') {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
}

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

// readable.compose(stream[, options]): this stream piped into `stream`, as one stream.
function compose(stream, options) {
  validateOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  staticCompose ??= require('internal/streams/compose');
  const composedStream = staticCompose(this, stream);
  if (options?.signal) addAbortSignalNoValidate(options.signal, composedStream);
  return composedStream;
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);

  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  // How many results may wait for the consumer beyond those being computed.
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;

  return mapGenerator(this, fn, options, concurrency, highWaterMark);
}

async function* mapGenerator(stream, fn, options, concurrency, highWaterMark) {
  // fn gets a signal that follows the caller's (a fresh, never-aborted one without it).
  const signal = AbortSignal.any(options?.signal ? [options.signal] : []);
  const signalOpt = { signal };

  // Promises of fn's results, in input order, then kEof (or a rejection).
  const queue = [];
  let wakeConsumer = null;
  let wakeProducer = null;
  let done = false;
  let running = 0;

  function maybeResume() {
    if (wakeProducer !== null && !done && running < concurrency && queue.length < highWaterMark) {
      const resume = wakeProducer;
      wakeProducer = null;
      resume();
    }
  }
  function afterItemProcessed() {
    running -= 1;
    maybeResume();
  }
  function onCatch() {
    done = true;
    afterItemProcessed();
  }
  function notifyConsumer() {
    if (wakeConsumer !== null) {
      const wake = wakeConsumer;
      wakeConsumer = null;
      wake();
    }
  }

  async function produce() {
    try {
      for await (let value of stream) {
        if (done) return;
        if (signal.aborted) throw new AbortError();
        try {
          value = fn(value, signalOpt);
          if (value === kEmpty) continue;
          value = Promise.resolve(value);
        } catch (err) {
          value = Promise.reject(err);
        }
        running += 1;
        value.then(afterItemProcessed, onCatch);
        queue.push(value);
        notifyConsumer();
        if (!done && (queue.length >= highWaterMark || running >= concurrency)) {
          await new Promise((resolve) => {
            wakeProducer = resolve;
          });
        }
      }
      queue.push(kEof);
    } catch (err) {
      const value = Promise.reject(err);
      value.then(afterItemProcessed, onCatch);
      queue.push(value);
    } finally {
      done = true;
      notifyConsumer();
    }
  }

  produce();

  try {
    while (true) {
      while (queue.length > 0) {
        const value = await queue[0];
        if (value === kEof) return;
        if (signal.aborted) throw new AbortError();
        if (value !== kEmpty) yield value;
        queue.shift();
        maybeResume();
      }
      await new Promise((resolve) => {
        wakeConsumer = resolve;
      });
    }
  } finally {
    done = true;
    if (wakeProducer !== null) {
      const resume = wakeProducer;
      wakeProducer = null;
      resume();
    }
  }
}

function asIndexedPairs(options = undefined) {
  validateOptions(options);
  return (async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      if (options?.signal?.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
      yield [index++, val];
    }
  }).call(this);
}

async function some(fn, options = undefined) {
  // eslint-disable-next-line no-unused-vars
  for await (const unused of filter.call(this, fn, options)) return true;
  return false;
}

async function every(fn, options = undefined) {
  validateFn(fn);
  // Every item passes when none fails.
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  validateFn(fn);
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const unused of map.call(this, forEachFn, options));
}

function filter(fn, options) {
  validateFn(fn);
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

// ERR_MISSING_ARGS with reduce's own message.
class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;

  if (options?.signal?.aborted) {
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {});
    finished ??= require('internal/streams/end-of-stream').finished;
    await finished(this.destroy(err));
    throw err;
  }

  // The reducer's signal aborts when the caller's does and when reduce is over.
  const ac = new AbortController();
  const signal = ac.signal;
  let onAbort;
  if (options?.signal) {
    onAbort = () => ac.abort();
    options.signal.addEventListener('abort', onAbort, { once: true });
  }

  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (options?.signal?.aborted) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) throw new ReduceAwareErrMissingArgs();
  } finally {
    ac.abort();
    if (onAbort) options.signal.removeEventListener('abort', onAbort);
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const val of this) {
    if (options?.signal?.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flatMap() {
    for await (const val of values) yield* val;
  }).call(this);
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return (async function* drop() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- <= 0) yield val;
    }
  }).call(this);
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return (async function* take() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- > 0) yield val;
      // Stop before pulling another item once the count is reached.
      if (number <= 0) return;
    }
  }).call(this);
}

module.exports.streamReturningOperators = {
  asIndexedPairs: require('internal/util').deprecate(
    asIndexedPairs,
    'readable.asIndexedPairs will be removed in a future version.',
  ),
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
};

module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
