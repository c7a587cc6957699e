'use strict';
// Password-based and HMAC-based key derivation: crypto.pbkdf2, crypto.hkdf and crypto.scrypt, as
// node's lib/internal/crypto/{pbkdf2,hkdf,scrypt}.js. The derivation runs on the disk pool for
// the callback forms, on the calling thread for the *Sync ones.
// https://nodejs.org/docs/latest-v20.x/api/crypto.html#cryptopbkdf2password-salt-iterations-keylen-digest-callback

const binding = internalBinding('crypto');
const { Buffer, kMaxLength } = require('buffer');
const {
  codes: { ERR_CRYPTO_SCRYPT_INVALID_PARAMETER, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { getArrayBufferOrView, toBuf } = require('internal/crypto/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/validators');

// ---- pbkdf2 ----

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes these as signed ints.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } = checkPbkdf2(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  binding.op_crypto_pbkdf2(password, salt, iterations, keylen, digest, (err, bytes) => {
    if (err) return callback(err);
    callback(null, Buffer.from(bytes));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } = checkPbkdf2(password, salt, iterations, keylen, digest));
  return Buffer.from(binding.op_crypto_pbkdf2(password, salt, iterations, keylen, digest));
}

// ---- hkdf ----

function validateByteSource(val, name) {
  val = toBuf(val);
  if (isAnyArrayBuffer(val) || isArrayBufferView(val)) return val;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], val);
}

function prepareKey(key) {
  if (isAnyArrayBuffer(key)) return key;
  key = toBuf(key);
  if (!isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm',
      ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'],
      key,
    );
  }
  return key;
}

function checkHkdf(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = prepareKey(key);
  salt = validateByteSource(salt, 'salt');
  info = validateByteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { hash, key, salt, info, length };
}

function hkdf(hash, key, salt, info, length, callback) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  validateFunction(callback, 'callback');
  binding.op_crypto_hkdf(hash, key, salt, info, length, callback);
}

function hkdfSync(hash, key, salt, info, length) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  return binding.op_crypto_hkdf(hash, key, salt, info, length);
}

// ---- scrypt ----

const defaults = {
  N: 16384,
  r: 8,
  p: 1,
  maxmem: 32 << 20, // 32 MiB, matches SCRYPT_MAX_MEM.
};

// An scrypt parameter, given under its short name or its long one but not both, validated in
// that order as node does; `value` when neither is given.
function scryptParameter(options, name, alias, value) {
  const hasName = options[name] !== undefined;
  if (hasName) {
    value = options[name];
    validateUint32(value, name);
  }
  if (options[alias] !== undefined) {
    if (hasName) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
    value = options[alias];
    validateUint32(value, alias);
  }
  return value;
}

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = scryptParameter(options, 'N', 'cost', N);
    r = scryptParameter(options, 'r', 'blockSize', r);
    p = scryptParameter(options, 'p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const o = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.op_crypto_scrypt(o.password, o.salt, o.keylen, o.N, o.r, o.p, o.maxmem, (err, bytes) => {
    if (err) return callback(err);
    callback(null, Buffer.from(bytes));
  });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const o = checkScrypt(password, salt, keylen, options);
  return Buffer.from(binding.op_crypto_scrypt(o.password, o.salt, o.keylen, o.N, o.r, o.p, o.maxmem));
}

module.exports = { hkdf, hkdfSync, pbkdf2, pbkdf2Sync, scrypt, scryptSync };
