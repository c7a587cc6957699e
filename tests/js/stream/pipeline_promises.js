'use strict';
// stream/promises pipeline and finished: resolution values, rejection, signal, end: false.

const { Readable, Writable, PassThrough, promises } = require('stream');
const { pipeline, finished } = require('stream/promises');
const util = require('util');

const log = (...args) => console.log(...args);

function collector(name) {
  const out = [];
  const w = new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      out.push(String(chunk));
      cb();
    },
  });
  w.on('finish', () => log(name, 'collected', out.join(',')));
  return w;
}

(async () => {
  log('same module', promises.pipeline === pipeline, util.promisify(require('stream').pipeline) === pipeline);
  log('same finished', util.promisify(require('stream').finished) === finished);

  log('resolved', await pipeline(Readable.from(['a', 'b']), collector('one')));

  const value = await pipeline(Readable.from([1, 2, 3]), async function (source) {
    let total = 0;
    for await (const n of source) total += n;
    return total;
  });
  log('value', value);

  try {
    await pipeline(
      Readable.from(['x']),
      async function* (source) {
        for await (const c of source) {
          yield c;
          throw new Error('stage failed');
        }
      },
      collector('failing'),
    );
  } catch (e) {
    log('rejected', e.message);
  }

  // An aborted signal rejects with AbortError.
  {
    const ac = new AbortController();
    const r = new Readable({ read() {} });
    const p = pipeline(r, collector('aborted'), { signal: ac.signal });
    r.push('before');
    setTimeout(() => ac.abort(), 2);
    try {
      await p;
    } catch (e) {
      log('abort', e.name, e.code, 'destroyed', r.destroyed);
    }
  }
  {
    const ac = new AbortController();
    ac.abort();
    try {
      await pipeline(Readable.from(['y']), collector('pre-aborted'), { signal: ac.signal });
    } catch (e) {
      log('pre-aborted', e.name);
    }
  }

  // end: false leaves the destination open.
  {
    const dst = new PassThrough();
    await pipeline(Readable.from(['keep']), dst, { end: false });
    log('end false: writableEnded', dst.writableEnded);
    dst.end();
  }

  // finished() resolves on end, rejects on error, and premature close.
  {
    const r = Readable.from(['f']);
    r.resume();
    await finished(r);
    log('finished resolved');
    const bad = new Readable({ read() {} });
    setTimeout(() => bad.destroy(new Error('bad')), 1);
    try {
      await finished(bad);
    } catch (e) {
      log('finished rejected', e.message);
    }
    const early = new Readable({ read() {} });
    setTimeout(() => early.destroy(), 1);
    try {
      await finished(early);
    } catch (e) {
      log('finished premature', e.code, e.message);
    }
  }
})();
