'use strict';
// addAbortSignal and the signal option: aborting destroys with an AbortError carrying the cause.

const { addAbortSignal, Readable, Writable, Duplex, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    const ac = new AbortController();
    const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
    r.on('error', (e) => log('error', e.name, e.code, 'cause', e.cause));
    r.on('close', () => log('close, destroyed', r.destroyed));
    ac.abort('the reason');
    await new Promise((resolve) => r.on('close', resolve));
  }
  {
    // Already aborted: destroyed at once.
    const ac = new AbortController();
    ac.abort();
    const w = new Writable({ signal: ac.signal, write(c, e, cb) { cb(); } });
    log('destroyed at once', w.destroyed);
    w.on('error', (e) => log('writable error', e.name));
    await new Promise((resolve) => w.on('close', resolve));
  }
  {
    // The signal option on Duplex and Readable.
    const ac = new AbortController();
    const d = new Duplex({ signal: ac.signal, read() {}, write(c, e, cb) { cb(); } });
    const r = new Readable({ signal: ac.signal, read() {} });
    d.on('error', (e) => log('duplex', e.name));
    r.on('error', (e) => log('readable', e.name));
    ac.abort();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  {
    // Aborting after the stream finished does nothing.
    const ac = new AbortController();
    const p = addAbortSignal(ac.signal, new PassThrough());
    p.resume();
    p.end('done');
    await new Promise((resolve) => p.on('close', resolve));
    ac.abort();
    log('after finish: errored', p.errored);
  }
  for (const args of [['x', new PassThrough()], [new AbortController().signal, {}]]) {
    try {
      addAbortSignal(...args);
    } catch (e) {
      log('throws', e.code, e.message);
    }
  }
})();
