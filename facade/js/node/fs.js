'use strict';
// `fs`: the synchronous and callback APIs. https://nodejs.org/docs/latest-v20.x/api/fs.html
//
// Each function validates its arguments as node 20 does (same errors, same order), then calls
// an op of internalBinding('fs') (see facade/src/node/fs.rs): with no `req` for the `xSync`
// form, which returns or throws node's error; with the callback as `req`, which the op calls
// from the poll phase. Anything node builds in JS on top of its own binding is built here the
// same way: realpath walks the path with lstat and readlink, readdir's `recursive` walks
// directories, truncate(path) opens the file, so that results and errors (down to the
// syscall named in a message) match node.
//
// fs.promises, the streams, Dir/opendir, cp and the watchers (fs.watch, fs.watchFile) live in
// their own modules and load on first use.

const { Buffer } = require('buffer');
const {
  AbortError,
  errorWithCode,
  codes: { ERR_FS_FILE_TOO_LARGE, ERR_FS_INVALID_SYMLINK_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { customPromisifyArgs: kCustomPromisifyArgsSymbol, kEmptyObject } = require('internal/util');
const {
  isInt32,
  kValidateObjectAllowNullable,
  validateBoolean,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
  validateString,
} = require('internal/validators');
const pathModule = require('path');
const {
  constants: { kIoMaxLength, kMaxUserId },
  fsConstants: constants,
  copyObject,
  Dirent,
  emitRecursiveRmdirWarning,
  getDirent,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  kAsStats,
  statsFromOp,
  getValidatedFd,
  getValidatedPath,
  parseFileMode,
  realpathCacheKey,
  Stats,
  stringToFlags,
  stringToSymlinkType,
  toOpPath,
  toPathIfFileURL,
  toUint8Array,
  toUnixTimestamp,
  validateBuffer,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmdirOptions,
  validateRmOptions,
  validateRmOptionsSync,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
  nativeFs,
} = require('internal/fs/utils');

const binding = internalBinding('fs');

const { F_OK, R_OK, W_OK, X_OK, S_IFMT, S_IFIFO, S_IFLNK, S_IFSOCK, COPYFILE_EXCL, COPYFILE_FICLONE, COPYFILE_FICLONE_FORCE } =
  constants;

const isFd = isInt32;

// --- Callbacks ------------------------------------------------------------------------------

// The `req` handed to an op: checks `cb` now, and later calls it the way node's FSReqCallback
// does, `cb(err)` on failure, `cb(null)` for no value, `cb(null, value)` otherwise.
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return (err, value) => {
    if (err) return cb(err);
    if (value === undefined) return cb(null);
    return cb(null, value);
  };
}

function makeStatsCallback(cb) {
  validateFunction(cb, 'cb');
  return (err, stats) => {
    if (err) return cb(err);
    return cb(err, statsFromOp(stats));
  };
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(undefined, { cause: signal?.reason }));
    return true;
  }
  return false;
}

// Node checks these modes in C++, with messages of its own.
function validateAccessOrCopyMode(mode, max) {
  if (mode == null) return 0;
  if (!isInt32(mode)) throw errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  if (mode < 0 || mode > max) {
    throw errorWithCode(RangeError, 'ERR_OUT_OF_RANGE', `mode is out of range: >= 0 && <= ${max}`);
  }
  return mode;
}

const kMaxAccessMode = F_OK | R_OK | W_OK | X_OK;
const kMaxCopyMode = COPYFILE_EXCL | COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE;

// A string result of an op (a path) in the requested encoding.
function encodeString(value, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return value;
  const buffer = Buffer.from(value);
  if (encoding === 'buffer') return buffer;
  return buffer.toString(encoding);
}

function encodeNames(names, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return names;
  for (let i = 0; i < names.length; i++) names[i] = encodeString(names[i], encoding);
  return names;
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// --- access, exists -------------------------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  binding.op_fs_access(toOpPath(path), validateAccessOrCopyMode(mode, kMaxAccessMode), callback);
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  binding.op_fs_access(toOpPath(path), validateAccessOrCopyMode(mode, kMaxAccessMode));
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  function suppressedCallback(err) {
    callback(!err);
  }
  try {
    fs.access(path, F_OK, suppressedCallback);
  } catch {
    return callback(false);
  }
}

Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.op_fs_exists(toOpPath(path));
}

// --- open, close, read, write ---------------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  binding.op_fs_open(toOpPath(path), flagsNumber, mode, callback);
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.op_fs_open(toOpPath(path), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.op_fs_close(getValidatedFd(fd), callback);
}

function closeSync(fd) {
  binding.op_fs_close(getValidatedFd(fd));
}

// Position for the read/write ops: -1 reads or writes at the current position, as any negative
// position or non-number does in node.
// A BigInt position goes to the op as it is, so that one past 2^53 is not rounded.
function opPosition(position) {
  if (typeof position === 'bigint') return position < 0n ? -1 : position;
  if (typeof position !== 'number' || position < 0) return -1;
  return position;
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // fs.read(fd, buffer, options, callback)
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // fs.read(fd, bufferOrParams, callback)
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      // fs.read(fd, callback)
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmptyObject);
  }

  validateBuffer(buffer);
  validateFunction(callback, 'cb');

  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length |= 0;
  if (length === 0) {
    return process.nextTick(function tick() {
      callback(null, 0, buffer);
    });
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);

  binding.op_fs_read(fd, toUint8Array(buffer), offset, length, opPosition(position), (err, bytesRead) => {
    callback(err, bytesRead || 0, buffer);
  });
}

nativeFs.read = read;

Object.defineProperty(read, kCustomPromisifyArgsSymbol, {
  __proto__: null,
  value: ['bytesRead', 'buffer'],
  enumerable: false,
});

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  return binding.op_fs_read(fd, toUint8Array(buffer), offset, length, opPosition(position));
}

function readv(fd, buffers, position, callback) {
  function wrapper(err, bytesRead) {
    callback(err, bytesRead || 0, buffers);
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  binding.op_fs_readv(fd, buffers.map(toUint8Array), opPosition(position), wrapper);
}

Object.defineProperty(readv, kCustomPromisifyArgsSymbol, {
  __proto__: null,
  value: ['bytesRead', 'buffers'],
  enumerable: false,
});

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return binding.op_fs_readv(fd, buffers.map(toUint8Array), opPosition(position));
}

// The bytes of the string form of write(): an unknown encoding means UTF-8, as in node.
function stringBytes(str, encoding) {
  return Buffer.from(str, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  function wrapper(err, written) {
    callback(err, written || 0, buffer);
  }
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, 'cb');
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === 'function') {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    binding.op_fs_write(fd, toUint8Array(buffer), offset, length, opPosition(position), wrapper);
    return;
  }

  validateStringAfterArrayBufferView(buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  const str = buffer;
  validateEncoding(str, length);
  callback = position;
  validateFunction(callback, 'cb');
  const bytes = stringBytes(str, length);
  binding.op_fs_write(fd, bytes, 0, bytes.byteLength, opPosition(offset), wrapper);
}

Object.defineProperty(write, kCustomPromisifyArgsSymbol, {
  __proto__: null,
  value: ['bytesWritten', 'buffer'],
  enumerable: false,
});

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (position === undefined) position = null;
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return binding.op_fs_write(fd, toUint8Array(buffer), offset, length, opPosition(position));
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  if (offset === undefined) offset = null;
  const bytes = stringBytes(buffer, length);
  return binding.op_fs_write(fd, bytes, 0, bytes.byteLength, opPosition(offset));
}

function writev(fd, buffers, position, callback) {
  function wrapper(err, written) {
    callback(err, written || 0, buffers);
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  binding.op_fs_writev(fd, buffers.map(toUint8Array), opPosition(position), wrapper);
}

Object.defineProperty(writev, kCustomPromisifyArgsSymbol, {
  __proto__: null,
  value: ['bytesWritten', 'buffer'],
  enumerable: false,
});

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return binding.op_fs_writev(fd, buffers.map(toUint8Array), opPosition(position));
}

// --- readFile, writeFile, appendFile --------------------------------------------------------

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const { encoding, signal } = options;
  const done = (err, data) => {
    if (err) return callback(err);
    if (signal?.aborted) return callback(new AbortError(undefined, { cause: signal.reason }));
    let buffer = toBuffer(data);
    if (buffer.byteLength > kIoMaxLength) return callback(new ERR_FS_FILE_TOO_LARGE(buffer.byteLength));
    if (encoding) {
      try {
        buffer = buffer.toString(encoding);
      } catch (err) {
        return callback(err);
      }
    }
    return callback(null, buffer);
  };
  if (isFd(path)) {
    binding.op_fs_read_file(path, 0, done);
    return;
  }
  if (checkAborted(signal, callback)) return;
  const flagsNumber = stringToFlags(options.flag, 'options.flag');
  path = getValidatedPath(path);
  binding.op_fs_read_file(toOpPath(path), flagsNumber, done);
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  let target = path;
  let flags = 0;
  if (!isFd(path)) {
    target = toOpPath(getValidatedPath(path));
    flags = stringToFlags(options.flag);
  }
  const buffer = toBuffer(binding.op_fs_read_file(target, flags));
  if (options.encoding) return buffer.toString(options.encoding);
  return buffer;
}

function dataBytes(data, encoding) {
  if (isArrayBufferView(data)) return toUint8Array(data);
  validateStringAfterArrayBufferView(data, 'data');
  return Buffer.from(data, encoding || 'utf8');
}

// Writes all of `data` at fd's position with one write op after another (the path taken when
// writeFile has to check a signal between writes or fsync at the end).
function writeAll(fd, isUserFd, buffer, offset, length, signal, flush, callback) {
  if (signal?.aborted) {
    const abortError = new AbortError(undefined, { cause: signal?.reason });
    if (isUserFd) {
      callback(abortError);
    } else {
      fs.close(fd, (err) => {
        callback(err || abortError);
      });
    }
    return;
  }
  fs.write(fd, buffer, offset, length, null, (writeErr, written) => {
    if (writeErr) {
      if (isUserFd) {
        callback(writeErr);
      } else {
        fs.close(fd, (err) => {
          callback(err || writeErr);
        });
      }
    } else if (written === length) {
      if (!flush) {
        if (isUserFd) callback(null);
        else fs.close(fd, callback);
      } else {
        fs.fsync(fd, (syncErr) => {
          if (syncErr) {
            if (isUserFd) {
              callback(syncErr);
            } else {
              fs.close(fd, (err) => {
                callback(err || syncErr);
              });
            }
          } else if (isUserFd) {
            callback(null);
          } else {
            fs.close(fd, callback);
          }
        });
      }
    } else {
      offset += written;
      length -= written;
      writeAll(fd, isUserFd, buffer, offset, length, signal, flush, callback);
    }
  });
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  data = dataBytes(data, options.encoding);
  const signal = options.signal;

  if (isFd(path)) {
    if (signal !== undefined || flush) {
      writeAll(path, true, data, 0, data.byteLength, signal, flush, callback);
    } else {
      binding.op_fs_write_file(path, data, 0, 0, makeCallback(callback));
    }
    return;
  }
  if (checkAborted(signal, callback)) return;
  if (signal !== undefined || flush) {
    fs.open(path, flag, options.mode, (openErr, fd) => {
      if (openErr) callback(openErr);
      else writeAll(fd, false, data, 0, data.byteLength, signal, flush, callback);
    });
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  binding.op_fs_write_file(toOpPath(path), data, flags, mode, makeCallback(callback));
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';
  if (typeof data === 'string' && (options.encoding === 'utf8' || options.encoding === 'utf-8') && !isInt32(path)) {
    path = getValidatedPath(path);
  }
  data = dataBytes(data, options.encoding);
  if (!flush) {
    if (isFd(path)) {
      binding.op_fs_write_file(path, data, 0, 0);
      return;
    }
    path = getValidatedPath(path);
    binding.op_fs_write_file(toOpPath(path), data, stringToFlags(flag), parseFileMode(options.mode, 'mode', 0o666));
    return;
  }
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : fs.openSync(path, flag, options.mode);
  let offset = 0;
  let length = data.byteLength;
  try {
    while (length > 0) {
      const written = fs.writeSync(fd, data, offset, length);
      offset += written;
      length -= written;
    }
    fs.fsyncSync(fd);
  } finally {
    if (!isUserFd) fs.closeSync(fd);
  }
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  // A file descriptor given by the caller is always appended to.
  if (!options.flag || isFd(path)) options.flag = 'a';
  fs.writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  fs.writeFileSync(path, data, options);
}

// --- stat -----------------------------------------------------------------------------------

// stat, lstat and fstat with a callback: `target` validates the path or fd for `op`.
function statWithCallback(op, target, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  const statsCallback = makeStatsCallback(callback);
  // `throwIfNoEntry: false` answers a missing entry with undefined here too (newer node; node 20
  // took the option in the sync forms only).
  if (options.throwIfNoEntry === false && op !== binding.op_fs_fstat) {
    const user = callback;
    callback = (err, stats) =>
      err?.code === 'ENOENT' ? user(null, undefined) : statsCallback(err, stats);
  } else {
    callback = statsCallback;
  }
  op(target(), Boolean(options.bigint), callback, kAsStats);
}

function stat(path, options = { bigint: false }, callback) {
  statWithCallback(binding.op_fs_stat, () => toOpPath(getValidatedPath(path)), options, callback);
}

function lstat(path, options = { bigint: false }, callback) {
  statWithCallback(binding.op_fs_lstat, () => toOpPath(getValidatedPath(path)), options, callback);
}

function fstat(fd, options = { bigint: false }, callback) {
  statWithCallback(binding.op_fs_fstat, () => getValidatedFd(fd), options, callback);
}

// The sync stat ops with node's `throwIfNoEntry: false` (undefined for ENOENT only).
function statOrUndefined(op, path, options) {
  let stats;
  try {
    stats = op(toOpPath(path), Boolean(options.bigint), undefined, kAsStats);
  } catch (err) {
    if (options.throwIfNoEntry === false && err?.code === 'ENOENT') return undefined;
    throw err;
  }
  return statsFromOp(stats);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return statOrUndefined(binding.op_fs_stat, path, options);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return statOrUndefined(binding.op_fs_lstat, path, options);
}

function fstatSync(fd, options = { bigint: false }) {
  return statsFromOp(binding.op_fs_fstat(getValidatedFd(fd), Boolean(options.bigint), undefined, kAsStats));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  binding.op_fs_statfs(toOpPath(path), Boolean(options.bigint), (err, stats) => {
    if (err) return callback(err);
    callback(err, getStatFsFromBinding(stats));
  });
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(binding.op_fs_statfs(toOpPath(path), Boolean(options.bigint)));
}

// --- directories ----------------------------------------------------------------------------

function readdirOp(path, options, req) {
  const result = binding.op_fs_readdir(toOpPath(path), Boolean(options.withFileTypes), req);
  if (req !== undefined) return undefined;
  if (options.withFileTypes) encodeNames(result[0], options.encoding);
  else encodeNames(result, options.encoding);
  return result;
}

// readdir's `recursive`, as node 20 builds it: a breadth-first walk. Without withFileTypes a
// directory is entered when stat (following links) says it is one.
function readdirSyncRecursive(basePath, options) {
  const withFileTypes = Boolean(options.withFileTypes);
  const readdirResults = [];
  const pathsQueue = [basePath];
  function read(path) {
    const readdirResult = readdirOp(path, options);
    if (withFileTypes) {
      const length = readdirResult[0].length;
      for (let i = 0; i < length; i++) {
        const dirent = getDirent(path, readdirResult[0][i], readdirResult[1][i]);
        readdirResults.push(dirent);
        if (dirent.isDirectory()) pathsQueue.push(pathModule.join(dirent.parentPath, dirent.name));
      }
    } else {
      for (let i = 0; i < readdirResult.length; i++) {
        const resultPath = pathModule.join(path, readdirResult[i]);
        readdirResults.push(pathModule.relative(basePath, resultPath));
        if (isDirectoryNoThrow(resultPath)) pathsQueue.push(resultPath);
      }
    }
  }
  for (let i = 0; i < pathsQueue.length; i++) read(pathsQueue[i]);
  return readdirResults;
}

function isDirectoryNoThrow(path) {
  try {
    return (binding.op_fs_stat(path, false)[1] & S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    // Node 20 walks synchronously here; the callback still runs on a later tick.
    let result;
    try {
      result = readdirSyncRecursive(path, options);
    } catch (err) {
      process.nextTick(callback, err);
      return;
    }
    process.nextTick(callback, null, result);
    return;
  }
  readdirOp(path, options, (err, result) => {
    if (err) {
      callback(err);
      return;
    }
    if (options.withFileTypes) {
      encodeNames(result[0], options.encoding);
      getDirents(path, result, callback);
    } else {
      callback(null, encodeNames(result, options.encoding));
    }
  });
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirSyncRecursive(path, options);
  const result = readdirOp(path, options);
  return options.withFileTypes ? getDirents(path, result) : result;
}

function mkdirArgs(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options && typeof options === 'object') {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  return { mode, recursive };
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirArgs(options);
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  binding.op_fs_mkdir(toOpPath(path), parseFileMode(mode, 'mode'), recursive, callback);
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirArgs(options);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const result = binding.op_fs_mkdir(toOpPath(path), parseFileMode(mode, 'mode'), recursive);
  if (recursive) return result;
  return undefined;
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  binding.op_fs_mkdtemp(toOpPath(prefix), (err, dir) => {
    if (err) callback(err);
    else callback(null, encodeString(dir, options.encoding));
  });
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return encodeString(binding.op_fs_mkdtemp(toOpPath(prefix)), options.encoding);
}

// mkdtempDisposableSync (node 24): a temporary directory with a remove() that takes it and what
// it holds away, by its full path, so a later chdir does not matter; removing it again is fine.
function mkdtempDisposableSync(prefix, options) {
  const path = mkdtempSync(prefix, options);
  const fullPath = pathModule.resolve(process.cwd(), path);
  const remove = () => {
    rmSync(fullPath, { recursive: true, force: true });
  };
  return {
    path,
    remove,
    [Symbol.dispose]() {
      remove();
    },
  };
}

// --- rm, rmdir, unlink ----------------------------------------------------------------------

// Errors on which node's rimraf tries again (maxRetries, retryDelay).
const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);

// Removes `path` (a file, or with `recursive` a tree) as node's rimraf does.
function removeSync(path, options) {
  const target = toOpPath(path);
  for (let attempt = 0; ; attempt++) {
    try {
      if (options.recursive) binding.op_fs_rm_all(target);
      else binding.op_fs_unlink(target);
      return;
    } catch (err) {
      if (err?.code === 'ENOENT' && options.force) return;
      if (!kRetryCodes.has(err?.code) || attempt >= options.maxRetries) throw err;
      sleepSync((attempt + 1) * options.retryDelay);
    }
  }
}

function sleepSync(ms) {
  if (ms <= 0) return;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  } catch {
    // Without Atomics.wait the retry happens at once.
  }
}

function remove(path, options, callback) {
  const target = toOpPath(path);
  let attempt = 0;
  const run = () => {
    const done = (err) => {
      if (!err) return callback(null);
      if (err.code === 'ENOENT' && options.force) return callback(null);
      if (kRetryCodes.has(err.code) && attempt < options.maxRetries) {
        attempt++;
        setTimeout(run, attempt * options.retryDelay);
        return;
      }
      callback(err);
    };
    if (options.recursive) binding.op_fs_rm_all(target, done);
    else binding.op_fs_unlink(target, done);
  };
  run();
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err, options) => {
    if (err) return callback(err);
    return remove(path, options, callback);
  });
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptionsSync(path, options, false);
  return removeSync(path, options);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(path, { ...options, force: false }, true, (err, options) => {
      if (err === false) {
        binding.op_fs_rmdir(toOpPath(path), callback);
        return;
      }
      if (err) return callback(err);
      remove(path, options, callback);
    });
  } else {
    validateRmdirOptions(options);
    binding.op_fs_rmdir(toOpPath(path), callback);
  }
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmOptionsSync(path, { ...options, force: false }, true);
    if (options !== false) return removeSync(path, options);
  } else {
    validateRmdirOptions(options);
  }
  binding.op_fs_rmdir(toOpPath(path));
  return undefined;
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.op_fs_unlink(toOpPath(path), callback);
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  binding.op_fs_unlink(toOpPath(path));
}

// --- rename, links, copy --------------------------------------------------------------------

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.op_fs_rename(toOpPath(oldPath), toOpPath(newPath), callback);
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.op_fs_rename(toOpPath(oldPath), toOpPath(newPath));
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.op_fs_link(toOpPath(existingPath), toOpPath(newPath), callback);
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.op_fs_link(toOpPath(existingPath), toOpPath(newPath));
}

// The `type` argument only matters on Windows.
// `type` matters only on Windows, but a string that names no type is refused everywhere.
function validateSymlinkType(type) {
  if (typeof type === 'string' && stringToSymlinkType(type) === undefined) {
    throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
}

function symlink(target, path, type_, callback_) {
  const callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  validateSymlinkType(type_);
  binding.op_fs_symlink(toOpPath(target), toOpPath(path), callback);
}

function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  validateSymlinkType(type);
  binding.op_fs_symlink(toOpPath(target), toOpPath(path));
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.op_fs_readlink(toOpPath(path), (err, target) => {
    if (err) callback(err);
    else callback(null, encodeString(target, options.encoding));
  });
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeString(binding.op_fs_readlink(toOpPath(path)), options.encoding);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  binding.op_fs_copyfile(toOpPath(src), toOpPath(dest), validateAccessOrCopyMode(mode, kMaxCopyMode), callback);
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  binding.op_fs_copyfile(toOpPath(src), toOpPath(dest), validateAccessOrCopyMode(mode, kMaxCopyMode));
}

// --- realpath -------------------------------------------------------------------------------

function encodeRealpathResult(result, options) {
  if (!options || !options.encoding || options.encoding === 'utf8') return result;
  const asBuffer = Buffer.from(result);
  if (options.encoding === 'buffer') return asBuffer;
  return asBuffer.toString(options.encoding);
}

// The leading slashes of an absolute posix path.
function splitRoot(str) {
  for (let i = 0; i < str.length; ++i) {
    if (str[i] !== '/') return str.slice(0, i);
  }
  return str;
}

function nextPart(p, i) {
  return p.indexOf('/', i);
}

function isFileType(mode, fileType) {
  return (Number(mode) & S_IFMT) === fileType;
}

// node's JS realpath: each component is lstat'ed and links are read and resolved, so errors
// name lstat (or stat/readlink) as node's do. realpath.native asks the kernel instead.
// With least authority the directories above a grant may not be looked at, so the kernel
// resolves the path (beneath its grant) instead.
const permissionEnabled = internalBinding('permission').op_permission_enabled();

function realpathSync(p, options) {
  if (permissionEnabled) return realpathSync.native(p, options);
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  p = pathModule.resolve(p);

  const cache = options[realpathCacheKey];
  const maybeCachedResult = cache?.get(p);
  if (maybeCachedResult) return maybeCachedResult;

  const seenLinks = new Map();
  const knownHard = new Set();
  const original = p;
  // Mode of the last lstat: node checks it (not the current component's) for FIFOs and sockets.
  let lastMode = 0;

  let current = splitRoot(p);
  let base = current;
  let pos = current.length;
  let previous;

  while (pos < p.length) {
    const result = nextPart(p, pos);
    previous = current;
    if (result === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, result + 1);
      base = previous + p.slice(pos, result);
      pos = result + 1;
    }

    if (knownHard.has(base) || cache?.get(base) === base) {
      if (isFileType(lastMode, S_IFIFO) || isFileType(lastMode, S_IFSOCK)) break;
      continue;
    }

    let resolvedLink;
    const maybeCachedResolved = cache?.get(base);
    if (maybeCachedResolved) {
      resolvedLink = maybeCachedResolved;
    } else {
      const stats = binding.op_fs_lstat(base, true);
      lastMode = stats[1];
      if (!isFileType(stats[1], S_IFLNK)) {
        knownHard.add(base);
        cache?.set(base, base);
        continue;
      }
      let linkTarget = null;
      const id = `${stats[0].toString(32)}:${stats[7].toString(32)}`;
      if (seenLinks.has(id)) linkTarget = seenLinks.get(id);
      if (linkTarget === null) {
        // What the link leads to decides, as node's shared stat array does: a link to a pipe or
        // a socket (/dev/stdin on a pipe) ends the walk at the next known part.
        lastMode = binding.op_fs_stat(base, false)[1];
        linkTarget = binding.op_fs_readlink(base);
      }
      resolvedLink = pathModule.resolve(previous, linkTarget);
      cache?.set(base, resolvedLink);
      seenLinks.set(id, linkTarget);
    }

    p = pathModule.resolve(resolvedLink, p.slice(pos));
    current = base = splitRoot(p);
    pos = current.length;
  }

  cache?.set(original, p);
  return encodeRealpathResult(p, options);
}

realpathSync.native = (path, options) => {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeString(binding.op_fs_realpath(toOpPath(path)), options.encoding);
};

function realpath(p, options, callback) {
  if (typeof options === 'function') {
    callback = options;
  } else {
    validateFunction(callback, 'cb');
  }
  if (permissionEnabled) return realpath.native(p, options, callback);
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  p = pathModule.resolve(p);

  const seenLinks = new Map();
  const knownHard = new Set();
  let lastMode = 0;
  let current = splitRoot(p);
  let base = current;
  let pos = current.length;
  let previous;

  process.nextTick(LOOP);

  function LOOP() {
    if (pos >= p.length) return callback(null, encodeRealpathResult(p, options));
    const result = nextPart(p, pos);
    previous = current;
    if (result === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, result + 1);
      base = previous + p.slice(pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base)) {
      if (isFileType(lastMode, S_IFIFO) || isFileType(lastMode, S_IFSOCK)) {
        return callback(null, encodeRealpathResult(p, options));
      }
      return process.nextTick(LOOP);
    }
    return fs.lstat(base, { bigint: true }, gotStat);
  }

  function gotStat(err, stats) {
    if (err) return callback(err);
    lastMode = stats.mode;
    if (!stats.isSymbolicLink()) {
      knownHard.add(base);
      return process.nextTick(LOOP);
    }
    const id = `${stats.dev.toString(32)}:${stats.ino.toString(32)}`;
    if (seenLinks.has(id)) return gotTarget(null, seenLinks.get(id));
    fs.stat(base, (err, targetStats) => {
      if (err) return callback(err);
      lastMode = targetStats.mode;
      fs.readlink(base, (err, target) => {
        seenLinks.set(id, target);
        gotTarget(err, target);
      });
    });
  }

  function gotTarget(err, target) {
    if (err) return callback(err);
    p = pathModule.resolve(pathModule.resolve(previous, target), p.slice(pos));
    current = base = splitRoot(p);
    pos = current.length;
    process.nextTick(LOOP);
  }
}

realpath.native = (path, options, callback) => {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.op_fs_realpath(toOpPath(path), (err, result) => {
    if (err) callback(err);
    else callback(null, encodeString(result, options.encoding));
  });
};

// --- permissions, ownership, times ----------------------------------------------------------

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.op_fs_chmod(toOpPath(path), mode, callback);
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.op_fs_chmod(toOpPath(path), mode);
}

function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.op_fs_fchmod(getValidatedFd(fd), mode, callback);
}

function fchmodSync(fd, mode) {
  mode = parseFileMode(mode, 'mode');
  binding.op_fs_fchmod(getValidatedFd(fd), mode);
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.op_fs_chown(toOpPath(path), uid, gid, callback);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.op_fs_chown(toOpPath(path), uid, gid);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.op_fs_lchown(toOpPath(path), uid, gid, callback);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.op_fs_lchown(toOpPath(path), uid, gid);
}

function fchown(fd, uid, gid, callback) {
  validateIds(uid, gid);
  callback = makeCallback(callback);
  binding.op_fs_fchown(getValidatedFd(fd), uid, gid, callback);
}

function fchownSync(fd, uid, gid) {
  validateIds(uid, gid);
  binding.op_fs_fchown(getValidatedFd(fd), uid, gid);
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.op_fs_utimes(toOpPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.op_fs_utimes(toOpPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.op_fs_lutimes(toOpPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.op_fs_lutimes(toOpPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  binding.op_fs_futimes(getValidatedFd(fd), atime, mtime, callback);
}

function futimesSync(fd, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.op_fs_futimes(getValidatedFd(fd), atime, mtime);
}

// --- truncate, sync -------------------------------------------------------------------------

let truncateWarn = true;
function showTruncateDeprecation() {
  if (truncateWarn) {
    process.emitWarning(
      'Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning',
      'DEP0081',
    );
    truncateWarn = false;
  }
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  validateFunction(callback, 'cb');
  fs.open(path, 'r+', (er, fd) => {
    if (er) return callback(er);
    binding.op_fs_ftruncate(fd, len, (er) => {
      fs.close(fd, (er2) => {
        callback(aggregateTwoErrors(er2, er));
      });
    });
  });
  return undefined;
}

function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    // eslint-disable-next-line no-undef
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError || null;
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const fd = fs.openSync(path, 'r+');
  try {
    fs.ftruncateSync(fd, len);
  } finally {
    fs.closeSync(fd);
  }
  return undefined;
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  binding.op_fs_ftruncate(getValidatedFd(fd), len, callback);
}

function ftruncateSync(fd, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  binding.op_fs_ftruncate(getValidatedFd(fd), len);
}

function fsync(fd, callback) {
  callback = makeCallback(callback);
  binding.op_fs_fsync(getValidatedFd(fd), callback);
}

function fsyncSync(fd) {
  binding.op_fs_fsync(getValidatedFd(fd));
}

function fdatasync(fd, callback) {
  callback = makeCallback(callback);
  binding.op_fs_fdatasync(getValidatedFd(fd), callback);
}

function fdatasyncSync(fd) {
  binding.op_fs_fdatasync(getValidatedFd(fd));
}

// --- openAsBlob -----------------------------------------------------------------------------

// The Blob holds the file's bytes as read now (node reads them lazily).
function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  const { Blob } = require('buffer');
  return Promise.resolve(new Blob([readFileSync(path)], { type }));
}

// --- watch, watchFile, unwatchFile ---------------------------------------------------------

let watchers;
function lazyWatchers() {
  if (watchers === undefined) watchers = require('internal/fs/watchers');
  return watchers;
}

let kResistStopPropagation;

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
  }
  options = getOptions(options);
  options = copyObject(options);

  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;

  const { FSWatcher, kFSWatchStart, validateRecursiveOptions, createIgnoreMatcher, kIgnore } = lazyWatchers();
  const path = getValidatedPath(filename);
  // Node 20 watches recursively on Linux with a watcher of its own, which checks these options.
  if (options.recursive) validateRecursiveOptions(options);
  const ignored = createIgnoreMatcher(options.ignore);
  const watcher = new FSWatcher();
  watcher[kIgnore] = ignored;
  watcher[kFSWatchStart](path, options.persistent, options.recursive, options.encoding);

  if (listener) {
    // Node checks the listener once the watch has started (a bad path fails first) and then
    // leaks the watch, which keeps the process alive; this closes it.
    try {
      watcher.addListener('change', listener);
    } catch (err) {
      watcher.close();
      throw err;
    }
  }
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const listener = () => watcher.close();
      kResistStopPropagation ??= require('internal/event_target').kResistStopPropagation;
      options.signal.addEventListener('abort', listener, { __proto__: null, [kResistStopPropagation]: true });
      watcher.once('close', () => {
        options.signal.removeEventListener('abort', listener);
      });
    }
  }

  return watcher;
}

// One StatWatcher per resolved path, shared by all the listeners of that path.
const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  let stat;

  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }

  options = {
    // Poll interval in milliseconds; 5007 is what libev used to use.
    interval: 5007,
    persistent: true,
    ...options,
  };

  validateFunction(listener, 'listener');

  stat = statWatchers.get(filename);
  const { StatWatcher, kFSStatWatcherStart, kFSStatWatcherAddOrCleanRef } = lazyWatchers();
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat[kFSStatWatcherStart](filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat[kFSStatWatcherAddOrCleanRef]('add');
  }

  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  const stat = statWatchers.get(filename);

  if (stat === undefined) return;
  const { kFSStatWatcherAddOrCleanRef } = lazyWatchers();
  if (typeof listener === 'function') {
    const beforeListenerCount = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < beforeListenerCount) stat[kFSStatWatcherAddOrCleanRef]('clean');
  } else {
    stat.removeAllListeners('change');
    stat[kFSStatWatcherAddOrCleanRef]('cleanAll');
  }

  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

// --- Lazily loaded parts --------------------------------------------------------------------

let streams;
function lazyStreams() {
  if (streams === undefined) streams = require('internal/fs/streams');
  return streams;
}

function createReadStream(path, options) {
  const mod = lazyStreams();
  if (typeof mod.createReadStream === 'function') return mod.createReadStream(path, options);
  return new mod.ReadStream(path, options);
}

function createWriteStream(path, options) {
  const mod = lazyStreams();
  if (typeof mod.createWriteStream === 'function') return mod.createWriteStream(path, options);
  return new mod.WriteStream(path, options);
}

let cpModule;
function lazyCp() {
  if (cpModule === undefined) cpModule = require('internal/fs/cp');
  return cpModule;
}

function cp(src, dest, options, callback) {
  return Reflect.apply(lazyCp().cp, this, arguments);
}

function cpSync(src, dest, options) {
  return Reflect.apply(lazyCp().cpSync, this, arguments);
}

const fs = (module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  // lchmod needs O_SYMLINK, which Linux lacks: node leaves both undefined there.
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,

  get ReadStream() {
    return lazyStreams().ReadStream;
  },
  set ReadStream(val) {
    lazyStreams().ReadStream = val;
  },
  get WriteStream() {
    return lazyStreams().WriteStream;
  },
  set WriteStream(val) {
    lazyStreams().WriteStream = val;
  },
  // Legacy names of the stream classes.
  get FileReadStream() {
    return lazyStreams().ReadStream;
  },
  set FileReadStream(val) {
    lazyStreams().ReadStream = val;
  },
  get FileWriteStream() {
    return lazyStreams().WriteStream;
  },
  set FileWriteStream(val) {
    lazyStreams().WriteStream = val;
  },

  _toUnixTimestamp: toUnixTimestamp,
});

for (const name of ['Dir', 'opendir', 'opendirSync']) {
  Object.defineProperty(fs, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return require('internal/fs/dir')[name];
    },
  });
}

Object.defineProperties(fs, {
  F_OK: { __proto__: null, enumerable: true, value: F_OK },
  R_OK: { __proto__: null, enumerable: true, value: R_OK },
  W_OK: { __proto__: null, enumerable: true, value: W_OK },
  X_OK: { __proto__: null, enumerable: true, value: X_OK },
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return require('fs/promises');
    },
  },
});

// mkdtempDisposableSync comes from node 24, glob and globSync from node 22; they stay out of
// Object.keys(fs) so that the module lists the same names as node 20's.
Object.defineProperty(fs, 'mkdtempDisposableSync', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  writable: true,
  value: mkdtempDisposableSync,
});
for (const name of ['glob', 'globSync']) {
  Object.defineProperty(fs, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return require('internal/fs/glob')[name];
    },
  });
}
