'use strict';
// Object mode: any value but null is a chunk, length counts objects, hwm defaults to 16.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  const r = new Readable({ objectMode: true, read() {} });
  log('hwm', r.readableHighWaterMark, 'objectMode', r.readableObjectMode);
  for (const v of [1, 'two', { three: 3 }, [4], false, 0, '', undefined]) log('push', JSON.stringify(v), r.push(v));
  log('length', r.readableLength);
  let v;
  while (r.readableLength > 0) {
    v = r.read();
    log('read', v === undefined ? 'undefined' : JSON.stringify(v));
  }
  r.push(null);
  log('read at end', r.read());
  await new Promise((resolve) => r.on('end', resolve));
  log('end');

  // push returns false once the count reaches the mark.
  const r2 = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
  log('push a', r2.push('a'), 'push b', r2.push('b'), 'push c', r2.push('c'));

  // read(n) in object mode returns one object whatever n is.
  log('read(5)', r2.read(5), 'read(0)', r2.read(0));

  // readableObjectMode / highWaterMark for a duplex side.
  const { Duplex } = require('stream');
  const d = new Duplex({ readableObjectMode: true, readableHighWaterMark: 3, writableHighWaterMark: 7 });
  log('duplex', d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark);
})();
