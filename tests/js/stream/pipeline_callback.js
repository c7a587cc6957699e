'use strict';
// stream.pipeline with a callback: success, errors from any stage, destroyed stages, premature
// close, generator stages, arrays of streams, and argument checks.

const { pipeline, Readable, Writable, Transform, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

function src(chunks) {
  return Readable.from(chunks, { objectMode: false });
}

function collector(name) {
  const out = [];
  const w = new Writable({
    write(chunk, enc, cb) {
      out.push(chunk.toString());
      cb();
    },
  });
  w.on('finish', () => log(name, 'collected', out.join(',')));
  return w;
}

function describe(err) {
  return err ? `${err.name} ${err.code || ''} ${err.code ? err.message : ''}`.trim() : 'ok';
}

const run = (...stages) =>
  new Promise((resolve) => {
    const ret = pipeline(...stages, (err, val) => {
      log('callback:', describe(err), val === undefined ? '' : `value=${JSON.stringify(val)}`);
      resolve(ret);
    });
  });

(async () => {
  const upper = () =>
    new Transform({
      transform(c, e, cb) {
        cb(null, c.toString().toUpperCase());
      },
    });

  await run(src(['a', 'b']), upper(), collector('plain'));

  // An error in the middle destroys every stage.
  {
    const s = src(['a', 'b']);
    const bad = new Transform({
      transform(c, e, cb) {
        cb(new Error('middle failed'));
      },
    });
    const dst = collector('never');
    await run(s, bad, dst);
    log('destroyed', s.destroyed, bad.destroyed, dst.destroyed);
  }

  // The destination closing early is a premature close.
  {
    const s = new Readable({ read() {} });
    s.push('x');
    const dst = new Writable({
      write(c, e, cb) {
        cb();
        this.destroy();
      },
    });
    await run(s, dst);
  }

  // Generator stages, and the value of an async function destination.
  await run(
    ['1', '2', '3'],
    async function* (source) {
      for await (const chunk of source) yield String(chunk * 10);
    },
    async function (source) {
      let sum = 0;
      for await (const chunk of source) sum += Number(chunk);
      return sum;
    },
  );

  // A function source gets the signal.
  await run(
    function* ({ signal }) {
      log('signal aborted?', signal.aborted);
      yield 'from';
      yield 'function';
    },
    collector('fnsource'),
  );

  // The array form.
  await run([src(['arr']), new PassThrough(), collector('array')]);

  // A generator throwing.
  await run(
    src(['z']),
    async function* (source) {
      for await (const c of source) throw new Error(`gen threw on ${c}`);
    },
    collector('gen'),
  );

  // Invalid arguments.
  for (const args of [[src(['x'])], [src(['x']), collector('c')], [src(['x']), collector('c'), 'not a function']]) {
    try {
      pipeline(...args);
    } catch (e) {
      log('throws', e.code, e.message);
    }
  }
  try {
    pipeline(() => 42, collector('c'), () => {});
  } catch (e) {
    log('throws', e.code, e.message);
  }

  // The return value is the last stream.
  {
    const last = new PassThrough();
    const ret = await run(src(['r']), last);
    log('returns last', ret === last);
    last.resume();
  }
  log('done');
})();
