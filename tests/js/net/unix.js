// net over Unix domain sockets in a fresh temporary directory: listen(path) and address(),
// connect(path) and connect({ path }), an echo both ways, the addresses a pipe socket reports,
// EADDRINUSE for a path in use, ENOENT for a missing one, readableAll/writableAll, and the
// socket file going away when the server closes.
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');
const sockPath = path.join(tmp, 'server.sock');

function errorInfo(e) {
  return `${e.code} errno=${e.errno} syscall=${e.syscall} address=${show(e.address)} port=${e.port} message=${show(e.message)}`;
}

function echo(client) {
  return new Promise((resolve) => {
    let data = '';
    client.setEncoding('utf8');
    client.on('data', (d) => {
      data += d;
    });
    client.on('connect', () => {
      console.log('client connect: remote', client.remoteAddress, 'local', client.localAddress, 'address()', client.address());
      client.end('ping');
    });
    client.on('error', (e) => console.log('client error', errorInfo(e)));
    client.on('close', (hadError) => {
      console.log('client close', hadError, JSON.stringify(data), 'bytes', client.bytesRead, client.bytesWritten);
      resolve();
    });
  });
}

// The server's side is printed after each client is done, so that the output does not depend
// on which side hears of the connection first.
const serverLog = [];
function flushServerLog() {
  serverLog.splice(0).forEach((line) => console.log(line));
}

async function main() {
  const server = net.createServer((socket) => {
    serverLog.push(`server connection: remote ${socket.remoteAddress} local ${socket.localAddress}`);
    let data = '';
    socket.on('data', (d) => {
      data += d;
    });
    socket.on('end', () => socket.end(`echo:${data}`));
  });
  await new Promise((resolve) => server.listen(sockPath, resolve));
  console.log('listening on the path', server.address() === sockPath, 'socket file', fs.statSync(sockPath).isSocket());

  await echo(net.connect(sockPath));
  flushServerLog();
  await echo(net.createConnection({ path: sockPath }));
  flushServerLog();

  console.log('--- a second server on the same path');
  const second = net.createServer();
  second.on('error', (e) => console.log('second server error', errorInfo(e), 'listening', second.listening));
  second.listen(sockPath);
  await new Promise((resolve) => second.once('error', resolve));

  console.log('--- connect to a missing path');
  await echo(net.connect(path.join(tmp, 'missing.sock')));

  console.log('--- closing removes the socket file');
  await new Promise((resolve) => server.close(resolve));
  console.log('exists after close', fs.existsSync(sockPath));

  console.log('--- readableAll and writableAll');
  const open = net.createServer();
  const openPath = path.join(tmp, 'open.sock');
  await new Promise((resolve) => open.listen({ path: openPath, readableAll: true, writableAll: true }, resolve));
  console.log('mode has rw for all', (fs.statSync(openPath).mode & 0o666) === 0o666);
  await new Promise((resolve) => open.close(resolve));

  fs.rmSync(tmp, { recursive: true, force: true });
  console.log('done');
}

main();
