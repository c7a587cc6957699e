'use strict';
// Readable.from: arrays, generators, async generators, strings, Buffers, promises inside,
// nulls, options, errors and cleanup.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

async function collect(r) {
  const out = [];
  for await (const c of r) out.push(Buffer.isBuffer(c) ? `<${c.toString()}>` : JSON.stringify(c));
  return out.join(' ');
}

(async () => {
  log('array', await collect(Readable.from([1, 'a', { b: 2 }])));
  log('string', await collect(Readable.from('whole string')));
  log('buffer', await collect(Readable.from(Buffer.from('buf'))));
  log('set', await collect(Readable.from(new Set(['s1', 's2']))));
  log(
    'generator',
    await collect(
      Readable.from(
        (function* () {
          yield 'g1';
          yield 'g2';
        })(),
      ),
    ),
  );
  log(
    'async generator',
    await collect(
      Readable.from(
        (async function* () {
          yield 'a1';
          await new Promise((resolve) => setTimeout(resolve, 1));
          yield 'a2';
        })(),
      ),
    ),
  );
  log('promises in array', await collect(Readable.from([Promise.resolve('p1'), 'plain', Promise.resolve('p2')])));

  const r = Readable.from(['x']);
  log('defaults', r.readableObjectMode, r.readableHighWaterMark);
  const r2 = Readable.from(['y'], { objectMode: false, highWaterMark: 5 });
  log('options', r2.readableObjectMode, r2.readableHighWaterMark, await collect(r2));

  try {
    Readable.from(5);
  } catch (e) {
    log('throws', e.code, e.message);
  }
  try {
    await collect(Readable.from(['ok', null, 'never']));
  } catch (e) {
    log('null value', e.code, e.message);
  }
  try {
    await collect(
      Readable.from(
        (async function* () {
          yield 'before';
          throw new Error('generator failed');
        })(),
      ),
    );
  } catch (e) {
    log('generator error', e.message);
  }
  try {
    await collect(Readable.from([Promise.reject(new Error('rejected value'))]));
  } catch (e) {
    log('rejected value', e.message);
  }

  // Destroying runs the generator's finally block.
  const gen = (function* () {
    try {
      yield 1;
      yield 2;
    } finally {
      log('generator finally');
    }
  })();
  const g = Readable.from(gen);
  g.once('data', (v) => {
    log('first', v);
    g.destroy();
  });
  await new Promise((resolve) => g.on('close', resolve));
  log('closed');

  // Sync data arrives in the same tick once flowing.
  const order = [];
  const s = Readable.from(['s1', 's2', 's3']);
  s.on('data', (d) => order.push(d));
  process.nextTick(() => order.push('tick'));
  await new Promise((resolve) => s.on('end', resolve));
  log('order', order.join(' '));
})();
