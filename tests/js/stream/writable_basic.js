'use strict';
// Writable: write() return values against the high-water mark, 'drain', callbacks order, end().

const { Writable } = require('stream');

const log = (...args) => console.log(...args);

function trace(w, name) {
  for (const ev of ['drain', 'prefinish', 'finish', 'close', 'error', 'pipe', 'unpipe']) {
    w.on(ev, (arg) => log(`${name} ${ev}${ev === 'error' ? ' ' + (arg.code || arg.name) : ''}`));
  }
}

(async () => {
  {
    const pending = [];
    const w = new Writable({
      highWaterMark: 5,
      write(chunk, enc, cb) {
        log('_write', chunk.toString(), enc);
        pending.push(cb);
      },
    });
    trace(w, 'w');
    log('write abc', w.write('abc', () => log('cb abc')));
    log('write de', w.write('de', () => log('cb de')), 'needDrain', w.writableNeedDrain, 'length', w.writableLength);
    log('write f', w.write('f', () => log('cb f')));
    while (pending.length) {
      pending.shift()();
      log('after cb, length', w.writableLength);
      await new Promise((resolve) => setImmediate(resolve));
    }
    w.end('end', () => log('end cb'));
    log('ended', w.writableEnded, 'finished', w.writableFinished);
    while (pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    pending.shift()();
    await new Promise((resolve) => w.on('close', resolve));
    log('finished', w.writableFinished, 'destroyed', w.destroyed, 'closed', w.closed);
  }
  log('--');
  {
    // Synchronous callbacks: one tick for all of them.
    const w = new Writable({
      write(chunk, enc, cb) {
        log('_write', chunk.toString());
        cb();
      },
    });
    trace(w, 'sync');
    w.write('1', () => log('cb 1'));
    w.write('2', () => log('cb 2'));
    process.nextTick(() => log('tick'));
    w.end(() => log('end cb'));
    await new Promise((resolve) => w.on('close', resolve));
  }
  log('--');
  {
    // decodeStrings: false keeps strings and their encoding.
    const w = new Writable({
      decodeStrings: false,
      write(chunk, enc, cb) {
        log('_write', typeof chunk, JSON.stringify(chunk.toString()), enc);
        cb();
      },
    });
    w.write('plain');
    w.write('aGk=', 'base64');
    w.write(Buffer.from('buf'));
    w.write(new Uint8Array([104, 105]));
    w.setDefaultEncoding('hex');
    w.write('6869');
    w.end();
    await new Promise((resolve) => w.on('finish', resolve));
  }
  log('--');
  {
    // Strings are converted with their encoding by default.
    const w = new Writable({
      write(chunk, enc, cb) {
        log('_write', Buffer.isBuffer(chunk), chunk.toString('hex'), enc);
        cb();
      },
    });
    w.write('hi', 'latin1');
    w.write('6869', 'hex');
    w.end('x');
    await new Promise((resolve) => w.on('finish', resolve));
  }
})();
