'use strict';
// net.SocketAddress: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocketaddress
//
// Node keeps the address in a native sockaddr; here the handle is a plain object with the
// address's bytes, parsed and printed the way libuv's inet_pton / inet_ntop do it (so
// '0:0::1' reads back as '::1' and '::ffff:0102:0304' as '::ffff:1.2.3.4'). A zone id after '%'
// is accepted and dropped, as node drops it from `address`.

const { validateObject, validateString, validateUint32 } = require('internal/validators');
const { validatePort } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { customInspectSymbol: kInspect, kEmptyObject } = require('internal/util');

const AF_INET = 2;
const AF_INET6 = 10;

const kHandle = Symbol('kHandle');
const kDetail = Symbol('kDetail');

let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

// Four bytes from dotted decimal: exactly four parts, each 0..255 without leading zeros.
function parseIPv4(str) {
  const parts = str.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes[i] = n;
  }
  return bytes;
}

// Sixteen bytes from IPv6 text (without a zone), or null: hex groups of one to four digits, one
// '::' at most, and an optional dotted IPv4 tail in place of the last two groups.
function parseIPv6(str) {
  const bytes = new Uint8Array(16);
  let gap = -1;
  let pos = 0;
  let i = 0;
  if (str.startsWith('::')) {
    gap = 0;
    i = 2;
    if (i === str.length) return bytes;
  } else if (str.startsWith(':')) {
    return null;
  }
  for (;;) {
    const colon = str.indexOf(':', i);
    const part = colon === -1 ? str.slice(i) : str.slice(i, colon);
    if (colon === -1 && part.includes('.')) {
      if (pos + 4 > 16) return null;
      const v4 = parseIPv4(part);
      if (v4 === null) return null;
      bytes.set(v4, pos);
      pos += 4;
      break;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part) || pos + 2 > 16) return null;
    const word = parseInt(part, 16);
    bytes[pos++] = word >> 8;
    bytes[pos++] = word & 0xff;
    if (colon === -1) break;
    i = colon + 1;
    if (str[i] === ':') {
      if (gap !== -1) return null;
      gap = pos;
      i++;
      if (i === str.length) break;
    } else if (i === str.length) {
      return null;
    }
  }
  if (gap === -1) return pos === 16 ? bytes : null;
  if (pos === 16) return null;
  const tail = bytes.slice(gap, pos);
  bytes.fill(0, gap);
  bytes.set(tail, 16 - tail.length);
  return bytes;
}

function formatIPv4(bytes, offset = 0) {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

// libuv's inet_ntop6: the longest run of two or more zero groups becomes '::', and an
// IPv4-compatible or IPv4-mapped address ends in dotted decimal.
function formatIPv6(bytes) {
  const words = new Array(8);
  for (let i = 0; i < 8; i++) words[i] = (bytes[i * 2] << 8) | bytes[i * 2 + 1];
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else {
        curLen++;
      }
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (
      i === 6 &&
      bestBase === 0 &&
      (bestLen === 6 || (bestLen === 7 && words[7] !== 0x0001) || (bestLen === 5 && words[5] === 0xffff))
    ) {
      out += formatIPv4(bytes, 12);
      return out;
    }
    out += words[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

// The native side of a SocketAddress: family, bytes, port and flow label.
function createHandle(address, port, type, flowlabel) {
  let bytes;
  if (type === AF_INET) {
    bytes = parseIPv4(address);
  } else {
    const zone = address.indexOf('%');
    bytes = parseIPv6(zone === -1 ? address : address.slice(0, zone));
  }
  if (bytes === null) {
    const err = new Error('Invalid socket address');
    err.code = 'ERR_INVALID_ADDRESS';
    throw err;
  }
  return {
    family: type,
    bytes,
    port,
    flowlabel: type === AF_INET6 ? flowlabel & 0xfffff : 0,
    address: type === AF_INET ? formatIPv4(bytes) : formatIPv6(bytes),
  };
}

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kHandle] !== undefined;
  }

  constructor(options = kEmptyObject) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const { address = family === 'ipv4' ? '127.0.0.1' : '::', port = 0, flowlabel = 0 } = options;

    let type;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    switch (family) {
      case 'ipv4':
        type = AF_INET;
        break;
      case 'ipv6':
        type = AF_INET6;
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }

    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);

    this[kHandle] = createHandle(address, +port, type, flowlabel);
    this[kDetail] = {
      address: this[kHandle].address,
      port: this[kHandle].port,
      family: type,
      flowlabel: this[kHandle].flowlabel,
    };
  }

  get address() {
    return this[kDetail].address;
  }

  get port() {
    return this[kDetail].port;
  }

  get family() {
    return this[kDetail].family === AF_INET ? 'ipv4' : 'ipv6';
  }

  get flowlabel() {
    return this[kHandle].flowlabel;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;

    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };

    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }
}

// How two addresses order, as node's SocketAddress::compare: -1, 0, 1, or NaN when an IPv4
// address meets an IPv6 one that is not IPv4-mapped.
function compareBytes(a, aOffset, b, bOffset, length) {
  for (let i = 0; i < length; i++) {
    const d = a[aOffset + i] - b[bOffset + i];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function isV4Mapped(bytes) {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

function compareHandles(one, two) {
  if (one.family === AF_INET && two.family === AF_INET) return compareBytes(one.bytes, 0, two.bytes, 0, 4);
  if (one.family === AF_INET6 && two.family === AF_INET6) return compareBytes(one.bytes, 0, two.bytes, 0, 16);
  if (one.family === AF_INET) {
    if (!isV4Mapped(two.bytes)) return NaN;
    return compareBytes(one.bytes, 0, two.bytes, 12, 4);
  }
  if (!isV4Mapped(one.bytes)) return NaN;
  return compareBytes(one.bytes, 12, two.bytes, 0, 4);
}

module.exports = {
  SocketAddress,
  kHandle,
  AF_INET,
  AF_INET6,
  compareHandles,
  isV4Mapped,
  formatIPv6,
  parseIPv4,
  parseIPv6,
};
