'use strict';
// CompressionStream and DecompressionStream: the web streams over node:zlib's gzip and deflate
// streams. https://nodejs.org/docs/latest-v20.x/api/webstreams.html#class-compressionstream

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS },
} = require('internal/errors');
const { newReadableWritablePairFromDuplex } = require('internal/webstreams/adapters');
const { customInspect } = require('internal/webstreams/util');
const { customInspectSymbol: kInspect, kEnumerableProperty } = require('internal/util');

let zlib;
function lazyZlib() {
  zlib ??= require('zlib');
  return zlib;
}

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');

function isStream(value, type) {
  return typeof value?.[kHandle] === 'object' && value?.[kType] === type;
}

// The zlib stream each format names, for compressing and for decompressing.
const formats = {
  __proto__: null,
  'deflate': ['createDeflate', 'createInflate'],
  'deflate-raw': ['createDeflateRaw', 'createInflateRaw'],
  'gzip': ['createGzip', 'createGunzip'],
};

function defineStream(type, which) {
  class Stream {
    /**
     * @param {'deflate'|'deflate-raw'|'gzip'} format
     */
    constructor(format) {
      this[kType] = type;
      const create = formats[format];
      if (create === undefined) throw new ERR_INVALID_ARG_VALUE('format', format);
      this[kHandle] = lazyZlib()[create[which]]();
      this[kTransform] = newReadableWritablePairFromDuplex(this[kHandle]);
    }

    get readable() {
      if (!isStream(this, type)) throw new ERR_INVALID_THIS(type);
      return this[kTransform].readable;
    }

    get writable() {
      if (!isStream(this, type)) throw new ERR_INVALID_THIS(type);
      return this[kTransform].writable;
    }

    [kInspect](depth, options) {
      if (!isStream(this, type)) throw new ERR_INVALID_THIS(type);
      return customInspect(depth, options, type, {
        readable: this[kTransform].readable,
        writable: this[kTransform].writable,
      });
    }
  }
  Object.defineProperty(Stream, 'name', { value: type });
  Object.defineProperties(Stream.prototype, {
    readable: kEnumerableProperty,
    writable: kEnumerableProperty,
    [Symbol.toStringTag]: { __proto__: null, configurable: true, value: type },
  });
  return Stream;
}

const CompressionStream = defineStream('CompressionStream', 0);
const DecompressionStream = defineStream('DecompressionStream', 1);

module.exports = {
  CompressionStream,
  DecompressionStream,
};
