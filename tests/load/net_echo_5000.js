'use strict';
// Load: a server holds 5,000 concurrent loopback connections, each echoing 1 KiB of its own
// pattern; every byte must come back, nothing may fail, and after two rounds memory must be
// flat (the second round leaves no more behind than the first). Prints one line per round and
// "ok"; any failure throws.
const net = require('net');
const assert = require('assert');

const CONNECTIONS = Number(process.argv[2] || 5000);
const CONNECTING_AT_ONCE = 256;
const SIZE = 1024;

function pattern(i) {
  const b = Buffer.alloc(SIZE);
  for (let j = 0; j < SIZE; j++) b[j] = (i * 31 + j) & 0xff;
  return b;
}

function round(server, port) {
  return new Promise((resolve, reject) => {
    const sockets = [];
    let connected = 0;
    let echoed = 0;
    let closed = 0;
    let started = 0;
    function open() {
      const i = started++;
      const expected = pattern(i);
      const chunks = [];
      const c = net.connect(port, '127.0.0.1');
      sockets.push(c);
      c.on('error', reject);
      c.on('connect', () => {
        connected++;
        if (started < CONNECTIONS) open();
        c.write(expected);
      });
      c.on('data', (d) => {
        chunks.push(d);
        const got = Buffer.concat(chunks);
        if (got.length < SIZE) return;
        assert.deepStrictEqual(got, expected, `connection ${i} echoed wrong bytes`);
        if (++echoed === CONNECTIONS) everyoneEchoed();
      });
      c.on('close', (hadError) => {
        assert.strictEqual(hadError, false);
        if (++closed === CONNECTIONS) resolve();
      });
    }
    function everyoneEchoed() {
      server.getConnections((err, n) => {
        if (err) return reject(err);
        assert.strictEqual(n, CONNECTIONS, 'the server holds every connection at once');
        assert.strictEqual(connected, CONNECTIONS);
        for (const s of sockets) s.end();
      });
    }
    for (let i = 0; i < CONNECTING_AT_ONCE && started < CONNECTIONS; i++) open();
  });
}

const server = net.createServer((s) => {
  s.on('error', (e) => {
    throw e;
  });
  s.pipe(s);
});
server.maxConnections = CONNECTIONS + 1;
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const rss = [];
  for (let r = 1; r <= 3; r++) {
    await round(server, port);
    await new Promise((resolve) => setImmediate(resolve));
    if (typeof globalThis.gc === 'function') globalThis.gc();
    rss.push(process.memoryUsage().rss);
    console.log(`round ${r}: ${CONNECTIONS} connections echoed and closed`);
  }
  await new Promise((resolve) => server.getConnections((e, n) => {
    assert.strictEqual(n, 0);
    resolve();
  }));
  // The first round grows the heap to its working size; later rounds must not add to it.
  const growth = (rss[2] - rss[1]) / rss[1];
  assert.ok(growth < 0.1, `memory grew by ${(growth * 100).toFixed(1)}% between rounds 2 and 3`);
  server.close(() => console.log('ok'));
});
