'use strict';
// Readable: push/read in paused mode, 'readable' and 'end' ordering, read(n) sizes.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);
const show = (v) => (v === null ? 'null' : Buffer.isBuffer(v) ? `<Buffer ${v.toString()}>` : JSON.stringify(v));

function trace(stream, name) {
  for (const ev of ['readable', 'end', 'close', 'error', 'pause', 'resume']) {
    stream.on(ev, (arg) => log(`${name} ${ev}${ev === 'error' ? ' ' + arg.code : ''}`));
  }
}

const scenarios = [
  // read() sizes against a byte buffer.
  async () => {
    const r = new Readable({ read() {} });
    r.push('abc');
    r.push('defg');
    log('length', r.readableLength, 'hwm', r.readableHighWaterMark);
    log('read(2)', show(r.read(2)));
    log('read(3)', show(r.read(3)));
    log('read(10) before end', show(r.read(10)));
    r.push(null);
    log('read(10) after end', show(r.read(10)));
    log('read() at end', show(r.read()));
    log('ended', r.readableEnded, 'length', r.readableLength);
    await new Promise((resolve) => r.on('end', resolve));
    log('end emitted', r.readableEnded);
  },
  // 'readable' events as data arrives asynchronously.
  async () => {
    const r = new Readable({ read() {} });
    trace(r, 'r');
    let n = 0;
    r.on('readable', () => {
      let chunk;
      while ((chunk = r.read()) !== null) log('got', show(chunk));
      if (++n === 3) r.push(null);
    });
    r.push('one');
    setTimeout(() => r.push('two'), 1);
    setTimeout(() => r.push('three'), 5);
    await new Promise((resolve) => r.on('close', resolve));
  },
  // _read is called with the high-water mark, and again while below it.
  async () => {
    let i = 0;
    const r = new Readable({
      highWaterMark: 4,
      read(size) {
        log('_read', size, 'length', this.readableLength);
        i++;
        if (i > 4) this.push(null);
        else this.push('xy');
      },
    });
    trace(r, 'r2');
    await new Promise((resolve) => setImmediate(resolve));
    log('buffered', r.readableLength);
    r.on('data', (d) => log('data', show(d)));
    await new Promise((resolve) => r.on('close', resolve));
  },
  // read(0) triggers a _read without consuming.
  async () => {
    const r = new Readable({
      read() {
        log('_read called');
        this.push('z');
      },
    });
    log('read(0)', show(r.read(0)));
    log('length', r.readableLength);
    await new Promise((resolve) => setImmediate(resolve));
    log('length after', r.readableLength);
  },
  // A read larger than the high-water mark raises it.
  async () => {
    const r = new Readable({ highWaterMark: 5, read() {} });
    r.push('0123456789');
    log('read(7)', show(r.read(7)), 'hwm', r.readableHighWaterMark);
    log('read(300)', show(r.read(300)), 'hwm', r.readableHighWaterMark);
  },
];

(async () => {
  for (const s of scenarios) {
    await s();
    log('--');
  }
})();
