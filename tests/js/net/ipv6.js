// TCP over IPv6: a server on ::1, the families and addresses both sides report; a server on the
// unspecified address (listen(0)) taking IPv4 connections as IPv4-mapped addresses; and
// ipv6Only refusing them.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function exchange(port, host) {
  return new Promise((resolve) => {
    const client = net.connect({ port, host });
    let data = '';
    client.setEncoding('utf8');
    client.on('data', (d) => {
      data += d;
    });
    client.on('connect', () => {
      console.log('client', client.remoteAddress, client.remoteFamily, client.remotePort === port, client.localAddress, client.localFamily);
      client.end();
    });
    client.on('error', (e) => console.log('client error', e.code, e.syscall, e.address, e.port === port));
    client.on('close', () => {
      console.log('client got', JSON.stringify(data));
      resolve();
    });
  });
}

function serve(options) {
  const server = net.createServer((socket) => {
    socket.end(`you are ${socket.remoteAddress} (${socket.remoteFamily}), I am ${socket.localAddress} (${socket.localFamily})`);
  });
  return new Promise((resolve) => server.listen(options, () => resolve(server)));
}

async function main() {
  console.log('--- a server on ::1');
  let server = await serve({ port: 0, host: '::1' });
  let addr = server.address();
  console.log('address', addr.address, addr.family, typeof addr.port);
  await exchange(addr.port, '::1');
  server.close();

  console.log('--- a server on the unspecified address');
  server = await serve(0);
  addr = server.address();
  console.log('address', addr.address, addr.family);
  await exchange(addr.port, '127.0.0.1');
  await exchange(addr.port, '::1');
  server.close();

  console.log('--- ipv6Only');
  server = await serve({ port: 0, host: '::', ipv6Only: true });
  addr = server.address();
  console.log('address', addr.address, addr.family);
  await exchange(addr.port, '::1');
  await exchange(addr.port, '127.0.0.1');
  server.close();
  console.log('done');
}

main();
