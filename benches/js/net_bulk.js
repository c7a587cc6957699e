// 512 MiB from a client to a server on loopback, in 64 KiB writes that respect backpressure
// (write() returning false waits for 'drain'); the server counts what arrives.
const net = require('net');
const SIZE = 512 << 20;
const chunk = Buffer.alloc(64 << 10, 7);

const server = net.createServer((sock) => {
  let got = 0;
  const t = process.hrtime.bigint();
  sock.on('data', (d) => {
    got += d.length;
  });
  sock.on('end', () => {
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (got !== SIZE) throw new Error(`lost bytes: ${got} of ${SIZE}`);
    console.log(`BENCH net_bulk_512m_ms ${ms.toFixed(1)} ms`);
    console.log(`BENCH net_bulk_512m_mib_s ${((SIZE / (1 << 20)) / (ms / 1000)).toFixed(0)} MiB/s`);
    sock.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  function pump() {
    while (sent < SIZE) {
      sent += chunk.length;
      if (!client.write(chunk)) {
        client.once('drain', pump);
        return;
      }
    }
    client.end();
  }
  client.on('connect', pump);
});
