// Helpers of the tls and https golden tests (no .out: not a test itself).
'use strict';
const fs = require('fs');
const path = require('path');

// A PEM fixture of tests/js/tls/fixtures (see fixtures/make.sh), as a Buffer.
exports.fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

// Ends the process if a test hangs.
exports.guard = (ms = 8000) => {
  setTimeout(() => {
    console.log('TIMEOUT');
    process.exit(1);
  }, ms).unref();
};

// Listens on 127.0.0.1 on a free port and resolves to it.
exports.listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

exports.close = (server) => new Promise((resolve) => server.close(() => resolve()));

// The error facts a test may print: the code, and for the certificate verification codes whose
// wording is the same in every TLS stack, the message (and the host and reason of a name
// mismatch). A handshake error with any other code prints as "other".
const STABLE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ECONNREFUSED',
  'ECONNRESET',
]);
exports.describeError = (err) => {
  if (!err) return String(err);
  if (!STABLE.has(err.code)) return `other (Error: ${err instanceof Error})`;
  let s = `${err.code}: ${err.message.replace(/:\d+$/, ':PORT')}`;
  if (err.code === 'ERR_TLS_CERT_ALTNAME_INVALID') s += ` | reason=${err.reason} | host=${err.host}`;
  return s;
};
