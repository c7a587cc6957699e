'use strict';
// TextEncoder and TextDecoder: https://nodejs.org/docs/latest-v20.x/api/util.html#class-utiltextdecoder
// The WHATWG Encoding Standard's encodings, natively (internalBinding('encoding')).

const {
  op_encoding_encode,
  op_encoding_encode_into,
  op_encoding_label,
  op_encoding_decoder_new,
  op_encoding_decode,
} = internalBinding('encoding');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
  errorWithCode,
} = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

class ERR_ENCODING_NOT_SUPPORTED extends RangeError {
  constructor(encoding) {
    super(`The "${encoding}" encoding is not supported`);
    Object.defineProperty(this, 'code', { value: 'ERR_ENCODING_NOT_SUPPORTED', enumerable: true, writable: true, configurable: true });
  }

  get name() {
    return 'RangeError';
  }
}

function isBufferSource(value) {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return new Uint8Array(op_encoding_encode(`${input}`));
  }

  encodeInto(src, dest) {
    if (typeof src !== 'string') src = `${src}`;
    if (!(dest instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const [read, written] = op_encoding_encode_into(src, dest);
    return { read, written };
  }

  [kInspect](depth, opts) {
    const ctor = this.constructor;
    const obj = { __proto__: { constructor: ctor === null ? TextEncoder : ctor } };
    obj.encoding = this.encoding;
    return require('internal/util/inspect').inspect(obj, opts);
  }
}

class TextDecoder {
  #handle;
  #encoding;
  #fatal;
  #ignoreBOM;
  // 'utf8' or 'latin1' for a UTF-8 or windows-1252 decoder that has never streamed. Node decodes
  // those on fast paths that word their argument error differently and ignore the options
  // argument.
  #fastPath;

  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const label = op_encoding_label(encoding);
    if (label === null || label === 'replacement') throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this.#encoding = label;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
    this.#fastPath = label === 'utf-8' ? 'utf8' : label === 'windows-1252' ? 'latin1' : null;
    this.#handle = op_encoding_decoder_new(label, this.#fatal, this.#ignoreBOM);
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#handle in self)) {
      throw new ERR_INVALID_THIS('TextDecoder');
    }
  }

  get encoding() {
    TextDecoder.#check(this);
    return this.#encoding;
  }

  get fatal() {
    TextDecoder.#check(this);
    return this.#fatal;
  }

  get ignoreBOM() {
    TextDecoder.#check(this);
    return this.#ignoreBOM;
  }

  decode(input = undefined, options = undefined) {
    TextDecoder.#check(this);
    if (options?.stream) this.#fastPath = null;
    if (this.#fastPath === null) {
      if (options != null && typeof options !== 'object' && typeof options !== 'function') {
        throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
      }
    }
    if (input !== undefined && !isBufferSource(input)) {
      // Node's native side throws these, worded by each path.
      let message;
      if (this.#fastPath === 'latin1') {
        message =
          'The "input" argument must be an instance of ArrayBuffer, SharedArrayBuffer, or ArrayBufferView.';
      } else {
        const name = this.#fastPath === 'utf8' ? 'list' : 'input';
        message = `The "${name}" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`;
      }
      throw errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', message);
    }
    return op_encoding_decode(this.#handle, input, Boolean(options?.stream));
  }

  [kInspect](depth, opts) {
    TextDecoder.#check(this);
    const ctor = this.constructor;
    const obj = { __proto__: { constructor: ctor === null ? TextDecoder : ctor } };
    obj.encoding = this.#encoding;
    obj.fatal = this.#fatal;
    obj.ignoreBOM = this.#ignoreBOM;
    if (typeof depth === 'number' && depth < 0) return this;
    return `${obj.constructor.name} ${require('internal/util/inspect').inspect({ ...obj }, opts)}`;
  }
}

for (const C of [TextEncoder, TextDecoder]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
}

module.exports = { TextDecoder, TextEncoder };
