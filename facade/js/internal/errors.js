'use strict';
// Node's error codes: https://nodejs.org/docs/latest-v20.x/api/errors.html#nodejs-error-codes
//
// Each code is a subclass of Error, TypeError or RangeError whose instances carry `code`, print as
// `TypeError [ERR_X]: message` and have exactly Node's message for the same arguments.

const kIsNodeError = Symbol('kIsNodeError');
const codes = {};
const messages = new Map();

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

// Builds the message from a string with %s/%d/%i/%j placeholders or a function.
function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') {
    return msg.apply(self, args);
  }
  const expected = (msg.match(/%[dfijoOs]/g) || []).length;
  if (args.length !== expected) {
    throw new Error(
      `Code: ${key}; The provided arguments length (${args.length}) does not match the ` +
        `required ones (${expected}).`,
    );
  }
  if (args.length === 0) return msg;
  return lazyInspect().format(msg, ...args);
}

// `code` is an own enumerable property, created right after the base constructor returns (as a
// class field would be); function messages are computed with the error as `this`, so that they
// can attach extra properties. Instances claim `Base` as their constructor, which makes
// inspect show them as `TypeError [ERR_X]: ...` rather than as NodeError.
function makeNodeErrorWithCode(Base, key) {
  const msg = messages.get(key);
  return class NodeError extends Base {
    constructor(...args) {
      if (typeof msg === 'function') {
        super();
        defineCode(this, key);
        Object.defineProperty(this, 'message', {
          value: getMessage(key, args, this),
          enumerable: false,
          writable: true,
          configurable: true,
        });
      } else {
        super(getMessage(key, args, undefined));
        defineCode(this, key);
      }
      addCodeToStack(this, key);
    }

    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${key}]: ${this.message}`;
    }
  };
}

function defineCode(err, key) {
  Object.defineProperty(err, 'code', { value: key, enumerable: true, writable: true, configurable: true });
}

// Node's stack formatter starts the stack of its own errors with `TypeError [ERR_X]: message`.
// Engines format the header from name and message alone, so it is rewritten once here.
function addCodeToStack(err, key) {
  let stack;
  try {
    stack = err.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  const name = String(err.name);
  const plain = err.message === '' ? name : `${name}: ${err.message}`;
  if (stack !== plain && !stack.startsWith(`${plain}\n`)) return;
  Object.defineProperty(err, 'stack', {
    value: `${name} [${key}]: ${err.message}${stack.slice(plain.length)}`,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

// An error with a code but a fixed message, as Node's native layer throws them (it words some
// messages differently from the JS error of the same code): a plain TypeError or RangeError with
// an own `code`, which neither its stack nor toString() shows.
function errorWithCode(Base, key, message) {
  const err = new Base(message);
  defineCode(err, key);
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, errorWithCode);
  return err;
}

function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  def = makeNodeErrorWithCode(def, sym);
  if (otherClasses.length !== 0) {
    for (const clazz of otherClasses) {
      def[clazz.name] = makeNodeErrorWithCode(clazz, sym);
    }
  }
  codes[sym] = def;
}

// Joins a list as English: "a", "a or b", "a, b, or c".
function formatList(array, type = 'and') {
  return array.length < 3
    ? array.join(` ${type} `)
    : `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${val.slice(i - 3, i)}${res}`;
  }
  return `${val.slice(0, i)}${res}`;
}

// "type number (1)", "an instance of Object", "function f", ... for "Received ..." messages.
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${lazyInspect().inspect(value, { depth: -1 })}`;
    case 'string':
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      if (value.indexOf("'") === -1) return `type string ('${value}')`;
      return `type string (${JSON.stringify(value)})`;
    default: {
      let shown = lazyInspect().inspect(value, { colors: false });
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      return `type ${type} (${shown})`;
    }
  }
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
// Types that are written in lower case in messages ("of type function").
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid` + msg;
}, TypeError);
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // "object" is implied by any instance check, unless "null" is also allowed.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);

E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = lazyInspect().inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  // As node's StringPrototypeIncludes: a name that is not a string is converted first.
  const type = `${name}`.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);

E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect().inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);

E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default:
      msg += args.slice(0, len - 1).join(', ');
      msg += `, and ${args[len - 1]} arguments`;
      break;
  }
  return `${msg} must be specified`;
}, TypeError);

E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);

E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E(
  'ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s',
  TypeError,
);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_IP_BLOCKED', function(ip) {
  return `IP(${ip}) is blocked by net.BlockList`;
}, Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', TypeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_REQUIRE_ESM', (filename, hasEsmSyntax, parentPath) => {
  let msg = `require() of ES Module ${filename}`;
  if (parentPath) msg += ` from ${parentPath}`;
  msg += ' not supported.';
  return msg;
}, Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_INVALID_URL', function (input) {
  this.input = input;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ? `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_FALSY_VALUE_REJECTION', function (reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
E('ERR_ACCESS_DENIED', function (msg, permission = '', resource = '') {
  this.permission = permission;
  this.resource = resource;
  return msg;
}, Error);
E('ERR_MODULE_NOT_FOUND', function (path, base, exactUrl) {
  if (exactUrl) this.url = exactUrl;
  return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
}, Error);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
  if (subpath === '.') {
    return `No "exports" main defined in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
  }
  return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${
    base ? ` imported from ${base}` : ''
  }`;
}, Error);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
  return `Package import specifier "${specifier}" is not defined${
    packagePath ? ` in package ${packagePath}package.json` : ''
  } imported from ${base}`;
}, TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
  return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
}, TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', function (path, base, exactUrl) {
  if (exactUrl) this.url = exactUrl;
  return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
}, Error);
E('ERR_UNKNOWN_FILE_EXTENSION', (ext, path) => `Unknown file extension "${ext}" for ${path}`, TypeError);
E('ERR_INVALID_PACKAGE_TARGET', (pkgPath, key, target, isImport = false, base = undefined) => {
  const relError = typeof target === 'string' && !isImport && target.length && !target.startsWith('./');
  if (key === '.') {
    return `Invalid "exports" main target ${JSON.stringify(target)} defined in the package config ${pkgPath}package.json${
      base ? ` imported from ${base}` : ''
    }${relError ? '; targets must start with "./"' : ''}`;
  }
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' in the package config ${pkgPath}package.json${
    base ? ` imported from ${base}` : ''
  }${relError ? '; targets must start with "./"' : ''}`;
}, Error);
E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
  return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`;
}, Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
// Thrown by node's native side; the messages are its.
E('ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError);
E('ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params', RangeError);
E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
E('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', RangeError);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
E('ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`', TypeError);
E('ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message', Error);
E('ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener', Error);
E('ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread', Error);
E('ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out', Error);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_NOT_IMPLEMENTED', (what) => `${what} is not implemented in actorjs`, Error);

// Node's SystemError: a JS-side error about a failed system call, e.g. ERR_FS_EISDIR
// `Path is a directory: rm returned EISDIR (is a directory) /x`. The context object is kept as
// `info`; errno, syscall, path and dest read through to it.
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    Object.defineProperties(this, {
      [kIsNodeError]: { __proto__: null, value: true, enumerable: false, writable: false, configurable: true },
      name: { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      info: { __proto__: null, value: context, enumerable: true, configurable: true, writable: false },
      errno: {
        __proto__: null,
        get() {
          return context.errno;
        },
        set: (value) => {
          context.errno = value;
        },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        __proto__: null,
        get() {
          return context.syscall;
        },
        set: (value) => {
          context.syscall = value;
        },
        enumerable: true,
        configurable: true,
      },
    });
    for (const key of ['path', 'dest']) {
      if (context[key] === undefined) continue;
      Object.defineProperty(this, key, {
        __proto__: null,
        get() {
          return context[key] != null ? context[key].toString() : context[key];
        },
        set: (value) => {
          context[key] = value ? require('buffer').Buffer.from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    let stack;
    try {
      stack = this.stack;
    } catch {
      stack = undefined;
    }
    if (typeof stack === 'string') {
      const newline = stack.indexOf('\n');
      const frames = newline === -1 ? '' : stack.slice(newline);
      Object.defineProperty(this, 'stack', {
        value: `SystemError [${key}]: ${message}${frames}`,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInspect().inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

codes.ERR_FS_EISDIR = makeSystemErrorWithCode('ERR_FS_EISDIR');
messages.set('ERR_FS_EISDIR', 'Path is a directory');
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
// fs.cp, Dir and the fs streams.
for (const [key, message] of [
  ['ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory'],
  ['ERR_FS_CP_EEXIST', 'Target already exists'],
  ['ERR_FS_CP_EINVAL', 'Invalid src or dest'],
  ['ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe'],
  ['ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory'],
  ['ERR_FS_CP_SOCKET', 'Cannot copy a socket file'],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self'],
  ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type'],
  ['ERR_SYSTEM_ERROR', 'A system error occurred'],
  ['ERR_TTY_INIT_FAILED', 'TTY initialization failed'],
]) {
  codes[key] = makeSystemErrorWithCode(key);
  messages.set(key, message);
}
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_FS_INVALID_SYMLINK_TYPE',
  'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
E('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
// util.parseArgs.
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals
    ? ". To specify a positional argument starting with a '-', place it at the end of the command " +
      `after '--', as in '-- ${JSON.stringify(option)}`
    : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
// readline.
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);

E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix =
    'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
// net and dns.
E('ERR_INVALID_ADDRESS_FAMILY', function (addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);

// http (https://nodejs.org/docs/latest-v20.x/api/http.html). Node also gives several of these a
// HideStackFramesError variant; here the plain class serves, as hideStackFrames is a no-op.
E('ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.', Error);
E(
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header",
  Error,
);
E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
E('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);
E('ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) {
    msg += ` ["${field}"]`;
  }
  return msg;
}, TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);

// tls (https://nodejs.org/docs/latest-v20.x/api/tls.html).
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_TLS_ALPN_CALLBACK_INVALID_RESULT', (value, protocols) => {
  return `ALPN callback returned a value (${value}) that did not match any of the client's offered protocols (${protocols.join(', ')})`;
}, TypeError);
E('ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive', TypeError);
E('ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', SyntaxError);
E('ERR_TLS_CERT_ALTNAME_INVALID', function (reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}, Error);
E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError);
E('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);
E('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
E('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error);
E('ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext', Error);
E('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);
E('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);

// Errors of system calls, built from a libuv error number the way node's JS layer builds them
// (`connect ECONNREFUSED 127.0.0.1:80`). Each claims Error as its constructor, as in node.
let uvErrmap;
let utilModule;
function lazyUv() {
  return internalBinding('uv');
}
function lazyUtil() {
  if (utilModule === undefined) utilModule = require('util');
  return utilModule;
}

const uvUnmappedError = ['UNKNOWN', 'unknown error'];

function uvErrmapGet(name) {
  if (uvErrmap === undefined) uvErrmap = lazyUv().getErrorMap();
  return uvErrmap.get(name);
}

// From a context object assembled by a native call: { errno, syscall, path?, dest?, ... }.
class UVException extends Error {
  constructor(ctx) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(ctx.errno) || uvUnmappedError;
    let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
    let path;
    let dest;
    if (ctx.path) {
      path = ctx.path.toString();
      message += ` '${path}'`;
    }
    if (ctx.dest) {
      dest = ctx.dest.toString();
      message += ` -> '${dest}'`;
    }
    super(message);
    for (const prop of Object.keys(ctx)) {
      if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
      this[prop] = ctx[prop];
    }
    this.code = code;
    if (path) this.path = path;
    if (dest) this.dest = dest;
  }

  get ['constructor']() {
    return Error;
  }
}

// The ` address:port` (or ` address`) that network errors end their message with.
function hostPortDetails(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  return address ? ` ${address}` : '';
}

class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(err) || uvUnmappedError;
    super(`${syscall} ${code}: ${uvmsg}${hostPortDetails(address, port)}`);
    this.code = code;
    this.errno = err;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

// What util._errnoException() used to make.
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = lazyUtil().getSystemErrorName(err);
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    super(message);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() {
    return Error;
  }
}

class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = lazyUtil().getSystemErrorName(err);
    let details = hostPortDetails(address, port);
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

// `code` is a libuv error number or a c-ares error code string.
class DNSException extends Error {
  constructor(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      // ENOTFOUND is not a POSIX error, but it has long been what a failed lookup says.
      if (code === lazyUv().UV_EAI_NODATA || code === lazyUv().UV_EAI_NONAME) {
        code = 'ENOTFOUND';
      } else {
        code = lazyUtil().getSystemErrorName(code);
      }
    }
    super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (hostname) this.hostname = hostname;
  }

  get ['constructor']() {
    return Error;
  }
}

class ConnResetException extends Error {
  constructor(msg) {
    super(msg);
    this.code = 'ECONNRESET';
  }

  get ['constructor']() {
    return Error;
  }
}

class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(errors, message);
    this.code = errors[0]?.code;
  }

  get [kIsNodeError]() {
    return true;
  }

  get ['constructor']() {
    return AggregateError;
  }
}

function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
}

// Whether `err` is the engine's "too much recursion" error. V8 (and so node) throws
// RangeError('Maximum call stack size exceeded'). Node learns the text by overflowing the stack
// once, but an engine whose overflow cannot be caught (Boa stops the script) would not survive
// that probe, so the V8 text is taken as given; such an engine never hands us its error anyway.
const kStackOverflowName = 'RangeError';
const kStackOverflowMessage = 'Maximum call stack size exceeded';
function isStackOverflowError(err) {
  return Boolean(err) && err.name === kStackOverflowName && err.message === kStackOverflowMessage;
}

function hideStackFrames(fn) {
  return fn;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// node:test. The error's stack leaves out the frames of the builtins (node's
// hideInternalStackFrames), so a failure the runner raises itself has no frames to show.
E('ERR_TEST_FAILURE', function (error, failureType) {
  let msg = error?.message ?? error;
  if (typeof msg !== 'string') {
    try {
      msg = lazyInspect().inspect(msg);
    } catch {
      msg = lazyInspect().inspect(msg, { customInspect: false });
    }
  }
  this.failureType = failureType;
  this.cause = error;
  let stack;
  try {
    stack = this.stack;
  } catch {
    stack = undefined;
  }
  if (typeof stack === 'string') {
    const frames = stack
      .split('\n')
      .filter((line) => line.startsWith('    at ') && !/(?:\(node:internal[^)]*|\(<anonymous>)\)$|^ {4}at node:internal/.test(line));
    Object.defineProperty(this, 'stack', {
      value: [`Error [ERR_TEST_FAILURE]: ${msg}`, ...frames].join('\n'),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return msg;
}, Error);

module.exports = {
  AbortError,
  ConnResetException,
  DNSException,
  ErrnoException,
  ExceptionWithHostPort,
  NodeAggregateError,
  SystemError,
  UVException,
  UVExceptionWithHostPort,
  codes,
  determineSpecificType,
  errorWithCode,
  formatList,
  genericNodeError,
  getMessage,
  hideStackFrames,
  isStackOverflowError,
  kIsNodeError,
  addNumericalSeparator,
  uvErrmapGet,
};

// fs.promises.watch's `overflow: 'error'` (node 22).
E('ERR_FS_WATCH_QUEUE_OVERFLOW', 'fs.watch() queued more than %d events', Error);
