// 64 MiB through a Transform in a pipeline: a Readable of 64 KiB chunks, a Transform that flips
// every byte's low bit, and a Writable that counts.
const { Readable, Transform, Writable, pipeline } = require('stream');
const SIZE = 64 << 20;
const CHUNK = 64 << 10;
const chunk = Buffer.alloc(CHUNK, 1);
let produced = 0;
let seen = 0;
const t = process.hrtime.bigint();
pipeline(
  new Readable({
    read() {
      if (produced >= SIZE) return this.push(null);
      produced += CHUNK;
      this.push(Buffer.from(chunk));
    },
  }),
  new Transform({
    transform(buf, _, cb) {
      for (let i = 0; i < buf.length; i += 4096) buf[i] ^= 1;
      cb(null, buf);
    },
  }),
  new Writable({
    write(buf, _, cb) {
      seen += buf.length;
      cb();
    },
  }),
  (err) => {
    if (err) throw err;
    if (seen !== SIZE) throw new Error(`lost bytes: ${seen}`);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(`BENCH transform_pipeline_64m_ms ${ms.toFixed(1)} ms`);
  },
);
