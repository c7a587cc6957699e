'use strict';
// node's internalBinding('http_parser') on the native parser: HTTPParser with node's callback
// indices and methods, and the ConnectionsList a server checks its timeouts with.
// One difference from node: the body callback gets (buffer, start, length), the bytes being
// where they arrived, instead of a copy.

const binding = internalBinding('http_parser');
const {
  op_http_parser_new: create,
  op_http_parser_initialize: initialize,
  op_http_parser_execute: execute,
  op_http_parser_finish: finish,
  op_http_parser_pause: pause,
  op_http_parser_close: close,
  op_http_parser_progress: progress,
} = binding;

const [methods, allMethods] = binding.op_http_parser_methods();
const {
  currentFrame,
  exchangeFrame,
  symbols: { async_context_frame },
} = require('internal/async_hooks');

const kList = Symbol('kList');
const kBuffer = Symbol('kBuffer');
const kReported = Symbol('kReported');

// --max-http-header-size, as node reads it.
let maxHeaderSize;
function defaultMaxHeaderSize() {
  if (maxHeaderSize === undefined) {
    const flag = process.execArgv.findLast((a) => a.startsWith('--max-http-header-size='));
    maxHeaderSize = flag === undefined ? 16384 : Number(flag.slice(flag.indexOf('=') + 1)) || 16384;
  }
  return maxHeaderSize;
}

function parseError([code, reason, bytesParsed]) {
  // node's binding says only this; prepareError() in _http_common adds the reason.
  const err = new Error('Parse Error');
  err.bytesParsed = bytesParsed;
  err.code = code;
  err.reason = reason;
  return err;
}

class HTTPParser {
  static REQUEST = 1;
  static RESPONSE = 2;
  static kOnMessageBegin = 0;
  static kOnHeaders = 1;
  static kOnHeadersComplete = 2;
  static kOnBody = 3;
  static kOnMessageComplete = 4;
  static kOnExecute = 5;
  static kOnTimeout = 6;
  static kLenientNone = 0;
  static kLenientHeaders = 1;
  static kLenientChunkedLength = 2;
  static kLenientKeepAlive = 4;
  static kLenientTransferEncoding = 8;
  static kLenientVersion = 16;
  static kLenientDataAfterClose = 32;
  static kLenientOptionalLFAfterCR = 64;
  static kLenientOptionalCRLFAfterChunk = 128;
  static kLenientOptionalCRBeforeLF = 256;
  static kLenientSpacesAfterChunkSize = 512;
  static kLenientAll = 1023;

  constructor() {
    // The native object carries the parser's state; its prototype is this class's.
    return create(new.target.prototype);
  }

  initialize(type, resource, maxHeaderSize, lenient, connectionsList) {
    if (type !== HTTPParser.REQUEST && type !== HTTPParser.RESPONSE) {
      throw new TypeError('type must be REQUEST or RESPONSE');
    }
    initialize(this, type, maxHeaderSize || defaultMaxHeaderSize(), lenient ?? 0);
    // As node's parser (an AsyncWrap reset with the resource), the callbacks of the message run
    // in the async context frame current now, not the socket's.
    this[async_context_frame] = currentFrame();
    this.remove();
    this[kReported] = undefined;
    if (connectionsList !== undefined) {
      connectionsList[kList].add(this);
      this[kList] = connectionsList;
    }
  }

  execute(buffer) {
    this[kBuffer] = buffer;
    const prior = exchangeFrame(this[async_context_frame]);
    try {
      const ret = execute(this, buffer);
      return typeof ret === 'number' ? ret : parseError(ret);
    } finally {
      this[kBuffer] = undefined;
      exchangeFrame(prior);
    }
  }

  finish() {
    const prior = exchangeFrame(this[async_context_frame]);
    try {
      const ret = finish(this);
      return ret === undefined ? undefined : parseError(ret);
    } finally {
      exchangeFrame(prior);
    }
  }

  getCurrentBuffer() {
    const buffer = this[kBuffer];
    return buffer === undefined ? Buffer.alloc(0) : Buffer.from(buffer);
  }

  pause() {
    pause(this, true);
  }

  resume() {
    pause(this, false);
  }

  remove() {
    const list = this[kList];
    if (list !== undefined) {
      list[kList].delete(this);
      this[kList] = undefined;
    }
  }

  close() {
    this.remove();
    close(this);
  }

  free() {
    this.remove();
  }

  consume() {
    throw new Error('HTTPParser.consume() is not supported: the socket is read from JS');
  }

  unconsume() {}

  duration() {
    const [elapsed] = progress(this);
    return elapsed < 0 ? 0 : elapsed;
  }

  headersCompleted() {
    return progress(this)[1];
  }
}

// The parsers of a server's connections. A parser is active from the first byte of a message
// to its end; expired() reports an active parser once per message whose headers or whole
// request took longer than the limits.
class ConnectionsList {
  constructor() {
    this[kList] = new Set();
  }

  all() {
    return [...this[kList]];
  }

  idle() {
    return this.all().filter((parser) => progress(parser)[0] < 0);
  }

  active() {
    return this.all().filter((parser) => {
      const [elapsed, , message] = progress(parser);
      return elapsed >= 0 && parser[kReported] !== message;
    });
  }

  expired(headersTimeout, requestTimeout) {
    const expired = [];
    for (const parser of this[kList]) {
      const [elapsed, headersDone, message] = progress(parser);
      if (elapsed < 0 || parser[kReported] === message) continue;
      if (
        (!headersDone && headersTimeout > 0 && elapsed > headersTimeout) ||
        (requestTimeout > 0 && elapsed > requestTimeout)
      ) {
        parser[kReported] = message;
        expired.push(parser);
      }
    }
    return expired;
  }
}

module.exports = { methods, allMethods, HTTPParser, ConnectionsList };
