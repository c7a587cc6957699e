// The errors of net: ECONNREFUSED and EADDRINUSE with their properties, bind errors, and the
// exact codes and messages of invalid arguments to connect(), listen(), Socket and Server, and
// of using sockets and servers in the wrong state.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

let ports = [];
const hide = (s) => ports.reduce((text, p) => text.split(`:${p}`).join(':<port>'), String(s));

function describe(e) {
  const props = Object.keys(e)
    .map((k) => `${k}=${k === 'port' || k === 'localPort' ? (ports.includes(e[k]) ? '<port>' : e[k]) : hide(e[k])}`)
    .join(' ');
  return `${e.name} [${e.constructor.name}] ${hide(e.message)} { ${props} }`;
}

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, '-> no throw', r && r.constructor && r.constructor.name);
    if (r instanceof net.Socket) r.on('error', () => {}).destroy();
  } catch (e) {
    console.log(label, '->', describe(e));
  }
}

function listen(server, ...args) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(...args, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

function failure(socket) {
  return new Promise((resolve) => {
    socket.on('error', (e) => {
      console.log('error', describe(e));
      resolve();
    });
    socket.on('connect', () => {
      console.log('unexpected connect');
      socket.destroy();
      resolve();
    });
  });
}

async function systemErrors() {
  console.log('--- ECONNREFUSED');
  const closed = net.createServer();
  const freePort = await listen(closed, 0, '127.0.0.1');
  ports.push(freePort);
  await new Promise((resolve) => closed.close(resolve));
  const refused = net.connect(freePort, '127.0.0.1');
  const refusedClosed = new Promise((resolve) => refused.on('close', resolve));
  await failure(refused);
  console.log('close hadError', await refusedClosed, refused.destroyed, refused.readyState);
  console.log('port property is the number', refused.remotePort, typeof freePort);

  console.log('--- EADDRINUSE');
  const server = net.createServer((socket) => socket.end());
  const port = await listen(server, 0, '127.0.0.1');
  ports.push(port);
  const second = net.createServer();
  try {
    await listen(second, port, '127.0.0.1');
  } catch (e) {
    console.log('listen error', describe(e), 'listening', second.listening, second.address());
  }

  console.log('--- bind errors');
  await failure(net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1', localPort: port }));
  const third = net.createServer();
  try {
    await listen(third, 0, '192.0.2.1');
  } catch (e) {
    console.log('listen error', describe(e));
  }

  server.close();
}

function argumentErrors() {
  console.log('--- connect()');
  attempt('connect()', () => net.connect());
  attempt('connect({})', () => net.connect({}));
  attempt('port -1', () => net.connect({ port: -1 }));
  attempt('port 65536', () => net.connect(65536));
  attempt('port 1.5', () => net.connect({ port: 1.5 }));
  attempt('port true', () => net.connect({ port: true }));
  attempt('port null', () => net.connect({ port: null }));
  attempt('port empty string', () => net.connect({ port: ' ' }));
  attempt('localAddress', () => net.connect({ port: 80, localAddress: 'nope' }));
  attempt('localPort', () => net.connect({ port: 80, localPort: 'x' }));
  attempt('autoSelectFamily', () => net.connect({ port: 80, autoSelectFamily: 1 }));
  attempt('autoSelectFamilyAttemptTimeout', () => net.connect({ port: 80, autoSelectFamilyAttemptTimeout: 0 }));
  attempt('lookup', () => net.connect({ port: 80, host: 'example.test', lookup: 5 }));
  attempt('path', () => net.connect({ path: 5 }));
  attempt('signal', () => net.connect({ port: 80, signal: {} }));

  console.log('--- Socket');
  attempt('objectMode', () => new net.Socket({ objectMode: true }));
  attempt('readableObjectMode', () => new net.Socket({ readableObjectMode: true }));
  attempt('writableObjectMode', () => new net.Socket({ writableObjectMode: 1 }));
  attempt('keepAliveInitialDelay', () => new net.Socket({ keepAliveInitialDelay: 'x' }));
  attempt('fd -1', () => new net.Socket({ fd: -1 }));
  attempt('fd string', () => new net.Socket({ fd: 'x' }));
  attempt('setNoDelay before connect', () => new net.Socket().setNoDelay().setKeepAlive(true, 1000));

  console.log('--- Server');
  attempt('createServer(5)', () => net.createServer(5));
  attempt('keepAliveInitialDelay', () => net.createServer({ keepAliveInitialDelay: 'x' }));
  attempt('highWaterMark', () => net.createServer({ highWaterMark: 'x' }));
  attempt('listen({})', () => net.createServer().listen({}));
  attempt('listen({ host })', () => net.createServer().listen({ host: 'localhost' }));
  attempt('listen(-1)', () => net.createServer().listen(-1));
  attempt('listen({ port: "x" })', () => net.createServer().listen({ port: 'x' }));
  attempt('listen({ port: 1e6 })', () => net.createServer().listen({ port: 1e6 }));
  attempt('listen(true)', () => net.createServer().listen(true));
  attempt('abstract socket readableAll', () => net.createServer().listen({ path: '\0abstract', readableAll: true }));
}

async function stateErrors() {
  console.log('--- state');
  const server = net.createServer();
  await listen(server, 0, '127.0.0.1');
  attempt('listen twice', () => server.listen(0));
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) =>
    server.close((err) => {
      console.log('close a closed server ->', describe(err));
      resolve();
    }),
  );

  const unconnected = new net.Socket();
  await new Promise((resolve) => {
    unconnected.on('error', (e) => console.log('write on an unconnected socket: error', describe(e)));
    unconnected.write('x', (e) => {
      console.log('write callback', describe(e));
      resolve();
    });
  });

  const noHandle = new net.Socket();
  noHandle.on('error', (e) => console.log('resetAndDestroy without a handle: error', describe(e)));
  noHandle.resetAndDestroy();
  await new Promise((resolve) => noHandle.on('close', resolve));

  const ended = new net.Socket();
  ended.on('error', (e) => console.log('write after end: error', describe(e)));
  ended.end();
  ended.write('x');
  await new Promise((resolve) => ended.on('close', resolve));

  const controller = new AbortController();
  const aborted = net.connect({ port: 9, host: '127.0.0.1', signal: controller.signal });
  controller.abort();
  await new Promise((resolve) =>
    aborted.on('error', (e) => {
      console.log('aborted ->', e.name, e.code, e.message);
      resolve();
    }),
  );
}

(async () => {
  await systemErrors();
  argumentErrors();
  await stateErrors();
  console.log('done');
})();
