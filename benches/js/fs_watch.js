// 10,000 files changed under a recursively watched tree: every change must be reported; prints
// the median and p99 latency from the write to its event.
const fs = require('fs');
const path = require('path');
const N = 10000;
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-bench-watch-'));
for (let d = 0; d < 10; d++) fs.mkdirSync(path.join(dir, `d${d}`));
const names = [];
for (let i = 0; i < N; i++) names.push(path.join(`d${i % 10}`, `f${i}.txt`));

const written = new Map();
const latencies = [];
const watcher = fs.watch(dir, { recursive: true }, (eventType, filename) => {
  const t = written.get(filename);
  if (t === undefined) return;
  written.delete(filename);
  latencies.push(Number(process.hrtime.bigint() - t) / 1e3);
  if (latencies.length === N) finish();
});

let i = 0;
function writeSome() {
  // In batches, so the loop delivers events while files are still being written.
  for (let k = 0; k < 100 && i < N; k++, i++) {
    written.set(names[i], process.hrtime.bigint());
    fs.writeFileSync(path.join(dir, names[i]), 'x');
  }
  if (i < N) setImmediate(writeSome);
}
const start = process.hrtime.bigint();
setImmediate(writeSome);

const timeout = setTimeout(() => {
  console.error(`only ${latencies.length} of ${N} changes were reported`);
  process.exit(1);
}, 60000);

function finish() {
  clearTimeout(timeout);
  watcher.close();
  latencies.sort((a, b) => a - b);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`BENCH watch_10k_total_ms ${ms.toFixed(1)} ms`);
  console.log(`BENCH watch_latency_median_us ${latencies[N >> 1].toFixed(0)} us`);
  console.log(`BENCH watch_latency_p99_us ${latencies[Math.floor(N * 0.99)].toFixed(0)} us`);
  fs.rmSync(dir, { recursive: true });
}
