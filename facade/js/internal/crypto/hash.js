'use strict';
// crypto.Hash and crypto.Hmac, as node's lib/internal/crypto/hash.js: the running state is
// native, held by the object; the objects are Transform streams only once a program uses them as
// streams.
// https://nodejs.org/docs/latest-v20.x/api/crypto.html#class-hash

const binding = internalBinding('crypto');
const { FastBuffer, encodingsMap, normalizeEncoding } = require('internal/buffer');
const {
  codes: { ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_HASH_UPDATE_FAILED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { validateEncoding, validateString, validateUint32 } = require('internal/validators');
const { getArrayBufferOrView } = require('internal/crypto/util');
const LazyTransform = require('internal/streams/lazy_transform');

// The encoding number internalBinding('buffer') takes for input strings: node's native side
// reads an unknown name as UTF-8.
function inputEncoding(encoding) {
  if (encoding === undefined) return 0;
  return encodingsMap[normalizeEncoding(encoding)] ?? 0;
}

// The output encoding: bytes (-1) for none, 'buffer', or a name node does not know.
function outputEncoding(encoding) {
  if (!encoding) return -1;
  if (encoding === 'hex') return 6;
  return encodingsMap[normalizeEncoding(`${encoding}`)] ?? -1;
}

// A digest as node returns it: a Buffer for the byte form, else the string.
function result(value) {
  return typeof value === 'string' ? value : new FastBuffer(value);
}

function digestNotSupported() {
  return new Error('Digest method not supported');
}

// What OpenSSL reports when a fixed-length digest is asked for another length.
function notXof() {
  const err = new Error('error:030000B2:digital envelope routines::not XOF or invalid length');
  err.library = 'digital envelope routines';
  err.reason = 'not XOF or invalid length';
  err.code = 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH';
  return err;
}

// A Hash or Hmac object is made by the binding, holding the running state itself; a
// constructor returns it in place of `this`. `_options` is LazyTransform's, kept only when given
// (each property set looks up the whole stream prototype chain).
function made(obj, options) {
  if (options !== undefined) obj._options = options;
  return obj;
}

// What Hash.prototype.copy hands the constructor in place of an algorithm name.
class CopyOf {
  constructor(hash) {
    this.hash = hash;
  }
}

function xofLength(options) {
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  return xofLen;
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  if (algorithm instanceof CopyOf) {
    const xofLen = xofLength(options);
    return made(binding.op_crypto_hash_copy(algorithm.hash, xofLen, new.target.prototype), options);
  }
  return createHash(algorithm, options, new.target.prototype);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

// crypto.createHash, without making the `this` object `new Hash` would drop.
function createHash(algorithm, options, proto = Hash.prototype) {
  if (typeof algorithm !== 'string') validateString(algorithm, 'algorithm');
  const hash = binding.op_crypto_hash_new(algorithm, options === undefined ? undefined : xofLength(options), proto);
  if (hash === null) throw digestNotSupported();
  if (hash === false) throw notXof();
  if (options !== undefined) hash._options = options;
  return hash;
}

Hash.prototype.copy = function copy(options) {
  if (binding.op_crypto_finished(this)) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(new CopyOf(this), options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.op_crypto_update(this, chunk, inputEncoding(encoding));
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(new FastBuffer(binding.op_crypto_digest(this, -1, false)));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (typeof data === 'string') {
    if (encoding !== undefined && !binding.op_crypto_finished(this)) validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    if (binding.op_crypto_finished(this)) throw new ERR_CRYPTO_HASH_FINALIZED();
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const status = binding.op_crypto_update(this, data, inputEncoding(encoding));
  if (status !== 0) throw status === 1 ? new ERR_CRYPTO_HASH_FINALIZED() : new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

Hash.prototype.digest = function digest(encoding) {
  const ret = binding.op_crypto_digest(this, outputEncoding(encoding), true);
  if (ret === null) throw new ERR_CRYPTO_HASH_FINALIZED();
  return typeof ret === 'string' ? ret : new FastBuffer(ret);
};

// A secret key's bytes: node's prepareSecretKey, for the kinds of key actorjs has (strings and
// buffers; KeyObject and CryptoKey do not exist yet).
function prepareSecretKey(key, encoding) {
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'],
      key,
    );
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  return createHmac(hmac, key, options, new.target.prototype);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

function createHmac(hmac, key, options, proto = Hmac.prototype) {
  validateString(hmac, 'hmac');
  let encoding;
  if (options != null && typeof options === 'object' && options.encoding !== undefined) {
    encoding = options.encoding;
    validateString(encoding, 'options.encoding');
  }
  key = prepareSecretKey(key, encoding);
  return made(binding.op_crypto_hmac_new(hmac, key, proto), options);
}

Hmac.prototype.update = Hash.prototype.update;

// A second digest gives an empty one rather than an error, as in node.
Hmac.prototype.digest = function digest(encoding) {
  const ret = binding.op_crypto_digest(this, outputEncoding(encoding), true);
  if (ret === null) {
    const buf = new FastBuffer(0);
    return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
  }
  return typeof ret === 'string' ? ret : new FastBuffer(ret);
};

Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

// crypto.hash(algorithm, data[, outputEncoding]): one digest of one input (node 20.12).
function hash(algorithm, input, encoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let normalized = encoding;
  if (encoding !== 'hex') {
    validateString(encoding, 'outputEncoding');
    normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      if (encoding.toLowerCase() !== 'buffer') throw new ERR_INVALID_ARG_VALUE('outputEncoding', encoding);
      normalized = 'buffer';
    }
  }
  const handle = binding.op_crypto_hash_new(algorithm, undefined);
  if (handle === null) throw new Error(`Digest method ${algorithm} is not supported`);
  binding.op_crypto_update(handle, input, 0);
  return result(binding.op_crypto_digest(handle, encodingsMap[normalized] ?? -1));
}

module.exports = { Hash, Hmac, createHash, createHmac, hash };
