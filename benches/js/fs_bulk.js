// 256 MiB three ways: readFileSync, readFile (callback), and a stream copy to a second file.
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');
const SIZE = 256 << 20;
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-bench-'));
const src = path.join(dir, 'src.bin');
const dst = path.join(dir, 'dst.bin');
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(3);

const chunk = Buffer.alloc(1 << 20, 7);
const fd = fs.openSync(src, 'w');
for (let i = 0; i < SIZE / chunk.length; i++) fs.writeSync(fd, chunk);
fs.closeSync(fd);

async function main() {
  let t = process.hrtime.bigint();
  let data = fs.readFileSync(src);
  console.log(`BENCH read_file_sync_256m_ms ${ms(t)} ms`);
  if (data.length !== SIZE) throw new Error('short read');
  data = null;

  t = process.hrtime.bigint();
  data = await new Promise((resolve, reject) => fs.readFile(src, (e, d) => (e ? reject(e) : resolve(d))));
  console.log(`BENCH read_file_cb_256m_ms ${ms(t)} ms`);
  if (data.length !== SIZE) throw new Error('short read');
  data = null;

  t = process.hrtime.bigint();
  await pipeline(fs.createReadStream(src), fs.createWriteStream(dst));
  console.log(`BENCH stream_copy_256m_ms ${ms(t)} ms`);
  if (fs.statSync(dst).size !== SIZE) throw new Error('short copy');
  fs.rmSync(dir, { recursive: true });
}

main();
