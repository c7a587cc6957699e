'use strict';
// Transform: _transform/_flush, callback with data, push multiple, errors, event order.

const { Transform, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

function trace(s, name) {
  for (const ev of ['end', 'finish', 'prefinish', 'close', 'error']) {
    s.on(ev, (arg) => log(`${name} ${ev}${ev === 'error' ? ' ' + (arg.code || arg.message) : ''}`));
  }
}

(async () => {
  {
    const t = new Transform({
      transform(chunk, enc, cb) {
        log('_transform', chunk.toString(), enc);
        this.push('<');
        cb(null, chunk.toString().toUpperCase());
      },
      flush(cb) {
        log('_flush');
        this.push('tail');
        cb(null, '!');
      },
    });
    trace(t, 't');
    t.on('data', (d) => log('data', d.toString()));
    t.write('ab');
    t.end('cd');
    await new Promise((resolve) => t.on('close', resolve));
  }
  log('--');
  {
    const t = new Transform({
      transform(chunk, enc, cb) {
        cb(new Error('transform failed'));
      },
    });
    trace(t, 'err');
    t.write('x', (err) => log('write cb', err && err.message));
    await new Promise((resolve) => t.on('close', resolve));
  }
  log('--');
  {
    const t = new Transform({
      transform(chunk, enc, cb) {
        cb(null, chunk);
      },
      flush(cb) {
        cb(new Error('flush failed'));
      },
    });
    trace(t, 'flusherr');
    t.resume();
    t.end('x');
    await new Promise((resolve) => t.on('close', resolve));
  }
  log('--');
  {
    // Object mode transform with falsy values; undefined output is skipped.
    const t = new Transform({
      objectMode: true,
      transform(chunk, enc, cb) {
        cb(null, chunk === 'skip' ? undefined : chunk);
      },
    });
    const out = [];
    t.on('data', (d) => out.push(JSON.stringify(d)));
    for (const v of [0, false, '', 'skip', null === null ? 'x' : 'y']) t.write(v);
    t.end();
    await new Promise((resolve) => t.on('end', resolve));
    log('object out', out.join(' '));
  }
  log('--');
  {
    // PassThrough and missing _transform.
    const p = new PassThrough();
    p.end('through');
    log('passthrough read', (await new Promise((resolve) => p.once('readable', () => resolve(p.read())))).toString());
    const t = new Transform();
    t.on('error', (e) => log('no transform', e.code, e.message));
    try {
      t.write('x');
    } catch (e) {
      log('throws', e.code, e.message);
    }
    log('callable', PassThrough() instanceof Transform, Transform() instanceof Transform);
  }
  log('--');
  {
    // Transform backpressure: callbacks are held while the readable side is full.
    const t = new Transform({
      highWaterMark: 2,
      transform(chunk, enc, cb) {
        log('_transform', chunk.toString());
        cb(null, chunk);
      },
    });
    for (const c of ['a', 'b', 'c', 'd']) log('write', c, t.write(c, () => log('cb', c)));
    await new Promise((resolve) => setTimeout(resolve, 2));
    log('readableLength', t.readableLength, 'writableLength', t.writableLength);
    t.on('data', (d) => log('data', d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2));
    t.end();
    await new Promise((resolve) => t.on('finish', resolve));
    log('finished');
  }
  log('--');
  {
    // A subclass with its own _final still flushes through 'prefinish'.
    class Upper extends Transform {
      _transform(chunk, enc, cb) {
        cb(null, chunk.toString().toUpperCase());
      }
      _flush(cb) {
        log('flush of subclass');
        cb();
      }
      _final(cb) {
        log('own _final');
        cb();
      }
    }
    const u = new Upper();
    trace(u, 'u');
    u.on('data', (d) => log('data', d.toString()));
    u.end('q');
    await new Promise((resolve) => u.on('close', resolve));
  }
})();
