'use strict';
// TransformStream: transform and flush, several chunks out per chunk in, terminate, errors in
// either direction, backpressure between the sides, and the identity transform.

const log = (...args) => console.log(...args);

async function collect(readable) {
  const out = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}

(async () => {
  {
    const ts = new TransformStream({
      start(c) {
        log('start', c.constructor.name, c.desiredSize);
      },
      transform(chunk, c) {
        for (const ch of chunk) c.enqueue(ch);
      },
      flush(c) {
        c.enqueue('<end>');
        log('flush');
      },
    });
    const writer = ts.writable.getWriter();
    writer.write('ab');
    writer.write('c');
    writer.close();
    log('split', await collect(ts.readable));
  }

  {
    // The identity transform passes chunks as they are.
    const ts = new TransformStream();
    const writer = ts.writable.getWriter();
    writer.write(1);
    writer.write({ two: 2 });
    writer.close();
    log('identity', await collect(ts.readable));
  }

  {
    // terminate(): the readable side closes and writes start failing.
    const ts = new TransformStream({
      transform(chunk, c) {
        c.enqueue(chunk);
        if (chunk === 'stop') c.terminate();
      },
    });
    const writer = ts.writable.getWriter();
    const reading = collect(ts.readable);
    await writer.write('go');
    await writer.write('stop');
    await writer.write('more').catch((e) => log('write after terminate', e.name, e.code, e.message));
    log('terminated', await reading);
  }

  {
    // A transform that throws errors both sides.
    const ts = new TransformStream({
      transform() {
        throw new Error('cannot transform');
      },
    });
    // The readable side starts with backpressure: a read lets the write through.
    const reading = ts.readable
      .getReader()
      .read()
      .catch((e) => log('read rejected', e.message));
    await ts.writable
      .getWriter()
      .write('x')
      .catch((e) => log('write rejected', e.message));
    await reading;
  }

  {
    // controller.error() from outside, and cancelling the readable side.
    let ctl;
    const ts = new TransformStream({
      start(c) {
        ctl = c;
      },
    });
    ctl.error(new TypeError('errored by controller'));
    await ts.writable
      .getWriter()
      .closed.catch((e) => log('writable closed', e.name, e.message));

    const ts2 = new TransformStream();
    const writer = ts2.writable.getWriter();
    await ts2.readable.cancel('not interested');
    await writer.closed.catch((e) => log('after readable cancel', e));
  }

  {
    // Backpressure: with the readable's highWaterMark reached, writes wait for reads.
    const ts = new TransformStream({}, undefined, { highWaterMark: 1 });
    const writer = ts.writable.getWriter();
    const reader = ts.readable.getReader();
    log('desiredSize', writer.desiredSize);
    const w1 = writer.write('one').then(() => log('w1 done'));
    const w2 = writer.write('two').then(() => log('w2 done'));
    await new Promise((resolve) => setImmediate(resolve));
    log('after writes desiredSize', writer.desiredSize);
    log('read', (await reader.read()).value);
    await w1;
    log('read', (await reader.read()).value);
    await w2;
  }

  {
    // Strategies: writableStrategy and readableStrategy, and their checks.
    const ts = new TransformStream({}, { highWaterMark: 3 }, { highWaterMark: 0 });
    log('writer desiredSize', ts.writable.getWriter().desiredSize);
    for (const args of [[{ readableType: 'bytes' }], [{ writableType: 'bytes' }], [{}, { highWaterMark: -1 }]]) {
      try {
        new TransformStream(...args);
      } catch (e) {
        log('bad', e.name, e.code, e.message);
      }
    }
  }
})();
