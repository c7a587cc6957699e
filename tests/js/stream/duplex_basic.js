'use strict';
// Duplex: both halves, allowHalfOpen, readable/writable: false, properties.

const { Duplex, Readable, Writable, Stream } = require('stream');

const log = (...args) => console.log(...args);

function trace(s, name) {
  for (const ev of ['end', 'finish', 'prefinish', 'close', 'error']) {
    s.on(ev, (arg) => log(`${name} ${ev}${ev === 'error' ? ' ' + (arg.code || arg.message) : ''}`));
  }
}

(async () => {
  {
    const d = new Duplex({
      read() {},
      write(chunk, enc, cb) {
        log('write side got', chunk.toString());
        this.push(chunk.toString().toUpperCase());
        cb();
      },
      final(cb) {
        log('final');
        this.push(null);
        cb();
      },
    });
    trace(d, 'd');
    d.on('data', (c) => log('read side', c.toString()));
    d.write('hello');
    d.end('world');
    await new Promise((resolve) => d.on('close', resolve));
    log('destroyed', d.destroyed);
  }
  log('--');
  {
    // allowHalfOpen false: the writable side ends with the readable side.
    const d = new Duplex({
      allowHalfOpen: false,
      read() {
        this.push(null);
      },
      write(c, e, cb) {
        cb();
      },
    });
    trace(d, 'half');
    d.resume();
    await new Promise((resolve) => d.on('close', resolve));
    log('writableEnded', d.writableEnded, 'allowHalfOpen', d.allowHalfOpen);
  }
  log('--');
  {
    // Default allowHalfOpen: readable end alone does not close.
    const d = new Duplex({
      read() {
        this.push(null);
      },
      write(c, e, cb) {
        cb();
      },
    });
    trace(d, 'open');
    d.resume();
    await new Promise((resolve) => setTimeout(resolve, 5));
    log('after end: writable', d.writable, 'destroyed', d.destroyed);
    d.end();
    await new Promise((resolve) => d.on('close', resolve));
  }
  log('--');
  {
    const d = new Duplex({ readable: false });
    log('readable:false', d.readable, d.readableEnded, d.writable);
    const d2 = new Duplex({ writable: false, read() {} });
    log('writable:false', d2.writable, d2.writableEnded, d2.writableFinished, d2.readable);
    d2.on('error', (e) => log('write to non-writable', e.code));
    d2.write('x', (err) => log('cb', err.code));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  log('--');
  {
    const d = new Duplex({ objectMode: true });
    log(
      'props',
      d.readableObjectMode,
      d.writableObjectMode,
      d.readableHighWaterMark,
      d.writableHighWaterMark,
      d instanceof Readable,
      d instanceof Writable,
      d instanceof Stream,
      d instanceof Duplex,
    );
    log('own names', Object.getOwnPropertyNames(Duplex.prototype).includes('write'), typeof Duplex.prototype.end);
  }
})();
