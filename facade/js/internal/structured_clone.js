'use strict';
// structuredClone(value[, { transfer }]): the HTML structured clone algorithm for the types a
// Node program passes around: primitives, wrappers, Date, RegExp, ArrayBuffer, views, Map, Set,
// arrays, plain objects and errors. Cycles and shared references are preserved.
// https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal

const types = require('internal/util/types');
const { codes: { ERR_MISSING_ARGS }, errorWithCode } = require('internal/errors');
const { kTransfer } = require('internal/worker/js_transferable');

const errorTypes = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

function dataCloneError(message) {
  const DOMException = globalThis.DOMException;
  if (typeof DOMException === 'function') return new DOMException(message, 'DataCloneError');
  const err = new Error(message);
  err.name = 'DataCloneError';
  return err;
}

function describe(value) {
  if (typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  return String(value);
}

function clone(value, memory) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    if (typeof value === 'symbol') throw dataCloneError(`${describe(value)} could not be cloned.`);
    return value;
  }
  if (typeof value === 'function') throw dataCloneError(`${describe(value)} could not be cloned.`);
  if (memory.has(value)) return memory.get(value);
  let out;
  if (types.isBooleanObject(value)) {
    out = new Boolean(value.valueOf());
  } else if (types.isNumberObject(value)) {
    out = new Number(value.valueOf());
  } else if (types.isStringObject(value)) {
    out = new String(value.valueOf());
  } else if (types.isBigIntObject(value)) {
    out = Object(BigInt.prototype.valueOf.call(value));
  } else if (types.isSymbolObject(value)) {
    throw dataCloneError(`${describe(value.valueOf())} could not be cloned.`);
  } else if (types.isDate(value)) {
    out = new Date(value.getTime());
  } else if (types.isRegExp(value)) {
    out = new RegExp(value.source, value.flags);
  } else if (types.isArrayBuffer(value)) {
    out = value.slice(0);
  } else if (types.isSharedArrayBuffer(value)) {
    out = value;
  } else if (types.isDataView(value)) {
    const buffer = clone(value.buffer, memory);
    out = new DataView(buffer, value.byteOffset, value.byteLength);
  } else if (types.isTypedArray(value)) {
    const buffer = clone(value.buffer, memory);
    const Ctor = Object.getPrototypeOf(Object.getPrototypeOf(value)) === Uint8Array.prototype
      ? Uint8Array
      : value.constructor;
    out = new Ctor(buffer, value.byteOffset, value.length);
  } else if (types.isMap(value)) {
    out = new Map();
    memory.set(value, out);
    for (const [k, v] of value) out.set(clone(k, memory), clone(v, memory));
    return out;
  } else if (types.isSet(value)) {
    out = new Set();
    memory.set(value, out);
    for (const v of value) out.add(clone(v, memory));
    return out;
  } else if (types.isNativeError(value)) {
    const name = value.name;
    const Ctor = Object.prototype.hasOwnProperty.call(errorTypes, name) ? errorTypes[name] : Error;
    out = Object.create(Ctor.prototype);
    memory.set(value, out);
    const define = (key, v) =>
      Object.defineProperty(out, key, { value: v, writable: true, configurable: true, enumerable: false });
    if ('message' in value) define('message', String(value.message));
    if (typeof value.stack === 'string') define('stack', value.stack);
    if ('cause' in value) define('cause', clone(value.cause, memory));
    return out;
  } else if (Array.isArray(value)) {
    out = new Array(value.length);
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
    return out;
  } else if (
    types.isPromise(value) ||
    types.isWeakMap(value) ||
    types.isWeakSet(value) ||
    types.isProxy(value) ||
    types.isGeneratorObject(value)
  ) {
    throw dataCloneError(`${Object.prototype.toString.call(value)} could not be cloned.`);
  } else {
    // Objects that can only be transferred (the web streams) cannot be copied.
    if (typeof value[kTransfer] === 'function') {
      throw errorWithCode(
        TypeError,
        'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
        'Object that needs transfer was found in message but not listed in transferList',
      );
    }
    out = {};
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
    return out;
  }
  memory.set(value, out);
  return out;
}

function structuredClone(value, options) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('value');
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError("Failed to execute 'structuredClone' on 'Window': The provided value is not of type 'StructuredSerializeOptions'.");
  }
  // A transferable in the transfer list is asked to transfer itself, which the web streams
  // refuse with a DataCloneError (there is no MessagePort to move them through).
  const transfer = options?.transfer;
  if (transfer != null && typeof transfer[Symbol.iterator] === 'function') {
    for (const item of transfer) {
      if (item !== null && typeof item === 'object' && typeof item[kTransfer] === 'function') item[kTransfer]();
    }
  }
  return clone(value, new Map());
}

module.exports = { structuredClone };
