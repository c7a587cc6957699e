// node:zlib: gzip and gunzip of 32 MiB of text-like data in one call each, the same through a
// stream pipeline (createGzip into createGunzip), and 2,000 small async deflates of 4 KiB (the
// per-call cost a server compressing responses pays).
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1);

// Words from a small vocabulary with a varying number: compressible about 4:1, like logs or JSON.
const words = ['alpha', 'beta', 'gamma', 'delta', 'request', 'response', 'user', 'id', '"ok"', '{', '}'];
const parts = [];
let size = 0;
for (let i = 0; size < 32 << 20; i++) {
  const s = `${words[(i * 7) % words.length]} ${(i * 2654435761) % 100000} `;
  parts.push(s);
  size += s.length;
}
const data = Buffer.from(parts.join('')).subarray(0, 32 << 20);

let t = process.hrtime.bigint();
const gz = zlib.gzipSync(data);
console.log(`BENCH zlib_gzip_sync_32m_ms ${ms(t)} ms`);
t = process.hrtime.bigint();
if (!zlib.gunzipSync(gz).equals(data)) throw new Error('gunzip lost bytes');
console.log(`BENCH zlib_gunzip_sync_32m_ms ${ms(t)} ms`);

t = process.hrtime.bigint();
let got = 0;
pipeline(
  Readable.from((function* () {
    for (let i = 0; i < data.length; i += 64 << 10) yield data.subarray(i, i + (64 << 10));
  })()),
  zlib.createGzip(),
  zlib.createGunzip(),
  new Writable({
    write(chunk, _, cb) {
      got += chunk.length;
      cb();
    },
  }),
  (err) => {
    if (err) throw err;
    if (got !== data.length) throw new Error(`pipeline lost bytes: ${got}`);
    console.log(`BENCH zlib_stream_round_trip_32m_ms ${ms(t)} ms`);
    small();
  },
);

function small() {
  const piece = data.subarray(0, 4096);
  const N = 2000;
  let done = 0;
  const t = process.hrtime.bigint();
  const next = () => {
    zlib.deflate(piece, (err, out) => {
      if (err) throw err;
      if (++done === N) console.log(`BENCH zlib_deflate_4k_x2000_ms ${ms(t)} ms`);
      else next();
    });
  };
  next();
}
