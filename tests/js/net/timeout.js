// socket.setTimeout(): 'timeout' after the socket has been idle that long (the socket stays
// open), activity in either direction restarting the wait, 0 turning it off and removing the
// callback, the `timeout` option of net.connect(), no timeout after destroy(), and the checks of
// the arguments.
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

function connected(port, options) {
  return new Promise((resolve) => {
    const client = net.connect({ port, host: '127.0.0.1', ...options }, () => resolve(client));
  });
}

async function main() {
  const accepted = [];
  const server = net.createServer((socket) => {
    accepted.push(socket);
    socket.on('error', () => {});
  });
  const port = await listen(server);

  console.log('--- idle timeout');
  let client = await connected(port);
  let fired = 0;
  const ret = client.setTimeout(100, () => fired++);
  console.log('returns the socket', ret === client, 'timeout property', client.timeout);
  await new Promise((resolve) => client.once('timeout', resolve));
  console.log('fired', fired, 'destroyed', client.destroyed, client.readyState);
  await wait(250);
  console.log('fires again while still idle', fired > 1, 'callback listeners left', client.listenerCount('timeout'));
  client.destroy();

  console.log('--- activity restarts the wait');
  client = await connected(port);
  const peer = accepted[accepted.length - 1];
  fired = 0;
  client.on('timeout', () => fired++);
  client.setTimeout(300);
  for (let i = 0; i < 6; i++) {
    await wait(100);
    if (i % 2 === 0) client.write('x');
    else peer.write('y');
  }
  console.log('timeouts while active', fired);
  await new Promise((resolve) => client.once('timeout', resolve));
  console.log('timeout once idle', fired);
  client.destroy();

  console.log('--- setTimeout(0) turns it off');
  client = await connected(port);
  fired = 0;
  const cb = () => fired++;
  client.setTimeout(50, cb);
  console.log('listeners', client.listenerCount('timeout'));
  client.setTimeout(0, cb);
  console.log('listeners after 0', client.listenerCount('timeout'), 'timeout property', client.timeout);
  await wait(200);
  console.log('fired', fired);
  client.destroy();

  console.log('--- the timeout option of net.connect()');
  client = await connected(port, { timeout: 100 });
  console.log('timeout property', client.timeout);
  await new Promise((resolve) => client.once('timeout', resolve));
  console.log('timeout event');
  client.destroy();

  console.log('--- no timeout after destroy()');
  client = await connected(port);
  fired = 0;
  client.setTimeout(50, () => fired++);
  client.destroy();
  await wait(150);
  console.log('fired', fired, 'setTimeout on a destroyed socket', client.setTimeout(-1) === client);

  console.log('--- argument checks');
  client = await connected(port);
  for (const args of [[-1], ['10'], [Infinity], [NaN], [10, 'nope'], [0, 5]]) {
    try {
      client.setTimeout(...args);
      console.log(args, 'ok');
    } catch (e) {
      console.log(args, e.name, e.code, e.message);
    }
  }
  client.destroy();

  for (const socket of accepted) socket.destroy();
  server.close();
  console.log('done');
}

main();
