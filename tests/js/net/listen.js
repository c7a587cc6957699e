// The forms of server.listen(): (port, host, backlog, cb), (port, cb), (cb), (), options objects
// with port as number, numeric string, null or undefined, a host name looked up first, and the
// callback and 'listening' event; then net.connect()'s argument forms against it.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function describe(server) {
  const a = server.address();
  return `${a.address} ${a.family} port>0=${a.port > 0}`;
}

async function form(label, args) {
  const server = net.createServer();
  const events = [];
  server.on('listening', () => events.push('listening event'));
  const ret = await new Promise((resolve) => {
    const r = server.listen(...args, () => {
      events.push('callback');
      resolve(r);
    });
    if (args.length === 0 || typeof args[args.length - 1] !== 'function') {
      server.once('listening', () => resolve(r));
    }
  });
  console.log(label.padEnd(34), describe(server), ret === server, events.join(', '));
  await new Promise((resolve) => server.close(resolve));
}

async function plain(label, args) {
  const server = net.createServer();
  server.listen(...args);
  console.log(label.padEnd(34), 'listening right away', server.listening);
  await new Promise((resolve) => server.once('listening', resolve));
  console.log(''.padEnd(34), describe(server));
  await new Promise((resolve) => server.close(resolve));
}

async function main() {
  await form('(0, "127.0.0.1", 5, cb)', [0, '127.0.0.1', 5]);
  await form('(0, "127.0.0.1", cb)', [0, '127.0.0.1']);
  await form('("0", "127.0.0.1", cb)', ['0', '127.0.0.1']);
  await form('({ port: 0, host: "127.0.0.1" }, cb)', [{ port: 0, host: '127.0.0.1' }]);
  await form('({ port: null, host }, cb)', [{ port: null, host: '127.0.0.1' }]);
  await form('({ port: undefined, host }, cb)', [{ port: undefined, host: '127.0.0.1' }]);
  await form('({ host: "::1", port: 0, backlog }, cb)', [{ host: '::1', port: 0, backlog: 10 }]);
  await form('(0, cb)', [0]);
  await form('(cb)', []);
  await plain('()', []);
  await plain('(null)', [null]);

  console.log('--- connect forms');
  const server = net.createServer((socket) => socket.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const forms = [
    ['(port, host, cb)', (cb) => net.connect(port, '127.0.0.1', cb)],
    ['(String(port), host, cb)', (cb) => net.connect(String(port), '127.0.0.1', cb)],
    ['({ port, host }, cb)', (cb) => net.connect({ port, host: '127.0.0.1' }, cb)],
    ['createConnection(port, host)', (cb) => net.createConnection(port, '127.0.0.1').on('connect', cb)],
    ['new Socket().connect(port, host, cb)', (cb) => new net.Socket().connect(port, '127.0.0.1', cb)],
    ['Stream is Socket', (cb) => new net.Stream().connect({ port, host: '127.0.0.1' }, cb)],
  ];
  for (const [label, open] of forms) {
    await new Promise((resolve) => {
      const socket = open(function () {
        console.log(label.padEnd(38), 'this is the socket', this === socket, socket.remotePort === port);
      });
      socket.resume();
      socket.on('close', resolve);
    });
  }
  console.log('normalizeArgs', net._normalizeArgs([8080, 'h']), net._normalizeArgs(['/a/path', () => {}])[0]);
  server.close();
  console.log('done');
}

main();
