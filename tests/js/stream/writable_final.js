'use strict';
// _final runs before 'prefinish'/'finish'; its errors fail end(); 'finish' waits for it.

const { Writable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  {
    const w = new Writable({
      write(c, e, cb) {
        log('_write', c.toString());
        cb();
      },
      final(cb) {
        log('_final, finished yet?', this.writableFinished);
        setTimeout(() => {
          log('final done');
          cb();
        }, 2);
      },
    });
    w.on('prefinish', () => log('prefinish'));
    w.on('finish', () => log('finish'));
    w.on('close', () => log('close'));
    w.end('last', () => log('end cb'));
    log('after end: ended', w.writableEnded, 'finished', w.writableFinished);
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    const w = new Writable({
      write(c, e, cb) {
        cb();
      },
      final(cb) {
        cb(new Error('final failed'));
      },
    });
    w.on('finish', () => log('finish (not expected)'));
    w.on('error', (err) => log('error', err.message));
    w.on('close', () => log('close'));
    w.end((err) => log('end cb', err && err.message));
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    const w = new Writable({
      write(c, e, cb) {
        cb();
      },
      final() {
        throw new Error('final threw');
      },
    });
    w.on('error', (err) => log('error', err.message));
    w.on('close', () => log('close'));
    w.end();
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    const w = new Writable({
      write(c, e, cb) {
        cb();
      },
      final(cb) {
        cb();
        cb();
      },
    });
    w.on('error', (err) => log('error', err.code));
    w.on('finish', () => log('finish'));
    w.on('close', () => log('close'));
    w.end();
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    // emitClose: false, autoDestroy: false.
    const w = new Writable({
      emitClose: false,
      autoDestroy: false,
      write(c, e, cb) {
        cb();
      },
    });
    w.on('finish', () => log('finish, destroyed', w.destroyed));
    w.on('close', () => log('close (not expected)'));
    w.end();
    await new Promise((resolve) => setTimeout(resolve, 5));
    w.destroy();
    await new Promise((resolve) => setTimeout(resolve, 5));
    log('destroyed', w.destroyed, 'closed', w.closed);
  }
})();
