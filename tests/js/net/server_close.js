// server.close(): the server stops listening at once but emits 'close' (and calls back) only
// when its last connection is gone; getConnections() along the way; a closed server can listen
// again; a server closed before it ever listened.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

const log = [];

function getConnections(server) {
  return new Promise((resolve) => server.getConnections((err, n) => resolve(`${err} ${n}`)));
}

function connect(port) {
  return new Promise((resolve) => {
    const client = net.connect(port, '127.0.0.1', () => resolve(client));
  });
}

async function main() {
  const accepted = [];
  let onAccept;
  const server = net.createServer((socket) => {
    accepted.push(socket);
    socket.on('close', () => log.push(`server socket ${accepted.indexOf(socket)} close`));
    if (onAccept) onAccept();
  });
  server.on('close', () => log.push('server close event'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  console.log('connections at first', await getConnections(server));

  const clients = [];
  for (let i = 0; i < 2; i++) {
    const gotIt = new Promise((resolve) => {
      onAccept = resolve;
    });
    clients.push(await connect(port));
    await gotIt;
  }
  console.log('connections', await getConnections(server), server._connections);

  const closed = new Promise((resolve) =>
    server.close((err) => {
      log.push(`close callback ${err}`);
      resolve();
    }),
  );
  console.log('after close(): listening', server.listening, 'address', server.address());
  console.log('connections', await getConnections(server));

  await new Promise((resolve) => setTimeout(resolve, 100));
  log.push('client 0 ends');
  clients[0].end();
  await new Promise((resolve) => accepted[0].on('close', resolve));
  console.log('connections', await getConnections(server));
  log.push('client 1 ends');
  clients[1].end();
  await closed;
  await new Promise((resolve) => accepted[1].on('close', resolve));
  log.forEach((line) => console.log(line));
  console.log('connections', await getConnections(server));

  console.log('--- listen again');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log('listening', server.listening);
  const again = await connect(server.address().port);
  again.end();
  await new Promise((resolve) => again.on('close', resolve));
  await new Promise((resolve) => server.close(resolve));
  console.log('closed again', server.listening);

  console.log('--- close before listen');
  const idle = net.createServer();
  idle.on('close', () => console.log('idle close event'));
  idle.close((err) => console.log('idle close callback', err.code));
  console.log('done');
}

main();
