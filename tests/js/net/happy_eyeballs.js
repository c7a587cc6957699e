// Happy Eyeballs (autoSelectFamily): the addresses a lookup gives are tried one by one with the
// families alternating, each attempt reported by 'connectionAttempt' and, when it fails,
// 'connectionAttemptFailed'; all failing gives an AggregateError. Without autoSelectFamily one
// address is looked up and tried. Lookup errors and bad lookup results.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

let ports = [];
const hide = (s) => ports.reduce((text, p) => text.split(`:${p}`).join(':<port>'), String(s));

function lookupGiving(addresses, calls) {
  return (host, options, cb) => {
    calls.push(`${host} all=${options.all} family=${options.family}`);
    if (options.all) setImmediate(cb, null, addresses);
    else setImmediate(cb, null, addresses[0].address, addresses[0].family);
  };
}

function attempt(options) {
  return new Promise((resolve) => {
    const events = [];
    const calls = [];
    const socket = net.connect({ ...options, lookup: options.lookup || lookupGiving(options.addresses, calls) });
    socket.on('lookup', (err, address, family, host) => events.push(`lookup ${err && err.code} ${address} ${family} ${host}`));
    socket.on('connectionAttempt', (address, port, family) => events.push(`attempt ${address} ${ports.includes(port)} ${family}`));
    socket.on('connectionAttemptFailed', (address, port, family, err) =>
      events.push(`failed ${address} ${ports.includes(port)} ${family} ${err.code}`),
    );
    socket.on('connect', () => {
      events.push(`connect ${socket.remoteAddress}`);
      socket.end();
    });
    socket.on('error', (e) => {
      events.push(`error ${e.name} ${e.code} ${JSON.stringify(hide(e.message))}`);
      if (e.errors) for (const sub of e.errors) events.push(`  ${hide(sub.message)}`);
    });
    socket.on('close', () => {
      if (calls.length) console.log('lookup calls', calls);
      events.forEach((line) => console.log(line));
      if (socket.autoSelectFamilyAttemptedAddresses) {
        console.log('attempted', socket.autoSelectFamilyAttemptedAddresses.map(hide));
      }
      resolve();
    });
  });
}

async function main() {
  // A server on ::1 only; nothing listens on 127.0.0.1 at its port.
  const server = net.createServer((socket) => socket.end());
  await new Promise((resolve) => server.listen(0, '::1', resolve));
  const port = server.address().port;
  ports.push(port);

  console.log('--- IPv4 refused, then IPv6');
  await attempt({
    host: 'dual.test',
    port,
    addresses: [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ],
  });

  console.log('--- families alternate, duplicates dropped');
  await attempt({
    host: 'many.test',
    port,
    addresses: [
      { address: '127.0.0.2', family: 4 },
      { address: '127.0.0.2', family: 4 },
      { address: '127.0.0.3', family: 4 },
      { address: '::1', family: 6 },
    ],
  });

  console.log('--- all refused');
  const closed = net.createServer();
  await new Promise((resolve) => closed.listen(0, '::1', resolve));
  const closedPort = closed.address().port;
  ports.push(closedPort);
  await new Promise((resolve) => closed.close(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await attempt({
    host: 'nowhere.test',
    port: closedPort,
    addresses: [
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ],
  });

  console.log('--- autoSelectFamily: false');
  await attempt({
    host: 'single.test',
    port,
    autoSelectFamily: false,
    addresses: [{ address: '::1', family: 6 }],
  });

  console.log('--- the default can be turned off');
  net.setDefaultAutoSelectFamily(false);
  await attempt({
    host: 'single.test',
    port,
    addresses: [{ address: '::1', family: 6 }],
  });
  net.setDefaultAutoSelectFamily(true);

  console.log('--- a failed lookup');
  await attempt({
    host: 'fails.test',
    port,
    lookup(host, options, cb) {
      const err = new Error(`getaddrinfo ENOTFOUND ${host}`);
      err.code = 'ENOTFOUND';
      setImmediate(cb, err);
    },
  });

  console.log('--- a lookup giving no IP address');
  await attempt({ host: 'bad.test', port, addresses: [{ address: 'not-an-ip', family: 4 }] });
  await attempt({ host: 'bad.test', port, autoSelectFamily: false, addresses: [{ address: '127.0.0.1', family: 5 }] });

  server.close();
  console.log('done');
}

main();
