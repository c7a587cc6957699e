'use strict';
// stream.compose and readable.compose: chains of streams and async generators as one Duplex.

const { compose, Readable, Transform, PassThrough, Writable, Duplex } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    const upper = new Transform({
      transform(c, e, cb) {
        cb(null, c.toString().toUpperCase());
      },
    });
    const exclaim = new Transform({
      transform(c, e, cb) {
        cb(null, c + '!');
      },
    });
    const d = compose(upper, exclaim);
    log('is Duplex', d instanceof Duplex, d.readable, d.writable);
    const out = [];
    d.on('data', (c) => out.push(c.toString()));
    d.on('end', () => log('end'));
    d.on('finish', () => log('finish'));
    d.on('close', () => log('close'));
    d.write('a');
    d.end('b');
    await new Promise((resolve) => d.on('close', resolve));
    log('out', out.join(','));
  }
  {
    // Async generator functions as stages.
    const d = compose(
      async function* (source) {
        for await (const c of source) yield String(c).repeat(2);
      },
      async function* (source) {
        for await (const c of source) yield `[${c}]`;
      },
    );
    const r = Readable.from(['x', 'y']).pipe(d);
    const out = [];
    for await (const c of r) out.push(c.toString());
    log('generators', out.join(''));
  }
  {
    // A readable first stage makes a readable-only result.
    const d = compose(Readable.from(['r1', 'r2']), new PassThrough({ objectMode: true }));
    log('readable only', d.readable, d.writable);
    log('toArray', (await d.toArray()).join(','));
  }
  {
    // Errors in a stage destroy the composed stream.
    const d = compose(
      new PassThrough(),
      new Transform({
        transform(c, e, cb) {
          cb(new Error('stage failed'));
        },
      }),
    );
    d.on('error', (e) => log('composed error', e.message));
    d.on('close', () => log('composed close'));
    d.write('x');
    await new Promise((resolve) => d.on('close', resolve));
  }
  {
    // readable.compose with a generator.
    const r = Readable.from([1, 2, 3]).compose(async function* (source) {
      for await (const n of source) yield n * 10;
    });
    log('readable.compose', (await r.toArray()).join(','), r instanceof Readable);
  }
  {
    // Argument checks.
    try {
      compose();
    } catch (e) {
      log('no args', e.code, e.message);
    }
    const w = new Writable({ write(c, e, cb) { cb(); } });
    try {
      compose(w, new PassThrough());
    } catch (e) {
      log('writable first', e.code, e.message.split('.')[0]);
    }
    const d = compose(new PassThrough());
    log('single stream returned as is', d instanceof PassThrough);
  }
})();
