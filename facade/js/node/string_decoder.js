'use strict';
// The `string_decoder` module: https://nodejs.org/docs/latest-v20.x/api/string_decoder.html
//
// Decodes a stream of byte chunks into strings without splitting characters: the bytes of a
// character cut off at the end of a chunk wait for the next write (or end()).
//
// The decoder's state lives in a 7-byte Buffer, laid out as node's native decoder lays it out
// (shown by util.inspect, and read back by the lastChar/lastNeed/lastTotal accessors):
// bytes 0-3 hold the incomplete character, 4 how many bytes it still needs, 5 how many it has,
// 6 the encoding.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const { normalizeEncoding: normalize } = require('internal/buffer');

const kNativeDecoder = Symbol('kNativeDecoder');
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

// Node's native encoding numbers, as they appear in the state buffer.
const kEncodingIds = {
  __proto__: null,
  ascii: 0,
  utf8: 1,
  base64: 2,
  utf16le: 3,
  latin1: 4,
  hex: 5,
  base64url: 7,
};

const isEncodingSymbol = Object.getOwnPropertySymbols(Buffer).find((s) => s.description === 'kIsEncodingSymbol');

// An encoding node knows, or one a program taught Buffer.isEncoding (kept as given).
function normalizeEncoding(enc) {
  const normalized = normalize(enc);
  if (normalized === undefined) {
    if (Buffer.isEncoding === Buffer[isEncodingSymbol] || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return normalized;
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  const state = Buffer.alloc(kSize);
  state[kEncodingField] = kEncodingIds[this.encoding] ?? 1;
  this[kNativeDecoder] = state;
}

// A view's bytes as a Buffer, without copying.
function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function isContinuation(byte) {
  return (byte & 0xc0) === 0x80;
}

// How many bytes a UTF-8 sequence starting with `lead` has, 0 if it cannot start one.
function utf8SequenceLength(lead) {
  if ((lead & 0xe0) === 0xc0) return 2;
  if ((lead & 0xf0) === 0xe0) return 3;
  if ((lead & 0xf8) === 0xf0) return 4;
  return 0;
}

// How many bytes at the end of a fresh chunk belong to a character that continues in the next
// one, and how many more that character needs: [kept, needed].
function incompleteTail(encoding, bytes) {
  const n = bytes.length;
  switch (encoding) {
    case 'utf8': {
      if (n === 0 || bytes[n - 1] < 0x80) return [0, 0];
      // Walk back over continuation bytes to the lead byte, three at most.
      for (let i = n - 1, count = 1; i >= 0; i--, count++) {
        if (isContinuation(bytes[i])) {
          if (count >= 4 || i === 0) return [0, 0];
          continue;
        }
        const total = utf8SequenceLength(bytes[i]);
        if (total === 0 || count >= total) return [0, 0];
        return [count, total - count];
      }
      return [0, 0];
    }
    case 'utf16le':
      // Half a code unit, or a high surrogate waiting for its pair.
      if (n % 2 === 1) return [1, 1];
      if (n >= 2 && (bytes[n - 1] & 0xfc) === 0xd8) return [2, 2];
      return [0, 0];
    case 'base64':
    case 'base64url': {
      // Whole 3-byte groups encode without padding.
      const rest = n % 3;
      return rest === 0 ? [0, 0] : [rest, 3 - rest];
    }
    default:
      return [0, 0];
  }
}

function decodeBytes(encoding, bytes, start, end) {
  if (end <= start) return '';
  return bytes.toString(encoding, start, end);
}

function decode(self, buf) {
  const state = self[kNativeDecoder];
  const encoding = self.encoding;
  const bytes = bytesOf(buf);
  if (encoding !== 'utf8' && encoding !== 'utf16le' && encoding !== 'base64' && encoding !== 'base64url') {
    return decodeBytes(encoding, bytes, 0, bytes.length);
  }
  let pos = 0;
  let prefix = '';
  // First complete the character left over from the previous chunk.
  if (state[kMissingBytes] > 0) {
    let take = Math.min(state[kMissingBytes], bytes.length);
    let broken = false;
    if (encoding === 'utf8') {
      // A byte that cannot continue the character ends it early; it starts the rest.
      for (let i = 0; i < take; i++) {
        if (!isContinuation(bytes[i])) {
          take = i;
          broken = true;
          break;
        }
      }
    }
    for (let i = 0; i < take; i++) state[state[kBufferedBytes] + i] = bytes[i];
    state[kBufferedBytes] += take;
    state[kMissingBytes] = broken ? 0 : state[kMissingBytes] - take;
    pos = take;
    if (state[kMissingBytes] > 0) return '';
    prefix = decodeBytes(encoding, state, 0, state[kBufferedBytes]);
    state[kBufferedBytes] = 0;
    if (pos === bytes.length) return prefix;
  }
  // Then the rest, keeping back an incomplete character at its end.
  const rest = pos === 0 ? bytes : bytes.subarray(pos);
  const [kept, needed] = incompleteTail(encoding, rest);
  const end = rest.length - kept;
  for (let i = 0; i < kept; i++) state[i] = rest[end + i];
  state[kBufferedBytes] = kept;
  state[kMissingBytes] = needed;
  return prefix + decodeBytes(encoding, rest, 0, end);
}

// What end() makes of an incomplete character: its bytes decoded as they are.
function flush(self) {
  const state = self[kNativeDecoder];
  if (self.encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte is dropped.
    state[kBufferedBytes]--;
    state[kMissingBytes]--;
  }
  const buffered = state[kBufferedBytes];
  if (buffered === 0) return '';
  const out = decodeBytes(self.encoding, state, 0, buffered);
  state[kBufferedBytes] = 0;
  state[kMissingBytes] = 0;
  return out;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) throw new ERR_INVALID_THIS('StringDecoder');
  return decode(this, buf);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this);
  return ret;
};

// Decodes buf from offset on as a fresh start, forgetting any incomplete character.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(0, 4);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
