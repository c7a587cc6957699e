'use strict';
// highWaterMark 0: reads still work, push returns false, Transform with readableHighWaterMark 0.

const { Readable, Transform, Writable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    let n = 0;
    const r = new Readable({
      highWaterMark: 0,
      read() {
        n++;
        log('_read', n);
        setTimeout(() => log('push returns', this.push(n <= 3 ? `c${n}` : null)), 1);
      },
    });
    r.on('data', (d) => log('data', d.toString()));
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
  {
    const r = new Readable({ highWaterMark: 0, read() {} });
    r.on('readable', () => {
      log('readable, length', r.readableLength);
      const c = r.read();
      log('read', c && c.toString());
    });
    setTimeout(() => r.push('x'), 1);
    setTimeout(() => r.push(null), 3);
    await new Promise((resolve) => r.on('end', resolve));
    log('end 2');
  }
  {
    const t = new Transform({
      readableHighWaterMark: 0,
      transform(c, e, cb) {
        log('_transform', c.toString());
        cb(null, c);
      },
    });
    log('hwms', t.readableHighWaterMark, t.writableHighWaterMark);
    log('write', t.write('a'), t.write('b'));
    const w = new Writable({
      highWaterMark: 0,
      write(c, e, cb) {
        log('sink', c.toString());
        setTimeout(cb, 1);
      },
    });
    log('hwm0 writable write returns', w.write('z'));
    t.pipe(w);
    t.end();
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
})();
