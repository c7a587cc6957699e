'use strict';
// The full order of events across a Readable -> Transform -> Writable pipe, and for a Duplex
// ending both sides.

const { Readable, Transform, Writable, Duplex } = require('stream');

const log = (...args) => console.log(...args);

function trace(s, name, events) {
  for (const ev of events) {
    s.on(ev, (arg) => {
      let extra = '';
      if (ev === 'data') extra = ' ' + String(arg);
      if (ev === 'error') extra = ' ' + arg.message;
      log(`${name}:${ev}${extra}`);
    });
  }
}

const readableEvents = ['data', 'end', 'close', 'error', 'pause', 'resume', 'pipe', 'unpipe'];
const writableEvents = ['finish', 'prefinish', 'close', 'error', 'drain', 'pipe', 'unpipe'];

(async () => {
  {
    const chunks = ['one', 'two', 'three'];
    const src = new Readable({
      read() {
        const c = chunks.shift();
        log('src:_read', c === undefined ? 'EOF' : c);
        this.push(c === undefined ? null : c);
      },
    });
    const t = new Transform({
      highWaterMark: 4,
      transform(c, e, cb) {
        log('t:_transform', c.toString());
        cb(null, c.toString().length.toString());
      },
      flush(cb) {
        log('t:_flush');
        cb();
      },
    });
    const dst = new Writable({
      highWaterMark: 2,
      write(c, e, cb) {
        log('dst:_write', c.toString());
        setImmediate(cb);
      },
      final(cb) {
        log('dst:_final');
        cb();
      },
    });
    trace(src, 'src', readableEvents);
    trace(t, 't', [...new Set([...readableEvents.filter((e) => e !== 'data'), ...writableEvents])]);
    trace(dst, 'dst', writableEvents);
    src.pipe(t).pipe(dst);
    await new Promise((resolve) => dst.on('close', resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }
  log('--');
  {
    const d = new Duplex({
      read() {},
      write(c, e, cb) {
        log('d:_write', c.toString());
        cb();
      },
      final(cb) {
        log('d:_final');
        cb();
      },
    });
    trace(d, 'd', [...new Set([...readableEvents, ...writableEvents, 'readable'])]);
    d.push('out');
    d.push(null);
    d.end('in');
    d.on('readable', () => {
      let c;
      while ((c = d.read()) !== null) log('d:read', c.toString());
    });
    await new Promise((resolve) => d.on('close', resolve));
  }
  log('--');
  {
    // Destroy in the middle of flowing.
    const r = new Readable({ read() {} });
    trace(r, 'mid', readableEvents);
    r.push('a');
    r.resume();
    setImmediate(() => {
      r.push('b');
      r.destroy(new Error('stop'));
      r.push('c');
    });
    await new Promise((resolve) => r.on('close', resolve));
  }
})();
