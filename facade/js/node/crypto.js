'use strict';
// node:crypto: hashes, HMAC, key derivation (pbkdf2, hkdf, scrypt), random numbers and Web
// Crypto's digest and random values.
// https://nodejs.org/docs/latest-v20.x/api/crypto.html
//
// Ciphers, signatures, key objects, Diffie-Hellman and certificates are not there yet; their
// names are absent from the module so that feature checks see it.

const binding = internalBinding('crypto');
const { codes } = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const random = require('internal/crypto/random');

// A module loaded on first use: Hash and Hmac are streams, so theirs brings the stream machinery.
function lazy(id) {
  let mod;
  return () => (mod ??= require(id));
}
const lazyHash = lazy('internal/crypto/hash');
const lazyKdf = lazy('internal/crypto/kdf');
const lazyWebCrypto = lazy('internal/crypto/webcrypto');

function createHash(algorithm, options) {
  return lazyHash().createHash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return lazyHash().createHmac(hmac, key, options);
}

function hash(algorithm, input, outputEncoding) {
  return lazyHash().hash(algorithm, input, outputEncoding);
}

function getHashes() {
  return binding.op_crypto_hashes();
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  return lazyKdf().pbkdf2(password, salt, iterations, keylen, digest, callback);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return lazyKdf().pbkdf2Sync(password, salt, iterations, keylen, digest);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  return lazyKdf().hkdf(digest, ikm, salt, info, keylen, callback);
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  return lazyKdf().hkdfSync(digest, ikm, salt, info, keylen);
}

function scrypt(password, salt, keylen, options, callback) {
  return lazyKdf().scrypt(password, salt, keylen, options, callback);
}

function scryptSync(password, salt, keylen, options) {
  return lazyKdf().scryptSync(password, salt, keylen, options);
}

function timingSafeEqual(buf1, buf2) {
  for (const [name, value] of [
    ['buf1', buf1],
    ['buf2', buf2],
  ]) {
    if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
      const err = new codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBuffer', value);
      err.message = `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`;
      throw err;
    }
  }
  if (buf1.byteLength !== buf2.byteLength) throw new codes.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.op_crypto_timing_safe_equal(buf1, buf2);
}

// actorjs has no FIPS mode.
function getFips() {
  return 0;
}

function getRandomValues(array) {
  return lazyWebCrypto().crypto.getRandomValues(array);
}

module.exports = {
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt,
  scryptSync,
  timingSafeEqual,
  getFips,
  hash,
  createHash,
  createHmac,
};

const lazyClass = (name) => ({
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    return lazyHash()[name];
  },
  set(value) {
    Object.defineProperty(this, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  },
});

Object.defineProperties(module.exports, {
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: require('internal/crypto/constants'),
  },
  Hash: lazyClass('Hash'),
  Hmac: lazyClass('Hmac'),
  webcrypto: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() {
      return lazyWebCrypto().crypto;
    },
    set: undefined,
  },
  subtle: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() {
      return lazyWebCrypto().crypto.subtle;
    },
    set: undefined,
  },
  getRandomValues: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: () => getRandomValues,
    set: undefined,
  },
  // Old names of randomBytes, kept for the programs that still use them.
  prng: { __proto__: null, enumerable: false, configurable: true, writable: true, value: random.randomBytes },
  pseudoRandomBytes: { __proto__: null, enumerable: false, configurable: true, writable: true, value: random.randomBytes },
  rng: { __proto__: null, enumerable: false, configurable: true, writable: true, value: random.randomBytes },
});
