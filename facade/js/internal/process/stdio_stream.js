'use strict';
// process.stdout and process.stderr (made by internal/process/stdio on first use), and the
// writable side of node:tty: stream.Writable whose
// writes are synchronous, as node's are on Linux for files, TTYs and pipes alike, so nothing
// written is lost when the process exits. A write with nothing queued ahead of it (nearly every
// console.log) goes straight to the descriptor: the Writable machinery would hand it through
// unchanged, and skipping it keeps printing cheap.

const Writable = require('internal/streams/writable');
const { kWritesThrough } = require('internal/streams/state');
const { op_stdio_write, op_stdio_kind } = internalBinding('stdio');

const { kWriteErrorsThrown } = require('internal/process/stdio');

function isUtf8(encoding) {
  return encoding === 'utf8' || encoding === 'utf-8';
}

// A write with nothing queued ahead of it, in utf8 unless told otherwise, needs none of the
// Writable machinery.
function updateDirect(stream) {
  const state = stream._writableState;
  stream[kDirect] = state[kWritesThrough]() && isUtf8(state.defaultEncoding);
}

const kDirect = Symbol('kDirect');

class StdioWriteStream extends Writable {
  constructor(fd) {
    super({ decodeStrings: false });
    this.fd = fd;
    // Whether write() may go straight to the descriptor: kept up to date by the methods that
    // change what the check depends on, so the write itself tests one property.
    this[kDirect] = true;
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (
      this[kDirect] &&
      (typeof chunk === 'string' ? encoding === undefined || isUtf8(encoding) : chunk instanceof Uint8Array)
    ) {
      op_stdio_write(this.fd, chunk);
      if (typeof cb === 'function') process.nextTick(cb, null);
      return true;
    }
    // (Not super.write: in this engine a method that names super runs measurably slower.)
    return Writable.prototype.write.call(this, chunk, encoding, cb);
  }

  cork() {
    this[kDirect] = false;
    super.cork();
  }

  uncork() {
    super.uncork();
    updateDirect(this);
  }

  end(chunk, encoding, cb) {
    this[kDirect] = false;
    return super.end(chunk, encoding, cb);
  }

  destroy(err, cb) {
    this[kDirect] = false;
    return super.destroy(err, cb);
  }

  _undestroy() {
    super._undestroy();
    updateDirect(this);
  }

  setDefaultEncoding(encoding) {
    super.setDefaultEncoding(encoding);
    updateDirect(this);
    return this;
  }

  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string' && !isUtf8(encoding)) chunk = require('buffer').Buffer.from(chunk, encoding);
    try {
      op_stdio_write(this.fd, chunk);
    } catch (err) {
      cb(err);
      return;
    }
    cb();
  }

  _destroy(err, cb) {
    // A descriptor the program opened itself is closed with the stream, as node's handle would.
    if (this.fd > 2) require('fs').close(this.fd, (closeErr) => cb(err ?? closeErr));
    else cb(err);
  }
}

StdioWriteStream.prototype[kWriteErrorsThrown] = true;

// process.stdout and stderr are never closed: destroy() reports as usual, then the stream is
// made usable again (node's dummyDestroy).
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => {
      this.emit('close');
    });
  }
}

function createWritableStdioStream(fd) {
  const kind = op_stdio_kind(fd);
  let stream;
  if (kind === 'tty') {
    const tty = require('tty');
    stream = new tty.WriteStream(fd);
    stream._type = 'tty';
  } else {
    stream = new StdioWriteStream(fd);
    stream._type = kind === 'file' ? 'fs' : 'pipe';
  }
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  // A terminal's size is read again when it changes, and 'resize' follows.
  if (stream.isTTY) process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

module.exports = { StdioWriteStream, createWritableStdioStream };
