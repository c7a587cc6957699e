// net.Socket and net.Server over TCP on 127.0.0.1: the events each socket sees, in order, on the
// client and the server side; readyState, pending and connecting along the way; the addresses;
// byte counts after close; connecting through a custom lookup; and destroy() from either side.
// The events of a socket's reading half and writing half are logged apart, since which of them
// comes first depends on timing.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function track(socket) {
  const read = [];
  const write = [];
  const other = [];
  let data = '';
  socket.on('data', (d) => {
    data += d;
  });
  socket.on('end', () => read.push(`end data=${JSON.stringify(data)}`));
  socket.on('finish', () => write.push('finish'));
  for (const ev of ['connect', 'ready', 'timeout']) socket.on(ev, () => other.push(ev));
  socket.on('lookup', (err, ip, family, host) => other.push(`lookup ${err} ${ip} ${family} ${host}`));
  socket.on('error', (e) => other.push(`error ${e.code} ${e.message}`));
  return new Promise((resolve) => {
    socket.on('close', (hadError) => {
      other.push(`close hadError=${hadError}`);
      resolve({ read, write, other, socket });
    });
  });
}

function show(name, log) {
  console.log(`${name} read:`, log.read.join(', '));
  console.log(`${name} write:`, log.write.join(', '));
  console.log(`${name} events:`, log.other.join(', '));
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function pingPong() {
  console.log('--- client ends first, server answers on end');
  let serverSide;
  const server = net.createServer((socket) => {
    console.log('server socket', socket.readyState, socket.pending, socket.connecting);
    console.log('server socket peer', socket.remoteAddress, socket.remoteFamily, socket.localAddress, socket.localFamily);
    console.log('server socket server', socket.server === server);
    serverSide = track(socket);
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => {
      got += d;
    });
    socket.on('end', () => {
      console.log('server socket after end', socket.readyState);
      socket.end(`pong:${got}`);
    });
  });
  const serverEvents = [];
  for (const ev of ['listening', 'close']) server.on(ev, () => serverEvents.push(ev));
  server.on('connection', () => serverEvents.push('connection'));
  const port = await listen(server);
  const addr = server.address();
  console.log('server address', addr.address, addr.family, typeof addr.port, server.listening);

  const client = new net.Socket();
  console.log('new socket', client.readyState, client.pending, client.connecting, client.destroyed);
  const clientSide = track(client);
  const ret = client.connect(port, '127.0.0.1');
  console.log('connect returns the socket', ret === client);
  console.log('connecting', client.readyState, client.pending, client.connecting);
  client.on('connect', () => {
    console.log('connected', client.readyState, client.pending, client.connecting);
    console.log('client peer', client.remoteAddress, client.remotePort === port, client.remoteFamily);
    const local = client.address();
    console.log('client local', local.address, local.family, local.port === client.localPort);
    client.write('pi');
    client.end('ng');
    console.log('after end()', client.readyState, client.writable, client.writableEnded);
  });
  const c = await clientSide;
  const s = await serverSide;
  show('client', c);
  show('server', s);
  console.log('client bytes', client.bytesRead, client.bytesWritten, client.readyState, client.destroyed);
  console.log('server bytes', s.socket.bytesRead, s.socket.bytesWritten);
  await new Promise((resolve) => server.close(resolve));
  console.log('server events:', serverEvents.join(', '), server.listening, server.address());
}

async function lookupPath() {
  console.log('--- connect through a custom lookup');
  const server = net.createServer((socket) => socket.end('hi'));
  const port = await listen(server);
  const calls = [];
  const client = net.connect({
    port,
    host: 'example.test',
    lookup(host, options, cb) {
      calls.push(`${host} family=${options.family} hints=${options.hints} all=${options.all}`);
      setImmediate(cb, null, [{ address: '127.0.0.1', family: 4 }]);
    },
  });
  const log = await track(client);
  console.log('lookup calls', calls);
  show('client', log);
  server.close();
}

async function lookupFamily() {
  console.log('--- family 4 skips Happy Eyeballs');
  const server = net.createServer((socket) => socket.end());
  const port = await listen(server);
  const client = net.connect({
    port,
    host: 'example.test',
    family: 4,
    lookup(host, options, cb) {
      console.log('lookup', host, options);
      setImmediate(cb, null, '127.0.0.1', 4);
    },
  });
  const log = await track(client);
  show('client', log);
  server.close();
}

async function serverDestroys() {
  console.log('--- the server destroys the socket');
  let serverSide;
  const server = net.createServer((socket) => {
    serverSide = track(socket);
    socket.destroy();
    console.log('destroyed', socket.destroyed, socket.readyState);
  });
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  const c = await track(client);
  show('client', c);
  show('server', await serverSide);
  server.close();
}

async function clientDestroysWithError() {
  console.log('--- the client destroys with an error');
  let serverSide;
  const server = net.createServer((socket) => {
    serverSide = track(socket);
  });
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1', () => {
    const err = new Error('boom');
    err.code = 'EBOOM';
    client.destroy(err);
  });
  show('client', await track(client));
  show('server', await serverSide);
  server.close();
}

async function destroyWhileConnecting() {
  console.log('--- destroy() while connecting');
  const server = net.createServer();
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  const log = track(client);
  client.destroy();
  console.log('destroyed', client.destroyed, client.connecting, client.readyState);
  show('client', await log);
  server.close();
}

(async () => {
  await pingPong();
  await lookupPath();
  await lookupFamily();
  await serverDestroys();
  await clientDestroysWithError();
  await destroyWhileConnecting();
  console.log('done');
})();
