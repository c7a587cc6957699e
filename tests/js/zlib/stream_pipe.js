'use strict';
// zlib streams joined to others: a Gzip piped into a Gunzip, pipeline() with an encoding on the
// way out, Unzip detecting its format from bytes written one at a time, output larger than one
// chunk read through backpressure, and write callbacks.

const zlib = require('zlib');
const { pipeline, PassThrough } = require('stream');

const { log, collect, runSteps } = require('./steps');

const steps = [
  // createGzip piped into createGunzip, written in several chunks.
  (next) => {
    const gzip = zlib.createGzip();
    const gunzip = zlib.createGunzip();
    gzip.pipe(gunzip);
    collect(gunzip, (out) => {
      log('pipe', JSON.stringify(out.toString()), gzip.bytesWritten);
      next();
    });
    for (const word of ['alpha ', 'beta ', 'gamma ', 'delta']) gzip.write(word);
    gzip.end();
  },
  // pipeline() through deflate and inflate with a string encoding on the way out.
  (next) => {
    const src = new PassThrough();
    const inflate = zlib.createInflate();
    let out = '';
    inflate.setEncoding('utf8');
    inflate.on('data', (s) => { out += s; });
    pipeline(src, zlib.createDeflate({ level: 1 }), inflate, (err) => {
      log('pipeline', err, JSON.stringify(out));
      next();
    });
    src.write('é'.repeat(3));
    src.end(Buffer.from([0xe2, 0x82, 0xac]));
  },
  // Unzip stream detecting gzip and zlib headers from one byte at a time.
  (next) => {
    const inputs = [
      ['gzip', 'H4sIAAAAAAAAA0vLLCouUchNzU1KLeICAKf0hQoNAAAA'],
      ['deflate', 'eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIoZliAPk8MHY='],
    ];
    const one = (i) => {
      if (i === inputs.length) return next();
      const [name, b64] = inputs[i];
      const unzip = zlib.createUnzip();
      collect(unzip, (out) => {
        log('unzip', name, JSON.stringify(out.toString()));
        one(i + 1);
      });
      for (const byte of Buffer.from(b64, 'base64')) unzip.write(Buffer.from([byte]));
      unzip.end();
    };
    one(0);
  },
  // A Gunzip stream given two members and zero padding, cut at odd places.
  (next) => {
    const input = Buffer.concat([
      Buffer.from('H4sIAAAAAAAAA0vLLCouUchNzU1KLeICAKf0hQoNAAAA', 'base64'),
      Buffer.from('H4sIAAAAAAAAAytOTc7PS1HITc1NSi3iAgA2GEsODgAAAA==', 'base64'),
      Buffer.alloc(5),
    ]);
    const gunzip = zlib.createGunzip();
    collect(gunzip, (out) => {
      log('members', JSON.stringify(out.toString()));
      next();
    });
    for (let i = 0; i < input.length; i += 7) gunzip.write(input.subarray(i, i + 7));
    gunzip.end();
  },
  // Output much larger than a chunk, read a little at a time from a paused stream.
  (next) => {
    const big = Buffer.alloc(200000);
    for (let i = 0; i < big.length; i++) big[i] = 97 + ((i * 31) >> 5) % 26;
    const inflate = zlib.createInflate({ chunkSize: 1024, highWaterMark: 1024 });
    const chunks = [];
    inflate.on('readable', () => {
      let c;
      while ((c = inflate.read(500)) !== null) chunks.push(c);
    });
    const packed = zlib.deflateSync(big);
    inflate.on('end', () => {
      const out = Buffer.concat(chunks);
      log('paused read', out.length, out.equals(big), inflate.bytesWritten === packed.length);
      next();
    });
    inflate.end(packed);
  },
  // Stream constructors without `new`, and write callbacks in order.
  (next) => {
    const gz = zlib.Gzip();
    const order = [];
    collect(gz, (out) => {
      log('write callbacks', order.join(','), zlib.gunzipSync(out).toString());
      next();
    });
    gz.write('a', () => order.push('a'));
    gz.write('b', () => order.push('b'));
    gz.end('c', () => order.push('end'));
  },
];

runSteps(steps);
