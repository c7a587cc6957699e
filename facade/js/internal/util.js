'use strict';
// Small helpers shared by the builtins (the counterpart of node's lib/internal/util.js).

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
// Lets a callback API name the values its callback receives, so that the promisified version
// resolves with an object of them (fs.read gives { bytesRead, buffer }).
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kEmptyObject = Object.freeze({ __proto__: null });
// A descriptor that makes an existing property enumerable and leaves the rest as it is.
const kEnumerableProperty = Object.freeze({ __proto__: null, enumerable: true });

const { isNativeError } = internalBinding('types');

function isError(e) {
  return isNativeError(e) || e instanceof Error;
}

// Whether an ArrayBuffer was detached (transferred away). Only engines with the ES2024
// `detached` getter can tell; without it no buffer counts as detached.
const detachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
function isArrayBufferDetached(value) {
  if (detachedGetter === undefined || value.byteLength !== 0) return false;
  return detachedGetter.call(value);
}

// Deprecation codes already reported; each code warns once per process whatever wraps it.
const codesWarned = new Set();

// Wraps `fn` so that its first call emits a DeprecationWarning (unless --no-deprecation, i.e.
// process.noDeprecation); calls and `new` are forwarded unchanged. Node's fourth parameter asks
// for a synchronous emit, which makes no difference to when process.emitWarning runs here.
// eslint-disable-next-line no-unused-vars
function deprecate(fn, msg, code, useEmitSync) {
  if (code !== undefined) {
    const { validateString } = require('internal/validators');
    validateString(code, 'code');
  }
  let warned = false;
  function deprecated(...args) {
    if (!process.noDeprecation && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // Static members and `instanceof` keep working through the wrapper.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// Copies the descriptors of `from` onto `to`, as plain null-prototype descriptors so that a
// patched Object.prototype cannot add `get`/`set` to them.
function copyOwnProperties(to, from) {
  const descriptors = Object.getOwnPropertyDescriptors(from);
  for (const key of Reflect.ownKeys(descriptors)) Object.setPrototypeOf(descriptors[key], null);
  return Object.defineProperties(to, descriptors);
}

function promisify(original) {
  const { validateFunction } = require('internal/validators');
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: fn,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }

  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  // Promisifying the result again returns it unchanged.
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  return copyOwnProperties(fn, original);
}

promisify.custom = kCustomPromisifiedSymbol;

// Defines getters on `target` that load `id` the first time one of `keys` is read, then turn
// into plain data properties.
function defineLazyProperties(target, id, keys, enumerable = true) {
  let mod;
  for (const key of keys) {
    let value;
    let loaded = false;
    const set = function set(v) {
      Object.defineProperty(this, key, {
        __proto__: null,
        value: v,
        writable: true,
        configurable: true,
        enumerable,
      });
    };
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    const get = function get() {
      if (!loaded) {
        if (mod === undefined) mod = typeof id === 'function' ? id() : require(id);
        value = mod[key];
        loaded = true;
        set.call(this, value);
      }
      return value;
    };
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    Object.defineProperty(target, key, { __proto__: null, enumerable, configurable: true, get, set });
  }
}

// FORCE_COLOR wins over the stream: '', '1', 'true', '2' and '3' ask for colors, any other
// value for none. Otherwise a TTY stream decides by its color depth.
function shouldColorize(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    return force === '' || force === '1' || force === 'true' || force === '2' || force === '3';
  }
  return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

// NODE_DEBUG is a comma-separated list of section names, `*` matching anything, compared
// case-insensitively. It is read once, like node reads it at startup.
let debugEnabled;
function debugSectionEnabled(section) {
  if (debugEnabled === undefined) {
    const env = typeof process === 'object' && process.env ? process.env.NODE_DEBUG : undefined;
    if (env) {
      const pattern = env
        .replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll(',', '$|^');
      const re = new RegExp(`^${pattern}$`, 'i');
      debugEnabled = (name) => re.test(name);
    } else {
      debugEnabled = () => false;
    }
  }
  return debugEnabled(section);
}

// The logger of a section NODE_DEBUG does not name. Like every logger it tells through
// `enabled` whether it writes, so that hot paths can skip building their arguments.
function disabledDebug() {}
disabledDebug.enabled = false;

// A promise with its resolving functions, for code that settles it from elsewhere.
function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// util.debuglog(section[, callback]): a logger writing `SECTION pid: message` to stderr when
// NODE_DEBUG names the section, a no-op otherwise. Whether it is enabled is decided on first
// use, so modules can create their loggers before the environment is readable.
function debuglog(set, cb) {
  let enabled;
  let impl;
  const init = () => {
    if (impl !== undefined) return;
    set = set.toUpperCase();
    enabled = debugSectionEnabled(set);
    if (!enabled) {
      impl = disabledDebug;
    } else {
      if (set === 'HTTP' || set === 'HTTP2') {
        process.emitWarning(
          `Setting the NODE_DEBUG environment variable to '${set.toLowerCase()}' can expose ` +
            'sensitive data (such as passwords, tokens and authentication headers) in the resulting log.',
        );
      }
      const pid = process.pid;
      impl = function debug(...args) {
        const { format, formatWithOptions, inspect } = require('internal/util/inspect');
        const colors = Boolean(shouldColorize(process.stderr));
        const msg = formatWithOptions({ colors }, ...args);
        process.stderr.write(format('%s %s: %s\n', set, inspect(pid, { colors }), msg));
      };
      impl.enabled = true;
    }
    if (typeof cb === 'function') cb(impl);
  };
  const logger = (...args) => {
    init();
    return impl(...args);
  };
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      if (enabled === undefined) {
        set = set.toUpperCase();
        enabled = debugSectionEnabled(set);
      }
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// node's ExperimentalWarning, once per feature.
const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}

// Blocks the thread for `msec` milliseconds (node's tests use it to let timers fall due).
function sleep(msec) {
  const { validateUint32 } = require('internal/validators');
  validateUint32(msec, 'msec');
  internalBinding('process').op_process_sleep(msec);
}

// A DOMException (the class of the global), its module loaded on first use.
function lazyDOMException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

// A function that calls `callback` the first time only (node's internal util.once).
function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function (...args) {
    if (called) return returnValue;
    called = true;
    const result = callback.apply(this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

// Whether node's `--pending-deprecation` is on (on the command line or in NODE_OPTIONS).
function pendingDeprecation() {
  const proc = globalThis.process;
  if (proc === undefined) return false;
  if (Array.isArray(proc.execArgv) && proc.execArgv.includes('--pending-deprecation')) return true;
  const opts = proc.env && proc.env.NODE_OPTIONS;
  return typeof opts === 'string' && /(^|\s)--pending-deprecation(\s|$)/.test(opts);
}

module.exports = {
  pendingDeprecation,
  once,
  sleep,
  createDeferredPromise,
  emitExperimentalWarning,
  copyOwnProperties,
  debuglog,
  shouldColorize,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  defineLazyProperties,
  deprecate,
  isArrayBufferDetached,
  isError,
  kEmptyObject,
  kEnumerableProperty,
  lazyDOMException,
  promisify,
};
