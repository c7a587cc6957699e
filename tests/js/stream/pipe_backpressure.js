'use strict';
// Backpressure through pipe: the source pauses when the destination's write() returns false and
// resumes on 'drain'; with two destinations it waits for both.

const { Readable, Writable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    let n = 0;
    const r = new Readable({
      highWaterMark: 4,
      read() {
        n++;
        log('_read', n);
        this.push(n <= 6 ? `c${n}` : null);
      },
    });
    r.on('pause', () => log('src pause'));
    r.on('resume', () => log('src resume'));
    const w = new Writable({
      highWaterMark: 3,
      write(chunk, enc, cb) {
        log('write', chunk.toString(), 'length', this.writableLength);
        setTimeout(cb, 1);
      },
    });
    w.on('drain', () => log('drain'));
    r.pipe(w);
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // A fast and a slow destination.
    const r = new Readable({ objectMode: true, highWaterMark: 1, read() {} });
    const make = (name, delay) => {
      const w = new Writable({
        objectMode: true,
        highWaterMark: 1,
        write(chunk, enc, cb) {
          log(name, 'write', chunk);
          setTimeout(cb, delay);
        },
      });
      w.on('drain', () => log(name, 'drain'));
      return w;
    };
    const fast = make('fast', 1);
    const slow = make('slow', 4);
    r.pipe(fast);
    r.pipe(slow);
    for (let i = 0; i < 4; i++) r.push(i);
    r.push(null);
    await Promise.all([new Promise((resolve) => fast.on('finish', resolve)), new Promise((resolve) => slow.on('finish', resolve))]);
    log('both finished');
  }
  log('--');
  {
    // A destination that already needs draining pauses the source at pipe time.
    const w = new Writable({
      highWaterMark: 1,
      write(chunk, enc, cb) {
        log('held write', chunk.toString());
        setTimeout(cb, 3);
      },
    });
    log('write returns', w.write('pre'), 'needDrain', w.writableNeedDrain);
    const r = new Readable({ read() {} });
    r.on('pause', () => log('src pause'));
    r.pipe(w);
    log('flowing after pipe', r.readableFlowing);
    r.push('after');
    r.push(null);
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
})();
