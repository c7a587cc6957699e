// 5,000 small files: create (writeFile), read, stat, delete, each step awaited in turn with
// fs/promises.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const N = 5000;
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-bench-'));
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(3);
const name = (i) => path.join(dir, `f${i}.txt`);

async function main() {
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fsp.writeFile(name(i), `file ${i}\n`);
  for (let i = 0; i < N; i++) await fsp.readFile(name(i), 'utf8');
  for (let i = 0; i < N; i++) await fsp.stat(name(i));
  for (let i = 0; i < N; i++) await fsp.unlink(name(i));
  console.log(`BENCH small_files_5k_ms ${ms(t)} ms`);
  fs.rmSync(dir, { recursive: true });
}

main();
