'use strict';
// What node's lib/internal/net.js shares between net, dgram, dns, http and tls: the address
// checks (kept in internal/net/ip), the marker of already-normalized connect/listen arguments,
// and port validation.

const { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
const {
  codes: { ERR_SOCKET_BAD_PORT },
} = require('internal/errors');

// A port number or numeric string in 0..65535 (1..65535 without allowZero); returns it as a
// number.
function validatePort(port, name = 'Port', allowZero = true) {
  if (
    (typeof port !== 'number' && typeof port !== 'string') ||
    (typeof port === 'string' && port.trim().length === 0) ||
    +port !== +port >>> 0 ||
    port > 0xffff ||
    (port === 0 && !allowZero)
  ) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

// A _write for a socket over a descriptor that must be written synchronously (node uses it for
// stdout and stderr pipes on Windows).
function makeSyncWrite(fd) {
  return function (chunk, enc, cb) {
    const { Buffer } = require('buffer');
    if (enc !== 'buffer') chunk = Buffer.from(chunk, enc);
    this._handle.bytesWritten += chunk.length;
    try {
      require('fs').writeSync(fd, chunk, 0, chunk.length);
    } catch (err) {
      return cb(err);
    }
    cb();
  };
}

module.exports = {
  kReinitializeHandle: Symbol('kReinitializeHandle'),
  isIP,
  isIPv4,
  isIPv6,
  makeSyncWrite,
  normalizedArgsSymbol: Symbol('normalizedArgs'),
  validatePort,
};
