'use strict';
// The `process` object: https://nodejs.org/docs/latest-v20.x/api/process.html

const EventEmitter = require('events');
const {
  op_process_config,
  op_process_cwd,
  op_process_chdir,
  op_process_umask,
  op_process_hrtime,
  op_process_hrtime_bigint,
  op_process_uptime,
  op_process_memory_usage,
  op_process_rss,
  op_process_cpu_usage,
  op_process_resource_usage,
  op_process_kill,
  op_process_env_all,
  op_process_env_set,
  op_process_env_unset,
  op_process_really_exit,
  op_process_ids,
} = internalBinding('process');
const {
  op_permission_enabled,
  op_permission_has,
  op_permission_drop,
  op_permission_epoch,
} = internalBinding('permission');
const {
  op_credentials_set_id,
  op_credentials_setgroups,
  op_credentials_initgroups,
  op_credentials_getgroups,
  op_memory_constrained,
  op_memory_available,
} = internalBinding('credentials');
const { op_next_tick, op_host_set_exit_code } = internalBinding('timers');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_CREDENTIAL,
  },
  ErrnoException,
  errorWithCode,
} = require('internal/errors');
const {
  validateFunction,
  validateInteger,
  validateString,
  validateNumber,
  validateObject,
  validateArray,
  validateUint32,
} = require('internal/validators');

// Named like node's so that `util.inspect(process)` reads `process { ... }`.
class process extends EventEmitter {}

const signals = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
  SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24,
  SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

function makeEnv() {
  // The values live in a plain object so that they inspect and enumerate like node's; writes go
  // through to the real environment, and values are always strings. With least authority only
  // the granted variables are there, and they are looked at again when the authority narrows.
  const store = {};
  const fill = () => {
    const flat = op_process_env_all();
    for (const key of Object.keys(store)) delete store[key];
    for (let i = 0; i < flat.length; i += 2) store[flat[i]] = flat[i + 1];
  };
  fill();
  const restricted = op_permission_enabled();
  let epoch = restricted ? op_permission_epoch() : 0;
  const fresh = () => {
    if (restricted && op_permission_epoch() !== epoch) {
      epoch = op_permission_epoch();
      fill();
    }
  };
  const traps = restricted
    ? {
        get(target, key, receiver) {
          fresh();
          return Reflect.get(target, key, receiver);
        },
        has(target, key) {
          fresh();
          return Reflect.has(target, key);
        },
        ownKeys(target) {
          fresh();
          return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(target, key) {
          fresh();
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      }
    : {};
  return new Proxy(store, {
    ...traps,
    set(target, key, value) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      const str = `${value}`;
      op_process_env_set(key, str);
      target[key] = str;
      return true;
    },
    defineProperty(target, key, desc) {
      if (typeof key === 'symbol') return false;
      // Environment variables are plain strings: node refuses accessors, and data descriptors
      // that are not configurable, writable and enumerable all at once.
      if ('get' in desc || 'set' in desc) {
        throw errorWithCode(
          TypeError,
          'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' does not accept an accessor(getter/setter) descriptor",
        );
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw errorWithCode(
          TypeError,
          'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor",
        );
      }
      const str = `${desc.value}`;
      op_process_env_set(key, str);
      target[key] = str;
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key !== 'symbol') op_process_env_unset(key);
      delete target[key];
      return true;
    },
  });
}

function createProcess(opts) {
  const proc = new process();
  const config = op_process_config();

  const versions = {
    node: opts.nodeVersion.slice(1),
    actorjs: opts.actorjsVersion,
    acorn: '8.14.0',
    ada: '2.9.2',
    ares: '1.34.5',
    brotli: '1.1.0',
    cjs_module_lexer: '1.4.1',
    modules: '115',
    napi: '10',
    nghttp2: '1.64.0',
    openssl: '3.0.15+quic',
    uv: '1.46.0',
    v8: '11.3.244.8-node.33',
    zlib: '1.3.0.1-motley',
  };

  const define = (key, value, enumerable = true) =>
    Object.defineProperty(proc, key, { __proto__: null, value, writable: true, configurable: true, enumerable });

  // `Object.prototype.toString.call(process)` is '[object process]' in node.
  Object.defineProperty(proc, Symbol.toStringTag, {
    __proto__: null,
    value: 'process',
    writable: true,
    enumerable: false,
    configurable: false,
  });
  define('version', opts.nodeVersion);
  define('versions', versions);
  define('arch', config.arch);
  define('platform', config.platform);
  define('release', {
    name: 'node',
    lts: 'Iron',
    sourceUrl: `https://nodejs.org/download/release/${opts.nodeVersion}/node-${opts.nodeVersion}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/${opts.nodeVersion}/node-${opts.nodeVersion}-headers.tar.gz`,
  });
  define('argv', config.argv);
  define('execArgv', config.execArgv);
  define('execPath', config.execPath);
  define('argv0', 'node', false);
  define('title', 'node');
  define('pid', config.pid);
  define('ppid', config.ppid);
  define('env', makeEnv());
  if (op_permission_enabled()) {
    // As node with --permission: `process.permission.has`, and actorjs's `drop`, which narrows
    // the authority (never widens it).
    const fsScopes = new Set(['fs', 'fs.read', 'fs.write']);
    const reference = (scope, ref) => {
      if (ref == null) return undefined;
      // As node: a Buffer names a path by its bytes; anything else must be a string.
      if (Buffer.isBuffer(ref)) ref = ref.toString();
      else validateString(ref, 'reference');
      return fsScopes.has(scope) ? require('path').resolve(ref) : ref;
    };
    const permission = {
      has(scope, ref) {
        validateString(scope, 'scope');
        return op_permission_has(scope, reference(scope, ref));
      },
    };
    Object.defineProperty(permission, 'drop', {
      __proto__: null,
      value: function drop(scope, ref) {
        validateString(scope, 'scope');
        op_permission_drop(scope, reference(scope, ref));
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
    Object.defineProperty(proc, 'permission', {
      __proto__: null,
      value: permission,
      enumerable: true,
      configurable: false,
      writable: false,
    });
  }
  define('features', {
    inspector: false,
    debug: false,
    uv: true,
    ipv6: true,
    tls_alpn: false,
    tls_sni: false,
    tls_ocsp: false,
    tls: false,
    cached_builtins: true,
    require_module: true,
    typescript: false,
  });
  define('config', deepFreeze({
    target_defaults: {
      cflags: [],
      default_configuration: 'Release',
      defines: [],
      include_dirs: [],
      libraries: [],
    },
    variables: {
      asan: 0,
      coverage: false,
      host_arch: config.arch,
      icu_small: false,
      is_debug: 0,
      llvm_version: '0.0',
      napi_build_version: '10',
      node_builtin_shareable_builtins: [],
      node_module_version: 115,
      node_shared: false,
      node_shared_openssl: false,
      node_use_openssl: false,
      node_use_v8_platform: true,
      openssl_is_fips: false,
      shlib_suffix: 'so.115',
      target_arch: config.arch,
      v8_enable_i18n_support: 0,
      v8_enable_inspector: 0,
      v8_no_strict_aliasing: 1,
      v8_optimized_debug: 1,
      v8_promise_internal_field_count: 1,
      v8_use_siphash: 1,
      want_separate_host_toolset: 0,
    },
  }));
  define('allowedNodeEnvironmentFlags', new Set());
  define('debugPort', 9229);
  define('_exiting', false, false);
  define('moduleLoadList', [], false);
  define('emitWarning', emitWarning);

  let exitCode;
  Object.defineProperty(proc, 'exitCode', {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() {
      return exitCode;
    },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        // An integer string counts as its number, as in node.
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        validateInteger(value, 'code');
        op_host_set_exit_code(value);
      } else {
        op_host_set_exit_code(0);
      }
      exitCode = code;
    },
  });

  proc.cwd = function cwd() {
    return op_process_cwd();
  };
  proc.chdir = function chdir(directory) {
    validateString(directory, 'directory');
    op_process_chdir(directory);
  };
  proc.umask = function umask(mask) {
    if (mask === undefined) return op_process_umask();
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        throw new ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      }
      mask = parseInt(mask, 8);
    } else {
      validateNumber(mask, 'mask');
    }
    return op_process_umask(mask);
  };
  proc.hrtime = function hrtime(time) {
    const [s, ns] = op_process_hrtime();
    if (time !== undefined) {
      if (!Array.isArray(time)) throw new ERR_INVALID_ARG_TYPE('time', 'Array', time);
      if (time.length !== 2) throw new ERR_OUT_OF_RANGE('time', 2, time.length);
      let sec = s - time[0];
      let nsec = ns - time[1];
      if (nsec < 0) {
        sec -= 1;
        nsec += 1e9;
      }
      return [sec, nsec];
    }
    return [s, ns];
  };
  proc.hrtime.bigint = function bigint() {
    return op_process_hrtime_bigint();
  };
  proc.uptime = function uptime() {
    return op_process_uptime();
  };
  proc.memoryUsage = function memoryUsage() {
    return op_process_memory_usage();
  };
  proc.memoryUsage.rss = function rss() {
    return op_process_rss();
  };
  proc.cpuUsage = function cpuUsage(prevValue) {
    // As node: a previous value must have the shape this returns.
    if (prevValue) {
      if (!previousValueIsValid(prevValue.user)) {
        validateObject(prevValue, 'prevValue');
        validateNumber(prevValue.user, 'prevValue.user');
        throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user', prevValue.user);
      }
      if (!previousValueIsValid(prevValue.system)) {
        validateNumber(prevValue.system, 'prevValue.system');
        throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system', prevValue.system);
      }
    }
    const now = op_process_cpu_usage();
    if (prevValue) return { user: now.user - prevValue.user, system: now.system - prevValue.system };
    return now;
  };
  proc.constrainedMemory = function constrainedMemory() {
    return op_memory_constrained();
  };
  proc.availableMemory = function availableMemory() {
    return op_memory_available();
  };
  proc.resourceUsage = function resourceUsage() {
    return op_process_resource_usage();
  };
  // As node's: the signalling goes through `process._kill`, which answers 0 or -errno.
  proc.kill = function kill(pid, sig) {
    let err;
    if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    if (sig === (sig | 0)) {
      err = proc._kill(pid, sig);
    } else {
      sig = sig || 'SIGTERM';
      if (typeof sig === 'string' && Object.prototype.hasOwnProperty.call(signals, sig)) {
        err = proc._kill(pid, signals[sig]);
      } else {
        throw new ERR_UNKNOWN_SIGNAL(sig);
      }
    }
    if (err) throw new ErrnoException(err, 'kill');
    return true;
  };
  define('_kill', function _kill(pid, sig) {
    return op_process_kill(pid, sig);
  }, false);
  // The variables of a .env file (`./.env` by default) that the environment does not have yet.
  proc.loadEnvFile = function loadEnvFile(path = undefined) {
    if (path != null) path = require('internal/fs/utils').getValidatedPath(path);
    else path = '.env';
    const content = require('fs').readFileSync(path, 'utf8');
    const env = proc.env;
    for (const [key, value] of require('internal/dotenv').parseContent(content)) {
      if (!Object.prototype.hasOwnProperty.call(env, key)) env[key] = value;
    }
  };
  proc.nextTick = function nextTick(callback, ...args) {
    validateFunction(callback, 'callback');
    // Once 'exit' is under way the tick queue is never run again; node drops new ticks.
    if (proc._exiting) return;
    // The arguments go as one array: spreading them into the call costs the engine an iterator.
    op_next_tick(callback, args);
  };
  proc.exit = function exit(code) {
    if (code !== undefined) proc.exitCode = code;
    if (!proc._exiting) {
      proc._exiting = true;
      proc.emit('exit', proc.exitCode || 0);
    }
    // Through `process.reallyExit`, which programs patch, as node does.
    proc.reallyExit(proc.exitCode || 0);
  };
  proc.reallyExit = function reallyExit(code) {
    op_process_really_exit(code | 0);
  };
  proc.abort = function abort() {
    op_process_kill(config.pid, signals.SIGABRT);
  };
  proc.getuid = () => op_process_ids()[0];
  proc.geteuid = () => op_process_ids()[1];
  proc.getgid = () => op_process_ids()[2];
  proc.getegid = () => op_process_ids()[3];
  proc.getgroups = function getgroups() {
    const groups = op_credentials_getgroups();
    if (typeof groups[1] === 'string') throw credentialError(groups, 'getgroups');
    return groups;
  };
  Object.assign(proc, credentialSetters());
  proc.binding = function binding(name) {
    throw new Error(`No such module: ${name}`);
  };
  proc.setUncaughtExceptionCaptureCallback = function (fn) {
    if (fn !== null) validateFunction(fn, 'fn');
    captureCallback = fn;
  };
  proc.hasUncaughtExceptionCaptureCallback = () => captureCallback !== null;
  // With full authority, as node without --permission.
  if (!('permission' in proc)) proc.permission = undefined;
  proc.report = undefined;

  return proc;
}

let captureCallback = null;

// Node's process.cpuUsage() checks: a count of microseconds.
function previousValueIsValid(num) {
  return typeof num === 'number' && num <= Number.MAX_SAFE_INTEGER && num >= 0;
}

function deepFreeze(object) {
  for (const value of Object.values(object)) {
    if (value !== null && typeof value === 'object') deepFreeze(value);
  }
  return Object.freeze(object);
}

// Node's errno error from a credential call the kernel refused: `EPERM, Operation not permitted`.
function credentialError([errno, text], syscall) {
  const code = require('util').getSystemErrorName(-errno);
  const err = new Error(`${code}, ${text}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

// process.setuid and friends, as node's wrapPosixCredentialSetters.
function credentialSetters() {
  function validateId(id, name) {
    if (typeof id === 'number') validateUint32(id, name);
    else if (typeof id !== 'string') throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
  function checked(result, syscall) {
    if (typeof result === 'object') throw credentialError(result, syscall);
    return result;
  }
  function idSetter(type, syscall) {
    return {
      [syscall](id) {
        validateId(id, 'id');
        if (typeof id === 'number') id >>>= 0;
        if (checked(op_credentials_set_id(syscall, id), syscall) === 1) {
          throw new ERR_UNKNOWN_CREDENTIAL(type, id);
        }
      },
    }[syscall];
  }
  return {
    initgroups(user, extraGroup) {
      validateId(user, 'user');
      validateId(extraGroup, 'extraGroup');
      const result = checked(op_credentials_initgroups(user, extraGroup), 'initgroups');
      if (result === 1) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
      if (result === 2) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
    },
    setgroups(groups) {
      validateArray(groups, 'groups');
      for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
      const result = checked(op_credentials_setgroups(groups), 'setgroups');
      if (result > 0) throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[result - 1]);
    },
    setegid: idSetter('Group', 'setegid'),
    seteuid: idSetter('User', 'seteuid'),
    setgid: idSetter('Group', 'setgid'),
    setuid: idSetter('User', 'setuid'),
  };
}

// process.emitWarning(warning[, type[, code]][, ctor]) / (warning, options).
function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type || 'Warning', code, ctor || emitWarning, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (globalThis.process.noDeprecation) return;
    if (globalThis.process.throwDeprecation) throw warning;
  }
  globalThis.process.nextTick(() => globalThis.process.emit('warning', warning));
}

function createWarning(message, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const warning = new Error(message);
  Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  Error.captureStackTrace(warning, ctor);
  return warning;
}

// The default 'warning' handler: `(node:PID) [CODE] Type: message` on stderr.
function onWarning(warning) {
  const proc = globalThis.process;
  if (proc.noProcessWarnings || proc.execArgv.includes('--no-warnings')) return;
  const trace = proc.traceProcessWarnings || (proc.execArgv.includes('--trace-warnings'));
  let msg = `(node:${proc.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !warnedAboutTrace) {
    warnedAboutTrace = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
  }
  proc.stderr.write(`${msg}\n`);
}

let warnedAboutTrace = false;

module.exports = {
  createProcess,
  onWarning,
  signals,
  get captureCallback() {
    return captureCallback;
  },
};
