'use strict';
// node:vm: scripts run in this context or in contexts of their own.
// https://nodejs.org/docs/latest-v20.x/api/vm.html
//
// A context is a new realm of the engine (its own builtins) whose global object is a proxy over
// the contextified object, as node's: reads find the object's properties first and the realm's
// builtins after; assignments and declarations (`var`, functions) land on the object.
// What the engine cannot do is absent or throws ERR_NOT_IMPLEMENTED: `timeout` and
// `breakOnSigint` (nothing can interrupt a running script), code caches, `measureMemory`, and
// the experimental module classes.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');
const {
  kValidateObjectAllowArray,
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  op_vm_create_realm: createRealm,
  op_vm_run: run,
  op_vm_check: checkSyntax,
} = internalBinding('contextify');

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

// The realm of each contextified object.
const realms = new WeakMap();
let defaultContextNameIndex = 1;

// The global object of a context: a proxy whose target holds the realm's builtins, over
// `sandbox`. While the realm is made (`setup`) everything goes to the target.
function contextGlobal(sandbox) {
  const target = Object.create(null);
  let setup = true;
  const onSandbox = (key) => !setup && key in sandbox;
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (onSandbox(key)) return sandbox[key];
      return Reflect.get(t, key, receiver);
    },
    set(t, key, value, receiver) {
      if (setup) return Reflect.set(t, key, value, receiver);
      sandbox[key] = value;
      return true;
    },
    has(t, key) {
      return onSandbox(key) || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const own = Reflect.getOwnPropertyDescriptor(t, key);
      const desc = setup ? undefined : Reflect.getOwnPropertyDescriptor(sandbox, key);
      if (desc === undefined) return own;
      // A proxy may call a property non-configurable only if its target has it so.
      desc.configurable = own === undefined || own.configurable;
      return desc;
    },
    defineProperty(t, key, desc) {
      if (setup) return Reflect.defineProperty(t, key, desc);
      // Declarations (`var`, `function`) define non-configurable globals; the target keeps one
      // too, which a proxy needs to report it so.
      if (desc.configurable === false && !Reflect.getOwnPropertyDescriptor(t, key)) {
        Reflect.defineProperty(t, key, desc);
      }
      return Reflect.defineProperty(sandbox, key, { ...desc, configurable: true });
    },
    deleteProperty(t, key) {
      if (!setup) Reflect.deleteProperty(sandbox, key);
      return Reflect.deleteProperty(t, key);
    },
    ownKeys(t) {
      const keys = new Set(Reflect.ownKeys(sandbox));
      for (const k of Reflect.ownKeys(t)) keys.add(k);
      return [...keys];
    },
  });
  return {
    proxy,
    ready(objectPrototype) {
      Object.setPrototypeOf(target, objectPrototype);
      setup = false;
    },
  };
}

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowArray);
  return realms.has(object);
}

function validateContext(contextifiedObject) {
  if (contextifiedObject === null || typeof contextifiedObject !== 'object' || !realms.has(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function createContext(contextObject = {}, options = kEmptyObject) {
  if (contextObject !== constants.DONT_CONTEXTIFY && isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`,
    origin,
    codeGeneration,
    microtaskMode,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings = true, wasm = true } = codeGeneration;
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
    if (!strings || !wasm) throw new ERR_NOT_IMPLEMENTED('vm codeGeneration restrictions');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  if (microtaskMode !== undefined) throw new ERR_NOT_IMPLEMENTED('vm microtaskMode');

  // A context that is its own, ordinary global object.
  if (contextObject === constants.DONT_CONTEXTIFY) {
    const [realm] = createRealm(undefined);
    const global = run('globalThis', '', realm);
    realms.set(global, realm);
    return global;
  }
  const global = contextGlobal(contextObject);
  const [realm, objectPrototype] = createRealm(global.proxy);
  global.ready(objectPrototype);
  realms.set(contextObject, realm);
  return contextObject;
}

// The run options node takes; what the engine cannot honour throws.
function checkRunOptions(options = kEmptyObject) {
  validateObject(options, 'options');
  const { timeout, displayErrors = true, breakOnSigint = false } = options;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) throw new ERR_NOT_IMPLEMENTED('vm timeout');
  if (breakOnSigint) throw new ERR_NOT_IMPLEMENTED('vm breakOnSigint');
}

const kSource = Symbol('kSource');
const kFilename = Symbol('kFilename');

class Script {
  constructor(code, options = kEmptyObject) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (produceCachedData) throw new ERR_NOT_IMPLEMENTED('vm produceCachedData');
    // The offsets move the code in the file's lines and columns, for its stack traces.
    this[kSource] = '\n'.repeat(Math.max(lineOffset, 0)) + ' '.repeat(Math.max(columnOffset, 0)) + code;
    this[kFilename] = filename;
    // A syntax error shows now, as node compiles here.
    checkSyntax(this[kSource], filename);
    // No code cache is ever used.
    if (cachedData !== undefined) this.cachedDataRejected = true;
  }

  runInThisContext(options) {
    checkRunOptions(options);
    return run(this[kSource], this[kFilename], undefined);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    checkRunOptions(options);
    return run(this[kSource], this[kFilename], realms.get(contextifiedObject));
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    throw new ERR_NOT_IMPLEMENTED('vm.Script.prototype.createCachedData');
  }
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) validateString(contextOptions.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    contextOptions.codeGeneration = options.contextCodeGeneration;
  }
  return contextOptions;
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return new Script(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  return new Script(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return new Script(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = kEmptyObject) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((p, i) => validateString(p, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    parsingContext = undefined,
    contextExtensions = [],
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (parsingContext !== undefined) validateContext(parsingContext);
  validateArray(contextExtensions, 'options.contextExtensions');
  if (contextExtensions.length > 0) throw new ERR_NOT_IMPLEMENTED('vm.compileFunction contextExtensions');
  const source = '\n'.repeat(Math.max(lineOffset, 0)) + ' '.repeat(Math.max(columnOffset, 0)) + code;
  const realm = parsingContext === undefined ? undefined : realms.get(parsingContext);
  return run(`(function (${(params ?? []).join(', ')}) {${source}\n})`, filename, realm);
}

function measureMemory() {
  throw new ERR_NOT_IMPLEMENTED('vm.measureMemory');
}

module.exports = {
  Script,
  createContext,
  createScript(code, options) {
    return new Script(code, options);
  },
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
