'use strict';
// TextEncoderStream and TextDecoderStream: TextEncoder and TextDecoder as TransformStreams
// (node's lib/internal/webstreams/encoding.js).
// https://nodejs.org/docs/latest-v20.x/api/webstreams.html#class-textencoderstream

const { TextDecoder, TextEncoder } = require('internal/encoding');

const { TransformStream } = require('internal/webstreams/transformstream');

const { customInspect } = require('internal/webstreams/util');

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');

const { customInspectSymbol: kInspect, kEmptyObject, kEnumerableProperty } = require('internal/util');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');
const kPendingHighSurrogate = Symbol('kPendingHighSurrogate');

function isTextEncoderStream(value) {
  return typeof value?.[kHandle] === 'object' && value?.[kType] === 'TextEncoderStream';
}

function isTextDecoderStream(value) {
  return typeof value?.[kHandle] === 'object' && value?.[kType] === 'TextDecoderStream';
}

class TextEncoderStream {
  constructor() {
    this[kPendingHighSurrogate] = null;
    this[kType] = 'TextEncoderStream';
    this[kHandle] = new TextEncoder();
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        // https://encoding.spec.whatwg.org/#encode-and-enqueue-a-chunk
        chunk = String(chunk);
        let finalChunk = '';
        for (let i = 0; i < chunk.length; i++) {
          const item = chunk[i];
          const codeUnit = item.charCodeAt(0);
          if (this[kPendingHighSurrogate] !== null) {
            const highSurrogate = this[kPendingHighSurrogate];
            this[kPendingHighSurrogate] = null;
            if (0xdc00 <= codeUnit && codeUnit <= 0xdfff) {
              finalChunk += highSurrogate + item;
              continue;
            }
            finalChunk += '\uFFFD';
          }
          if (0xd800 <= codeUnit && codeUnit <= 0xdbff) {
            this[kPendingHighSurrogate] = item;
            continue;
          }
          if (0xdc00 <= codeUnit && codeUnit <= 0xdfff) {
            finalChunk += '\uFFFD';
            continue;
          }
          finalChunk += item;
        }
        if (finalChunk) {
          const value = this[kHandle].encode(finalChunk);
          controller.enqueue(value);
        }
      },
      flush: (controller) => {
        // https://encoding.spec.whatwg.org/#encode-and-flush
        if (this[kPendingHighSurrogate] !== null) {
          controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
        }
      },
    });
  }

  get encoding() {
    if (!isTextEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kHandle].encoding;
  }

  get readable() {
    if (!isTextEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    if (!isTextEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isTextEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: this[kHandle].encoding,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    this[kType] = 'TextDecoderStream';
    this[kHandle] = new TextDecoder(encoding, options);
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        const value = this[kHandle].decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this[kHandle].decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }

  get encoding() {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].encoding;
  }

  get fatal() {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].fatal;
  }

  get ignoreBOM() {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].ignoreBOM;
  }

  get readable() {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this[kHandle].encoding,
      fatal: this[kHandle].fatal,
      ignoreBOM: this[kHandle].ignoreBOM,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

Object.defineProperties(TextEncoderStream.prototype, {
  encoding: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
});

Object.defineProperties(TextDecoderStream.prototype, {
  encoding: kEnumerableProperty,
  fatal: kEnumerableProperty,
  ignoreBOM: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
});

module.exports = {
  TextEncoderStream,
  TextDecoderStream,
};
