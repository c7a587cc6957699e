'use strict';
// destroy(): _destroy, 'error' then 'close', errored/closed/destroyed, callbacks, double destroy,
// emitClose, destroy while constructing.

const { Readable, Writable, Duplex } = require('stream');

const log = (...args) => console.log(...args);

function trace(s, name) {
  for (const ev of ['error', 'close', 'end', 'finish']) {
    s.on(ev, (arg) => log(`${name} ${ev}${ev === 'error' ? ' ' + arg.message : ''}`));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

(async () => {
  {
    const r = new Readable({ read() {} });
    trace(r, 'r');
    r.destroy();
    log('destroyed', r.destroyed, 'closed', r.closed, 'errored', r.errored);
    await tick();
    log('closed', r.closed, 'readableAborted', r.readableAborted);
  }
  {
    const r = new Readable({ read() {} });
    trace(r, 'r-err');
    r.destroy(new Error('boom'));
    r.destroy(new Error('second'));
    log('errored', r.errored.message);
    await tick();
  }
  {
    const w = new Writable({
      write(c, e, cb) {},
      destroy(err, cb) {
        log('_destroy called with', err && err.message);
        setTimeout(() => {
          log('_destroy done');
          cb(err);
        }, 1);
      },
    });
    trace(w, 'w');
    w.destroy(new Error('why'), (err) => log('destroy cb', err && err.message));
    log('sync: destroyed', w.destroyed, 'closed', w.closed);
    await tick();
    await tick();
  }
  {
    // _destroy replacing the error, and one that throws.
    const r = new Readable({
      read() {},
      destroy(err, cb) {
        cb(new Error('replaced'));
      },
    });
    trace(r, 'replace');
    r.destroy(new Error('original'));
    await tick();
    const r2 = new Readable({
      read() {},
      destroy() {
        throw new Error('thrown in _destroy');
      },
    });
    trace(r2, 'throws');
    r2.destroy();
    await tick();
  }
  {
    // emitClose: false.
    const r = new Readable({ emitClose: false, read() {} });
    trace(r, 'noclose');
    r.destroy();
    await tick();
    log('noclose closed', r.closed);
  }
  {
    // Destroying a duplex while _construct is pending waits for it.
    const d = new Duplex({
      construct(cb) {
        log('construct started');
        setTimeout(() => {
          log('construct done');
          cb();
        }, 2);
      },
      read() {},
      write(c, e, cb) {
        cb();
      },
      destroy(err, cb) {
        log('_destroy after construct', err && err.message);
        cb(err);
      },
    });
    trace(d, 'd');
    d.destroy(new Error('early'));
    log('destroyed', d.destroyed);
    await tick();
    await tick();
  }
  {
    // Writes after destroy fail with ERR_STREAM_DESTROYED; pending writes fail too.
    const w = new Writable({ write(c, e, cb) {} });
    w.on('error', (err) => log('w2 error', err.message));
    w.write('a', (err) => log('cb a', err && err.code));
    w.write('b', (err) => log('cb b', err && err.code));
    w.end((err) => log('end cb', err && err.code));
    w.destroy();
    w.write('c', (err) => log('cb c', err && err.code));
    await tick();
  }
  {
    // destroy() after end is still a close without error.
    const r = new Readable({ read() {} });
    trace(r, 'after-end');
    r.push(null);
    r.resume();
    await tick();
    r.destroy(new Error('ignored'));
    await tick();
    log('errored', r.errored);
  }
  {
    // _undestroy brings a stream back.
    const r = new Readable({ read() {} });
    r.destroy();
    await tick();
    r._undestroy();
    log('undestroyed', r.destroyed, r.closed, r.readable);
  }
})();
