'use strict';
// process.stdout and process.stderr: synchronous writes, as node does on Linux for files, TTYs
// and pipes alike, so nothing written is lost when the process exits.

const EventEmitter = require('events');
const { op_stdio_write, op_stdio_kind } = internalBinding('stdio');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

// The colour depth node reports for a terminal, from the environment.
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return 4;
      case '2':
        return 8;
      case '3':
        return 24;
      default:
        return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && /-256(color)?$/i.test(env.TERM)) return 8;
  return 4;
}

// Marks a stream whose write errors are thrown by write() and never emitted as 'error', so a
// console writing to it needs no 'error' listener around each write.
const kWriteErrorsThrown = Symbol('kWriteErrorsThrown');

class StdioWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    const kind = op_stdio_kind(fd);
    this.fd = fd;
    this._type = kind === 'tty' ? 'tty' : kind === 'file' ? 'fs' : 'pipe';
    this._isStdio = true;
    this.writable = true;
    this.destroyed = false;
    if (kind === 'tty') {
      this.isTTY = true;
      this.columns = Number(process.env.COLUMNS) || 80;
      this.rows = Number(process.env.LINES) || 24;
    }
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    if (typeof chunk === 'string' && encoding && !/^utf-?8$/i.test(encoding) && typeof Buffer === 'function') {
      chunk = Buffer.from(chunk, encoding);
    }
    op_stdio_write(this.fd, chunk);
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    process.nextTick(() => this.emit('finish'));
    return this;
  }

  cork() {}

  uncork() {}

  setDefaultEncoding() {
    return this;
  }

  destroy() {
    return this;
  }

  getColorDepth(env) {
    return getColorDepth(env);
  }

  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** getColorDepth(env);
  }

  get writableLength() {
    return 0;
  }

  get writableHighWaterMark() {
    return 16384;
  }
}

StdioWriteStream.prototype[kWriteErrorsThrown] = true;

module.exports = { StdioWriteStream, getColorDepth, kWriteErrorsThrown };
