'use strict';
// Old-style streams: Readable.prototype.wrap, Readable.wrap, and the legacy Stream.prototype.pipe.

const { Readable, Writable, Stream } = require('stream');
const EventEmitter = require('events');

const log = (...args) => console.log(...args);

(async () => {
  {
    const old = new EventEmitter();
    old.pause = () => log('old paused');
    old.resume = () => log('old resumed');
    old.custom = function () {
      return 'custom called';
    };
    const r = new Readable({ highWaterMark: 2 }).wrap(old);
    log('bound method', r.custom === undefined ? 'none' : r.custom());
    old.emit('data', Buffer.from('abc'));
    old.emit('data', Buffer.from('def'));
    log('buffered', r.readableLength);
    r.on('data', (d) => log('data', d.toString()));
    await new Promise((resolve) => setImmediate(resolve));
    old.emit('end');
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
  {
    const old = new EventEmitter();
    const r = new Readable({ read() {} }).wrap(old);
    r.on('error', (e) => log('wrapped error', e.message));
    old.emit('error', new Error('old failed'));
    await new Promise((resolve) => r.on('close', resolve));
    log('closed');
  }
  {
    const old = new EventEmitter();
    const r = Readable.wrap(old);
    log('Readable.wrap objectMode', r.readableObjectMode);
    r.on('data', (d) => log('obj', JSON.stringify(d)));
    old.emit('data', { a: 1 });
    old.emit('end');
    await new Promise((resolve) => r.on('end', resolve));
  }
  {
    // The legacy pipe: pause on false, resume on drain, end at the end.
    const src = new Stream();
    src.readable = true;
    src.pause = () => log('src paused');
    src.resume = () => log('src resumed');
    const dst = new Writable({
      highWaterMark: 1,
      write(c, e, cb) {
        log('dst write', c.toString());
        setImmediate(cb);
      },
    });
    dst.on('pipe', (s) => log('pipe event', s === src));
    dst.on('finish', () => log('dst finish'));
    src.pipe(dst);
    src.emit('data', 'l1');
    src.emit('data', 'l2');
    src.emit('end');
    await new Promise((resolve) => dst.on('finish', resolve));
  }
  {
    // Errors on a legacy pipe with no other listener throw.
    const src = new Stream();
    const dst = new Stream();
    dst.writable = true;
    dst.write = () => true;
    dst.end = () => {};
    src.pipe(dst);
    src.on('error', () => log('other listener'));
    src.emit('error', new Error('x'));
    log('listeners after error', src.listenerCount('data'));
  }
})();
