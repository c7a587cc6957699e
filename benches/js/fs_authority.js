// The cost of least authority: the same synchronous stats and small-file reads, run by jsbench
// under full authority and again with only this directory granted (`actorjs-least`), where
// every call is resolved beneath the grant.
const fs = require('fs');
const N = 100000;
const target = __filename;
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(3);

// Warm up (lazy loading, caches) before timing.
for (let i = 0; i < 1000; i++) fs.statSync(target);

let t = process.hrtime.bigint();
for (let i = 0; i < N; i++) fs.statSync(target);
console.log(`BENCH statSync_100k_ms ${ms(t)} ms`);

t = process.hrtime.bigint();
for (let i = 0; i < N / 5; i++) fs.readFileSync(target);
console.log(`BENCH readFileSync_20k_ms ${ms(t)} ms`);
