'use strict';
// Sets up a context the way node starts one: V8-style error stacks, the global scope (every
// global non-enumerable, as node's), `process`, the module system, and the hooks the host's
// event loop calls. Returns the runners for each kind of entry point.

const { install: installStacks, frameLines } = require('internal/errors_stack');

installStacks();

const utilBinding = internalBinding('util');
const typesBinding = internalBinding('types');

// Proxies are recorded as they are made, so util.inspect can show a proxy's target and handler
// (the engine keeps them private).
(function trackProxies() {
  const EngineProxy = globalThis.Proxy;
  const details = new WeakMap();
  function Proxy(target, handler) {
    if (new.target === undefined) throw new TypeError("Constructor Proxy requires 'new'");
    const proxy = new EngineProxy(target, handler);
    details.set(proxy, [target, handler]);
    return proxy;
  }
  Object.defineProperty(Proxy, 'revocable', {
    __proto__: null,
    writable: true,
    configurable: true,
    enumerable: false,
    value: function revocable(target, handler) {
      const r = EngineProxy.revocable(target, handler);
      details.set(r.proxy, [target, handler]);
      const revoke = r.revoke;
      r.revoke = () => {
        details.set(r.proxy, [null, null]);
        revoke();
      };
      return r;
    },
  });
  // The engine's Proxy has no prototype property; a function's cannot be deleted, only emptied.
  Proxy.prototype = undefined;
  Object.defineProperty(globalThis, 'Proxy', { __proto__: null, value: Proxy, writable: true, configurable: true, enumerable: false });
  utilBinding.getProxyDetails = function getProxyDetails(value, showProxy = true) {
    const d = details.get(value);
    if (d === undefined) return undefined;
    return showProxy ? d : d[0];
  };
})();

// Function kinds and arguments objects, recognised by their intrinsic prototypes and tags.
(function completeTypes() {
  const AsyncFunction = Object.getPrototypeOf(async function () {});
  const GeneratorFunction = Object.getPrototypeOf(function* () {});
  const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {});
  const inChain = (value, proto) => {
    for (let p = Object.getPrototypeOf(value); p !== null; p = Object.getPrototypeOf(p)) {
      if (p === proto) return true;
    }
    return false;
  };
  typesBinding.isAsyncFunction = (v) =>
    typeof v === 'function' && (inChain(v, AsyncFunction) || inChain(v, AsyncGeneratorFunction));
  typesBinding.isGeneratorFunction = (v) =>
    typeof v === 'function' && (inChain(v, GeneratorFunction) || inChain(v, AsyncGeneratorFunction));
  typesBinding.isArgumentsObject = (v) =>
    v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Arguments]';
  typesBinding.isModuleNamespaceObject = (v) =>
    v !== null &&
    typeof v === 'object' &&
    Object.getPrototypeOf(v) === null &&
    !Object.isExtensible(v) &&
    v[Symbol.toStringTag] === 'Module';
})();

// -e and -p see the builtin modules as globals, loaded on first use, as node's
// addBuiltinLibsToObject makes them: not the underscored ones, not subpaths, nothing already
// defined; assigning one replaces it with a plain property.
function addBuiltinLibsToObject(object, require) {
  for (const name of require('module').builtinModules) {
    if (name.startsWith('_') || name.includes('/') || Object.prototype.hasOwnProperty.call(object, name)) continue;
    const setReal = (value) => {
      delete object[name];
      object[name] = value;
    };
    Object.defineProperty(object, name, {
      __proto__: null,
      get() {
        const lib = require(name);
        Object.defineProperty(object, name, {
          __proto__: null,
          get: () => lib,
          set: setReal,
          configurable: true,
          enumerable: false,
        });
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }
}

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    value,
    writable: true,
    configurable: true,
    enumerable,
  });
}

// A global made on first use. It stays an accessor afterwards: replacing an accessor with a data
// property confuses Boa 0.22's property caches (a later read through a warm cache calls the value
// as if it were the getter), so the getter keeps the value instead.
function defineLazyGlobal(name, load, enumerable = false) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(v) {
      value = v;
      loaded = true;
    },
  });
}

function setup(opts) {
  const processInternals = require('internal/process');
  const { createProcess, onWarning } = processInternals;
  const process = createProcess(opts);
  // node's global object: tagged 'global', with its enumerable names first, in node's order.
  Object.defineProperty(globalThis, Symbol.toStringTag, {
    __proto__: null,
    value: 'global',
    writable: false,
    enumerable: false,
    configurable: true,
  });
  defineGlobal('global', globalThis, true);
  defineGlobal('process', process);
  if (process.execArgv.includes('--expose-gc')) {
    const { op_gc } = internalBinding('errors');
    defineGlobal('gc', function gc() {
      op_gc();
    });
  }

  const { getStdioStream } = require('internal/process/stdio');
  Object.defineProperty(process, 'stdout', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return getStdioStream(1);
    },
  });
  Object.defineProperty(process, 'stderr', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return getStdioStream(2);
    },
  });
  let stdin;
  Object.defineProperty(process, 'stdin', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      stdin ??= require('internal/process/stdin').create();
      return stdin;
    },
  });
  // Old API, still in node: starts reading standard input and returns the stream.
  process.openStdin = function () {
    process.stdin.resume();
    return process.stdin;
  };
  process.on('warning', onWarning);
  // A listener for a signal name catches that signal (internal/process/signal, loaded then).
  const { signals } = processInternals;
  process.on('newListener', function startListeningIfSignal(type) {
    if (typeof type === 'string' && signals[type] !== undefined) {
      require('internal/process/signal').startListeningIfSignal(type);
    }
  });
  process.on('removeListener', function stopListeningIfSignal(type) {
    if (typeof type === 'string' && signals[type] !== undefined) {
      require('internal/process/signal').stopListeningIfSignal(type);
    }
  });

  const timers = require('internal/timers');
  defineGlobal('clearImmediate', timers.clearImmediate, true);
  defineGlobal('setImmediate', timers.setImmediate, true);
  defineGlobal('clearInterval', timers.clearInterval, true);
  defineGlobal('clearTimeout', timers.clearTimeout, true);
  defineGlobal('setInterval', timers.setInterval, true);
  defineGlobal('setTimeout', timers.setTimeout, true);

  const { op_queue_microtask } = internalBinding('timers');
  const { validateFunction } = require('internal/validators');
  defineGlobal(
    'queueMicrotask',
    function queueMicrotask(callback) {
      validateFunction(callback, 'callback');
      op_queue_microtask(callback);
    },
    true,
  );
  // A data property like node's; the implementation loads on the first call.
  defineGlobal(
    'structuredClone',
    function structuredClone(...args) {
      return require('internal/structured_clone').structuredClone(...args);
    },
    true,
  );

  defineLazyGlobal('console', () => require('internal/console').createGlobalConsole());

  defineLazyGlobal('EventTarget', () => require('internal/event_target').EventTarget);
  defineLazyGlobal('Event', () => require('internal/event_target').Event);
  defineLazyGlobal('CustomEvent', () => require('internal/event_target').CustomEvent);
  defineLazyGlobal('AbortController', () => require('internal/abort_controller').AbortController);
  defineLazyGlobal('AbortSignal', () => require('internal/abort_controller').AbortSignal);
  defineLazyGlobal('DOMException', () => require('internal/dom_exception').DOMException);
  require('bootstrap/web_globals').install(defineGlobal, defineLazyGlobal);

  // The module system.
  const loaders = require('internal/modules/cjs_loader');
  const { Module, makeRequireFunction, loadCommonJs } = loaders;
  const builtinRequire = require;
  loaders.init(builtinRequire);
  const path = require('path');
  const {
    op_module_run_esm,
    op_module_format,
    op_module_read,
    op_script_run,
  } = internalBinding('modules');
  const { op_trigger_uncaught } = internalBinding('errors');
  const { op_host_set_hooks } = internalBinding('timers');
  internalBinding('modules').op_module_set_hooks({ builtinRequire, loadCommonJs });

  op_host_set_hooks({
    runTimer: timers.runTimer,
    runImmediate: timers.runImmediate,
    emit(name, code) {
      if (name === 'exit') {
        if (process._exiting) return;
        process._exiting = true;
        // A fatal exception exits with 1, and 'exit' listeners see it, as in node.
        if (code !== undefined) process.exitCode = code;
        process.emit('exit', process.exitCode || 0);
      } else if (name === 'beforeExit') {
        process.emit('beforeExit', process.exitCode || 0);
      } else {
        process.emit(name);
      }
    },
    fatalException(er) {
      process.emit('uncaughtExceptionMonitor', er, 'uncaughtException');
      const capture = processInternals.captureCallback;
      if (capture !== null) {
        capture(er);
        return true;
      }
      if (process.listenerCount('uncaughtException') > 0) {
        process.emit('uncaughtException', er, 'uncaughtException');
        return true;
      }
      return false;
    },
    unhandledRejection(promise, reason) {
      if (process.listenerCount('unhandledRejection') > 0) {
        process.emit('unhandledRejection', reason, promise);
        return true;
      }
      const err = isErrorLike(reason) ? reason : unhandledRejectionError(reason);
      process.emit('uncaughtExceptionMonitor', err, 'unhandledRejection');
      if (process.listenerCount('uncaughtException') > 0) {
        process.emit('uncaughtException', err, 'unhandledRejection');
        return true;
      }
      return err;
    },
    rejectionHandled(promise) {
      process.emit('rejectionHandled', promise);
    },
    formatFatal,
  });

  function isErrorLike(value) {
    return typesBinding.isNativeError(value) || value instanceof Error;
  }

  function unhandledRejectionError(reason) {
    const { inspect } = require('internal/util/inspect');
    const err = new Error(
      'This error originated either by throwing inside of an async function without a catch ' +
        'block, or by rejecting a promise which was not handled with .catch(). The promise ' +
        `rejected with the reason "${inspect(reason)}".`,
    );
    err.name = 'UnhandledPromiseRejection';
    err.code = 'ERR_UNHANDLED_REJECTION';
    return err;
  }

  // What node prints for an uncaught exception: where it was thrown, the error, the version.
  function formatFatal(er) {
    const { inspect } = require('internal/util/inspect');
    let header = '';
    let body;
    if (isErrorLike(er)) {
      const top = frameLines(er)[0];
      const m = top && (/\((\/.*):(\d+):(\d+)\)$/.exec(top) || /at (\/.*):(\d+):(\d+)$/.exec(top));
      if (m) {
        try {
          const line = op_module_read(m[1]).split('\n')[Number(m[2]) - 1];
          if (line !== undefined) {
            header = `${m[1]}:${m[2]}\n${line}\n${' '.repeat(Math.max(0, Number(m[3]) - 1))}^\n\n`;
          }
        } catch {
          // The source is not readable: no header, as for errors from node's internals.
        }
      }
      try {
        // As node's afterInspector: own inspect methods are skipped (an AssertionError shows its
        // actual and expected in full, not at depth 0) and nesting goes at least 5 deep.
        const { shouldColorize } = require('internal/util');
        body = inspect(er, {
          colors: shouldColorize(process.stderr) || inspect.defaultOptions.colors,
          customInspect: false,
          depth: Math.max(inspect.defaultOptions.depth, 5),
        });
      } catch {
        body = String(er.stack || er);
      }
    } else {
      body = `${inspect(er)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)`;
    }
    return `${header}${body}\n\nactorjs v${process.versions.actorjs} (Node.js ${process.version})\n`;
  }

  // A process a parent forked talks to it over the channel NODE_CHANNEL_FD names, as node's
  // pre-execution sets it up.
  function setupChildProcessIpcChannel() {
    if (!process.env.NODE_CHANNEL_FD) return;
    const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
    // Make sure it's not accidentally inherited by child processes.
    delete process.env.NODE_CHANNEL_FD;
    const serializationMode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
    delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
    require('child_process')._forkChild(fd, serializationMode);
  }

  function runMain(file) {
    const mainPath = Module._resolveFilename(file, null, true);
    setupChildProcessIpcChannel();
    for (const request of opts.preload) preload(request);
    if (op_module_format(mainPath) === 'module') {
      const promise = op_module_run_esm(mainPath);
      promise.then(undefined, (err) => op_trigger_uncaught(err));
      return;
    }
    Module._load(mainPath, null, true);
  }

  function preload(request) {
    const parent = new Module('internal/preload', null);
    parent.paths = Module._nodeModulePaths(process.cwd());
    parent.filename = path.join(process.cwd(), '[preload]');
    Module._load(request, parent, false);
  }

  function evalScript(name, source) {
    setupChildProcessIpcChannel();
    for (const request of opts.preload) preload(request);
    const cwd = process.cwd();
    const module = new Module(name);
    module.filename = path.join(cwd, name);
    module.paths = Module._nodeModulePaths(cwd);
    const require = makeRequireFunction(module);
    defineGlobal('module', module);
    defineGlobal('exports', module.exports);
    defineGlobal('__filename', name);
    defineGlobal('__dirname', '.');
    defineGlobal('require', require);
    if (name === '[eval]') addBuiltinLibsToObject(globalThis, require);
    const result = op_script_run(source, name);
    if (opts.print) {
      process.on('exit', () => console.log(result));
    }
  }

  return {
    runMain,
    runEval: (source) => evalScript('[eval]', source),
    runStdin: (source) => evalScript('[stdin]', source),
    runRepl: () => require('internal/repl').start(),
  };
}

module.exports = { setup };
