// 20,000 stats three ways: sequential `await fsp.stat`, all at once with Promise.all, and
// callbacks chained one after another.
const fs = require('fs');
const fsp = require('fs/promises');
const N = 20000;
const target = __filename;
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(3);

async function main() {
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fsp.stat(target);
  console.log(`BENCH stat_await_seq_ms ${ms(t)} ms`);

  t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: N }, () => fsp.stat(target)));
  console.log(`BENCH stat_concurrent_ms ${ms(t)} ms`);

  t = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    let left = N;
    const next = (err) => {
      if (err) return reject(err);
      if (left-- === 0) return resolve();
      fs.stat(target, next);
    };
    next();
  });
  console.log(`BENCH stat_callback_seq_ms ${ms(t)} ms`);
}

main();
