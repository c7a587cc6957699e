'use strict';
// Readable errors: push after EOF, unshift after end, invalid chunks, _read throwing, missing _read.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

function watch(r, name) {
  return new Promise((resolve) => {
    r.on('error', (err) => log(name, 'error', err.code || err.name, err.message));
    r.on('close', () => {
      log(name, 'close', 'destroyed', r.destroyed, 'errored', r.errored ? r.errored.code || r.errored.name : null);
      resolve();
    });
  });
}

(async () => {
  {
    const r = new Readable({ read() {} });
    const done = watch(r, 'after-eof');
    r.push(null);
    r.push('more');
    await done;
  }
  {
    const r = new Readable({ read() {} });
    const done = watch(r, 'invalid-chunk');
    log('push number returns', r.push(42));
    await done;
  }
  {
    const r = new Readable({ read() {} });
    const done = watch(r, 'invalid-obj');
    r.push({});
    await done;
  }
  {
    const r = new Readable({
      read() {
        throw new TypeError('boom');
      },
    });
    const done = watch(r, 'read-throws');
    r.resume();
    await done;
  }
  {
    const r = new Readable();
    const done = watch(r, 'no-read');
    r.read();
    await done;
  }
  {
    const r = new Readable({ read() {} });
    r.on('end', () => {
      log('end; unshift now');
      r.unshift('late');
    });
    const done = watch(r, 'unshift-after-end');
    r.push(null);
    r.resume();
    await done;
  }
  {
    // Errors with autoDestroy off: emitted, but the stream is not destroyed.
    const r = new Readable({ autoDestroy: false, read() {} });
    r.on('error', (err) => log('no-autodestroy error', err.code, 'destroyed', r.destroyed, 'errored', r.errored.code));
    r.push(null);
    r.push('x');
    await new Promise((resolve) => setTimeout(resolve, 5));
    log('after: destroyed', r.destroyed, 'closed', r.closed);
  }
  {
    // Errors are not emitted again after destroy.
    const r = new Readable({ read() {} });
    const done = watch(r, 'destroyed-push');
    r.destroy();
    log('push after destroy', r.push('x'));
    await done;
  }
})();
