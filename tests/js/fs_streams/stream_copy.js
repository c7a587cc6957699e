// A 4 MiB file through stream.pipeline (ReadStream -> Transform -> WriteStream) and through
// pipe(): the copy is byte-identical, the chunk sizes follow highWaterMark, and 'finish' and
// 'close' come in node's order.
'use strict';
const fs = require('fs');
const path = require('path');
const { pipeline, Transform } = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const src = path.join(tmp, 'src.bin');
const size = 4 * 1024 * 1024;
const data = Buffer.alloc(size);
for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 12)) & 0xff;
fs.writeFileSync(src, data);

function sameAsSource(file) {
  return Buffer.compare(fs.readFileSync(file), data) === 0;
}

(async () => {
  const order = [];
  const chunkSizes = new Map();
  const rs = fs.createReadStream(src);
  const ws = fs.createWriteStream(path.join(tmp, 'a.bin'));
  const count = new Transform({
    transform(chunk, enc, cb) {
      chunkSizes.set(chunk.length, (chunkSizes.get(chunk.length) || 0) + 1);
      cb(null, chunk);
    },
  });
  rs.on('end', () => order.push('read end'));
  rs.on('close', () => order.push('read close'));
  ws.on('finish', () => order.push('write finish'));
  ws.on('close', () => order.push('write close'));
  await new Promise((resolve) =>
    pipeline(rs, count, ws, (err) => {
      order.push(`pipeline done ${err}`);
      resolve();
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  console.log('pipeline', sameAsSource(path.join(tmp, 'a.bin')), rs.bytesRead, ws.bytesWritten);
  console.log('chunks', [...chunkSizes]);
  console.log('order includes', ['read end', 'write finish', 'write close'].every((e) => order.includes(e)),
    order.indexOf('write finish') < order.indexOf('write close'));

  await pipelinePromise(
    fs.createReadStream(src, { highWaterMark: 1000 }),
    fs.createWriteStream(path.join(tmp, 'b.bin'), { highWaterMark: 100 }),
  );
  console.log('promise pipeline odd sizes', sameAsSource(path.join(tmp, 'b.bin')));

  await new Promise((resolve) => {
    const out = fs.createWriteStream(path.join(tmp, 'c.bin'));
    out.on('close', resolve);
    fs.createReadStream(src, { start: 1, end: size - 2 }).pipe(out);
  });
  const c = fs.readFileSync(path.join(tmp, 'c.bin'));
  console.log('pipe range', c.length, Buffer.compare(c, data.subarray(1, size - 1)) === 0);

  let total = 0;
  for await (const chunk of fs.createReadStream(src, { highWaterMark: 1 << 20 })) total += chunk.length;
  console.log('async iteration', total);

  const missing = fs.createReadStream(path.join(tmp, 'missing'));
  await new Promise((resolve) =>
    pipeline(missing, fs.createWriteStream(path.join(tmp, 'd.bin')), (err) => {
      console.log('pipeline error', err.code, err.syscall);
      resolve();
    }),
  );
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => setTimeout(() => fs.rmSync(tmp, { recursive: true }), 50));
