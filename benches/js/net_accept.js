// 10,000 short connections, 50 at a time: each connects, sends a byte, reads the echo and ends.
// Measures how fast a server accepts and a client connects and tears down.
const net = require('net');
const N = 10000;
const PARALLEL = 50;

const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.end(d));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let started = 0;
  let done = 0;
  const t = process.hrtime.bigint();
  function one() {
    started++;
    const c = net.connect(port, '127.0.0.1', () => c.write('x'));
    c.on('data', () => {});
    c.on('close', () => {
      if (++done === N) {
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        console.log(`BENCH net_accept_10k_ms ${ms.toFixed(1)} ms`);
        console.log(`BENCH net_accept_per_s ${((N / ms) * 1000).toFixed(0)} conn/s`);
        server.close();
      } else if (started < N) {
        one();
      }
    });
    c.on('error', (e) => {
      throw e;
    });
  }
  for (let i = 0; i < PARALLEL; i++) one();
});
