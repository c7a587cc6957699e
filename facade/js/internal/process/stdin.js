'use strict';
// process.stdin, a stream.Readable over a pipe, a file or a TTY. Each read runs on the worker
// pool, so a terminal waiting for its user never blocks the event loop. Reading starts when
// something consumes the stream (a 'data' listener, resume, pipe, async iteration) and stops once
// it is paused with its buffer full.

const { Readable } = require('stream');
const { Buffer } = require('buffer');
const { op_stdio_read, op_stdio_kind, op_stdio_set_raw_mode } = internalBinding('stdio');

const kChunk = 65536;
const kReading = Symbol('kReading');

function setRawMode(flag) {
  flag = !!flag;
  const err = op_stdio_set_raw_mode(0, flag);
  if (err !== 0) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'setRawMode');
  }
  this.isRaw = flag;
  return this;
}

class Stdin extends Readable {
  constructor() {
    super({ highWaterMark: kChunk });
    const kind = op_stdio_kind(0);
    this.fd = 0;
    this.isTTY = kind === 'tty' ? true : undefined;
    // Only a terminal has a raw mode (node's stdin is a tty.ReadStream then, with setRawMode).
    if (this.isTTY) {
      this.isRaw = false;
      this.setRawMode = setRawMode;
    }
    this[kReading] = false;
  }

  // One read at a time, on the pool; the stream asks for more while it is below its high-water
  // mark and someone consumes it.
  _read() {
    if (this[kReading]) return;
    this[kReading] = true;
    op_stdio_read(0, kChunk, (err, chunk) => {
      this[kReading] = false;
      if (err) {
        this.destroy(err);
        return;
      }
      this.push(chunk.length === 0 ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    });
  }
}

function create() {
  return new Stdin();
}

module.exports = { create };
