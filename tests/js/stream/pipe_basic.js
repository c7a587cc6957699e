'use strict';
// pipe(): events on both sides, end propagation, { end: false }, unpipe, multiple destinations.

const { Readable, Writable, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

function source(chunks, opts) {
  const list = [...chunks];
  return new Readable({
    ...opts,
    read() {
      this.push(list.length ? list.shift() : null);
    },
  });
}

function sink(name, opts) {
  const w = new Writable({
    ...opts,
    write(chunk, enc, cb) {
      log(name, 'write', chunk.toString());
      cb();
    },
  });
  for (const ev of ['pipe', 'unpipe', 'finish', 'close', 'drain']) w.on(ev, () => log(name, ev));
  return w;
}

(async () => {
  {
    const r = source(['a', 'b', 'c']);
    r.on('end', () => log('src end'));
    r.on('close', () => log('src close'));
    const w = sink('w');
    log('pipe returns dest', r.pipe(w) === w);
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    const r = source(['x', 'y']);
    const w = sink('noend');
    r.pipe(w, { end: false });
    r.on('end', () => log('src end, dest ended?', w.writableEnded));
    await new Promise((resolve) => r.on('close', resolve));
    w.end();
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    // unpipe stops the flow; resume pipes again.
    const r = new Readable({ read() {} });
    const w = sink('un');
    r.pipe(w);
    r.push('1');
    await new Promise((resolve) => setImmediate(resolve));
    r.unpipe(w);
    log('after unpipe: flowing', r.readableFlowing, 'pipes', r._readableState.pipes.length);
    r.push('2');
    await new Promise((resolve) => setImmediate(resolve));
    log('buffered', r.readableLength);
    r.pipe(w);
    r.push(null);
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    // Two destinations.
    const r = source(['m', 'n']);
    const w1 = sink('w1');
    const w2 = sink('w2');
    r.pipe(w1);
    r.pipe(w2);
    await Promise.all([new Promise((resolve) => w1.on('close', resolve)), new Promise((resolve) => w2.on('close', resolve))]);
  }
  log('--');
  {
    // unpipe() with no argument removes all.
    const r = new Readable({ read() {} });
    const w1 = sink('all1');
    const w2 = sink('all2');
    r.pipe(w1);
    r.pipe(w2);
    r.unpipe();
    log('pipes left', r._readableState.pipes.length, 'flowing', r.readableFlowing);
  }
  log('--');
  {
    // Piping into a chain.
    const r = source(['q', 'r']);
    const p = new PassThrough();
    const w = sink('chain');
    r.pipe(p).pipe(w);
    await new Promise((resolve) => w.on('finish', resolve));
  }
  log('--');
  {
    // Piping into a Writable that is not readable fails; writable.pipe() errors.
    const w = sink('cannot');
    w.on('error', (err) => log('pipe from writable', err.code, err.message));
    w.pipe(sink('other'));
    await new Promise((resolve) => setImmediate(resolve));
  }
})();
