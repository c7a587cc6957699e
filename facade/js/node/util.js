'use strict';
// The `util` module: https://nodejs.org/docs/latest-v20.x/api/util.html
//
// Natives this module needs (besides those of internal/util/inspect):
//   internalBinding('uv').getErrorMap() -> a new Map from each negative libuv error number to
//       [name, message], e.g. -2 => ['ENOENT', 'no such file or directory'] (as node's). Only
//       getSystemErrorName and getSystemErrorMap use it.

const {
  codes: { ERR_FALSY_VALUE_REJECTION, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { format, formatWithOptions, inspect, stripVTControlCharacters } = require('internal/util/inspect');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { debuglog, defineLazyProperties, deprecate, promisify, shouldColorize } = require('internal/util');
const types = require('internal/util/types');

let deepEqual;

// Legacy type checks, deprecated in the docs since v4 but still exported.
function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(b) {
  // The buffer module is loaded only when somebody asks; it is not needed for anything else here.
  let Buffer;
  try {
    ({ Buffer } = require('buffer'));
  } catch {
    return false;
  }
  return Buffer.isBuffer(b);
}

// Stream shapes styleText accepts for `options.stream`: node streams, and WHATWG readable or
// writable streams.
function isNodeStream(obj) {
  return Boolean(
    obj &&
      (obj._readableState ||
        obj._writableState ||
        (typeof obj.write === 'function' && typeof obj.on === 'function') ||
        (typeof obj.pipe === 'function' && typeof obj.on === 'function')),
  );
}

function isWebReadableStream(obj) {
  return Boolean(
    obj &&
      !isNodeStream(obj) &&
      typeof obj.pipeThrough === 'function' &&
      typeof obj.getReader === 'function' &&
      typeof obj.cancel === 'function',
  );
}

function isWebWritableStream(obj) {
  return Boolean(
    obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function',
  );
}

const escapeStyleCode = (code) => `\u001b[${code}m`;

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  if (
    validateStream &&
    !isWebReadableStream(stream) &&
    !isWebWritableStream(stream) &&
    !isNodeStream(stream)
  ) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const codes = inspect.colors[key];
      if (codes == null) validateOneOf(key, 'format', Object.keys(inspect.colors));
      left += escapeStyleCode(codes[0]);
      right = `${escapeStyleCode(codes[1])}${right}`;
    }
    return `${left}${text}${right}`;
  }

  const codes = inspect.colors[format];
  if (codes == null) validateOneOf(format, 'format', Object.keys(inspect.colors));
  // Arguments are validated even when the stream then turns out not to want colors.
  if (validateStream && (!stream || !shouldColorize(stream))) return text;
  return `${escapeStyleCode(codes[0])}${text}${escapeStyleCode(codes[1])}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

// "26 Feb 16:19:34", local time.
function timestamp() {
  const d = new Date();
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${d.getDate()} ${months[d.getMonth()]} ${time}`;
}

function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// A rejection with a falsy reason would read as success to a callback (`cb(null)`), so the
// reason is wrapped in an error that carries it.
function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(reason, callbackifyOnRejected);
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');

  // The callback runs on a later tick, outside the promise chain, so that an exception it
  // throws is an uncaught exception rather than a rejection nobody sees.
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb),
    );
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const key of Reflect.ownKeys(descriptors)) Object.setPrototypeOf(descriptors[key], null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

let uvErrorMap;
function getSystemErrorMap() {
  return internalBinding('uv').getErrorMap();
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  if (uvErrorMap === undefined) uvErrorMap = getSystemErrorMap();
  const entry = uvErrorMap.get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

// String.prototype.toWellFormed where the engine has it; otherwise lone surrogates are replaced
// with U+FFFD by hand.
function toWellFormed(str) {
  if (typeof String.prototype.toWellFormed === 'function') return String.prototype.toWellFormed.call(str);
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
    }
    out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : str[i];
  }
  return out;
}

// util.getCallSites([frameCount][, options]) (node 22.9+): the frames of the caller's stack,
// innermost first, read from an Error's stack text.
const kFrame = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

function getCallSites(frameCount = 10, options = undefined) {
  if (typeof frameCount === 'object' && frameCount !== null && options === undefined) {
    options = frameCount;
    frameCount = 10;
  }
  validateNumber(frameCount, 'frameCount', 1, 200);
  if (options !== undefined) validateObject(options, 'options');
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frameCount + 1;
  const { stack } = new Error();
  Error.stackTraceLimit = limit;
  const sites = [];
  // The first line is the message, the second this function.
  for (const line of `${stack}`.split('\n').slice(2)) {
    const m = kFrame.exec(line);
    if (m === null) continue;
    const lineNumber = Number(m[3]);
    const column = Number(m[4]);
    sites.push({
      functionName: m[1] === undefined || m[1] === 'Object.<anonymous>' ? '' : m[1],
      scriptId: '0',
      scriptName: m[2],
      lineNumber,
      column,
      columnNumber: column,
    });
    if (sites.length === frameCount) break;
  }
  return sites;
}

// The old names for the errors node's own callbacks made from an errno; some packages still use them.
function _errnoException(err, syscall, original) {
  return new (require('internal/errors').ErrnoException)(err, syscall, original);
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  return new (require('internal/errors').ExceptionWithHostPort)(err, syscall, address, port, additional);
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual(a, b) {
    if (deepEqual === undefined) deepEqual = require('internal/util/comparisons').isDeepStrictEqual;
    return deepEqual(a, b);
  },
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return toWellFormed(`${input}`);
  },
  get aborted() {
    return require('internal/abort_controller').aborted;
  },
  types,
  parseEnv(content) {
    validateString(content, 'content');
    const result = {};
    for (const [key, value] of require('internal/dotenv').parseContent(content)) result[key] = value;
    return result;
  },
};

defineLazyProperties(module.exports, 'internal/util/parse_args/parse_args', ['parseArgs']);

// The encoding classes are globals; reading them lazily lets the globals be installed after
// this module was first loaded.
defineLazyProperties(module.exports, () => globalThis, ['TextDecoder', 'TextEncoder']);

defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);

// Newer than node 20, so not among the names node 20 lists.
Object.defineProperty(module.exports, 'getCallSites', {
  __proto__: null,
  value: getCallSites,
  writable: true,
  configurable: true,
  enumerable: false,
});
