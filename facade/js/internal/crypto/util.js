'use strict';
// What the crypto modules share for byte arguments, as node's lib/internal/crypto/util.js.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

// A string's bytes (UTF-8, or `encoding`, where 'buffer' means UTF-8); anything else as it is.
function toBuf(val, encoding) {
  if (typeof val === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(val, encoding);
  }
  return val;
}

// A string's bytes, or the buffer itself; anything else is an ERR_INVALID_ARG_TYPE for `name`.
function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') return toBuf(buffer, encoding);
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

module.exports = { getArrayBufferOrView, toBuf };
