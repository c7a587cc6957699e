// 100,000 timers with spread-out delays: scheduling, ordering and firing.
const N = 100000;
let fired = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  setTimeout(() => {
    fired++;
    if (fired === N) {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(`BENCH timers_100k_ms ${ms.toFixed(3)} ms`);
    }
  }, i % 50);
}
