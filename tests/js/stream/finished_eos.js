'use strict';
// stream.finished (callback form): readable, writable, duplex, options, cleanup, signal,
// already-finished streams, legacy emitters.

const { finished, Readable, Writable, Duplex, PassThrough } = require('stream');
const EventEmitter = require('events');

const log = (...args) => console.log(...args);
const describe = (err) => (err ? `${err.name}${err.code ? ' ' + err.code : ''}` : 'ok');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  {
    const r = new Readable({ read() {} });
    finished(r, function (err) {
      log('readable:', describe(err), 'this is stream', this === r, 'args', arguments.length);
    });
    r.push('x');
    r.push(null);
    r.resume();
    await wait(2);
  }
  {
    const w = new Writable({
      write(c, e, cb) {
        cb();
      },
    });
    finished(w, (err) => log('writable:', describe(err)));
    w.end('x');
    await wait(2);
  }
  {
    // Errors and premature closes.
    const r = new Readable({ read() {} });
    finished(r, (err) => log('errored:', describe(err), err.message));
    r.destroy(new Error('broken'));
    const r2 = new Readable({ read() {} });
    finished(r2, (err) => log('premature:', describe(err)));
    r2.destroy();
    await wait(2);
  }
  {
    // Duplex: both sides by default, one side with options.
    const d = new PassThrough();
    finished(d, (err) => log('duplex both:', describe(err)));
    const d2 = new PassThrough();
    finished(d2, { readable: false }, (err) => log('duplex writable only:', describe(err), 'readableEnded', d2.readableEnded));
    d.end('a');
    d2.end('b');
    await wait(2);
    log('d not yet (unread)');
    d.resume();
    await wait(2);
  }
  {
    // error: false ignores 'error' events but still reports the close.
    const r = new Readable({ read() {} });
    r.on('error', () => {});
    finished(r, { error: false }, (err) => log('error:false ->', describe(err)));
    r.destroy(new Error('x'));
    await wait(2);
  }
  {
    // Already finished streams call back on the next tick.
    const r = new Readable({ read() {} });
    r.push(null);
    r.resume();
    await wait(2);
    finished(r, (err) => log('already ended:', describe(err)));
    const w = new Writable({ write(c, e, cb) {} });
    w.destroy();
    await wait(2);
    finished(w, (err) => log('already destroyed:', describe(err)));
    await wait(2);
  }
  {
    // The cleanup function removes the listeners.
    const r = new Readable({ read() {} });
    const before = r.listenerCount('end');
    const cleanup = finished(r, () => log('not called'));
    log('listeners added', r.listenerCount('end') - before, r.listenerCount('close'));
    cleanup();
    log('after cleanup', r.listenerCount('end') - before, r.listenerCount('close'));
    r.destroy();
    await wait(2);
  }
  {
    // A signal aborts the wait.
    const ac = new AbortController();
    const r = new Readable({ read() {} });
    finished(r, { signal: ac.signal }, (err) => log('signal:', describe(err), 'destroyed', r.destroyed));
    ac.abort();
    await wait(2);
  }
  {
    // Legacy streams: an EventEmitter with pipe/write.
    const e = new EventEmitter();
    e.pipe = () => {};
    e.readable = true;
    finished(e, (err) => log('legacy:', describe(err)));
    e.emit('end');
    await wait(2);
  }
  {
    // Argument checks.
    for (const args of [[{}, () => {}], [new PassThrough(), 'x'], [new PassThrough(), 5, () => {}], [new PassThrough(), { signal: 1 }, () => {}]]) {
      try {
        finished(...args);
      } catch (e) {
        log('throws', e.code, e.message);
      }
    }
  }
})();
