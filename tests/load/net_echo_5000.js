'use strict';
// Load: a server holds 5,000 concurrent loopback connections, each echoing 1 KiB of its own
// pattern; every byte must come back, nothing may fail, and memory must be flat: after six
// rounds (a full collection after each, when run with --expose-gc), the last round leaves less
// than 5% more behind. (The heap reaches its working size in two to five rounds, depending on
// when the engine collects; a leak keeps growing every round.) Usage: [connections] [rounds]. Prints one line per round and "ok"; any
// failure throws.
const net = require('net');
const assert = require('assert');

const CONNECTIONS = Number(process.argv[2] || 5000);
const CONNECTING_AT_ONCE = 256;
const SIZE = 1024;
const ROUNDS = Number(process.argv[3] || 6);

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
  for (let r = 1; r <= ROUNDS; r++) {
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
  // The first rounds grow the heap to its working size (and the allocator's free lists settle);
  // after that a round must leave no more than a few percent behind. A leak of a few KiB per
  // connection adds as much in every round.
  const last = rss[rss.length - 1];
  const before = rss[rss.length - 2];
  const growth = (last - before) / before;
  assert.ok(growth < 0.05, `memory grew by ${(growth * 100).toFixed(1)}% in the last round`);
  server.close(() => console.log('ok'));
});
