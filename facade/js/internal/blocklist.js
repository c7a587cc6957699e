'use strict';
// net.BlockList: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netblocklist
//
// Rules are kept newest first, as node's native list keeps them, and matched the same way: an
// IPv4 address and an IPv4-mapped IPv6 address (::ffff:a.b.c.d) match each other's rules.

const {
  SocketAddress,
  kHandle: kSocketAddressHandle,
  AF_INET,
  compareHandles,
  isV4Mapped,
} = require('internal/socketaddress');
const { customInspectSymbol: kInspect } = require('internal/util');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');

const kHandle = Symbol('kHandle');

let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

function familyName(handle) {
  return handle.family === AF_INET ? 'IPv4' : 'IPv6';
}

// The first `prefix` bits of two byte strings agree.
function prefixMatches(a, aOffset, b, bOffset, prefix) {
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) {
    if (a[aOffset + i] !== b[bOffset + i]) return false;
  }
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[aOffset + whole] & mask) === (b[bOffset + whole] & mask);
}

const mappedPrefix = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]);

// Whether `ip` lies in `net`/`prefix`; an IPv4 address is looked at as IPv4-mapped against an
// IPv6 network, and an IPv6 address must be IPv4-mapped to lie in an IPv4 network.
function inNetwork(ip, net, prefix) {
  if (ip.family === AF_INET && net.family === AF_INET) {
    return prefixMatches(ip.bytes, 0, net.bytes, 0, prefix);
  }
  if (ip.family !== AF_INET && net.family !== AF_INET) {
    return prefixMatches(ip.bytes, 0, net.bytes, 0, prefix);
  }
  if (ip.family === AF_INET) {
    const mapped = new Uint8Array(16);
    mapped.set(mappedPrefix);
    mapped.set(ip.bytes, 12);
    return prefixMatches(mapped, 0, net.bytes, 0, prefix);
  }
  if (!isV4Mapped(ip.bytes)) return false;
  return prefixMatches(ip.bytes, 12, net.bytes, 0, prefix);
}

class BlockListHandle {
  constructor() {
    this.rules = [];
  }

  addAddress(address) {
    this.rules.unshift({
      apply: (handle) => compareHandles(address, handle) === 0,
      text: `Address: ${familyName(address)} ${address.address}`,
    });
  }

  addRange(start, end) {
    if (compareHandles(start, end) > 0) return false;
    this.rules.unshift({
      apply: (handle) => compareHandles(handle, start) >= 0 && compareHandles(handle, end) <= 0,
      text: `Range: ${familyName(start)} ${start.address}-${end.address}`,
    });
    return true;
  }

  addSubnet(network, prefix) {
    this.rules.unshift({
      apply: (handle) => inNetwork(handle, network, prefix),
      text: `Subnet: ${familyName(network)} ${network.address}/${prefix}`,
    });
  }

  check(address) {
    for (const rule of this.rules) {
      if (rule.apply(address)) return true;
    }
    return false;
  }

  getRules() {
    return this.rules.map((rule) => rule.text);
  }
}

class BlockList {
  constructor() {
    this[kHandle] = new BlockListHandle();
  }

  static isBlockList(value) {
    return value?.[kHandle] !== undefined;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;

    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };

    return `BlockList ${inspect(
      {
        rules: this.rules,
      },
      opts,
    )}`;
  }

  addAddress(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      address = new SocketAddress({
        address,
        family,
      });
    }
    this[kHandle].addAddress(address[kSocketAddressHandle]);
  }

  addRange(start, end, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(start)) {
      validateString(start, 'start');
      validateString(family, 'family');
      start = new SocketAddress({
        address: start,
        family,
      });
    }
    if (!SocketAddress.isSocketAddress(end)) {
      validateString(end, 'end');
      validateString(family, 'family');
      end = new SocketAddress({
        address: end,
        family,
      });
    }
    const ret = this[kHandle].addRange(start[kSocketAddressHandle], end[kSocketAddressHandle]);
    if (ret === false) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
  }

  addSubnet(network, prefix, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(network)) {
      validateString(network, 'network');
      validateString(family, 'family');
      network = new SocketAddress({
        address: network,
        family,
      });
    }
    switch (network.family) {
      case 'ipv4':
        validateInt32(prefix, 'prefix', 0, 32);
        break;
      case 'ipv6':
        validateInt32(prefix, 'prefix', 0, 128);
        break;
    }
    this[kHandle].addSubnet(network[kSocketAddressHandle], prefix);
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        address = new SocketAddress({
          address,
          family,
        });
      } catch {
        // An address that does not parse is not on the list.
        return false;
      }
    }
    return Boolean(this[kHandle].check(address[kSocketAddressHandle]));
  }

  get rules() {
    return this[kHandle].getRules();
  }
}

module.exports = {
  BlockList,
};
