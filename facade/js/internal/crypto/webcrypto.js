'use strict';
// Web Crypto's `crypto` object (globalThis.crypto, require('crypto').webcrypto), as node's
// lib/internal/crypto/webcrypto.js. Of SubtleCrypto only `digest` exists: the other methods
// need CryptoKey, which actorjs does not have yet, so they are absent rather than failing late.
// https://nodejs.org/docs/latest-v20.x/api/webcrypto.html

const binding = internalBinding('crypto');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const random = require('internal/crypto/random');
const { lazyDOMException } = require('internal/util');

// WebIDL's errors are plain TypeErrors with a code, as node's internal/crypto/webidl.js makes.
function codedTypeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function requiredArguments(length, required, prefix) {
  if (length < required) {
    throw codedTypeError(
      `${prefix}: ${required} argument${required === 1 ? '' : 's'} required, but only ${length} present.`,
      'ERR_MISSING_ARGS',
    );
  }
}

// The digests Web Crypto names, by their upper-case names.
const kDigests = { __proto__: null, 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function notSupported() {
  return lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

// WebIDL's AlgorithmIdentifier and the spec's "normalize an algorithm" for the digest operation.
function digestName(algorithm) {
  if (typeof algorithm === 'string') return kDigests[algorithm.toUpperCase()];
  if (algorithm === null || typeof algorithm !== 'object') return kDigests[`${algorithm}`.toUpperCase()];
  if (algorithm.name === undefined) {
    throw codedTypeError(
      "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' because 'name' is required in 'Algorithm'.",
      'ERR_MISSING_OPTION',
    );
  }
  return kDigests[`${algorithm.name}`.toUpperCase()];
}

class SubtleCrypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
const subtle = Reflect.construct(function () {}, [], SubtleCrypto);

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 2, prefix);
  if (!isAnyArrayBuffer(data) && !isArrayBufferView(data)) {
    throw codedTypeError(
      `${prefix}: 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`,
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const name = digestName(algorithm);
  if (name === undefined) throw notSupported();
  // The data is read now, so later changes to it do not change the digest.
  const handle = binding.op_crypto_hash_new(name, undefined);
  binding.op_crypto_update(handle, data, 0);
  return binding.op_crypto_digest(handle, -1);
}

class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}
const crypto = Reflect.construct(function () {}, [], Crypto);

function getRandomValues(array) {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  requiredArguments(arguments.length, 1, "Failed to execute 'getRandomValues' on 'Crypto'");
  return random.getRandomValues(array);
}

function randomUUID() {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  return random.randomUUID();
}

const method = (value) => ({ __proto__: null, enumerable: true, configurable: true, writable: true, value });
const tag = (value) => ({ __proto__: null, enumerable: false, configurable: true, writable: false, value });

Object.defineProperties(Crypto.prototype, {
  [Symbol.toStringTag]: tag('Crypto'),
  subtle: { __proto__: null, enumerable: true },
  getRandomValues: method(getRandomValues),
  randomUUID: method(randomUUID),
});

Object.defineProperties(SubtleCrypto.prototype, {
  [Symbol.toStringTag]: tag('SubtleCrypto'),
  digest: method(digest),
});

module.exports = { Crypto, SubtleCrypto, crypto };
