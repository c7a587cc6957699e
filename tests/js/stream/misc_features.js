'use strict';
// Symbol.asyncDispose, captureRejections, readableDidRead/readableAborted, errored getters,
// isPaused, and streams subclassed with class syntax and with Readable.call.

const { Readable, Writable, PassThrough } = require('stream');
const util = require('util');

const log = (...args) => console.log(...args);

(async () => {
  {
    const r = new Readable({ read() {} });
    r.on('error', (e) => log('dispose error', e.name));
    await r[Symbol.asyncDispose]();
    log('disposed', r.destroyed, r.readableAborted, r.errored && r.errored.name);
    const done = Readable.from(['x']);
    await done.toArray();
    await done[Symbol.asyncDispose]();
    log('dispose after end', done.errored);
  }
  {
    // An async 'data' listener that rejects destroys the stream with captureRejections.
    const r = new Readable({ captureRejections: true, read() {} });
    r.on('data', async () => {
      throw new Error('async listener failed');
    });
    r.on('error', (e) => log('captured', e.message));
    r.push('x');
    await new Promise((resolve) => r.on('close', resolve));
    log('closed');
  }
  {
    const r = Readable.from(['a', 'b']);
    log('didRead before', r.readableDidRead);
    await r.toArray();
    log('didRead after', r.readableDidRead, 'aborted', r.readableAborted);
  }
  {
    class Counter extends Readable {
      constructor(max) {
        super({ objectMode: true });
        this.n = 0;
        this.max = max;
      }
      _read() {
        this.push(this.n < this.max ? this.n++ : null);
      }
    }
    log('class subclass', (await new Counter(3).toArray()).join(','));

    function OldStyle(opts) {
      Writable.call(this, opts);
      this.got = [];
    }
    util.inherits(OldStyle, Writable);
    OldStyle.prototype._write = function (chunk, enc, cb) {
      this.got.push(chunk.toString());
      cb();
    };
    const o = new OldStyle();
    o.write('old');
    o.end('style');
    await new Promise((resolve) => o.on('finish', resolve));
    log('util.inherits subclass', o.got.join(' '), o instanceof Writable);
  }
  {
    // errored on both sides of a duplex.
    const p = new PassThrough();
    p.on('error', () => {});
    p.destroy(new Error('dup'));
    log('errored', p.errored.message, p._readableState.errored.message, p._writableState.errored.message, p.writableAborted);
  }
  {
    // State inspection used by libraries.
    const r = new Readable({ read() {} });
    const s = r._readableState;
    log('state', s.flowing, s.ended, s.endEmitted, s.reading, s.length, s.pipes.length, s.objectMode, s.highWaterMark);
    r.push('abc');
    log('state after push', s.length, s.buffer.length, s.needReadable, s.readingMore);
  }
})();
