// net.SocketAddress and net.BlockList: address parsing and canonical text (IPv6 compression,
// IPv4-mapped forms, zone ids dropped), the checks of the options, inspect and toJSON; rules
// listed newest first, and matching of addresses, ranges and subnets across IPv4 and
// IPv4-mapped IPv6.
'use strict';
const net = require('net');
const util = require('util');

const t = (f) => {
  try {
    console.log(util.inspect(f()));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

console.log('--- SocketAddress');
t(() => new net.SocketAddress());
t(() => new net.SocketAddress({ address: 'foo' }));
t(() => new net.SocketAddress({ address: '::ffff:1.2.3.4', family: 'ipv6', port: 80, flowlabel: 5 }));
t(() => new net.SocketAddress({ address: '0:0:0:0::1', family: 'IPv6' }));
t(() => new net.SocketAddress({ address: '1.2.3.4', family: 'ipv6' }));
t(() => new net.SocketAddress({ family: 'x' }));
t(() => new net.SocketAddress({ port: 70000 }));
t(() => new net.SocketAddress({ flowlabel: -1 }));
t(() => new net.SocketAddress(5));
t(() => JSON.stringify(new net.SocketAddress({ address: 'fe80::1%1', family: 'ipv6' })));
t(() => [net.SocketAddress.isSocketAddress({}), net.SocketAddress.isSocketAddress(new net.SocketAddress())]);
t(() => util.inspect(new net.SocketAddress(), { depth: 0 }));

console.log('--- IPv6 text');
const v6 = [
  '::ffff:0:0', '::', '::1', '1::', '1:0:0:1::', '1:0:0:1:0:0:0:1', '::ffff:1.2.3.4', '::1.2.3.4',
  '::0.0.0.2', 'ABCD::EF', '0:0:0:0:0:1:0:0', '1:2:3:4:5:6:7:8', '::ffff:0102:0304', 'fe80::1:2%x',
  '1:0:0:0:0:0:0:0', '0:0:1:0:0:0:0:1', '::2:3:4:5:6:7:8', '::ffff:1:2', ':1::', '1::2::3',
  '1:2:3:4:5:6:7:8:9', '12345::', '::1.2.3', '::1.2.3.4.5', '1.2.3.4::', ':', '', '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4', '::g', '1:::2', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', '1::01.2.3.4',
  '1:2:3:4:5:6:7:8::', '00001::', '::0:1', '1:0::0:1', '0::0', '::ffff:255.255.255.255',
  '::ffff:1.2.3.4%eth0', '1::%', '1:2',
];
for (const a of v6) t(() => [a, new net.SocketAddress({ address: a, family: 'ipv6' }).address]);

console.log('--- IPv4 text');
const v4 = [
  '1.2.3.4', ' 1.2.3.4', '1.2.3', '1.2.3.256', '0.0.0.0', '255.255.255.255', '1.2.3.4.', '1..2.3',
  '001.2.3.4', '0.0.0.00', '1.2.3.-1', '1.2.3.4 ',
];
for (const a of v4) t(() => [a, new net.SocketAddress({ address: a }).address]);

console.log('--- BlockList');
const bl = new net.BlockList();
bl.addAddress('1.2.3.4');
bl.addAddress('::1', 'ipv6');
bl.addRange('10.0.0.1', '10.0.0.10');
bl.addSubnet('192.168.0.0', 16);
bl.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
bl.addAddress(new net.SocketAddress({ address: '5.6.7.8' }));
t(() => bl.rules);
t(() => bl);
t(() => [
  bl.check('1.2.3.4'),
  bl.check('10.0.0.5'),
  bl.check('10.0.0.11'),
  bl.check('192.168.4.4'),
  bl.check('::1', 'ipv6'),
  bl.check('::ffff:1.2.3.4', 'ipv6'),
  bl.check('8592:757c:efae:4e45::f', 'ipv6'),
  bl.check('::ffff:192.168.1.1', 'ipv6'),
  bl.check('x'),
  bl.check('1.2.3.4', 'ipv6'),
]);
t(() => bl.addRange('10.0.0.10', '10.0.0.1'));
t(() => bl.addSubnet('1.2.3.4', 33));
t(() => bl.addAddress(1));
t(() => bl.addAddress('1.2.3.4', 'x'));
t(() => bl.addAddress('zz'));
t(() => bl.check(1));

console.log('--- subnets and ranges');
const list = (f) => {
  const b = new net.BlockList();
  f(b);
  return b;
};
const sa = (address, family = 'ipv4') => new net.SocketAddress({ address, family });
let b = list((b) => b.addSubnet('1.2.3.4', 32));
t(() => ['v4/32', b.check('1.2.3.4'), b.check('5.6.7.8'), b.check('1.2.3.5')]);
t(() => ['v4/32 mapped', b.check('::ffff:1.2.3.4', 'ipv6'), b.check('::ffff:1.2.3.5', 'ipv6')]);
b = list((b) => b.addSubnet('1.2.3.4', 0));
t(() => ['v4/0', b.check('5.6.7.8'), b.check('::1', 'ipv6')]);
b = list((b) => b.addSubnet('1.2.3.4', 31));
t(() => ['v4/31', b.check('1.2.3.5'), b.check('1.2.3.6'), b.check('::ffff:1.2.3.5', 'ipv6'), b.check('::ffff:1.2.3.6', 'ipv6')]);
b = list((b) => b.addSubnet('::ffff:1.2.3.0', 120, 'ipv6'));
t(() => ['v6/120', b.check('1.2.3.9'), b.check('1.2.4.9'), b.check('::ffff:1.2.3.77', 'ipv6')]);
b = list((b) => b.addSubnet('::ffff:1.2.3.4', 128, 'ipv6'));
t(() => ['v6/128', b.check('1.2.3.4'), b.check('1.2.3.5')]);
b = list((b) => b.addSubnet('::', 0, 'ipv6'));
t(() => ['v6/0', b.check('1.2.3.4'), b.check('::5', 'ipv6')]);
b = list((b) => b.addSubnet('2001:db8::', 33, 'ipv6'));
t(() => ['v6/33', b.check('2001:db8:7fff::1', 'ipv6'), b.check('2001:db8:8000::1', 'ipv6')]);
b = list((b) => b.addRange('::ffff:1.2.3.1', '::ffff:1.2.3.9', 'ipv6'));
t(() => ['range mapped', b.check('1.2.3.5'), b.check('1.2.3.10')]);
b = list((b) => b.addRange('1.2.3.1', '1.2.3.9'));
t(() => ['range v4', b.check('::ffff:1.2.3.5', 'ipv6'), b.check('::1.2.3.5', 'ipv6')]);
b = list((b) => b.addRange('10.0.0.250', '10.0.1.5'));
t(() => ['10.0.0.255', '10.0.1.2', '10.0.0.249', '10.0.1.6', '11.0.0.251', '10.5.0.252'].map((a) => b.check(a)));
b = list((b) => b.addAddress('::1.2.3.4', 'ipv6'));
t(() => ['compatible is not mapped', b.check('1.2.3.4'), b.rules]);
t(() => list((b) => b.addRange(sa('::ffff:1.1.1.1', 'ipv6'), sa('1.1.1.0'))).rules);
b = list((b) => b.addRange(sa('::1', 'ipv6'), sa('1.1.1.0')));
t(() => [b.rules, b.check('1.1.1.0')]);
