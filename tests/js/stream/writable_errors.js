'use strict';
// Writable errors: write after end, null chunks, bad chunk types, bad encodings, callback twice,
// _write reporting an error, missing _write, end after finish.

const { Writable } = require('stream');

const log = (...args) => console.log(...args);

function make(opts) {
  const w = new Writable({
    write(chunk, enc, cb) {
      cb();
    },
    ...opts,
  });
  w.on('error', (err) => log('error event', err.code || err.name, err.message));
  w.on('close', () => log('close'));
  return w;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

(async () => {
  {
    const w = make();
    w.end();
    const ret = w.write('late', (err) => log('write cb', err.code));
    log('write after end returned', ret);
    await tick();
  }
  log('--');
  {
    const w = make();
    for (const bad of [null, 42, {}, true]) {
      try {
        w.write(bad);
      } catch (e) {
        log('throws', e.code, e.name, e.message);
      }
    }
    try {
      w.write('x', 'bogus');
    } catch (e) {
      log('throws', e.code, e.message);
    }
    try {
      w.setDefaultEncoding('bogus');
    } catch (e) {
      log('throws', e.code, e.message);
    }
    w.end();
    await tick();
  }
  log('--');
  {
    const w = make({
      write(chunk, enc, cb) {
        cb();
        cb();
      },
    });
    w.write('x', () => log('write cb'));
    await tick();
  }
  log('--');
  {
    const w = make({
      write(chunk, enc, cb) {
        cb(new Error('write failed'));
      },
    });
    log('write returns', w.write('x', (err) => log('write cb', err.message)));
    log('errored now', w.errored && w.errored.message, 'writable', w.writable);
    await tick();
  }
  log('--');
  {
    // A missing _write throws out of write() itself.
    const w = new Writable();
    w.on('error', (err) => log('error event', err.code, err.message));
    try {
      w.write('x');
    } catch (e) {
      log('throws', e.code, e.message);
    }
    await tick();
  }
  log('--');
  {
    const w = make();
    w.end();
    await tick();
    w.end((err) => log('second end cb', err.code, err.message));
    await tick();
  }
  log('--');
  {
    // The write after end error reaches both the callback and 'error', with autoDestroy off too.
    const w = make({ autoDestroy: false });
    w.end();
    w.write('x', (err) => log('cb', err.code));
    await tick();
    log('destroyed', w.destroyed);
  }
  log('--');
  {
    // Async _write error: queued writes fail too, in order.
    const w = make({
      write(chunk, enc, cb) {
        setTimeout(() => cb(chunk.toString() === 'a' ? new Error('first fails') : null), 1);
      },
    });
    w.write('a', (err) => log('cb a', err && err.message));
    w.write('b', (err) => log('cb b', err && err.message));
    w.end((err) => log('end cb', err && err.message));
    await tick();
    await tick();
  }
})();
