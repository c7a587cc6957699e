'use strict';
// stream.Transform: a Duplex whose output is computed from its input by _transform(chunk,
// encoding, callback); _flush(callback) may add a last chunk when the input ends.
// https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamtransform
//
// Backpressure: the callback of a _transform whose output filled the readable buffer is held
// back (in this[kCallback]) until the consumer reads, which calls _read.

const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');
const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/streams/errors');

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // A readable mark of 0 would stall the writable side behind it: make both 0, so that every
  // chunk passes straight through.
  const readableHighWaterMark = options ? getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // Output pushed during a write is handed out at once; there is no read() call to return it
  // from.
  this._readableState.sync = false;

  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // Ending is wired through 'prefinish' when a subclass replaced _final.
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function (chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function (chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;

  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if (rState.ended) {
      // The output side is over (the transform pushed null): acknowledge on the next tick.
      process.nextTick(callback);
    } else if (
      wState.ended || // end() was called: nobody will read to release the callback
      length === rState.length || // nothing was buffered by this chunk
      rState.length < rState.highWaterMark
    ) {
      callback();
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function () {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

module.exports = Transform;
