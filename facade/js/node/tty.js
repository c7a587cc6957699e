'use strict';
// node:tty — https://nodejs.org/docs/latest-v20.x/api/tty.html
//
// A terminal's streams are the ones process.stdin/stdout use (internal/process/stdin and
// stdio_stream): reads on a thread that keeps the process alive only while the stream flows,
// writes synchronous, as node's are for terminals. Unlike node's, they are not net.Socket
// instances; they are stream.Readable and stream.Writable.

const { StdioReadStream } = require('internal/process/stdin');
const { StdioWriteStream } = require('internal/process/stdio_stream');
const { getColorDepth, hasColors } = require('internal/tty');
const errors = require('internal/errors');
const { ERR_INVALID_FD, ERR_TTY_INIT_FAILED } = errors.codes;
const { op_stdio_kind, op_stdio_set_raw_mode, op_stdio_window_size } = internalBinding('stdio');

const UV_EINVAL = -22;

// Lazy loaded, as node's.
let readline;

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && op_stdio_kind(fd) === 'tty';
}

// What node's TTY handle checks on creation: a valid number, and a terminal behind it (libuv's
// uv_tty_init refuses anything else with EINVAL).
function checkTTY(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  if (op_stdio_kind(fd) !== 'tty') {
    throw new ERR_TTY_INIT_FAILED({
      errno: UV_EINVAL,
      code: 'EINVAL',
      message: 'invalid argument',
      syscall: 'uv_tty_init',
    });
  }
}

// Both constructors may be called without `new`, as node's.
function ReadStream(fd, options) {
  if (new.target === undefined) return new ReadStream(fd, options);
  checkTTY(fd);
  const stream = Reflect.construct(StdioReadStream, [fd, options], new.target);
  stream.isRaw = false;
  stream.isTTY = true;
  return stream;
}

Object.setPrototypeOf(ReadStream.prototype, StdioReadStream.prototype);
Object.setPrototypeOf(ReadStream, StdioReadStream);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = op_stdio_set_raw_mode(this.fd, flag);
  if (err) {
    this.emit('error', new errors.ErrnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (new.target === undefined) return new WriteStream(fd);
  checkTTY(fd);
  const stream = Reflect.construct(StdioWriteStream, [fd], new.target);
  const winSize = [0, 0];
  if (op_stdio_window_size(fd, winSize) === 0) {
    stream.columns = winSize[0];
    stream.rows = winSize[1];
  }
  return stream;
}

Object.setPrototypeOf(WriteStream.prototype, StdioWriteStream.prototype);
Object.setPrototypeOf(WriteStream, StdioWriteStream);

WriteStream.prototype.isTTY = true;

WriteStream.prototype.getColorDepth = getColorDepth;

WriteStream.prototype.hasColors = hasColors;

WriteStream.prototype._refreshSize = function () {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const winSize = [0, 0];
  const err = op_stdio_window_size(this.fd, winSize);
  if (err) {
    this.emit('error', new errors.ErrnoException(err, 'getWindowSize'));
    return;
  }
  const { 0: newCols, 1: newRows } = winSize;
  if (oldCols !== newCols || oldRows !== newRows) {
    this.columns = newCols;
    this.rows = newRows;
    this.emit('resize');
  }
};

// Backwards-compat, as node's.
WriteStream.prototype.cursorTo = function (x, y, callback) {
  if (readline === undefined) readline = require('readline');
  return readline.cursorTo(this, x, y, callback);
};
WriteStream.prototype.moveCursor = function (dx, dy, callback) {
  if (readline === undefined) readline = require('readline');
  return readline.moveCursor(this, dx, dy, callback);
};
WriteStream.prototype.clearLine = function (dir, callback) {
  if (readline === undefined) readline = require('readline');
  return readline.clearLine(this, dir, callback);
};
WriteStream.prototype.clearScreenDown = function (callback) {
  if (readline === undefined) readline = require('readline');
  return readline.clearScreenDown(this, callback);
};
WriteStream.prototype.getWindowSize = function () {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
