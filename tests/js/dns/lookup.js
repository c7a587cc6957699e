// dns.lookup() and dns.promises.lookup(): IP literals answered without a query, 'localhost'
// through the system resolver, the `all` and `family` options, the result order setting, the
// checks of the arguments, and the getaddrinfo flags.
'use strict';
const dns = require('dns');
const dnsPromises = require('dns/promises');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function lookup(...args) {
  return new Promise((resolve) => {
    dns.lookup(...args, (err, address, family) => resolve(err ? `error ${err.code}` : [address, family]));
  });
}

function attempt(label, fn) {
  try {
    fn();
    console.log(label, '-> no throw');
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}

async function main() {
  console.log('promises are dns.promises', dns.promises === dnsPromises);
  console.log('flags', dns.ADDRCONFIG, dns.ALL, dns.V4MAPPED, dnsPromises.ADDRCONFIG);
  console.log('codes', dns.NOTFOUND, dns.CONNREFUSED, dnsPromises.TIMEOUT);

  console.log('--- IP literals');
  console.log(await lookup('127.0.0.1'));
  console.log(await lookup('::1'));
  console.log(await lookup('::1', { all: true }));
  console.log(await lookup('1.2.3.4', 6));
  console.log(await dnsPromises.lookup('10.0.0.1'));
  console.log(await dnsPromises.lookup('fe80::1', { all: true }));

  console.log('--- localhost');
  console.log(await lookup('localhost', 4));
  console.log(await lookup('localhost', { family: 'IPv4', all: true }));
  console.log(await lookup('localhost', { family: 4, hints: dns.ADDRCONFIG | dns.V4MAPPED }));
  console.log(await dnsPromises.lookup('localhost', { family: 4 }));
  const all = await dnsPromises.lookup('localhost', { all: true });
  console.log('all include 127.0.0.1', all.some((a) => a.address === '127.0.0.1' && a.family === 4));

  console.log('--- result order');
  console.log(dns.getDefaultResultOrder(), dnsPromises.getDefaultResultOrder());
  dns.setDefaultResultOrder('ipv4first');
  console.log(dns.getDefaultResultOrder(), dnsPromises.getDefaultResultOrder());
  dnsPromises.setDefaultResultOrder('verbatim');
  console.log(dns.getDefaultResultOrder());
  console.log(await lookup('localhost', { family: 4, order: 'ipv6first' }));
  console.log(await lookup('localhost', { family: 4, verbatim: false }));

  console.log('--- arguments');
  attempt('setDefaultResultOrder', () => dns.setDefaultResultOrder('random'));
  attempt('no callback', () => dns.lookup('localhost'));
  attempt('callback not a function', () => dns.lookup('localhost', {}, 5));
  attempt('hostname', () => dns.lookup(5, () => {}));
  attempt('options', () => dns.lookup('localhost', 'x', () => {}));
  attempt('family 5', () => dns.lookup('localhost', 5, () => {}));
  attempt('options.family', () => dns.lookup('localhost', { family: 'IPv7' }, () => {}));
  attempt('hints', () => dns.lookup('localhost', { hints: 1 }, () => {}));
  attempt('all', () => dns.lookup('localhost', { all: 1 }, () => {}));
  attempt('order', () => dns.lookup('localhost', { order: 'x' }, () => {}));
  attempt('promises options', () => dnsPromises.lookup('localhost', true));
  attempt('promises family', () => dnsPromises.lookup('localhost', { family: 'IPv4' }));
}

main();
