'use strict';
// isReadable, isWritable, isErrored, isDisturbed, isDestroyed, and the default high-water marks.

const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;

const log = (...args) => console.log(...args);

(async () => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const show = (label, s) =>
    log(label, stream.isReadable(s), stream.isWritable(s), stream.isErrored(s), stream.isDisturbed(s), stream.isDestroyed(s));
  show('fresh readable', r);
  show('fresh writable', w);
  r.push('x');
  r.read();
  show('read from', r);
  r.destroy(new Error('e'));
  r.on('error', () => {});
  show('destroyed with error', r);
  w.end();
  show('ended writable', w);
  show('plain object', {});
  show('null', null);
  const p = new PassThrough();
  p.on('error', () => {});
  p.destroy();
  show('destroyed passthrough', p);
  await new Promise((resolve) => setTimeout(resolve, 2));
  show('after tick readable', r);

  log('default hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  stream.setDefaultHighWaterMark(false, 1024);
  stream.setDefaultHighWaterMark(true, 4);
  log('changed', new Readable().readableHighWaterMark, new Writable({ objectMode: true }).writableHighWaterMark, new PassThrough().writableHighWaterMark);
  for (const v of [-1, 1.5, 'x']) {
    try {
      stream.setDefaultHighWaterMark(false, v);
    } catch (e) {
      log('set', JSON.stringify(v), e.code);
    }
  }
  stream.setDefaultHighWaterMark(false, 16384);
  stream.setDefaultHighWaterMark(true, 16);
  for (const opts of [{ highWaterMark: -1 }, { highWaterMark: 1.5 }, { highWaterMark: 'x' }, { highWaterMark: NaN }]) {
    try {
      new Readable(opts);
    } catch (e) {
      log('hwm', JSON.stringify(opts), e.code, e.message);
    }
  }
  try {
    new stream.Duplex({ readableHighWaterMark: -5 });
  } catch (e) {
    log('duplex hwm', e.message);
  }
  log('hwm 0 ok', new Readable({ highWaterMark: 0 }).readableHighWaterMark, new Readable({ highWaterMark: 1e3 }).readableHighWaterMark);
})();
