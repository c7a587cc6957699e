'use strict';
// stream/consumers: text, json, buffer, arrayBuffer over streams and async iterables.

const consumers = require('stream/consumers');
const { Readable, PassThrough } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  log('keys', Object.keys(consumers).join(','));
  const euro = Buffer.from('€ and more');
  log('text', JSON.stringify(await consumers.text(Readable.from([euro.subarray(0, 1), euro.subarray(1)], { objectMode: false }))));
  log('text strings', await consumers.text(Readable.from(['a', 'b'])));
  log('json', JSON.stringify(await consumers.json(Readable.from(['{"a":', '[1,2]}']))));
  const buf = await consumers.buffer(Readable.from([Buffer.from('ab'), 'cd', new Uint8Array([101])]));
  log('buffer', Buffer.isBuffer(buf), buf.toString());
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const p = new PassThrough();
  setTimeout(() => p.end('later'), 1);
  log('passthrough', await consumers.text(p));
  log(
    'async iterable',
    await consumers.text(
      (async function* () {
        yield 'it';
        yield 'er';
      })(),
    ),
  );
  try {
    await consumers.json(Readable.from(['{bad']));
  } catch (e) {
    log('bad json', e.name);
  }
  try {
    const r = new Readable({ read() {} });
    setTimeout(() => r.destroy(new Error('source failed')), 1);
    await consumers.text(r);
  } catch (e) {
    log('error', e.message);
  }
})();
