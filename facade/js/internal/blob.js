'use strict';
// Blob and File: https://nodejs.org/docs/latest-v20.x/api/buffer.html#class-blob and
// https://w3c.github.io/FileAPI/
//
// A Blob holds an immutable copy of its bytes (a Uint8Array nobody else sees); slices share
// them. Reading is asynchronous only in form: the promises resolve with copies. The lengths of
// the parts it was made of are kept too, because stream() gives one chunk per part, as node's
// does.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { ERR_BUFFER_TOO_LARGE } = require('internal/buffer');

const kHandle = Symbol('kHandle');
const kLength = Symbol('kLength');
const kType = Symbol('kType');
const kParts = Symbol('kParts');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const kMaxLength = 2 ** 32;
// A type with anything but printable ASCII is dropped.
const disallowedTypeCharacters = /[^\u0020-\u007E]/u;

let inspectFn;
function inspect(value, opts) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

function isBlob(object) {
  return object?.[kHandle] !== undefined;
}

function utf8(string) {
  const { Buffer } = require('buffer');
  return Buffer.from(string, 'utf8');
}

// One part of a Blob's sources: [byte length, bytes (a private copy), lengths of its parts].
function getSource(source, endings) {
  if (isBlob(source)) return [source.size, source[kHandle], source[kParts]];
  if (isAnyArrayBuffer(source)) {
    source = new Uint8Array(source);
  } else if (!isArrayBufferView(source)) {
    source = `${source}`;
    // `native` line endings: the platform's (always \n on the platforms actorjs runs on).
    if (endings === 'native') source = source.replace(/\r?\n/g, '\n');
    source = utf8(source);
  }
  const copy = new Uint8Array(source.byteLength);
  copy.set(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  return [copy.byteLength, copy, [copy.byteLength]];
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
  }
}

function normalizeType(type) {
  type = `${type}`;
  return disallowedTypeCharacters.test(type) ? '' : type.toLowerCase();
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? {};
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    let length = 0;
    const partLengths = [];
    const parts = Array.from(sources, (source) => {
      const [len, bytes, lengths] = getSource(source, endings);
      length += len;
      partLengths.push(...lengths);
      return bytes;
    });
    if (length > kMaxLength) throw new ERR_BUFFER_TOO_LARGE(kMaxLength);
    let bytes;
    if (parts.length === 1) {
      bytes = parts[0];
    } else {
      bytes = new Uint8Array(length);
      let pos = 0;
      for (const part of parts) {
        bytes.set(part, pos);
        pos += part.byteLength;
      }
    }
    this[kHandle] = bytes;
    this[kLength] = length;
    this[kType] = normalizeType(type);
    this[kParts] = partLengths;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kLength];
  }

  slice(start = 0, end = this[kLength], contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const length = this[kLength];
    // Negative positions count from the end; both are clamped to the blob.
    start = start < 0 ? Math.max(length + start, 0) : Math.min(start, length);
    end = end < 0 ? Math.max(length + end, 0) : Math.min(end, length);
    start = Math.trunc(start) || 0;
    end = Math.trunc(end) || 0;
    const span = Math.max(end - start, 0);
    // The parts that overlap [start, start + span), cut to it.
    const parts = [];
    let pos = 0;
    for (const len of this[kParts]) {
      const from = Math.max(pos, start);
      const to = Math.min(pos + len, start + span);
      if (to > from) parts.push(to - from);
      pos += len;
    }
    return createBlob(this[kHandle].subarray(start, start + span), span, normalizeType(contentType), parts);
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this[kHandle];
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  // UTF-8, with a leading byte order mark dropped and bad sequences replaced (TextDecoder's way).
  async text() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    let bytes = this[kHandle];
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    const { Buffer } = require('buffer');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return this.arrayBuffer().then((ab) => new Uint8Array(ab));
  }

  // A byte stream that gives each part as a Uint8Array over an ArrayBuffer of its own, read on
  // demand (a highWaterMark of 0, so nothing is queued before the first read).
  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const bytes = this[kHandle];
    const parts = this[kParts];
    let index = 0;
    let pos = 0;
    const { ReadableStream } = require('internal/webstreams/readablestream');
    return new ReadableStream({
      type: 'bytes',
      pull(c) {
        // Empty parts give no chunk (a byte stream takes none), so they are skipped.
        while (index < parts.length && parts[index] === 0) index++;
        if (index === parts.length) {
          c.close();
          // A pending BYOB read ends with the close.
          c.byobRequest?.respond(0);
          return;
        }
        const len = parts[index++];
        const chunk = bytes.slice(pos, pos + len);
        pos += len;
        c.enqueue(chunk);
      },
    });
  }
}

// A Blob over bytes already private to it, bypassing the constructor's copying.
function createBlob(bytes, length, type = '', parts = [length]) {
  const blob = Object.create(Blob.prototype);
  blob[kHandle] = bytes;
  blob[kLength] = length;
  blob[kType] = type;
  blob[kParts] = parts;
  return blob;
}

// Node's property attributes: the accessors and methods enumerable, bytes() not.
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, name, desc);
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null,
  configurable: true,
  value: 'Blob',
});

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let { lastModified } = options ?? {};
    if (lastModified !== undefined) {
      // Anything that is not a number counts as 0 (the epoch).
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this.#name = `${fileName}`;
    this.#lastModified = lastModified;
  }

  get name() {
    return this.#name;
  }

  get lastModified() {
    return this.#lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${inspect(
      { size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified },
      opts,
    )}`;
  }
}

for (const name of ['name', 'lastModified']) {
  const desc = Object.getOwnPropertyDescriptor(File.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(File.prototype, name, desc);
}
Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null,
  configurable: true,
  value: 'File',
});

module.exports = { Blob, File, isBlob, createBlob, kHandle };
