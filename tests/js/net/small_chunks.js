// Small messages through a socket, on the paths that hand a chunk straight to a flowing
// consumer and write a Buffer the kernel takes at once: the stream state a program can see
// after each 'data' event, a consumer that pauses and resumes in between, a subclass with its
// own _read, and write callbacks, 'drain' and 'finish' in order.
const net = require('net');
const { once } = require('events');

class CountingSocket extends net.Socket {
  constructor(opts) {
    super(opts);
    this.reads = 0;
  }
  _read(n) {
    this.reads++;
    return super._read(n);
  }
}

async function echoServer() {
  const server = net.createServer((sock) => sock.on('data', (d) => sock.write(d)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

// One message at a time, so that each 'data' event carries exactly one.
function roundTrips(client, messages, onData) {
  return new Promise((resolve) => {
    let i = 0;
    let got = '';
    client.on('data', function handler(d) {
      got += d;
      if (got.length < messages[i].length) return;
      onData(i, got);
      got = '';
      if (++i === messages.length) {
        client.off('data', handler);
        resolve();
      } else {
        client.write(messages[i]);
      }
    });
    client.write(messages[0]);
  });
}

async function stateAfterData(server) {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setNoDelay(true);
  await once(client, 'connect');
  const rs = client._readableState;
  await roundTrips(client, ['a', 'bb', 'ccc'], (i, got) => {
    console.log('data', i, got, 'flowing', rs.flowing, 'length', rs.length, 'reading', rs.reading);
    process.nextTick(() => {
      // (`reading` is left out here: it turns true a tick earlier than in node, see readable.js.)
      console.log('  tick', i, 'flowing', rs.flowing, 'needReadable', rs.needReadable, 'length', rs.length);
    });
  });
  await new Promise((r) => setImmediate(r));
  console.log('after', 'reading', rs.reading, 'bytesRead', client.bytesRead, 'bytesWritten', client.bytesWritten);
  client.end();
  await once(client, 'close');
}

async function pauseInHandler(server) {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setNoDelay(true);
  await once(client, 'connect');
  const seen = [];
  await new Promise((resolve) => {
    let n = 0;
    client.on('data', (d) => {
      seen.push(String(d));
      client.pause();
      console.log('paused after', String(d), 'isPaused', client.isPaused());
      setTimeout(() => {
        client.resume();
        if (++n === 3) resolve();
        else client.write(String(n));
      }, 5);
    });
    client.write('0');
  });
  console.log('seen', seen.join(','));
  client.end();
  await once(client, 'close');
}

async function readableListener(server) {
  const client = net.connect(server.address().port, '127.0.0.1');
  await once(client, 'connect');
  const chunks = [];
  await new Promise((resolve) => {
    client.once('data', (d) => {
      chunks.push(`data:${d}`);
      // A 'readable' listener turns the stream from flowing to paused mode.
      client.on('readable', function onReadable() {
        let c;
        while ((c = client.read()) !== null) chunks.push(`read:${c}`);
        if (chunks.length === 2) {
          client.off('readable', onReadable);
          resolve();
        }
      });
      client.write('second');
    });
    client.write('first');
  });
  console.log(chunks.join(' '));
  client.destroy();
  await once(client, 'close');
}

async function subclassRead(server) {
  const client = new CountingSocket();
  client.connect(server.address().port, '127.0.0.1');
  await once(client, 'connect');
  await roundTrips(client, ['x', 'y', 'z'], () => {});
  await new Promise((r) => setImmediate(r));
  console.log('subclass _read called', client.reads > 0);
  client.end();
  await once(client, 'close');
}

async function writeCallbacks(server) {
  const client = net.connect(server.address().port, '127.0.0.1');
  await once(client, 'connect');
  // The echo is read and dropped, so that the server's end reaches the client.
  client.resume();
  const order = [];
  client.on('drain', () => order.push('drain'));
  client.on('finish', () => order.push('finish'));
  const r1 = client.write('one', () => order.push('cb one'));
  const r2 = client.write(Buffer.from('two'), () => order.push('cb two'));
  const r3 = client.write(new Uint8Array([116, 104, 114, 101, 101]));
  order.push(`returned ${r1} ${r2} ${r3} writableLength ${client.writableLength}`);
  process.nextTick(() => order.push('tick'));
  client.end(() => order.push('end cb'));
  await once(client, 'close');
  console.log(order.join(' | '));
  console.log('bytesWritten', client.bytesWritten);
}

(async () => {
  console.log('listenerCount name', JSON.stringify(require('events').listenerCount.name));
  const server = await echoServer();
  await stateAfterData(server);
  await pauseInHandler(server);
  await readableListener(server);
  await subclassRead(server);
  await writeCallbacks(server);
  server.close();
})();
