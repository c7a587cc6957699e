'use strict';
// for await over a Readable: chunks, errors, early break destroys, destroyOnReturn: false,
// iterator() options, and legacy streams.

const { Readable, PassThrough } = require('stream');
const EventEmitter = require('events');

const log = (...args) => console.log(...args);

(async () => {
  {
    const r = new Readable({ read() {} });
    setTimeout(() => r.push('a'), 1);
    setTimeout(() => r.push('b'), 2);
    setTimeout(() => r.push(null), 3);
    const out = [];
    for await (const chunk of r) out.push(chunk.toString());
    log('chunks', out.join(','), 'destroyed', r.destroyed);
  }
  {
    const r = Readable.from([1, 2, 3, 4]);
    for await (const v of r) {
      log('v', v);
      if (v === 2) break;
    }
    log('after break destroyed', r.destroyed);
  }
  {
    const r = Readable.from([1, 2, 3, 4]);
    for await (const v of r.iterator({ destroyOnReturn: false })) {
      log('v', v);
      if (v === 2) break;
    }
    log('destroyOnReturn false: destroyed', r.destroyed, 'rest', (await r.toArray()).join(','));
  }
  {
    const r = new Readable({ read() {} });
    setTimeout(() => r.destroy(new Error('mid-stream')), 2);
    r.push('x');
    try {
      for await (const chunk of r) log('got', chunk.toString());
    } catch (e) {
      log('caught', e.message);
    }
  }
  {
    // A throw in the loop body destroys the stream.
    const r = Readable.from(['q']);
    r.on('close', () => log('closed after throw'));
    try {
      for await (const c of r) throw new Error(`body threw ${c}`);
    } catch (e) {
      log('caught', e.message);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  {
    // Premature destroy without error ends the loop quietly? It rejects with premature close.
    const r = new Readable({ read() {} });
    setTimeout(() => r.destroy(), 2);
    try {
      for await (const c of r) log(c);
      log('loop ended');
    } catch (e) {
      log('premature', e.code);
    }
  }
  {
    // Object mode values and an encoding.
    const p = new PassThrough({ encoding: 'utf8' });
    p.end('text');
    for await (const c of p) log('typeof', typeof c, c);
  }
  {
    // Iterator object shape.
    const r = Readable.from([]);
    const it = r[Symbol.asyncIterator]();
    log('has next', typeof it.next, 'stream', it.stream === r);
    log('first', JSON.stringify(await it.next()));
    try {
      r.iterator(5);
    } catch (e) {
      log('throws', e.code);
    }
  }
  {
    // A legacy stream is wrapped.
    const e = new EventEmitter();
    const it = Readable.prototype[Symbol.asyncIterator].call(e);
    setTimeout(() => {
      e.emit('data', 'old1');
      e.emit('data', 'old2');
      e.emit('end');
    }, 1);
    for await (const c of it) log('legacy', c);
  }
})();
