// node:crypto: 20,000 short SHA-256 digests through createHash, 20,000 randomUUID calls, SHA-256
// of 64 MiB in one update, and PBKDF2-SHA256 with 100,000 iterations.
const crypto = require('crypto');
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1);

let t = process.hrtime.bigint();
let last;
for (let i = 0; i < 20000; i++) last = crypto.createHash('sha256').update(`message ${i}`).digest('hex');
if (last.length !== 64) throw new Error('short digest');
console.log(`BENCH crypto_sha256_short_x20k_ms ${ms(t)} ms`);

t = process.hrtime.bigint();
for (let i = 0; i < 20000; i++) last = crypto.randomUUID();
if (last.length !== 36) throw new Error('bad uuid');
console.log(`BENCH crypto_random_uuid_x20k_ms ${ms(t)} ms`);

const big = Buffer.alloc(64 << 20, 7);
t = process.hrtime.bigint();
last = crypto.createHash('sha256').update(big).digest('hex');
console.log(`BENCH crypto_sha256_64m_ms ${ms(t)} ms`);

t = process.hrtime.bigint();
crypto.pbkdf2Sync('password', 'salt', 100000, 32, 'sha256');
console.log(`BENCH crypto_pbkdf2_100k_ms ${ms(t)} ms`);
