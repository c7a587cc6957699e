'use strict';
// node's internalBinding('zlib') on the native engines (facade/src/node/zlib.rs): the Zlib,
// BrotliEncoder and BrotliDecoder handles that zlib.js drives, crc32, and node's
// internalBinding('constants').zlib. A handle is the native engine object itself, so zlib.js's
// own properties on it (buffer, cb, onerror, ...) sit beside the engine, as on node's.

const {
  op_zlib_new: create,
  op_zlib_init: initZlib,
  op_zlib_params: setParams,
  op_zlib_reset: resetEngine,
  op_zlib_close: closeEngine,
  op_zlib_write: writeEngine,
  op_brotli_init: initBrotli,
  op_zlib_crc32: crc32,
} = internalBinding('zlib');
const { codes: { ERR_ZLIB_INITIALIZATION_FAILED } } = require('internal/errors');

const constants = { __proto__: null };
for (const [key, value] of Object.entries({"Z_NO_FLUSH":0,"Z_PARTIAL_FLUSH":1,"Z_SYNC_FLUSH":2,"Z_FULL_FLUSH":3,"Z_FINISH":4,"Z_BLOCK":5,"Z_OK":0,"Z_STREAM_END":1,"Z_NEED_DICT":2,"Z_ERRNO":-1,"Z_STREAM_ERROR":-2,"Z_DATA_ERROR":-3,"Z_MEM_ERROR":-4,"Z_BUF_ERROR":-5,"Z_VERSION_ERROR":-6,"Z_NO_COMPRESSION":0,"Z_BEST_SPEED":1,"Z_BEST_COMPRESSION":9,"Z_DEFAULT_COMPRESSION":-1,"Z_FILTERED":1,"Z_HUFFMAN_ONLY":2,"Z_RLE":3,"Z_FIXED":4,"Z_DEFAULT_STRATEGY":0,"ZLIB_VERNUM":4880,"DEFLATE":1,"INFLATE":2,"GZIP":3,"GUNZIP":4,"DEFLATERAW":5,"INFLATERAW":6,"UNZIP":7,"BROTLI_DECODE":8,"BROTLI_ENCODE":9,"Z_MIN_WINDOWBITS":8,"Z_MAX_WINDOWBITS":15,"Z_DEFAULT_WINDOWBITS":15,"Z_MIN_CHUNK":64,"Z_MAX_CHUNK":Infinity,"Z_DEFAULT_CHUNK":16384,"Z_MIN_MEMLEVEL":1,"Z_MAX_MEMLEVEL":9,"Z_DEFAULT_MEMLEVEL":8,"Z_MIN_LEVEL":-1,"Z_MAX_LEVEL":9,"Z_DEFAULT_LEVEL":-1,"BROTLI_OPERATION_PROCESS":0,"BROTLI_OPERATION_FLUSH":1,"BROTLI_OPERATION_FINISH":2,"BROTLI_OPERATION_EMIT_METADATA":3,"BROTLI_PARAM_MODE":0,"BROTLI_MODE_GENERIC":0,"BROTLI_MODE_TEXT":1,"BROTLI_MODE_FONT":2,"BROTLI_DEFAULT_MODE":0,"BROTLI_PARAM_QUALITY":1,"BROTLI_MIN_QUALITY":0,"BROTLI_MAX_QUALITY":11,"BROTLI_DEFAULT_QUALITY":11,"BROTLI_PARAM_LGWIN":2,"BROTLI_MIN_WINDOW_BITS":10,"BROTLI_MAX_WINDOW_BITS":24,"BROTLI_LARGE_MAX_WINDOW_BITS":30,"BROTLI_DEFAULT_WINDOW":22,"BROTLI_PARAM_LGBLOCK":3,"BROTLI_MIN_INPUT_BLOCK_BITS":16,"BROTLI_MAX_INPUT_BLOCK_BITS":24,"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING":4,"BROTLI_PARAM_SIZE_HINT":5,"BROTLI_PARAM_LARGE_WINDOW":6,"BROTLI_PARAM_NPOSTFIX":7,"BROTLI_PARAM_NDIRECT":8,"BROTLI_DECODER_RESULT_ERROR":0,"BROTLI_DECODER_RESULT_SUCCESS":1,"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION":0,"BROTLI_DECODER_PARAM_LARGE_WINDOW":1,"BROTLI_DECODER_NO_ERROR":0,"BROTLI_DECODER_SUCCESS":1,"BROTLI_DECODER_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE":-1,"BROTLI_DECODER_ERROR_FORMAT_RESERVED":-2,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE":-3,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET":-4,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME":-5,"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE":-6,"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE":-7,"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT":-8,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1":-9,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2":-10,"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM":-11,"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY":-12,"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS":-13,"BROTLI_DECODER_ERROR_FORMAT_PADDING_1":-14,"BROTLI_DECODER_ERROR_FORMAT_PADDING_2":-15,"BROTLI_DECODER_ERROR_FORMAT_DISTANCE":-16,"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET":-19,"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS":-20,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES":-21,"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS":-22,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP":-25,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1":-26,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2":-27,"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES":-30,"BROTLI_DECODER_ERROR_UNREACHABLE":-31})) {
  Object.defineProperty(constants, key, { value, writable: false, enumerable: true, configurable: false });
}

const kState = Symbol('kState');
const kCallback = Symbol('kCallback');
const kWriting = Symbol('kWriting');
const kPendingClose = Symbol('kPendingClose');
const kInitError = Symbol('kInitError');

// The code node gives a brotli decoding error: 'ERR_' and the C library's name of it
// (BROTLI_DECODER_ERROR_FORMAT_PADDING_1 is 'ERR__ERROR_FORMAT_PADDING_1').
function brotliCode(errno) {
  for (const key of Object.keys(constants)) {
    if (key.startsWith('BROTLI_DECODER_ERROR_') && constants[key] === errno) {
      return 'ERR_' + key.slice('BROTLI_DECODER'.length);
    }
  }
  return 'ERR_BROTLI_DECODER_ERROR';
}

// node's CompressionStream::EmitError: onerror(message, errno, code), then the write is over.
function emitError(handle, failure) {
  const [message, errno, code] = failure;
  handle[kWriting] = false;
  handle.onerror(message, errno, code === '' ? brotliCode(errno) : code);
  if (handle[kPendingClose]) handle.close();
}

function check(handle, failure) {
  if (failure !== null) emitError(handle, failure);
}

// A failed init shows at the first use, as node's zlib, which initialises lazily, reports it.
function initFailed(handle) {
  const failure = handle[kInitError];
  if (failure === undefined) return false;
  handle[kInitError] = undefined;
  emitError(handle, failure);
  return true;
}

function afterWrite(handle, err, failure) {
  if (err) throw err;
  handle[kWriting] = false;
  if (failure !== null) {
    emitError(handle, failure);
    return;
  }
  handle[kCallback]();
  if (handle[kPendingClose]) handle.close();
}

const handleMethods = {
  // write(flush, in, in_off, in_len, out, out_off, out_len): the answer calls the init's
  // processCallback with [availOut, availIn] in the write state, or onerror.
  write(flush, input, inOff, inLen, out, outOff, outLen) {
    if (initFailed(this)) return;
    this[kWriting] = true;
    writeEngine(this, flush, input, inOff, inLen, out, outOff, outLen, this[kState],
                (err, failure) => afterWrite(this, err, failure));
  },
  writeSync(flush, input, inOff, inLen, out, outOff, outLen) {
    if (initFailed(this)) return;
    this[kWriting] = true;
    const failure = writeEngine(this, flush, input, inOff, inLen, out, outOff, outLen, this[kState]);
    this[kWriting] = false;
    check(this, failure);
  },
  params(level, strategy) {
    if (!initFailed(this)) check(this, setParams(this, level, strategy));
  },
  reset() {
    if (!initFailed(this)) check(this, resetEngine(this));
  },
  // A close during a write waits for it, as node's.
  close() {
    if (this[kWriting]) {
      this[kPendingClose] = true;
      return;
    }
    this[kPendingClose] = false;
    closeEngine(this);
  },
};

function defineHandle(name, init) {
  const Handle = {
    [name]: function(mode) {
      if (new.target === undefined) throw new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
      return create(mode, new.target.prototype);
    },
  }[name];
  for (const key of Object.keys(handleMethods)) {
    Object.defineProperty(Handle.prototype, key, {
      value: handleMethods[key], writable: true, enumerable: false, configurable: true,
    });
  }
  Object.defineProperty(Handle.prototype, 'init', {
    value: init, writable: true, enumerable: false, configurable: true,
  });
  return Handle;
}

const Zlib = defineHandle('Zlib', function init(windowBits, level, memLevel, strategy,
                                                 writeState, processCallback, dictionary) {
  this[kState] = writeState;
  this[kCallback] = processCallback;
  const failure = initZlib(this, windowBits, level, memLevel, strategy, dictionary);
  if (failure !== null) this[kInitError] = failure;
});

function brotliInit(params, writeState, processCallback) {
  this[kState] = writeState;
  this[kCallback] = processCallback;
  if (!initBrotli(this, params)) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  return true;
}
const BrotliEncoder = defineHandle('BrotliEncoder', brotliInit);
const BrotliDecoder = defineHandle('BrotliDecoder', brotliInit);

module.exports = { Zlib, BrotliEncoder, BrotliDecoder, crc32, constants };
