'use strict';
// The error codes the stream modules raise. Most come from internal/errors; the stream-specific
// ones it does not define (yet) are made here with node's exact names, messages and classes, and
// with the same shape as the shared ones (own enumerable `code`, `Error [CODE]: message` in the
// stack and from toString). If internal/errors gains a code later, its version is used instead.

const shared = require('internal/errors');
const { codes: sharedCodes, kIsNodeError } = shared;

const codes = { __proto__: null };

function defineLocal(code, message, Base) {
  if (sharedCodes[code] !== undefined) {
    codes[code] = sharedCodes[code];
    return;
  }
  // A %s in the message takes the constructor's first argument.
  const format = typeof message === 'function' ? message : (arg) => message.replace('%s', String(arg));
  class StreamError extends Base {
    constructor(...args) {
      super(format(...args));
      Object.defineProperty(this, 'code', { value: code, enumerable: true, writable: true, configurable: true });
      // The engine wrote the stack header from name and message; insert the code as node does.
      const stack = this.stack;
      const plain = `${this.name}: ${this.message}`;
      if (typeof stack === 'string' && stack.startsWith(plain)) {
        Object.defineProperty(this, 'stack', {
          value: `${this.name} [${code}]: ${this.message}${stack.slice(plain.length)}`,
          enumerable: false,
          writable: true,
          configurable: true,
        });
      }
    }

    // inspect and `err.constructor` see the plain Error class, as with node's own errors.
    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${code}]: ${this.message}`;
    }
  }
  codes[code] = StreamError;
}

defineLocal('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
defineLocal('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
defineLocal('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
defineLocal('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
defineLocal('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
defineLocal('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
defineLocal('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
defineLocal('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);

for (const code of [
  'ERR_ILLEGAL_CONSTRUCTOR',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_RETURN_VALUE',
  'ERR_INVALID_STATE',
  'ERR_METHOD_NOT_IMPLEMENTED',
  'ERR_MISSING_ARGS',
  'ERR_MULTIPLE_CALLBACK',
  'ERR_NOT_IMPLEMENTED',
  'ERR_OUT_OF_RANGE',
  'ERR_UNKNOWN_ENCODING',
]) {
  codes[code] = sharedCodes[code];
}

// Two errors met on one path (a stream errored, then its destroy failed too) are reported
// together, as node does: the first one, or an AggregateError of both with the first's code.
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

module.exports = {
  AbortError: shared.AbortError,
  aggregateTwoErrors,
  codes,
};
