'use strict';
// CommonJS modules: https://nodejs.org/docs/latest-v20.x/api/modules.html
//
// Resolution, reading and compiling are native (internalBinding('modules')); this file keeps
// node's Module objects, the cache, cycles (a module required while it loads gets its partial
// exports), `require.resolve`, `require.cache`, `require.main` and node's error messages.

const path = require('path');
const {
  op_module_resolve,
  op_module_format,
  op_module_read,
  op_module_compile_cjs,
  op_module_paths,
  op_module_import_sync,
  op_module_is_builtin,
  op_module_builtins,
  op_module_package_scope,
  op_module_stat,
  op_script_run,
} = internalBinding('modules');
const { wrappedFiles } = require('internal/errors_stack');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_BUILTIN_MODULE, ERR_INVALID_ARG_TYPE, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateString } = require('internal/validators');

let builtinRequire;
const kIsMainSymbol = Symbol('kIsMainSymbol');
const kModuleParent = Symbol('kModuleParent');
const builtinModules = Object.freeze(op_module_builtins());

function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwn(this, 'exports', {});
  this[kModuleParent] = parent;
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Object.defineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get() {
    return this[kModuleParent];
  },
  set(value) {
    this[kModuleParent] = value;
  },
  configurable: true,
  enumerable: false,
});

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
Module.builtinModules = builtinModules;
Module.isBuiltin = function isBuiltin(moduleName) {
  return op_module_is_builtin(`${moduleName}`);
};
// Module.wrap and Module.wrapper: when a program replaces either, as node, modules compile from
// the wrapped text from then on (the engine's own wrapper is used otherwise).
let wrap = function wrap(script) {
  return `${wrapper[0]}${script}${wrapper[1]}`;
};
const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrapperPatched = false;
const wrapperProxy = new Proxy(wrapper, {
  __proto__: null,
  set(target, property, value, receiver) {
    wrapperPatched = true;
    return Reflect.set(target, property, value, receiver);
  },
  defineProperty(target, property, descriptor) {
    wrapperPatched = true;
    return Reflect.defineProperty(target, property, descriptor);
  },
});
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  get() {
    return wrap;
  },
  set(value) {
    wrapperPatched = true;
    wrap = value;
  },
  enumerable: true,
  configurable: true,
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  get() {
    return wrapperProxy;
  },
  set(value) {
    wrapperPatched = true;
    wrapper[0] = value[0];
    wrapper[1] = value[1];
  },
  enumerable: true,
  configurable: true,
});

// The global folders node looks in after node_modules: $NODE_PATH, ~/.node_modules,
// ~/.node_libraries and <prefix>/lib/node, set by Module._initPaths.
let modulePaths = [];
Module._initPaths = function _initPaths() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(path.resolve(homeDir, '.node_libraries'));
    paths.unshift(path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  modulePaths = paths;
  Module.globalPaths = modulePaths.slice();
};
// 0 for a file, 1 for a directory, a negative errno otherwise.
Module._stat = function _stat(filename) {
  return op_module_stat(path.toNamespacedPath(filename));
};
Module._nodeModulePaths = function _nodeModulePaths(from) {
  return op_module_paths(path.resolve(from));
};
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
Module.findSourceMap = function findSourceMap() {
  return undefined;
};
Module.register = function register() {
  throw new ERR_NOT_IMPLEMENTED('module.register()');
};

function loadBuiltin(id) {
  const name = id.startsWith('node:') ? id.slice(5) : id;
  return builtinRequire(name);
}

function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = cursor[kModuleParent]) {
    stack.push(cursor.filename || cursor.id);
  }
  return stack;
}

Module._resolveLookupPaths = function (request, parent) {
  if (op_module_is_builtin(request)) return null;
  if (request.charAt(0) !== '.' || (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    const paths = parent?.paths?.length ? parent.paths.concat(modulePaths) : modulePaths;
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

Module._resolveFilename = function (request, parent, isMain, options) {
  // An unknown `node:` name resolves like any other and is not found (require itself refuses
  // it earlier, with ERR_UNKNOWN_BUILTIN_MODULE).
  if (op_module_is_builtin(request)) return request;
  let bases;
  if (options?.paths) {
    if (!Array.isArray(options.paths)) throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    bases = options.paths.map((p) => path.join(path.resolve(p), 'x'));
  } else {
    bases = [parent?.filename ?? (parent?.id && parent.id !== '.' ? parent.id : null)];
  }
  // A `#specifier` goes through "imports" only when the nearest package.json has that field;
  // otherwise node looks it up like any other name, and fails with MODULE_NOT_FOUND.
  const viaImports = request.charAt(0) !== '#' || hasImportsField(bases[0]);
  for (const base of viaImports ? bases : []) {
    const r = op_module_resolve(request, base, 'require');
    if (typeof r === 'string') return r;
    if (r.failed === 'error') throw requireFlavoured(r.error);
  }
  // A bare name not found in any node_modules: the global folders ($NODE_PATH first).
  if (!options?.paths && isBareSpecifier(request)) {
    for (const dir of modulePaths) {
      const r = op_module_resolve(path.resolve(dir, request), null, 'require');
      if (typeof r === 'string') return r;
    }
  }
  const requireStack = requireStackOf(parent);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

function isBareSpecifier(request) {
  return !path.isAbsolute(request) && !/^\.\.?(\/|$)/.test(request) && request.charAt(0) !== '#';
}

function hasImportsField(base) {
  if (typeof base !== 'string') return false;
  const scope = op_module_package_scope(path.dirname(base));
  if (scope === null) return false;
  try {
    const json = JSON.parse(op_module_read(path.join(scope, 'package.json')));
    return json !== null && typeof json === 'object' && json.imports != null;
  } catch {
    return false;
  }
}

// The resolver words package errors for `import`; for `require` node names no importer when the
// error is about what a package exports (its resolution has no base URL there).
function requireFlavoured(err) {
  if (
    err !== null &&
    typeof err === 'object' &&
    (err.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || err.code === 'ERR_INVALID_PACKAGE_TARGET') &&
    typeof err.message === 'string'
  ) {
    const at = err.message.indexOf(' imported from ');
    if (at !== -1) err.message = err.message.slice(0, at);
  }
  return err;
}

Module._load = function (request, parent, isMain) {
  if (request.startsWith('node:')) {
    if (!op_module_is_builtin(request)) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    return loadBuiltin(request);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  // The cache comes first, builtins' names included (`require.cache.fs = ...`), as in node.
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached, true);
    return cached.exports;
  }
  if (op_module_is_builtin(filename) && !path.isAbsolute(filename)) {
    return loadBuiltin(filename);
  }
  const module = new Module(filename, parent);
  if (isMain) {
    setOwn(process, 'mainModule', module);
    module.id = '.';
    module[kIsMainSymbol] = true;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      const children = parent?.children;
      if (Array.isArray(children)) {
        const index = children.indexOf(module);
        if (index !== -1) children.splice(index, 1);
      }
    }
  }
  return module.exports;
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function (filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function (id) {
  validateString(id, 'id');
  if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

Module.prototype._compile = function (content, filename) {
  const compiled = wrapperPatched ? op_script_run(wrap(content), filename) : op_module_compile_cjs(content, filename);
  wrappedFiles.add(filename);
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  return compiled.call(exports, exports, require, this, filename, dirname);
};

// require() of an ES module gives its namespace (node 20.19+), or what it exports as
// "module.exports".
function requireESM(module, filename) {
  const namespace = op_module_import_sync(filename);
  let exports;
  if ('module.exports' in namespace) {
    exports = namespace['module.exports'];
  } else if ('default' in namespace && !('__esModule' in namespace)) {
    exports = withEsModuleFlag(namespace);
  } else {
    exports = namespace;
  }
  setOwn(module, 'exports', exports);
}

// node gives require() of an ES module with a default export a namespace that also has
// `__esModule: true`, so that code compiled from ESM to CommonJS finds the default export there.
// The engine cannot make a module namespace from JS; this is an object with a namespace's shape
// (null prototype, sorted non-configurable keys, tag 'Module', not extensible) holding the
// values the bindings have once the module has been evaluated.
function withEsModuleFlag(namespace) {
  const facade = Object.create(null);
  const keys = [...Object.keys(namespace), '__esModule'].sort();
  for (const key of keys) {
    Object.defineProperty(facade, key, {
      __proto__: null,
      value: key === '__esModule' ? true : namespace[key],
      writable: true,
      enumerable: true,
      configurable: false,
    });
  }
  Object.defineProperty(facade, Symbol.toStringTag, { __proto__: null, value: 'Module' });
  return Object.preventExtensions(facade);
}

// As in node 20, only .js, .json and .node are registered: .cjs, .mjs and unknown extensions
// go through the .js loader, which asks the file's format (extension, then package "type").
Module._extensions['.js'] = function (module, filename) {
  if (op_module_format(filename) === 'module') {
    requireESM(module, filename);
    return;
  }
  module._compile(op_module_read(filename), filename);
};

Module._extensions['.json'] = function (module, filename) {
  const content = op_module_read(filename);
  try {
    setOwn(module, 'exports', JSON.parse(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function (module, filename) {
  throw new ERR_NOT_IMPLEMENTED(`loading the native addon ${filename}`);
};

function makeRequireFunction(mod) {
  const require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwn(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE(
      'filename',
      filename,
      'must be a file URL object, file URL string, or absolute path string',
    );
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.Module = Module;

// Loads a CommonJS file for `import` (its exports become the ES module's default).
function loadCommonJs(filename) {
  return Module._load(filename, null, false);
}

function init(require) {
  builtinRequire = require;
  Module._initPaths();
}

module.exports = { Module, init, loadCommonJs, makeRequireFunction };
void ERR_INVALID_ARG_TYPE;
