// Async write and writev from every kind of buffer: Buffers and their slices, plain typed
// arrays, DataViews, resizable ArrayBuffers (copied rather than lent), SharedArrayBuffers, and a
// buffer changed right after the call (node writes what it holds when the pool gets to it; here
// only the result's length and the file's size are checked for it).
'use strict';
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const file = path.join(tmp, 'out.bin');
const fd = fs.openSync(file, 'w+');

const rab = new ArrayBuffer(4, { maxByteLength: 8 });
new Uint8Array(rab).set([33, 34, 35, 10]);
const sab = new SharedArrayBuffer(3);
new Uint8Array(sab).set([115, 97, 98]);
const big = Buffer.alloc(3 << 20, 'z');

const steps = [
  (cb) => fs.write(fd, Buffer.from('hello '), 1, 4, null, cb),
  (cb) => fs.write(fd, Buffer.from('..world..').subarray(2, 7), cb),
  (cb) => fs.write(fd, new Uint16Array([0x4241, 0x4443]), cb),
  (cb) => fs.write(fd, new DataView(rab, 1, 2), 0, 2, null, cb),
  (cb) => fs.write(fd, new Uint8Array(sab), cb),
  (cb) => fs.write(fd, 'text', 0, 'latin1', cb),
  (cb) => fs.writev(fd, [Buffer.from('['), new Uint8Array(rab, 0, 3), new Uint8Array(sab, 1), Buffer.alloc(0), Buffer.from(']')], cb),
  (cb) => fs.write(fd, Buffer.from('@@'), 0, 2, 0, cb),
  (cb) => {
    fs.write(fd, big, 0, big.length, null, cb);
    big.fill('q');
  },
];

let i = 0;
(function next(err, n) {
  if (i > 0) console.log('step', i, err ? err.code : null, n);
  if (i === steps.length) {
    fs.closeSync(fd);
    const data = fs.readFileSync(file);
    console.log(JSON.stringify(data.subarray(0, data.length - big.length).toString('latin1')));
    console.log('size', data.length);
    fs.rmSync(tmp, { recursive: true });
    return;
  }
  steps[i++](next);
})();
