'use strict';
// _construct: reads, writes and end wait for it; its error destroys the stream.

const { Readable, Writable, Duplex } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    const r = new Readable({
      construct(cb) {
        log('construct');
        setTimeout(() => {
          log('construct done');
          cb();
        }, 2);
      },
      read() {
        log('_read');
        this.push('data');
        this.push(null);
      },
    });
    r.on('data', (d) => log('data', d.toString()));
    r.on('close', () => log('close'));
    log('read() before construct', r.read());
    await new Promise((resolve) => r.on('close', resolve));
  }
  log('--');
  {
    const w = new Writable({
      construct(cb) {
        log('construct');
        setTimeout(cb, 2);
      },
      write(c, e, cb) {
        log('_write', c.toString());
        cb();
      },
      final(cb) {
        log('_final');
        cb();
      },
    });
    w.on('finish', () => log('finish'));
    w.write('early1');
    w.write('early2');
    w.end();
    log('buffered', w.writableLength);
    await new Promise((resolve) => w.on('close', resolve));
    log('closed');
  }
  log('--');
  {
    const d = new Duplex({
      construct(cb) {
        setTimeout(() => cb(new Error('construct failed')), 1);
      },
      read() {},
      write(c, e, cb) {
        cb();
      },
    });
    d.on('error', (e) => log('error', e.message));
    d.on('close', () => log('close'));
    d.write('x', (err) => log('write cb', err && err.message));
    await new Promise((resolve) => d.on('close', resolve));
  }
  log('--');
  {
    const w = new Writable({
      construct(cb) {
        cb();
        cb();
      },
      write(c, e, cb) {
        cb();
      },
    });
    w.on('error', (e) => log('error', e.code));
    await new Promise((resolve) => w.on('close', resolve));
    log('closed');
  }
  log('--');
  {
    // A synchronous throw in _construct.
    const r = new Readable({
      construct() {
        throw new Error('construct threw');
      },
      read() {},
    });
    r.on('error', (e) => log('error', e.message));
    await new Promise((resolve) => r.on('close', resolve));
    log('closed');
  }
})();
