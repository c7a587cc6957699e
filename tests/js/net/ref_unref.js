// ref() and unref() of servers and sockets: a ref'd server keeps the process alive until it
// closes; unref() before listen() carries over; once the server, the accepted socket and the
// client are all unref'd the process exits with the connection still open.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

process.on('exit', (code) => console.log('exit', code));

const kept = net.createServer();
console.log('unref and ref return the server', kept.unref() === kept, kept.ref() === kept);
kept.listen(0, '127.0.0.1', () => {
  console.log('ref\'d server listening');
  setTimeout(() => {
    kept.close(() => {
      console.log('ref\'d server closed');
      phase2();
    });
  }, 50);
});

function phase2() {
  const server = net.createServer((socket) => {
    console.log('server connection; unref returns the socket', socket.unref() === socket);
    socket.write('x');
  });
  server.unref();
  server.listen(0, '127.0.0.1', () => {
    console.log('unref\'d server listening', server.listening);
    const client = new net.Socket();
    console.log('unref before connect returns the socket', client.unref() === client, client.ref() === client);
    client.connect(server.address().port, '127.0.0.1');
    client.on('data', (d) => {
      console.log('client data', String(d));
      client.unref();
      setImmediate(() => console.log('all unref\'d, still open', !client.destroyed, server.listening));
    });
  });
}
