'use strict';
// What `buffer`, `string_decoder` and `internal/blob` share: FastBuffer (the Uint8Array subclass
// every Buffer is an instance of), encoding names, the numeric read/write methods of
// Buffer.prototype, and the few node error codes internal/errors does not define yet.
// Node docs: https://nodejs.org/docs/latest-v20.x/api/buffer.html

const { codes, errorWithCode, kIsNodeError } = require('internal/errors');
const { ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes;
const { validateNumber } = require('internal/validators');

// --- error codes ----------------------------------------------------------------------------
//
// Made the way internal/errors makes its own (code enumerable, message not, `Name [CODE]` in the
// stack's first line), and taken from there instead once it has them.
function defineError(code, Base, format) {
  if (codes[code] !== undefined) return codes[code];
  class NodeError extends Base {
    constructor(...args) {
      super(format(...args));
      Object.defineProperty(this, 'code', {
        value: code,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (typeof Error.captureStackTrace === 'function') {
        // The stack's first line is built from the name at capture time.
        const name = this.name;
        this.name = `${name} [${code}]`;
        Error.captureStackTrace(this, NodeError);
        delete this.name;
      }
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${code}]: ${this.message}`;
    }
  }
  return NodeError;
}

const ERR_INVALID_BUFFER_SIZE = defineError(
  'ERR_INVALID_BUFFER_SIZE',
  RangeError,
  (size) => `Buffer size must be a multiple of ${size}`,
);
const ERR_BUFFER_TOO_LARGE = defineError(
  'ERR_BUFFER_TOO_LARGE',
  RangeError,
  (max) => `Cannot create a Buffer larger than ${max} bytes`,
);
const ERR_STRING_TOO_LONG = defineError(
  'ERR_STRING_TOO_LONG',
  Error,
  (max) => `Cannot create a string longer than 0x${max.toString(16)} characters`,
);

function indexOutOfRange() {
  return errorWithCode(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// --- FastBuffer -----------------------------------------------------------------------------

// Every Buffer is a FastBuffer; `Buffer` itself is a plain function sharing this prototype so
// that it can still be called without `new`.
class FastBuffer extends Uint8Array {
  // The explicit constructor keeps `new FastBuffer()` from going through the spread of the
  // default derived constructor.
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// --- encodings ------------------------------------------------------------------------------

// The numbers internalBinding('buffer') takes.
const encodingsMap = {
  __proto__: null,
  utf8: 0,
  utf16le: 1,
  latin1: 2,
  ascii: 3,
  base64: 4,
  base64url: 5,
  hex: 6,
};

// Every spelling node accepts (compared lower-cased), to its canonical name.
const encodingNames = new Map([
  ['utf8', 'utf8'],
  ['utf-8', 'utf8'],
  ['ucs2', 'utf16le'],
  ['ucs-2', 'utf16le'],
  ['utf16le', 'utf16le'],
  ['utf-16le', 'utf16le'],
  ['latin1', 'latin1'],
  ['binary', 'latin1'],
  ['base64', 'base64'],
  ['base64url', 'base64url'],
  ['hex', 'hex'],
  ['ascii', 'ascii'],
]);

// Node's normalizeEncoding: undefined, null and '' mean utf8; other names are matched without
// regard to case; anything else (a number, an unknown name) gives undefined. A String object is
// accepted like its string.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') {
    if (typeof enc !== 'object' || typeof enc.length !== 'number') return undefined;
    const s = `${enc}`;
    if (s.length !== enc.length) return undefined;
    enc = s;
  }
  if (enc === '') return 'utf8';
  const exact = encodingNames.get(enc);
  if (exact !== undefined) return exact;
  return encodingNames.get(enc.toLowerCase());
}

// The encoding argument of toString/write/indexOf/byteLength: converted to a string first (so
// null is the unknown encoding "null"), '' is unknown. Returns the canonical name or undefined.
function encodingOf(encoding) {
  encoding = `${encoding}`;
  const exact = encodingNames.get(encoding);
  if (exact !== undefined) return exact;
  return encodingNames.get(encoding.toLowerCase());
}

// --- numeric reads and writes ---------------------------------------------------------------
//
// Offsets must be numbers; a byte that is not there is reported as node does: a non-integer
// offset as "an integer", a buffer too short for the type as ERR_BUFFER_OUT_OF_BOUNDS, anything
// else with the range of valid offsets.

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Checks that `width` bytes exist at `offset`.
function checkReadable(buf, offset, width) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + width - 1] === undefined) {
    boundsError(offset, buf.length - width);
  }
}

// The range message of a value check. Ranges of five bytes and more read as powers of two.
function rangeText(min, max, width) {
  const n = typeof min === 'bigint' ? 'n' : '';
  if (width > 4) {
    const bits = width * 8;
    if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
    return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
  }
  return `>= ${min}${n} and <= ${max}${n}`;
}

function checkWritable(buf, value, offset, min, max, width) {
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', rangeText(min, max, width), value);
  }
  checkReadable(buf, offset, width);
}

// Unsigned little-endian integer of `width` bytes at `offset` (bounds already checked).
function uintLE(buf, offset, width) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < width; i++) {
    value += buf[offset + i] * scale;
    scale *= 256;
  }
  return value;
}

function uintBE(buf, offset, width) {
  let value = 0;
  for (let i = 0; i < width; i++) value = value * 256 + buf[offset + i];
  return value;
}

// Two's complement of an unsigned value of `width` bytes.
function toSigned(value, width) {
  const half = 2 ** (width * 8 - 1);
  return value >= half ? value - half * 2 : value;
}

// Stores the low `width` bytes of an integer-valued number. Bytes are taken with arithmetic on
// doubles (exact up to 2 ** 53) so that 48-bit values and negatives come out right.
function storeLE(buf, value, offset, width) {
  let v = Math.trunc(value);
  if (Number.isNaN(v)) v = 0;
  for (let i = 0; i < width; i++) {
    const byte = ((v % 256) + 256) % 256;
    buf[offset + i] = byte;
    v = (v - byte) / 256;
  }
  return offset + width;
}

function storeBE(buf, value, offset, width) {
  let v = Math.trunc(value);
  if (Number.isNaN(v)) v = 0;
  for (let i = width - 1; i >= 0; i--) {
    const byte = ((v % 256) + 256) % 256;
    buf[offset + i] = byte;
    v = (v - byte) / 256;
  }
  return offset + width;
}

const uintMax = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff];

function makeReader(width, signed, littleEndian) {
  const read = littleEndian ? uintLE : uintBE;
  if (signed) {
    return function (buf, offset) {
      checkReadable(buf, offset, width);
      return toSigned(read(buf, offset, width), width);
    };
  }
  return function (buf, offset) {
    checkReadable(buf, offset, width);
    return read(buf, offset, width);
  };
}

function makeWriter(width, signed, littleEndian) {
  const store = littleEndian ? storeLE : storeBE;
  const max = signed ? 2 ** (width * 8 - 1) - 1 : uintMax[width];
  const min = signed ? -(2 ** (width * 8 - 1)) : 0;
  return function (buf, value, offset) {
    value = +value;
    if (width === 1) {
      // The one-byte writers check the offset's type before the value.
      validateNumber(offset, 'offset');
      if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
      if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
      buf[offset] = value;
      return offset + 1;
    }
    checkWritable(buf, value, offset, min, max, width);
    return store(buf, value, offset, width);
  };
}

const readers = { __proto__: null };
const writers = { __proto__: null };
for (let width = 1; width <= 6; width++) {
  for (const signed of [false, true]) {
    for (const le of [true, false]) {
      const key = `${signed ? 'i' : 'u'}${width}${le ? 'le' : 'be'}`;
      readers[key] = makeReader(width, signed, le);
      writers[key] = makeWriter(width, signed, le);
    }
  }
}

// The variable-width reads want their offset before anything else (the writes do not).
function checkReadOffset(offset) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
}

// The variable-width methods take byteLength 1..6, a number.
function checkByteLength(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  if (byteLength >= 1 && byteLength <= 6 && byteLength === Math.floor(byteLength) && typeof byteLength === 'number') {
    return;
  }
  boundsError(byteLength, 6, 'byteLength');
}

// Floats go through a shared typed array pair; which end is which depends on the platform.
const float32 = new Float32Array(1);
const float64 = new Float64Array(1);
const f32Bytes = new Uint8Array(float32.buffer);
const f64Bytes = new Uint8Array(float64.buffer);
const bigEndianPlatform = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function readFloatInto(bytes, buf, offset, width, forwards) {
  checkReadable(buf, offset, width);
  if (forwards) {
    for (let i = 0; i < width; i++) bytes[i] = buf[offset + i];
  } else {
    for (let i = 0; i < width; i++) bytes[width - 1 - i] = buf[offset + i];
  }
}

function writeFloatFrom(bytes, buf, offset, width, forwards) {
  if (forwards) {
    for (let i = 0; i < width; i++) buf[offset + i] = bytes[i];
  } else {
    for (let i = 0; i < width; i++) buf[offset + i] = bytes[width - 1 - i];
  }
  return offset + width;
}

// "Forwards" means the platform's own byte order; node names the methods after it.
function readFloatForwards(offset = 0) {
  readFloatInto(f32Bytes, this, offset, 4, true);
  return float32[0];
}
function readFloatBackwards(offset = 0) {
  readFloatInto(f32Bytes, this, offset, 4, false);
  return float32[0];
}
function readDoubleForwards(offset = 0) {
  readFloatInto(f64Bytes, this, offset, 8, true);
  return float64[0];
}
function readDoubleBackwards(offset = 0) {
  readFloatInto(f64Bytes, this, offset, 8, false);
  return float64[0];
}
function writeFloatForwards(val, offset = 0) {
  val = +val;
  checkReadable(this, offset, 4);
  float32[0] = val;
  return writeFloatFrom(f32Bytes, this, offset, 4, true);
}
function writeFloatBackwards(val, offset = 0) {
  val = +val;
  checkReadable(this, offset, 4);
  float32[0] = val;
  return writeFloatFrom(f32Bytes, this, offset, 4, false);
}
function writeDoubleForwards(val, offset = 0) {
  val = +val;
  checkReadable(this, offset, 8);
  float64[0] = val;
  return writeFloatFrom(f64Bytes, this, offset, 8, true);
}
function writeDoubleBackwards(val, offset = 0) {
  val = +val;
  checkReadable(this, offset, 8);
  float64[0] = val;
  return writeFloatFrom(f64Bytes, this, offset, 8, false);
}

// 64-bit integers: two 32-bit halves.
function readBig(buf, offset, littleEndian, signed) {
  checkReadable(buf, offset, 8);
  const lo = littleEndian ? uintLE(buf, offset, 4) : uintBE(buf, offset + 4, 4);
  let hi = littleEndian ? uintLE(buf, offset + 4, 4) : uintBE(buf, offset, 4);
  if (signed) hi = hi | 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function writeBig(buf, value, offset, littleEndian, min, max) {
  checkWritable(buf, value, offset, min, max, 8);
  // A primitive that is not a BigInt makes node's `&` throw V8's TypeError; Boa words it
  // differently, so the primitive cases are reported here. Objects still go through `&`.
  if (typeof value !== 'bigint' && typeof value !== 'symbol' && (typeof value !== 'object' || value === null)) {
    throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
  }
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (littleEndian) {
    storeLE(buf, lo, offset, 4);
    storeLE(buf, hi, offset + 4, 4);
  } else {
    storeBE(buf, hi, offset, 4);
    storeBE(buf, lo, offset + 4, 4);
  }
  return offset + 8;
}

const kMinBigInt64 = -(2n ** 63n);
const kMaxBigInt64 = 2n ** 63n - 1n;
const kMaxBigUint64 = 2n ** 64n - 1n;

// Installs the numeric methods on Buffer.prototype, with node's names, lengths and aliases.
function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE(offset = 0) {
      return readBig(this, offset, true, false);
    },
    readBigUInt64BE(offset = 0) {
      return readBig(this, offset, false, false);
    },
    readBigInt64LE(offset = 0) {
      return readBig(this, offset, true, true);
    },
    readBigInt64BE(offset = 0) {
      return readBig(this, offset, false, true);
    },
    writeBigUInt64LE(value, offset = 0) {
      return writeBig(this, value, offset, true, 0n, kMaxBigUint64);
    },
    writeBigUInt64BE(value, offset = 0) {
      return writeBig(this, value, offset, false, 0n, kMaxBigUint64);
    },
    writeBigInt64LE(value, offset = 0) {
      return writeBig(this, value, offset, true, kMinBigInt64, kMaxBigInt64);
    },
    writeBigInt64BE(value, offset = 0) {
      return writeBig(this, value, offset, false, kMinBigInt64, kMaxBigInt64);
    },

    readUIntLE(offset, byteLength) {
      checkReadOffset(offset);
      checkByteLength(byteLength);
      return readers[`u${byteLength}le`](this, offset);
    },
    readUInt32LE(offset = 0) {
      return readers.u4le(this, offset);
    },
    readUInt16LE(offset = 0) {
      return readers.u2le(this, offset);
    },
    readUInt8(offset = 0) {
      return readers.u1le(this, offset);
    },
    readUIntBE(offset, byteLength) {
      checkReadOffset(offset);
      checkByteLength(byteLength);
      return readers[`u${byteLength}be`](this, offset);
    },
    readUInt32BE(offset = 0) {
      return readers.u4be(this, offset);
    },
    readUInt16BE(offset = 0) {
      return readers.u2be(this, offset);
    },
    readIntLE(offset, byteLength) {
      checkReadOffset(offset);
      checkByteLength(byteLength);
      return readers[`i${byteLength}le`](this, offset);
    },
    readInt32LE(offset = 0) {
      return readers.i4le(this, offset);
    },
    readInt16LE(offset = 0) {
      return readers.i2le(this, offset);
    },
    readInt8(offset = 0) {
      return readers.i1le(this, offset);
    },
    readIntBE(offset, byteLength) {
      checkReadOffset(offset);
      checkByteLength(byteLength);
      return readers[`i${byteLength}be`](this, offset);
    },
    readInt32BE(offset = 0) {
      return readers.i4be(this, offset);
    },
    readInt16BE(offset = 0) {
      return readers.i2be(this, offset);
    },

    writeUIntLE(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writers[`u${byteLength}le`](this, value, offset);
    },
    writeUInt32LE(value, offset = 0) {
      return writers.u4le(this, value, offset);
    },
    writeUInt16LE(value, offset = 0) {
      return writers.u2le(this, value, offset);
    },
    writeUInt8(value, offset = 0) {
      return writers.u1le(this, value, offset);
    },
    writeUIntBE(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writers[`u${byteLength}be`](this, value, offset);
    },
    writeUInt32BE(value, offset = 0) {
      return writers.u4be(this, value, offset);
    },
    writeUInt16BE(value, offset = 0) {
      return writers.u2be(this, value, offset);
    },
    writeIntLE(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writers[`i${byteLength}le`](this, value, offset);
    },
    writeInt32LE(value, offset = 0) {
      return writers.i4le(this, value, offset);
    },
    writeInt16LE(value, offset = 0) {
      return writers.i2le(this, value, offset);
    },
    writeInt8(value, offset = 0) {
      return writers.i1le(this, value, offset);
    },
    writeIntBE(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writers[`i${byteLength}be`](this, value, offset);
    },
    writeInt32BE(value, offset = 0) {
      return writers.i4be(this, value, offset);
    },
    writeInt16BE(value, offset = 0) {
      return writers.i2be(this, value, offset);
    },
  };

  const define = (name, fn) => {
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
  };
  // Node's order, with each lower-case "Uint" alias right after its original.
  for (const name of ['readBigUInt64LE', 'readBigUInt64BE']) {
    define(name, methods[name]);
  }
  define('readBigUint64LE', methods.readBigUInt64LE);
  define('readBigUint64BE', methods.readBigUInt64BE);
  define('readBigInt64LE', methods.readBigInt64LE);
  define('readBigInt64BE', methods.readBigInt64BE);
  define('writeBigUInt64LE', methods.writeBigUInt64LE);
  define('writeBigUInt64BE', methods.writeBigUInt64BE);
  define('writeBigUint64LE', methods.writeBigUInt64LE);
  define('writeBigUint64BE', methods.writeBigUInt64BE);
  define('writeBigInt64LE', methods.writeBigInt64LE);
  define('writeBigInt64BE', methods.writeBigInt64BE);

  const plain = ['UIntLE', 'UInt32LE', 'UInt16LE', 'UInt8', 'UIntBE', 'UInt32BE', 'UInt16BE'];
  const signed = ['IntLE', 'Int32LE', 'Int16LE', 'Int8', 'IntBE', 'Int32BE', 'Int16BE'];
  for (const verb of ['read', 'write']) {
    for (const n of plain) define(verb + n, methods[verb + n]);
    for (const n of plain) define(verb + n.replace('UInt', 'Uint'), methods[verb + n]);
    for (const n of signed) define(verb + n, methods[verb + n]);
  }

  define('readFloatLE', bigEndianPlatform ? readFloatBackwards : readFloatForwards);
  define('readFloatBE', bigEndianPlatform ? readFloatForwards : readFloatBackwards);
  define('readDoubleLE', bigEndianPlatform ? readDoubleBackwards : readDoubleForwards);
  define('readDoubleBE', bigEndianPlatform ? readDoubleForwards : readDoubleBackwards);
  define('writeFloatLE', bigEndianPlatform ? writeFloatBackwards : writeFloatForwards);
  define('writeFloatBE', bigEndianPlatform ? writeFloatForwards : writeFloatBackwards);
  define('writeDoubleLE', bigEndianPlatform ? writeDoubleBackwards : writeDoubleForwards);
  define('writeDoubleBE', bigEndianPlatform ? writeDoubleForwards : writeDoubleBackwards);
}

module.exports = {
  ERR_BUFFER_TOO_LARGE,
  ERR_INVALID_BUFFER_SIZE,
  ERR_STRING_TOO_LONG,
  FastBuffer,
  addBufferPrototypeMethods,
  encodingOf,
  encodingsMap,
  indexOutOfRange,
  normalizeEncoding,
};
