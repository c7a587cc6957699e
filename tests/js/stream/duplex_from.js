'use strict';
// Duplex.from: from streams, pairs, functions, generators, iterables and promises.

const { Duplex, Readable, Writable, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    const p = new PassThrough();
    log('duplex returned as is', Duplex.from(p) === p);
  }
  {
    const d = Duplex.from(Readable.from(['r1', 'r2']));
    log('from readable', d.readable, d.writable, (await d.toArray()).join(','));
  }
  {
    const got = [];
    const w = new Writable({
      write(c, e, cb) {
        got.push(c.toString());
        cb();
      },
    });
    const d = Duplex.from(w);
    log('from writable', d.readable, d.writable);
    d.end('to-writable');
    await new Promise((resolve) => d.on('finish', resolve));
    log('written', got.join(','));
  }
  {
    const d = Duplex.from(async function* (source) {
      for await (const chunk of source) yield String(chunk).toUpperCase();
    });
    d.write('gen');
    d.end('erator');
    log('from async generator fn', (await d.toArray()).join(','));
  }
  {
    const d = Duplex.from(['i1', 'i2']);
    log('from iterable', d.writable, (await d.toArray()).join(','));
  }
  {
    const d = Duplex.from(Promise.resolve('resolved value'));
    log('from promise', (await d.toArray()).join(','));
  }
  {
    const d = Duplex.from(async function (source) {
      for await (const c of source) log('async fn consumed', c);
    });
    d.end('last');
    await new Promise((resolve) => d.on('finish', resolve));
    log('async fn finished');
  }
  {
    const readable = Readable.from(['pr']);
    const writable = new Writable({
      write(c, e, cb) {
        log('pair writable got', c.toString());
        cb();
      },
    });
    const d = Duplex.from({ readable, writable });
    d.end('pw');
    log('pair read', (await d.toArray()).join(','));
  }
  for (const bad of [42, 'string?', null]) {
    try {
      Duplex.from(bad);
      log('accepted', JSON.stringify(bad));
    } catch (e) {
      log('rejects', JSON.stringify(bad), e.code);
    }
  }
})();
