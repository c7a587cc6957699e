// net behaviours of node versions after 20: the blockList options, reusePort, maxConnections = 0,
// the type of service, end() without connect, options.host validation, events.listenerCount of
// an EventTarget. Node v20 lacks them, so newer_node.out lists the expected lines by hand: the
// test asserts every result itself (expectations from node 25's test/parallel/test-net-*.js)
// and prints an 'ok' line only when they hold.
'use strict';
const assert = require('assert');
const net = require('net');
const { listenerCount } = require('events');

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

step('connect to a blocked address fails with ERR_IP_BLOCKED', () => new Promise((resolve) => {
  const blockList = new net.BlockList();
  blockList.addAddress('127.0.0.1');
  assert.strictEqual(net.BlockList.isBlockList(blockList), true);
  assert.strictEqual(net.BlockList.isBlockList({}), false);
  const socket = net.connect({ port: 9, host: '127.0.0.1', blockList });
  socket.on('connect', () => assert.fail('connected'));
  socket.on('error', (err) => {
    assert.strictEqual(err.code, 'ERR_IP_BLOCKED');
    assert.strictEqual(err.message, 'IP(127.0.0.1) is blocked by net.BlockList');
    resolve();
  });
}));

step('every looked-up address blocked gives an AggregateError of ERR_IP_BLOCKED', () => new Promise((resolve) => {
  const blockList = new net.BlockList();
  blockList.addSubnet('127.0.0.0', 8);
  const attempts = [];
  const socket = net.connect({
    port: 9,
    host: 'example.invalid',
    blockList,
    autoSelectFamily: true,
    lookup(_, __, cb) {
      const all = [{ address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 }];
      setImmediate(cb, null, all);
    },
  });
  socket.on('connectionAttemptFailed', (address, port, family, err) => {
    attempts.push(`${address}:${port} ${family} ${err.code}`);
  });
  socket.on('error', (err) => {
    assert.deepStrictEqual(err.errors.map((e) => e.code), ['ERR_IP_BLOCKED', 'ERR_IP_BLOCKED']);
    assert.deepStrictEqual(attempts, ['127.0.0.1:9 4 ERR_IP_BLOCKED', '127.0.0.2:9 4 ERR_IP_BLOCKED']);
    resolve();
  });
}));

step('a server closes connections from blocked addresses', () => new Promise((resolve) => {
  const blockList = new net.BlockList();
  blockList.addAddress('127.0.0.1');
  const server = net.createServer({ blockList }, () => assert.fail('connection'));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1' });
    socket.on('error', () => {});
    socket.on('close', () => server.close(resolve));
  });
}));

step('a blockList that is not a BlockList is ERR_INVALID_ARG_TYPE', () => {
  assert.throws(() => net.connect({ port: 9, blockList: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => net.createServer({ blockList: [] }), { code: 'ERR_INVALID_ARG_TYPE' });
});

step('maxConnections = 0 drops every connection', () => new Promise((resolve) => {
  const server = net.createServer(() => assert.fail('connection'));
  server.maxConnections = 0;
  server.on('drop', (data) => {
    assert.strictEqual(data.remoteAddress, '127.0.0.1');
    assert.strictEqual(data.localPort, server.address().port);
    server.close(resolve);
  });
  server.listen(0, '127.0.0.1', () => {
    net.connect(server.address().port, '127.0.0.1').on('error', () => {});
  });
}));

step('two servers share a port with reusePort', () => new Promise((resolve) => {
  const a = net.createServer();
  const b = net.createServer();
  a.listen({ port: 0, host: '127.0.0.1', reusePort: true }, () => {
    const { port } = a.address();
    b.listen({ port, host: '127.0.0.1', reusePort: true }, () => {
      assert.strictEqual(b.address().port, port);
      a.close();
      b.close(resolve);
    });
  });
}));

step('a second listener without reusePort is EADDRINUSE', () => new Promise((resolve) => {
  const a = net.createServer();
  const b = net.createServer();
  a.listen({ port: 0, host: '127.0.0.1', reusePort: true }, () => {
    b.on('error', (err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      a.close(resolve);
    });
    b.listen({ port: a.address().port, host: '127.0.0.1' });
  });
}));

step('setTypeOfService before and after connecting; getTypeOfService reads it back', () => new Promise((resolve) => {
  const server = net.createServer((conn) => conn.end());
  server.listen(0, '127.0.0.1', () => {
    const client = new net.Socket();
    assert.strictEqual(client.getTypeOfService(), 0);
    client.setTypeOfService(0x10);
    assert.strictEqual(client.getTypeOfService(), 0x10);
    client.connect(server.address().port, '127.0.0.1');
    client.on('connect', () => {
      // The kernel may change the two ECN bits; the six DSCP bits are what was set.
      assert.strictEqual(client.getTypeOfService() & 0xfc, 0x10);
      for (const tos of [0x00, 0xff, 0x3f]) {
        client.setTypeOfService(tos);
        assert.strictEqual(client.getTypeOfService() & 0xfc, tos & 0xfc);
      }
      assert.throws(() => client.setTypeOfService('x'), { code: 'ERR_INVALID_ARG_TYPE' });
      assert.throws(() => client.setTypeOfService(NaN), { code: 'ERR_INVALID_ARG_TYPE' });
      assert.throws(() => client.setTypeOfService(256), { code: 'ERR_OUT_OF_RANGE' });
      assert.throws(() => client.setTypeOfService(-1), { code: 'ERR_OUT_OF_RANGE' });
      client.end();
    });
    client.on('close', () => server.close(resolve));
  });
}));

step('end() on a socket that never connects finishes and calls back', () => new Promise((resolve) => {
  const sock = new net.Socket();
  sock.end(() => {
    assert.strictEqual(sock.writable, false);
    resolve();
  });
}));

step('options.host must be a string', () => {
  assert.throws(() => net.createConnection({ host: ['192.168.0.1'], port: 8080 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
});

step('a lookup that answers a non-string is ERR_INVALID_IP_ADDRESS', () => new Promise((resolve) => {
  const socket = net.connect({
    host: 'example.invalid',
    port: 80,
    family: 4,
    lookup: (_, options, cb) => cb(null, ['127.0.0.1'], options.family),
  });
  socket.on('error', (err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_IP_ADDRESS');
    resolve();
  });
}));

step('events.listenerCount counts an EventTarget\'s listeners', () => {
  const ac = new AbortController();
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 0);
  ac.signal.addEventListener('abort', () => {});
  ac.signal.addEventListener('abort', () => {}, { once: true });
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 2);
  assert.strictEqual(listenerCount(new EventTarget(), 'x'), 0);
});

(async () => {
  for (const [name, fn] of steps) {
    await fn();
    console.log(`ok ${name}`);
  }
})();
