// Half-open TCP connections: with allowHalfOpen a socket that received the peer's FIN can still
// write, and the other direction keeps working after one side ended; without it the socket ends
// its side as soon as the peer's ends, and a later write fails with EPIPE ("ended by the other
// party").
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

// Each socket logs into its own list: the order between two sockets' events depends on timing.
function collect(socket, name, logs) {
  const log = (logs[name] = []);
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => {
    data += d;
  });
  socket.on('end', () => log.push(`end ${JSON.stringify(data)} writable=${socket.writable}`));
  socket.on('error', (e) => log.push(`error ${e.code} ${e.message}`));
  return new Promise((resolve) => socket.on('close', () => resolve()));
}

async function serverWritesAfterEnd() {
  console.log('--- allowHalfOpen server writes after the client ended');
  const log = {};
  let serverClosed;
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    console.log('server allowHalfOpen', socket.allowHalfOpen);
    serverClosed = collect(socket, 'server', log);
    socket.on('end', () => {
      setImmediate(() => {
        log.server.push(`writes after end, readyState=${socket.readyState}`);
        socket.write('one ');
        socket.end('two');
      });
    });
  });
  const port = await listen(server);
  const client = net.connect({ port, host: '127.0.0.1' });
  console.log('client allowHalfOpen', client.allowHalfOpen);
  client.end('request');
  await collect(client, 'client', log);
  await serverClosed;
  for (const name of Object.keys(log).sort()) console.log(name, log[name]);
  server.close();
}

async function clientWritesAfterEnd() {
  console.log('--- allowHalfOpen client writes after the server ended');
  const log = {};
  let serverClosed;
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    serverClosed = collect(socket, 'server', log);
    socket.end('bye');
  });
  const port = await listen(server);
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  client.on('end', () => {
    log.client.push(`readyState after end ${client.readyState}`);
    client.end('late');
  });
  await collect(client, 'client', log);
  await serverClosed;
  for (const name of Object.keys(log).sort()) console.log(name, log[name]);
  server.close();
}

async function autoEnd() {
  console.log('--- without allowHalfOpen the socket ends when the peer does');
  const log = {};
  let serverClosed;
  const server = net.createServer((socket) => {
    serverClosed = collect(socket, 'server', log);
    socket.on('finish', () => log.server.push('finish'));
  });
  const port = await listen(server);
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  client.end('x');
  await collect(client, 'client', log);
  await serverClosed;
  for (const name of Object.keys(log).sort()) console.log(name, log[name]);
  server.close();
}

async function writeAfterFin() {
  console.log('--- write after the peer ended, without allowHalfOpen');
  const log = {};
  let serverClosed;
  const server = net.createServer((socket) => {
    serverClosed = collect(socket, 'server', log);
    socket.on('end', () => {
      // The writable side ends on the next tick: this write still goes out.
      log.server.push(`in 'end': writableEnded=${socket.writableEnded}`);
      socket.write('in time');
      // Two ticks later the socket has ended its side, and is not destroyed yet.
      process.nextTick(() => process.nextTick(() => {
        log.server.push(`later: writableEnded=${socket.writableEnded} destroyed=${socket.destroyed}`);
        const ret = socket.write('too late', (err) => log.server.push(`write callback ${err.code} ${err.message}`));
        log.server.push(`write returned ${ret}`);
      }));
    });
    socket.on('close', (hadError) => log.server.push(`close hadError=${hadError}`));
  });
  const port = await listen(server);
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  client.end();
  await collect(client, 'client', log);
  await serverClosed;
  for (const name of Object.keys(log).sort()) console.log(name, log[name]);
  server.close();
}

(async () => {
  await serverWritesAfterEnd();
  await clientWritesAfterEnd();
  await autoEnd();
  await writeAfterFin();
  console.log('done');
})();
