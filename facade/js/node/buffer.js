'use strict';
// The `buffer` module: https://nodejs.org/docs/latest-v20.x/api/buffer.html
//
// A Buffer is a FastBuffer (internal/buffer), a Uint8Array subclass; `Buffer` is the legacy
// callable constructor sharing its prototype. Encoding, decoding, comparing, searching and
// filling are native (internalBinding('buffer'), encodings passed as numbers); argument handling,
// defaults and errors follow node here.

const {
  op_buffer_byte_length: byteLengthOp,
  op_buffer_from_string: fromStringOp,
  op_buffer_write: writeOp,
  op_buffer_to_string: toStringOp,
  op_buffer_compare: compareOp,
  op_buffer_index_of: indexOfOp,
  op_buffer_fill: fillOp,
  op_buffer_is_utf8: isUtf8Op,
  op_buffer_is_ascii: isAsciiOp,
  op_buffer_atob: atobOp,
  op_buffer_btoa: btoaOp,
  op_buffer_concat: concatOp,
  op_buffer_account: accountOp,
} = internalBinding('buffer');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
} = require('internal/util/types');
const { lazyDOMException, pendingDeprecation } = require('internal/util');
const utilBinding = internalBinding('util');

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
  errorWithCode,
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  ERR_INVALID_BUFFER_SIZE,
  FastBuffer,
  addBufferPrototypeMethods,
  encodingOf,
  encodingsMap,
  indexOutOfRange,
  normalizeEncoding,
} = require('internal/buffer');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

// Node's limits on 64-bit platforms (V8's), reported unchanged so that code sizing its input by
// them behaves the same.
const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const constants = Object.defineProperties(
  {},
  {
    MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true, configurable: false },
    MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true, configurable: false },
  },
);

let INSPECT_MAX_BYTES = 50;

// --- the allocation pool ---------------------------------------------------------------------
//
// Small unsafe allocations are carved out of a shared 8 KiB ArrayBuffer, as in node: it saves
// one ArrayBuffer per small Buffer, and `buf.buffer` / `buf.byteOffset` look the same as there.
// Memory from the engine is always zeroed, so "unsafe" buffers hold zeros here.

let poolSize;
let poolOffset;
let allocPool;

// Memory made here lives outside the engine's heap, where its collector does not see it: large
// buffers are counted, so garbage ones are collected before memory balloons (see the host's
// external-memory accounting).
function newBuffer(size) {
  accountOp(size);
  return new FastBuffer(size);
}

function createPool() {
  poolSize = Buffer.poolSize;
  accountOp(poolSize);
  allocPool = new ArrayBuffer(poolSize);
  poolOffset = 0;
}

// Keeps every pooled buffer 8-byte aligned.
function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < Buffer.poolSize >>> 1) {
    if (allocPool === undefined || size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return newBuffer(size);
}

// --- encodings -------------------------------------------------------------------------------

function byteLengthOf(string, encoding) {
  return byteLengthOp(string, encodingsMap[encoding]);
}

// Bytes of a string in an encoding, pooled when small.
function fromStringEncoded(string, encoding) {
  const enc = encodingsMap[encoding];
  const length = byteLengthOp(string, enc);
  if (length >= Buffer.poolSize >>> 1) return new FastBuffer(fromStringOp(string, enc));
  if (allocPool === undefined || length > poolSize - poolOffset) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = writeOp(b, string, 0, length, enc);
  // base64's length is an upper bound.
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

// The length of the string `bytes` bytes decode to (for utf8, at most).
function decodedLength(encoding, bytes) {
  switch (encoding) {
    case 'hex':
      return bytes * 2;
    case 'base64':
      return Math.ceil(bytes / 3) * 4;
    case 'base64url':
      return Math.ceil((bytes * 4) / 3);
    case 'utf16le':
      return Math.floor(bytes / 2);
    default:
      return bytes;
  }
}

function stringTooLong() {
  return errorWithCode(
    Error,
    'ERR_STRING_TOO_LONG',
    `Cannot create a string longer than 0x${kStringMaxLength.toString(16)} characters`,
  );
}

// Decodes bytes [start, end) of a view. Like node's native decoders, it refuses to make a
// string longer than kStringMaxLength.
function slice(buf, encoding, start, end) {
  const bytes = end - start;
  if (bytes * 2 > kStringMaxLength && decodedLength(encoding, bytes) > kStringMaxLength) {
    if (encoding !== 'utf8') throw stringTooLong();
    const s = toStringOp(buf, encodingsMap[encoding], start, end);
    if (s.length > kStringMaxLength) throw stringTooLong();
    return s;
  }
  return toStringOp(buf, encodingsMap[encoding], start, end);
}

// --- the constructor -------------------------------------------------------------------------

const bufferWarning =
  'Buffer() is deprecated due to security and usability issues. Please use the ' +
  'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let bufferWarningEmitted = false;
let nodeModulesChecks = 0;
// Looking at the stack costs; after this many calls from node_modules, stop looking.
const kMaxNodeModulesChecks = 100;

// Whether the first caller outside the builtins lives under a node_modules directory: node warns
// only the application's own code about Buffer(), not its dependencies.
function isInsideNodeModules() {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return false;
  let self;
  for (const line of stack.split('\n').slice(1)) {
    const m = /\((.*):\d+:\d+\)\s*$/.exec(line) || /at (.*):\d+:\d+\s*$/.exec(line);
    if (m === null) continue;
    const file = m[1];
    // The first frame is this file, which has a path of its own when loaded from disk.
    if (self === undefined) self = file;
    if (file === self) continue;
    // Builtins and eval code have no absolute path.
    if (!file.startsWith('/') && !file.includes('\\')) continue;
    return /[\\/]node_modules[\\/]/.test(file);
  }
  return false;
}

function showFlaggedDeprecation() {
  if (bufferWarningEmitted) return;
  if (!pendingDeprecation()) {
    if (++nodeModulesChecks > kMaxNodeModulesChecks) return;
    if (isInsideNodeModules()) return;
  }
  bufferWarningEmitted = true;
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
}

/**
 * The deprecated `Buffer(arg, encodingOrOffset, length)`, with or without `new`.
 */
function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  // Typed array methods that make a new array of the same kind (map, filter, ...) construct
  // through this, and must not hit the deprecated constructor.
  get() {
    return FastBuffer;
  },
});

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer,
  writable: true,
  enumerable: false,
  configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
addBufferPrototypeMethods(Buffer.prototype);

Buffer.poolSize = 8 * 1024;

// --- Buffer.from ------------------------------------------------------------------------------

function fromString(string, encoding) {
  let enc;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    enc = 'utf8';
  } else {
    enc = encodingOf(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringEncoded(string, enc);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    // A resizable buffer gets a length-tracking view, like `new Uint8Array(ab, offset)`.
    if (obj.resizable || obj.growable) return new FastBuffer(obj, byteOffset);
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

// A copy of an array-like's elements, each taken modulo 256.
function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  const b = allocate(obj.length);
  if (isTypedArray(obj) || Array.isArray(obj)) {
    b.set(obj, 0);
  } else {
    for (let i = 0; i < b.length; i++) b[i] = obj[i];
  }
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  // What Buffer#toJSON produced.
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    // A wrapper object (new String('x'), or anything with a valueOf) stands for its primitive.
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b !== undefined) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value,
  );
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, Math.min(end, viewLength));
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const b = allocate(bytes.length);
  b.set(bytes, 0);
  return b;
};

// Buffer.of(...items): Uint8Array.of without going through the deprecated constructor.
const of = (...items) => {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};
Buffer.of = of;

// --- allocation ------------------------------------------------------------------------------

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillImpl(newBuffer(size), fill, 0, size, encoding);
  }
  return newBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return newBuffer(size);
};

// The deprecated SlowBuffer: an unpooled buffer; its prototype is not Buffer's.
function SlowBuffer(size) {
  validateSize(size);
  return newBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

// --- statics ---------------------------------------------------------------------------------

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareOp(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

// An integer offset/length argument: a number, an integer, in [min, max].
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  // The usual case, all Uint8Arrays, in two native calls; anything else takes node's path below,
  // which fails as node does.
  if (length === undefined) {
    const total = concatOp(list);
    if (total >= 0) {
      const buffer = allocate(total);
      concatOp(list, buffer);
      return buffer;
    }
  } else {
    validateOffset(length, 'length');
    const buffer = allocate(length);
    const pos = concatOp(list, buffer);
    if (pos >= 0) {
      // A requested length beyond the data is zero-filled (pooled memory may have been used).
      if (pos < length) buffer.fill(0, pos, length);
      return buffer;
    }
  }
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = allocate(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  // A requested length beyond the data is zero-filled (pooled memory may have been used).
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  // A third argument `true` asks for -1 instead of guessing utf8 (node's internal use).
  const mustMatch = arguments.length > 2 && arguments[2] === true;
  if (!mustMatch && string.length === 0) return 0;
  if (!encoding) return mustMatch ? -1 : byteLengthOf(string, 'utf8');
  const enc = encodingOf(encoding);
  if (enc === undefined) return mustMatch ? -1 : byteLengthOf(string, 'utf8');
  return byteLengthOf(string, enc);
};

// --- the prototype ---------------------------------------------------------------------------

const proto = Buffer.prototype;

function defineMethod(name, fn) {
  Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
}

// The per-encoding slice and write methods (node's native ones): strict about their range,
// which throws "Index out of range" rather than clamping.
function parseIndex(value, dflt) {
  if (value === undefined) return dflt;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw indexOutOfRange();
  return n;
}

function checkThisBuffer(self) {
  if (!isArrayBufferView(self)) {
    throw errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
  }
}

function makeSlice(encoding) {
  return function () {
    checkThisBuffer(this);
    const len = this.byteLength;
    if (len === 0) return '';
    const start = parseIndex(arguments[0], 0);
    let end = parseIndex(arguments[1], len);
    if (end < start) end = start;
    if (end > len) throw indexOutOfRange();
    return slice(this, encoding, start, end);
  };
}

function makeWrite(encoding) {
  const enc = encodingsMap[encoding];
  return function () {
    checkThisBuffer(this);
    const string = arguments[0];
    if (typeof string !== 'string') {
      throw errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    }
    const len = this.byteLength;
    const offset = parseIndex(arguments[1], 0);
    if (offset > len) {
      throw errorWithCode(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    }
    let max = parseIndex(arguments[2], len - offset);
    if (max > len - offset) max = len - offset;
    if (max === 0) return 0;
    return writeOp(this, string, offset, max, enc);
  };
}

const sliceNames = [
  ['ascii', 'ascii'],
  ['base64', 'base64'],
  ['base64url', 'base64url'],
  ['latin1', 'latin1'],
  ['hex', 'hex'],
  ['ucs2', 'utf16le'],
  ['utf8', 'utf8'],
];
const sliceMethods = { __proto__: null };
const writeMethods = { __proto__: null };
for (const [prefix, encoding] of sliceNames) {
  const s = makeSlice(encoding);
  Object.defineProperty(s, 'name', { value: `${prefix}Slice` });
  defineMethod(`${prefix}Slice`, s);
  sliceMethods[encoding] = s;
}
for (const [prefix, encoding] of sliceNames) {
  const w = makeWrite(encoding);
  Object.defineProperty(w, 'name', { value: `${prefix}Write` });
  defineMethod(`${prefix}Write`, w);
  writeMethods[encoding] = w;
}

// `parent` and `offset`: the old names of `buffer` and `byteOffset`.
Object.defineProperty(proto, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(proto, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

// Copies source[sourceStart, sourceEnd) to target at targetStart, as much as fits.
function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) {
    sourceEnd = sourceStart + target.length - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart !== 0 || nb < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  target.set(source, targetStart);
  return nb;
}

// A number argument that node reads leniently: non-numbers and out-of-range values give the
// default, fractions are floored.
function toInteger(n, dflt) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return dflt;
}

defineMethod('copy', function copy(target, targetStart, sourceStart, sourceEnd) {
  const source = this;
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
});

function toString(encoding, start, end) {
  if (arguments.length === 0) return slice(this, 'utf8', 0, this.length);
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return slice(this, 'utf8', start, end);
  const enc = encodingOf(encoding);
  if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return slice(this, enc, start, end);
}
defineMethod('toString', toString);

defineMethod('equals', function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || compareOp(this, 0, len, otherBuffer, 0, len) === 0;
});

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

// `<Buffer 61 62 63 ... 7 more bytes, extra: 'property'>`
function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = slice(this, 'hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties are shown after the bytes, inspected as one object would be.
  if (ctx) {
    const filter = ctx.showHidden ? utilBinding.ALL_PROPERTIES ?? 0 : utilBinding.ONLY_ENUMERABLE ?? 2;
    const keys = utilBinding.getOwnNonIndexProperties(this, filter);
    if (keys.length > 0) {
      const obj = { __proto__: null };
      for (const key of keys) obj[key] = this[key];
      const shown = lazyInspect().inspect(obj, { ...ctx, breakLength: Infinity, compact: true });
      if (this.length !== 0) str += ', ';
      str += shown.replace(/^\[Object: null prototype\] \{ ?/, '').replace(/ ?\}$/, '');
    }
  }
  return `<${this.constructor.name} ${str}>`;
}
defineMethod('inspect', inspect);
defineMethod(customInspectSymbol, inspect);

defineMethod('compare', function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareOp(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareOp(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
});

// indexOf / lastIndexOf. `forward` selects the direction; offsets are clamped to int32 and NaN
// means "from the natural start".
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, forward) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buffer.length || buffer.byteLength;
  byteOffset = Math.trunc(byteOffset);

  if (typeof val === 'number') return indexOfOp(buffer, val >>> 0, byteOffset, 0, forward);

  const enc = encoding === undefined ? 'utf8' : encodingOf(encoding);
  if (typeof val === 'string') {
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (enc === 'utf16le') return indexOfUtf16(buffer, val, byteOffset, forward);
    return indexOfOp(buffer, val, byteOffset, encodingsMap[enc], forward);
  }
  if (isUint8Array(val)) {
    if (enc === 'utf16le') return indexOfUtf16(buffer, val, byteOffset, forward);
    return indexOfOp(buffer, val, byteOffset, 0, forward);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

// UTF-16 searches go by whole code units: the haystack is read as units from its start, the
// search starts at the unit holding the start offset, and a match must be unit-aligned. For a
// string needle a trailing odd byte of the haystack does not count.
function indexOfUtf16(buffer, needle, byteOffset, forward) {
  const isString = typeof needle === 'string';
  const hayLength = isString ? buffer.byteLength - (buffer.byteLength % 2) : buffer.byteLength;
  const needleLength = isString ? needle.length * 2 : needle.byteLength;
  // Where the search starts, as for any other encoding.
  let start;
  if (byteOffset < 0) {
    if (byteOffset + hayLength >= 0) start = hayLength + byteOffset;
    else if (forward || needleLength === 0) start = 0;
    else return -1;
  } else if (byteOffset + needleLength <= hayLength) {
    start = byteOffset;
  } else if (needleLength === 0) {
    start = hayLength;
  } else if (forward) {
    return -1;
  } else {
    start = hayLength - 1;
  }
  // An empty needle is found where the search starts.
  if (needleLength === 0) return start;
  if (hayLength < 2 || needleLength < 2) return -1;
  if ((forward && needleLength + start > hayLength) || needleLength > hayLength) return -1;
  start -= start % 2;
  const enc = isString ? 1 : 0;
  // A buffer needle is whole code units too: a trailing odd byte is not looked for.
  if (!isString && needleLength % 2 === 1) needle = needle.subarray(0, needleLength - 1);
  let pos;
  if (forward) {
    pos = indexOfOp(buffer, needle, start, enc, true);
    while (pos !== -1 && pos % 2 !== 0) pos = indexOfOp(buffer, needle, pos + 1, enc, true);
  } else {
    pos = indexOfOp(buffer, needle, start, enc, false);
    while (pos > 0 && pos % 2 !== 0) pos = indexOfOp(buffer, needle, pos - 1, enc, false);
    if (pos % 2 !== 0) pos = -1;
  }
  // Node reports a buffer needle missing from an odd-length haystack as the haystack's length
  // in whole units, times two: its "not found" is the unit count, compared to the byte count.
  if (pos === -1 && !isString && hayLength % 2 === 1) return hayLength - 1;
  return pos;
}

defineMethod('indexOf', function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
});

defineMethod('lastIndexOf', function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
});

defineMethod('includes', function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
});

// buf.fill(value[, offset[, end]][, encoding])
function fillImpl(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    encoding = normalized;
    if (value.length === 0) {
      // An empty string fills with zeros.
      value = 0;
    } else if (value.length === 1) {
      // One single-byte character: a plain byte fill.
      if (encoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (encoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    if (offset > end || end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    // The byte TypedArray#fill would store (ToUint8), filled natively: the engine's own fill
    // goes element by element.
    fillOp(buf, (value >>> 0) & 255, offset, end, 0);
    return buf;
  }
  let pattern = value;
  if (typeof value !== 'string' && !isArrayBufferView(value)) {
    // Anything else fills with its uint32 value's low byte.
    pattern = (Number(value) >>> 0) & 255;
  }
  const res = fillOp(buf, pattern, offset, end, typeof value === 'string' ? encodingsMap[encoding] : 0);
  if (res < 0) {
    if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
    throw new ERR_BUFFER_OUT_OF_BOUNDS();
  }
  return buf;
}

defineMethod('fill', function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
});

defineMethod('write', function write(string, offset, length, encoding) {
  if (offset === undefined) return writeMethods.utf8.call(this, string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return writeMethods.utf8.call(this, string, offset, length);
  const enc = encodingOf(encoding);
  if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return writeMethods[enc].call(this, string, offset, length);
});

defineMethod('toJSON', function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
});

// A start or end of subarray/slice: truncated, negative from the end, clamped.
function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

defineMethod('subarray', function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
});

// Unlike Uint8Array#slice, Buffer#slice shares memory (documented as deprecated, not warned).
defineMethod('slice', function slice(start, end) {
  return this.subarray(start, end);
});

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

defineMethod('swap16', function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
  return this;
});

defineMethod('swap32', function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    swap(this, i, i + 3);
    swap(this, i + 1, i + 2);
  }
  return this;
});

defineMethod('swap64', function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    swap(this, i, i + 7);
    swap(this, i + 1, i + 6);
    swap(this, i + 2, i + 5);
    swap(this, i + 3, i + 4);
  }
  return this;
});

defineMethod('toLocaleString', toString);

// --- module functions ------------------------------------------------------------------------

// transcode(source, fromEnc, toEnc) between utf8, ucs2, latin1 and ascii, replacing what the
// target cannot hold the way node's ICU converters do ('?' in latin1/ascii, U+FFFD elsewhere;
// default-ignorable code points are dropped instead).
const kTranscodable = new Set(['utf8', 'utf16le', 'latin1', 'ascii']);

function transcodeError(code, errno) {
  const err = new Error(`Unable to transcode Buffer [${code}]`);
  err.code = code;
  err.errno = errno;
  return err;
}

// The source as a JS string; unpaired surrogates stay (the target decides what they become).
function transcodeDecode(source, from, to) {
  switch (from) {
    case 'utf8':
      if (to === 'utf16le' && !isUtf8Op(source)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
      return slice(source, 'utf8', 0, source.length);
    case 'latin1':
      return slice(source, 'latin1', 0, source.length);
    case 'ascii': {
      // Widened as Latin-1 into UTF-16; otherwise a byte above 0x7f is invalid.
      const s = slice(source, 'latin1', 0, source.length);
      return to === 'utf16le' ? s : s.replace(/[\x80-\xff]/g, '\ufffd');
    }
    default: {
      // utf16le: a trailing odd byte is dropped, or replaced when staying in UTF-16, where it
      // makes one bad sequence with a high surrogate before it.
      let s = slice(source, 'utf16le', 0, source.length - (source.length % 2));
      if (source.length % 2 === 1 && to === 'utf16le') {
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
        s += '\ufffd';
      }
      return s;
    }
  }
}

// ICU's default-ignorable code points (ucnv_err.cpp), which its converters skip rather than
// substitute when the target cannot hold them.
function isDefaultIgnorable(c) {
  return (
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    c === 0x115f ||
    c === 0x1160 ||
    (c >= 0x17b4 && c <= 0x17b5) ||
    (c >= 0x180b && c <= 0x180f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0 ||
    (c >= 0xfff0 && c <= 0xfff8) ||
    (c >= 0x1bca0 && c <= 0x1bca3) ||
    (c >= 0x1d173 && c <= 0x1d17a) ||
    (c >= 0xe0000 && c <= 0xe0fff)
  );
}

function transcodeEncode(s, to, from) {
  switch (to) {
    case 'utf8':
      // A lone byte of UTF-16 (no whole unit) fails as a bad character too.
      if (from === 'utf16le' && (s.length === 0 || !s.isWellFormed())) {
        throw transcodeError('U_INVALID_CHAR_FOUND', 10);
      }
      return fromStringEncoded(s, 'utf8');
    case 'utf16le':
      return fromStringEncoded(s.toWellFormed(), 'utf16le');
    default: {
      // One '?' per code point the target cannot hold, unless it is default-ignorable.
      const re =
        to === 'latin1'
          ? /[\ud800-\udbff][\udc00-\udfff]|[^\x00-\xff]/g
          : /[\ud800-\udbff][\udc00-\udfff]|[^\x00-\x7f]/g;
      const replaced = s.replace(re, (c) => (isDefaultIgnorable(c.codePointAt(0)) ? '' : '?'));
      return fromStringEncoded(replaced, 'latin1');
    }
  }
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!kTranscodable.has(from) || !kTranscodable.has(to)) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  }
  return transcodeEncode(transcodeDecode(source, from, to), to, from);
}

function isUtf8(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    if (isDetached(input)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return isUtf8Op(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    if (isDetached(input)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return isAsciiOp(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

const detachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
function isDetached(value) {
  const ab = isAnyArrayBuffer(value) ? value : value.buffer;
  if (detachedGetter !== undefined && !(typeof SharedArrayBuffer === 'function' && ab instanceof SharedArrayBuffer)) {
    try {
      return detachedGetter.call(ab);
    } catch {
      return false;
    }
  }
  return false;
}


// ASCII whitespace, skipped by atob.
function isAsciiWhitespace(c) {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

function isBase64Char(c) {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f
  );
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  // Which of the two errors a bad input gets: a character that cannot be there, or a length
  // that does not decode.
  let data = 0;
  let padding = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isAsciiWhitespace(c)) continue;
    if (c === 0x3d) {
      padding++;
    } else if (isBase64Char(c) && padding === 0) {
      data++;
    } else {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  if (padding > 2) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  if (data % 4 === 1) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  if (padding > 0 && (data + padding) % 4 !== 0) {
    throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  const out = atobOp(input);
  if (out === null) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return out;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  const out = btoaOp(input);
  if (out === null) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  return out;
}

// Blob URLs need URL.createObjectURL, which actorjs does not have: nothing ever resolves.
function resolveObjectURL(url) {
  url = `${url}`;
  return undefined;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL,
  File: undefined,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return INSPECT_MAX_BYTES;
    },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
});

// Blob and File load on first use; assigning replaces them, as node's lazy properties allow.
for (const name of ['Blob', 'File']) {
  let value;
  let loaded = false;
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get: {
      [`get ${name}`]() {
        if (!loaded) {
          value = require('internal/blob')[name];
          loaded = true;
        }
        return value;
      },
    }[`get ${name}`],
    set: {
      [`set ${name}`](v) {
        value = v;
        loaded = true;
      },
    }[`set ${name}`],
  });
}
