// A socket keeps the process alive only while it is busy, as a libuv handle is active: a paused
// socket with nothing to write does not, even when ref'd, and the process exits. Also: a
// localAddress without a localPort binds port 0.
'use strict';
const net = require('net');

const server = net.createServer((conn) => conn.unref());
server.unref();
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', localAddress: '127.0.0.1' });
  client.pause();
  client.on('connect', () => {
    console.log('connected from', client.localAddress, client.localPort > 0);
    client.write('hello', () => console.log('written'));
  });
  const started = Date.now();
  process.on('exit', () => {
    console.log('exit before the timer:', Date.now() - started < 4000);
  });
  setTimeout(() => console.log('timer fired'), 5000).unref();
});
