'use strict';
// Readable.from(iterable[, options]): a Readable (object mode by default) over an iterable or
// async iterable. Strings and Buffers are one chunk, not iterated.
// https://nodejs.org/docs/latest-v20.x/api/stream.html#streamreadablefromiterable-options

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES },
} = require('internal/streams/errors');
const { getBuffer } = require('internal/streams/utils');

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof getBuffer()) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let iterator;
  let isAsync;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({
    objectMode: true,
    highWaterMark: 1,
    ...opts,
  });

  // One pull loop at a time; _read calls during it are absorbed.
  let reading = false;
  // A sync iterator that yielded a promise is awaited value by value from then on.
  let awaitValues = false;

  readable._read = function () {
    if (!reading) {
      reading = true;
      if (isAsync) pullAsync();
      else if (awaitValues) pullSyncAwaiting();
      else pullSync();
    }
  };

  readable._destroy = function (error, cb) {
    close(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };

  // Lets the iterator clean up (a generator's finally blocks run).
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  // Returns true to keep pulling.
  function deliver(value) {
    if (value === null) {
      reading = false;
      throw new ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function pullSync() {
    try {
      for (;;) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          awaitValues = true;
          continueAwaiting(value);
          return;
        }
        if (!deliver(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function continueAwaiting(pending) {
    try {
      if (!deliver(await pending)) return;
    } catch (err) {
      readable.destroy(err);
      return;
    }
    pullSyncAwaiting();
  }

  async function pullSyncAwaiting() {
    try {
      for (;;) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!deliver(await value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullAsync() {
    try {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const resolved = value && typeof value.then === 'function' ? await value : value;
        if (!deliver(resolved)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  return readable;
}

module.exports = from;
