'use strict';
// process.stdout and process.stderr, made on first use (internal/process/stdio_stream), and what
// the global console writes through until then.
//
// The streams are stream.Writable, and loading the stream modules costs more than the rest of
// a hello-world's start. The global console therefore writes through a sink per descriptor: the
// same synchronous write the stream would make for a console line, until the program touches
// process.stdout or stderr; from then on the sink hands each line to the stream (and so to a
// write() the program replaced, as test runners do).

const { op_stdio_write, op_stdio_kind } = internalBinding('stdio');

// Marks a stream whose write() throws a write error at once rather than emitting 'error' later,
// so a console writing to it needs no 'error' listener around each write.
const kWriteErrorsThrown = Symbol('kWriteErrorsThrown');
// The descriptor a sink writes to, and whether it is a terminal.
const kSinkOf = Symbol('kSinkOf');
const kIsTTY = Symbol('kIsTTY');

const streams = [undefined, undefined, undefined];

function getStdioStream(fd) {
  streams[fd] ??= require('internal/process/stdio_stream').createWritableStdioStream(fd);
  return streams[fd];
}

class StdioSink {
  constructor(fd) {
    this[kSinkOf] = fd;
    this[kIsTTY] = op_stdio_kind(fd) === 'tty' ? true : undefined;
  }

  // Once the stream exists, the sink answers as the stream does (a program may set its isTTY).
  get isTTY() {
    const stream = streams[this[kSinkOf]];
    return stream !== undefined ? stream.isTTY : this[kIsTTY];
  }

  write(string) {
    const stream = streams[this[kSinkOf]];
    if (stream !== undefined) return stream.write(string);
    op_stdio_write(this[kSinkOf], string);
    return true;
  }

  getColorDepth(env) {
    const stream = streams[this[kSinkOf]];
    if (stream !== undefined) return typeof stream.getColorDepth === 'function' ? stream.getColorDepth(env) : 1;
    return require('internal/tty').getColorDepth(env);
  }

  // What the sink stands for: the stream, made now if need be.
  stream() {
    return getStdioStream(this[kSinkOf]);
  }
}

StdioSink.prototype[kWriteErrorsThrown] = true;

module.exports = { StdioSink, getStdioStream, kWriteErrorsThrown };
