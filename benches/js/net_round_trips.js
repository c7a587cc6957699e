// 20,000 round trips of a 64-byte message between a client and an echo server on loopback: the
// latency of one write through the stack and back.
const net = require('net');
const N = 20000;
const msg = Buffer.alloc(64, 'x');

const server = net.createServer((sock) => {
  sock.setNoDelay(true);
  sock.on('data', (d) => sock.write(d));
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setNoDelay(true);
  let left = N;
  let got = 0;
  let t;
  client.on('connect', () => {
    t = process.hrtime.bigint();
    client.write(msg);
  });
  client.on('data', (d) => {
    got += d.length;
    // Echoes may arrive split or merged; one message is in flight at a time.
    if (got < msg.length) return;
    got -= msg.length;
    if (--left === 0) {
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      console.log(`BENCH net_round_trip_64b_us ${((ms * 1000) / N).toFixed(2)} us`);
      client.end();
      server.close();
      return;
    }
    client.write(msg);
  });
});
