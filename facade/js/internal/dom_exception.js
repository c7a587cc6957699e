'use strict';
// DOMException, as node 20 exposes it globally:
// https://webidl.spec.whatwg.org/#idl-DOMException and
// https://nodejs.org/docs/latest-v20.x/api/globals.html#domexception
//
// Like node's, it is a class of its own whose prototype inherits from Error.prototype (so
// `instanceof Error` holds, but it is not a native error object), with name, message and code as
// prototype accessors over per-instance state, the legacy numeric codes as constants on both the
// constructor and the prototype, and a `stack` captured at construction.

// Per-instance state, keyed by the instance: the accessors double as the brand check.
const internals = new WeakMap();

// The legacy code of each error name that has one; every other name has code 0.
const legacyCodes = new Map([
  ['IndexSizeError', 1],
  ['HierarchyRequestError', 3],
  ['WrongDocumentError', 4],
  ['InvalidCharacterError', 5],
  ['NoModificationAllowedError', 7],
  ['NotFoundError', 8],
  ['NotSupportedError', 9],
  ['InUseAttributeError', 10],
  ['InvalidStateError', 11],
  ['SyntaxError', 12],
  ['InvalidModificationError', 13],
  ['NamespaceError', 14],
  ['InvalidAccessError', 15],
  ['TypeMismatchError', 17],
  ['SecurityError', 18],
  ['NetworkError', 19],
  ['AbortError', 20],
  ['URLMismatchError', 21],
  ['QuotaExceededError', 22],
  ['TimeoutError', 23],
  ['InvalidNodeTypeError', 24],
  ['DataCloneError', 25],
]);

// The constants, including the three whose names no longer map to an error name.
const constants = [
  ['INDEX_SIZE_ERR', 1],
  ['DOMSTRING_SIZE_ERR', 2],
  ['HIERARCHY_REQUEST_ERR', 3],
  ['WRONG_DOCUMENT_ERR', 4],
  ['INVALID_CHARACTER_ERR', 5],
  ['NO_DATA_ALLOWED_ERR', 6],
  ['NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NOT_FOUND_ERR', 8],
  ['NOT_SUPPORTED_ERR', 9],
  ['INUSE_ATTRIBUTE_ERR', 10],
  ['INVALID_STATE_ERR', 11],
  ['SYNTAX_ERR', 12],
  ['INVALID_MODIFICATION_ERR', 13],
  ['NAMESPACE_ERR', 14],
  ['INVALID_ACCESS_ERR', 15],
  ['VALIDATION_ERR', 16],
  ['TYPE_MISMATCH_ERR', 17],
  ['SECURITY_ERR', 18],
  ['NETWORK_ERR', 19],
  ['ABORT_ERR', 20],
  ['URL_MISMATCH_ERR', 21],
  ['QUOTA_EXCEEDED_ERR', 22],
  ['TIMEOUT_ERR', 23],
  ['INVALID_NODE_TYPE_ERR', 24],
  ['DATA_CLONE_ERR', 25],
];

// This file is evaluated before (and independently of) internal/errors in node, and its error
// reads "must be of DOMException" without "type"; built by hand to keep that exact text.
function invalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  Object.defineProperty(err, 'toString', {
    value() {
      return `${this.name} [ERR_INVALID_THIS]: ${this.message}`;
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function stateOf(self) {
  const state = internals.get(self);
  if (state === undefined) throw invalidThis();
  return state;
}

// Gives the instance a `stack` headed "Name: message", as node's captureStackTrace does. Engines
// without Error.captureStackTrace get the stack of a fresh Error with its header replaced, or
// none if errors there have no stack.
function captureStack(self, state) {
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(self, captureStack);
    return;
  }
  const probe = new Error();
  if (typeof probe.stack !== 'string') return;
  const frames = probe.stack.split('\n').filter((line) => /^\s+at /.test(line) || line.includes('@'));
  const header = state.message === '' ? state.name : `${state.name}: ${state.message}`;
  Object.defineProperty(self, 'stack', {
    value: [header, ...frames].join('\n'),
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

class DOMException {
  constructor(message = '', options = 'Error') {
    let state;
    if (options !== null && typeof options === 'object') {
      state = { message: `${message}`, name: `${options.name}` };
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause,
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    } else {
      state = { message: `${message}`, name: `${options}` };
    }
    internals.set(this, state);
    captureStack(this, state);
  }

  get name() {
    return stateOf(this).name;
  }

  get message() {
    return stateOf(this).message;
  }

  get code() {
    return legacyCodes.get(stateOf(this).name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);

Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'DOMException' },
  name: { enumerable: true, configurable: true },
  message: { enumerable: true, configurable: true },
  code: { enumerable: true, configurable: true },
});

for (const [name, value] of constants) {
  const descriptor = { enumerable: true, value };
  Object.defineProperty(DOMException, name, descriptor);
  Object.defineProperty(DOMException.prototype, name, descriptor);
}

module.exports = { DOMException };
