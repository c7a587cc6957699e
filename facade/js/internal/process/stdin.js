'use strict';
// process.stdin, and the readable side of node:tty: a stream.Readable over a pipe, a file or a
// TTY. Each read runs off the event loop (a terminal's on a thread of its own, see the stdio
// binding), so a terminal waiting for its user never blocks it. Reading starts when something consumes the stream (a 'data' listener, resume,
// pipe, async iteration) and stops once it is paused with its buffer full. A read still waiting
// when the stream is paused no longer keeps the process alive, so a program that paused its
// stdin ends, as node's does.

const { Readable } = require('stream');
const { Buffer } = require('buffer');
const { op_stdio_read, op_stdio_read_ref, op_stdio_kind } = internalBinding('stdio');

const kChunk = 65536;
const kRequest = Symbol('kRequest');
const kPaused = Symbol('kPaused');

class StdioReadStream extends Readable {
  constructor(fd, options) {
    super({ highWaterMark: kChunk, ...options });
    this.fd = fd;
    // The read waiting on the pool, if any.
    this[kRequest] = -1;
    // Whether the program paused the stream (and has not resumed it since).
    this[kPaused] = false;
  }

  pause() {
    super.pause();
    this[kPaused] = true;
    process.nextTick(unrefIfPaused, this);
    return this;
  }

  resume() {
    this[kPaused] = false;
    if (this[kRequest] !== -1) op_stdio_read_ref(this[kRequest], true);
    return super.resume();
  }

  // One read at a time, on the pool; the stream asks for more while it is below its high-water
  // mark and someone consumes it.
  _read() {
    if (this[kRequest] !== -1) return;
    this[kRequest] = op_stdio_read(this.fd, kChunk, (err, chunk) => {
      this[kRequest] = -1;
      if (err) {
        this.destroy(err);
        return;
      }
      this.push(chunk.length === 0 ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    });
    // A paused stream still reads ahead to its high-water mark, without keeping the process.
    unrefIfPaused(this);
  }
}

function unrefIfPaused(stream) {
  if (stream[kPaused] && stream[kRequest] !== -1 && !stream.readableFlowing) {
    op_stdio_read_ref(stream[kRequest], false);
  }
}

// process.stdin: a tty.ReadStream on a terminal (with setRawMode), a plain readable otherwise.
function create() {
  if (op_stdio_kind(0) === 'tty') {
    const tty = require('tty');
    return new tty.ReadStream(0);
  }
  return new StdioReadStream(0);
}

module.exports = { StdioReadStream, create };
