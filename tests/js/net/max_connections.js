// server.maxConnections: a connection past the limit is closed at once and reported by 'drop'
// with both ends' addresses; once a connection goes away the next one is accepted again.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function connect(port) {
  const client = net.connect(port, '127.0.0.1');
  const events = [];
  client.on('connect', () => events.push('connect'));
  client.on('data', (d) => events.push(`data ${d}`));
  client.on('end', () => events.push('end'));
  client.on('error', (e) => events.push(`error ${e.code}`));
  const closed = new Promise((resolve) => client.on('close', () => resolve(events)));
  return { client, closed };
}

async function main() {
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.write(`welcome ${accepted}`);
  });
  server.maxConnections = 1;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  const first = connect(port);
  await new Promise((resolve) => first.client.once('data', resolve));

  const dropped = new Promise((resolve) => server.once('drop', resolve));
  const second = connect(port);
  const data = await dropped;
  console.log('drop data', Object.getPrototypeOf(data), Object.keys(data));
  console.log(
    'local',
    data.localAddress,
    data.localFamily,
    data.localPort === port,
    'remote',
    data.remoteAddress,
    data.remoteFamily,
    typeof data.remotePort,
  );
  console.log('second client', await second.closed);
  console.log('accepted', accepted, 'connections', server._connections);

  first.client.end();
  console.log('first client', await first.closed);
  while (server._connections > 0) await new Promise((resolve) => setImmediate(resolve));

  const third = connect(port);
  await new Promise((resolve) => third.client.once('data', resolve));
  third.client.end();
  console.log('third client', await third.closed);
  console.log('accepted', accepted);
  server.close();
  console.log('done');
}

main();
