// Backpressure over TCP: 8 MiB written in 64 KiB chunks to a reader that starts paused, with
// write() returning false and the writer waiting for 'drain'; then one 8 MiB write. Every byte
// arrives in order (each chunk is compared with what was sent), and the byte counts on both
// sides are exact.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 15000).unref();

const TOTAL = 8 * 1024 * 1024;
const CHUNK = 64 * 1024;

// The bytes sent: 0, 1, ..., 250, 0, 1, ... (251 is prime, so chunks do not line up with it).
const block = Buffer.alloc(251);
for (let i = 0; i < 251; i++) block[i] = i;
const reference = Buffer.alloc(TOTAL);
reference.fill(block);

function pattern(offset, length) {
  return reference.subarray(offset, offset + length);
}

// Checks bytes against the reference as they come.
function verifier() {
  let offset = 0;
  let bad = 0;
  return {
    push(buf) {
      if (!buf.equals(reference.subarray(offset, offset + buf.length))) bad++;
      offset += buf.length;
    },
    get received() {
      return offset;
    },
    get bad() {
      return bad;
    },
  };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function chunked() {
  console.log('--- 8 MiB in 64 KiB chunks, reader paused at first');
  let serverDone;
  const done = new Promise((resolve) => {
    serverDone = resolve;
  });
  const server = net.createServer({ pauseOnConnect: true }, async (socket) => {
    const check = verifier();
    socket.on('data', (d) => check.push(d));
    socket.on('end', () => {
      socket.end();
      serverDone({ check, bytesRead: socket.bytesRead });
    });
    await wait(100);
    socket.resume();
  });
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.on('connect', resolve));
  let falses = 0;
  let drains = 0;
  client.on('drain', () => drains++);
  let sent = 0;
  while (sent < TOTAL) {
    const ok = client.write(pattern(sent, CHUNK));
    sent += CHUNK;
    if (!ok) {
      falses++;
      if (falses === 1) {
        console.log(`first false: bufferSize > 0 ${client.bufferSize > 0}, writableNeedDrain ${client.writableNeedDrain}`);
      }
      await new Promise((resolve) => client.once('drain', resolve));
    }
  }
  client.end();
  const { check, bytesRead } = await done;
  await new Promise((resolve) => client.on('close', resolve));
  console.log('write() returned false', falses > 0, 'drain events match', drains === falses);
  console.log('received', check.received, 'bad chunks', check.bad, 'server bytesRead', bytesRead);
  console.log('client bytesWritten', client.bytesWritten);
  server.close();
}

async function oneBigWrite() {
  console.log('--- one 8 MiB write');
  let serverDone;
  const done = new Promise((resolve) => {
    serverDone = resolve;
  });
  const server = net.createServer((socket) => {
    const check = verifier();
    socket.on('data', (d) => check.push(d));
    socket.on('end', () => serverDone(check));
  });
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  const events = [];
  client.on('drain', () => events.push('drain'));
  client.on('finish', () => events.push('finish'));
  const ok = client.write(pattern(0, TOTAL), () => events.push('write callback'));
  console.log('write returned', ok, 'writableLength', client.writableLength, 'bytesWritten', client.bytesWritten);
  await new Promise((resolve) => client.once('drain', resolve));
  client.end();
  const check = await done;
  await new Promise((resolve) => client.on('close', resolve));
  console.log('events', events.join(', '));
  console.log('received', check.received, 'bad chunks', check.bad);
  server.close();
}

(async () => {
  await chunked();
  await oneBigWrite();
  console.log('done');
})();
