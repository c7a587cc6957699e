'use strict';
// process.stdin, readable from a pipe, a file or a TTY. Each read runs on the worker pool, so a
// terminal waiting for its user never blocks the event loop. Reading starts when the program
// listens for data (or resumes) and stops when it pauses.

const EventEmitter = require('events');
const { op_stdio_read, op_stdio_kind, op_stdio_set_raw_mode } = internalBinding('stdio');

const kChunk = 65536;

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

class Stdin extends EventEmitter {
  constructor() {
    super();
    const kind = op_stdio_kind(0);
    this.fd = 0;
    this.isTTY = kind === 'tty' ? true : undefined;
    // Only a terminal has a raw mode (node's stdin is a tty.ReadStream then, with setRawMode).
    if (this.isTTY) {
      this.isRaw = false;
      this.setRawMode = setRawMode;
    }
    this.readable = true;
    this.readableEnded = false;
    this._flowing = null;
    this._reading = false;
    this._encoding = null;
    this._decoder = null;
    this.on('newListener', (event) => {
      if (event === 'data' && this._flowing !== false) this.resume();
    });
  }

  setEncoding(encoding) {
    this._encoding = encoding;
    this._decoder = new TextDecoder(encoding === 'utf-8' ? 'utf8' : encoding);
    return this;
  }

  resume() {
    this._flowing = true;
    this._read();
    return this;
  }

  pause() {
    this._flowing = false;
    return this;
  }

  isPaused() {
    return this._flowing === false;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  _read() {
    if (this._reading || this.readableEnded || !this._flowing) return;
    this._reading = true;
    op_stdio_read(0, kChunk, (err, chunk) => {
      this._reading = false;
      if (err) {
        this.emit('error', err);
        return;
      }
      if (chunk.length === 0) {
        this.readableEnded = true;
        this.readable = false;
        this.emit('end');
        process.nextTick(() => this.emit('close'));
        return;
      }
      let data = typeof Buffer === 'function' ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length) : chunk;
      if (this._decoder !== null) data = this._decoder.decode(chunk, { stream: true });
      this.emit('data', data);
      this._read();
    });
  }

  async *[Symbol.asyncIterator]() {
    const chunks = [];
    let done = false;
    let wake = null;
    this.on('data', (c) => {
      chunks.push(c);
      if (wake) wake();
    });
    this.on('end', () => {
      done = true;
      if (wake) wake();
    });
    while (true) {
      if (chunks.length > 0) {
        yield chunks.shift();
      } else if (done) {
        return;
      } else {
        await new Promise((resolve) => (wake = resolve));
        wake = null;
      }
    }
  }
}

function create() {
  return new Stdin();
}

module.exports = { create };
