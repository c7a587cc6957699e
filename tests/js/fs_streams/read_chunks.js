// A ReadStream's chunks: sizes, start/end, short last chunk, Buffer identity, chunks that do not
// share memory, and a program's own fs.read (put in place of fs's) being the one called.
'use strict';
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const file = path.join(tmp, 'data.txt');
fs.writeFileSync(file, 'abcdefghijklmnopqrstuvwxyz'.repeat(5000));

const chunks = [];
fs.createReadStream(file, { start: 3, end: 70000, highWaterMark: 16384 })
  .on('data', (c) => chunks.push(c))
  .on('end', function () {
    console.log(chunks.map((c) => `${c.length}:${Buffer.isBuffer(c)}:${c.toString('latin1', 0, 3)}`).join(' '));
    console.log('bytesRead', this.bytesRead);
    chunks[0][0] = 0x21;
    console.log('independent', chunks[1][0] !== 0x21, chunks[0].buffer !== chunks[1].buffer);
    const orig = fs.read;
    let calls = 0;
    fs.read = function (...args) {
      calls++;
      return orig.apply(this, args);
    };
    fs.createReadStream(file)
      .on('data', () => {})
      .on('close', () => {
        console.log('own read calls', calls);
        fs.read = orig;
        fs.rmSync(tmp, { recursive: true });
      });
  });
