'use strict';
// The events of zlib streams: their order for a Gzip that is written and ended, for a Gunzip
// fed corrupt or truncated data, and for close() and destroy(). 'data' events are left out of
// the order, since when an engine hands out output (and in how many chunks) is up to it.

const zlib = require('zlib');

const log = (...args) => console.log(...args);

function trace(stream, name) {
  for (const ev of ['end', 'finish', 'prefinish', 'close', 'error']) {
    stream.on(ev, (arg) => {
      let extra = '';
      if (ev === 'error') extra = ` ${arg.code} ${arg.errno} ${arg.message}`;
      log(`${name}:${ev}${extra}`);
    });
  }
}

const steps = [
  // A Gzip stream written twice and ended.
  (next) => {
    const gzip = zlib.createGzip();
    trace(gzip, 'gzip');
    const chunks = [];
    gzip.on('data', (c) => chunks.push(c));
    gzip.on('close', () => {
      log('gzip result', zlib.gunzipSync(Buffer.concat(chunks)).toString(), gzip.bytesWritten,
          gzip.destroyed, gzip._closed);
      next();
    });
    log('write', gzip.write('hello '));
    gzip.end('world', () => log('end callback'));
    log('after end', gzip.writableEnded, gzip.writableFinished);
  },
  // A Gunzip stream, fed a fixed input byte by byte.
  (next) => {
    const gunzip = zlib.createGunzip();
    trace(gunzip, 'gunzip');
    let out = '';
    gunzip.setEncoding('utf8');
    gunzip.on('data', (s) => { out += s; });
    gunzip.on('close', () => {
      log('gunzip result', JSON.stringify(out), gunzip.bytesWritten);
      next();
    });
    const input = Buffer.from('H4sIAAAAAAAAA0vLLCouUchNzU1KLeICAKf0hQoNAAAA', 'base64');
    for (const byte of input) gunzip.write(Buffer.from([byte]));
    gunzip.end();
  },
  // Corrupt input: 'error', then 'close'; no 'end' or 'finish'.
  (next) => {
    const gunzip = zlib.createGunzip();
    trace(gunzip, 'corrupt');
    gunzip.on('close', () => {
      log('corrupt destroyed', gunzip.destroyed, gunzip._closed);
      next();
    });
    gunzip.end(Buffer.from('this is not gzip data'));
  },
  // Truncated input fails when the stream ends.
  (next) => {
    const inflate = zlib.createInflate();
    trace(inflate, 'truncated');
    inflate.on('close', next);
    const packed = zlib.deflateSync('truncated input');
    inflate.write(packed.subarray(0, packed.length - 4), () => log('truncated write callback'));
    inflate.end();
  },
  // A missing dictionary is an error event too.
  (next) => {
    const inflate = zlib.createInflate();
    trace(inflate, 'nodict');
    inflate.on('close', next);
    inflate.end(zlib.deflateSync('needs a dictionary', { dictionary: Buffer.from('dictionary') }));
  },
  // close() destroys the stream; its callback sees the premature close.
  (next) => {
    const deflate = zlib.createDeflate();
    trace(deflate, 'close');
    deflate.write('some data');
    deflate.close((err) => {
      log('close callback', err && err.code, deflate._closed, deflate.destroyed);
      next();
    });
  },
  // close() once the writable side finished, before the readable side ended, is premature.
  (next) => {
    const deflate = zlib.createDeflate();
    deflate.resume();
    deflate.end('data', () => {
      deflate.close((err) => {
        log('close after finish', err && err.code, deflate._closed);
        next();
      });
    });
  },
  // close() after 'end'.
  (next) => {
    const deflate = zlib.createDeflate();
    deflate.resume();
    deflate.on('end', () => {
      deflate.close((err) => {
        log('close after end', err && err.code, deflate._closed);
        next();
      });
    });
    deflate.end('data');
  },
  // destroy() with an error.
  (next) => {
    const gzip = zlib.createGzip();
    trace(gzip, 'destroy');
    gzip.on('close', () => {
      log('destroy closed', gzip._closed);
      next();
    });
    gzip.destroy(new Error('boom'));
  },
  // Writing after end.
  (next) => {
    const gzip = zlib.createGzip();
    gzip.resume();
    gzip.end();
    gzip.write('late', (err) => log('write after end', err.code));
    gzip.on('error', (err) => log('write after end error', err.code));
    gzip.on('close', next);
  },
  // A Brotli stream's events.
  (next) => {
    const br = zlib.createBrotliCompress();
    trace(br, 'brotli');
    const chunks = [];
    br.on('data', (c) => chunks.push(c));
    br.on('close', () => {
      log('brotli result', zlib.brotliDecompressSync(Buffer.concat(chunks)).toString());
      next();
    });
    br.end('brotli stream');
  },
];

function run(i) {
  if (i === steps.length) return log('done');
  log(`--- step ${i}`);
  steps[i](() => run(i + 1));
}
run(0);
