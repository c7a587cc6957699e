// Flow control on TCP sockets: a server with pauseOnConnect gets sockets that deliver nothing
// until resumed; pause() stops 'data' events while the peer keeps sending, and resume() delivers
// what arrived meanwhile; paused mode with 'readable' and read(); a client paused before it
// connects.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function pauseOnConnect() {
  console.log('--- pauseOnConnect');
  let accepted;
  const gotSocket = new Promise((resolve) => {
    accepted = resolve;
  });
  const server = net.createServer({ pauseOnConnect: true }, accepted);
  console.log('server.pauseOnConnect', server.pauseOnConnect);
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1', () => client.end('hello'));
  const socket = await gotSocket;
  let data = '';
  socket.on('data', (d) => {
    data += d;
  });
  console.log('paused at first', socket.isPaused(), socket.readableFlowing);
  await wait(100);
  console.log('after a while', JSON.stringify(data), socket.readableLength);
  const ended = new Promise((resolve) => socket.on('end', resolve));
  socket.resume();
  await ended;
  console.log('after resume', JSON.stringify(data));
  socket.end();
  await new Promise((resolve) => client.on('close', resolve));
  server.close();
}

async function pauseMidStream() {
  console.log('--- pause() while the peer keeps sending');
  let accepted;
  const gotSocket = new Promise((resolve) => {
    accepted = resolve;
  });
  const server = net.createServer(accepted);
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  const socket = await gotSocket;
  let total = 0;
  let whilePaused = 0;
  let paused = false;
  socket.on('data', (d) => {
    total += d.length;
    if (paused) whilePaused++;
  });
  const first = new Promise((resolve) => socket.once('data', resolve));
  client.write('a'.repeat(1000));
  await first;
  socket.pause();
  paused = true;
  console.log('paused', socket.isPaused(), socket.readableFlowing);
  client.end('b'.repeat(3000));
  await wait(100);
  console.log('data events while paused', whilePaused, 'buffered', socket.readableLength > 0 || total === 4000);
  const ended = new Promise((resolve) => socket.on('end', resolve));
  paused = false;
  socket.resume();
  console.log('resumed', socket.isPaused(), socket.readableFlowing);
  await ended;
  console.log('total', total);
  socket.end();
  await new Promise((resolve) => client.on('close', resolve));
  server.close();
}

async function readableMode() {
  console.log('--- paused mode with read()');
  const server = net.createServer((socket) => socket.end('0123456789'));
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  let text = '';
  client.on('readable', () => {
    let chunk;
    while ((chunk = client.read()) !== null) text += chunk;
  });
  await new Promise((resolve) => client.on('end', resolve));
  console.log('read', text, client.readableFlowing);
  await new Promise((resolve) => client.on('close', resolve));
  server.close();
}

async function pausedBeforeConnect() {
  console.log('--- a client paused before it connects');
  const server = net.createServer((socket) => socket.end('early data'));
  const port = await listen(server);
  const client = net.connect(port, '127.0.0.1');
  client.pause();
  let data = '';
  client.on('data', (d) => {
    data += d;
  });
  await new Promise((resolve) => client.on('connect', resolve));
  await wait(100);
  console.log('while paused', JSON.stringify(data), client.isPaused());
  client.resume();
  await new Promise((resolve) => client.on('end', resolve));
  console.log('after resume', JSON.stringify(data));
  await new Promise((resolve) => client.on('close', resolve));
  server.close();
}

(async () => {
  await pauseOnConnect();
  await pauseMidStream();
  await readableMode();
  await pausedBeforeConnect();
  console.log('done');
})();
