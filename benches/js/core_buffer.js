// Buffer encodings and concat: base64 and hex round trips of 1 MiB (50 times each) and
// Buffer.concat of 1,024 chunks of 1 KiB (1,000 times).
const ms = (t) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1);
const data = Buffer.alloc(1 << 20);
for (let i = 0; i < data.length; i++) data[i] = (i * 7919) & 0xff;

for (const enc of ['base64', 'hex']) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < 50; i++) {
    const back = Buffer.from(data.toString(enc), enc);
    if (back.length !== data.length) throw new Error(`${enc} round trip lost bytes`);
  }
  console.log(`BENCH buffer_${enc}_round_trip_1m_x50_ms ${ms(t)} ms`);
}

const chunks = [];
for (let i = 0; i < 1024; i++) chunks.push(data.subarray(i * 1024, (i + 1) * 1024));
const t = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) {
  if (Buffer.concat(chunks).length !== data.length) throw new Error('concat lost bytes');
}
console.log(`BENCH buffer_concat_1024x1k_x1000_ms ${ms(t)} ms`);
