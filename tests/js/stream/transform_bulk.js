'use strict';
// A few megabytes through pipeline(Readable, Transform, Writable): order and content survive
// backpressure at every stage.

const { pipeline, Readable, Transform, Writable } = require('stream');

const log = (...args) => console.log(...args);

const CHUNK = 16 * 1024;
const COUNT = 256;

let produced = 0;
const src = new Readable({
  read() {
    if (produced === COUNT) {
      this.push(null);
      return;
    }
    const buf = Buffer.alloc(CHUNK, produced % 251);
    produced++;
    this.push(buf);
  },
});

let transformed = 0;
const xform = new Transform({
  transform(chunk, enc, cb) {
    transformed++;
    // XOR every byte; split into two output chunks.
    const out = Buffer.allocUnsafe(chunk.length);
    for (let i = 0; i < chunk.length; i++) out[i] = chunk[i] ^ 0x5a;
    this.push(out.subarray(0, 1000));
    cb(null, out.subarray(1000));
  },
});

let bytes = 0;
let checksum = 0;
let writes = 0;
let maxLength = 0;
const dst = new Writable({
  highWaterMark: 64 * 1024,
  write(chunk, enc, cb) {
    writes++;
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i += 997) checksum = (checksum * 31 + chunk[i]) >>> 0;
    maxLength = Math.max(maxLength, this.writableLength);
    if (writes % 7 === 0) setImmediate(cb);
    else cb();
  },
});

pipeline(src, xform, dst, (err) => {
  log('done', err ? err.message : 'ok');
  log('produced', produced, 'transformed', transformed, 'writes', writes);
  log('bytes', bytes, 'checksum', checksum);
  log('bounded buffering', maxLength <= 64 * 1024 + CHUNK);
});
