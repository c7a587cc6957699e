// 1,000,000 emits of one event to 3 listeners.
const EventEmitter = require('events');
const N = 1000000;
const e = new EventEmitter();
let sum = 0;
e.on('tick', (n) => (sum += n));
e.on('tick', (n) => (sum -= n));
e.on('tick', () => sum++);
const t = process.hrtime.bigint();
for (let i = 0; i < N; i++) e.emit('tick', i);
const ms = Number(process.hrtime.bigint() - t) / 1e6;
if (sum !== N) throw new Error('listeners missed emits');
console.log(`BENCH emit_1m_3_listeners_ms ${ms.toFixed(1)} ms`);
