'use strict';
// fs/promises and FileHandle: https://nodejs.org/docs/latest-v20.x/api/fs.html#promises-api
//
// Every function validates its arguments as node does (a bad argument rejects, it never throws)
// and then calls one op of internalBinding('fs') in its promise form (`req === true`). A
// FileHandle owns one descriptor of the op table; the methods count themselves in and out
// (kRef/kUnref) so that close() waits for operations in flight before the descriptor goes.

const binding = internalBinding('fs');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const pathModule = require('path');
const { StringDecoder } = require('string_decoder');
const {
  AbortError,
  errorWithCode,
  codes: {
    ERR_FS_EISDIR,
    ERR_FS_FILE_TOO_LARGE,
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { kEmptyObject, promisify } = require('internal/util');
const {
  kValidateObjectAllowNullable,
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  copyObject,
  emitRecursiveRmdirWarning,
  fsConstants: constants,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  kAsStats,
  statsFromOp,
  getValidatedPath,
  parseFileMode,
  stringToFlags,
  stringToSymlinkType,
  toOpPath,
  toUint8Array,
  toUnixTimestamp,
  validateBuffer,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validatePosition,
  validateOffsetLengthWrite,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');

const { F_OK, S_IFMT, S_IFREG, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_UNKNOWN } = constants;

const kIoMaxLength = 2 ** 31 - 1;
const kReadFileUnknownBufferLength = 64 * 1024;
const kReadFileBufferLength = 512 * 1024;
const kWriteFileMaxChunkSize = 512 * 1024;
const kMaxUserId = 2 ** 32 - 1;

// fsPromises.access and copyFile leave `mode` to node's native layer, whose checks word their
// errors differently from the JS validators.
function validateNativeMode(mode, max) {
  if (mode == null) return 0;
  if (!Number.isInteger(mode) || mode !== (mode | 0)) {
    throw errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  }
  if (mode < 0 || mode > max) {
    throw errorWithCode(RangeError, 'ERR_OUT_OF_RANGE', `mode is out of range: >= 0 && <= ${max}`);
  }
  return mode;
}

function validateAccessMode(mode) {
  return validateNativeMode(mode, constants.F_OK | constants.R_OK | constants.W_OK | constants.X_OK);
}

function validateCopyMode(mode) {
  return validateNativeMode(
    mode,
    constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE | constants.COPYFILE_FICLONE_FORCE,
  );
}

// The ops give strings (UTF-8 names); other encodings re-encode those bytes.
function encodeResult(value, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return value;
  const bytes = Buffer.from(value);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// fh.write(string, position, encoding): hex needs an even number of digits.
function validateEncoding(data, encoding) {
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };

function validateRmOptionsObject(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');

let fsStreams;
function lazyFsStreams() {
  fsStreams ??= require('internal/fs/streams');
  return fsStreams;
}

// Node's FileHandle mixes EventEmitter in rather than extending it (`fh instanceof EventEmitter`
// is false there); the prototype between FileHandle and Object carries EventEmitter's methods.
class EventEmitterBase {
  constructor() {
    EventEmitter.call(this);
  }
}
for (const key of Reflect.ownKeys(EventEmitter.prototype)) {
  if (key === 'constructor') continue;
  Object.defineProperty(
    EventEmitterBase.prototype,
    key,
    Object.getOwnPropertyDescriptor(EventEmitter.prototype, key),
  );
}

class FileHandle extends EventEmitterBase {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFile, this, options);
  }

  // The lines of the file, from a read stream over this handle (`options` are
  // createReadStream's); a \r\n split across two chunks is one line break whatever the delay.
  readLines(options = undefined) {
    const { Interface } = require('internal/readline/interface');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  // An own property, as in node, so that `handle.close` can be passed around unbound.
  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];

    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      this[kClosePromise] = binding.op_fs_close(fd, true).finally(() => {
        this[kClosePromise] = undefined;
      });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = undefined;
        this[kCloseReject] = undefined;
        this[kCloseResolve] = undefined;
      });
    }

    this.emit('close');
    return this[kClosePromise];
  };

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  createReadStream(options = undefined) {
    const { ReadStream } = lazyFsStreams();
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = lazyFsStreams();
    return new WriteStream(undefined, { ...options, fd: this });
  }

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      binding.op_fs_close(fd, true).then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}

async function fsCall(fn, handle, ...args) {
  if (handle[kRefs] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('filehandle', 'FileHandle', handle);
  }
  if (handle.fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRef]();
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

// Runs `op` on an open handle, closes the handle either way and reports the first error (the
// operation's, or the close's if only that failed).
async function handleFdClose(fileOpPromise, closeFunc) {
  let result;
  try {
    result = await fileOpPromise;
  } catch (opError) {
    try {
      await closeFunc();
    } catch (closeError) {
      throw aggregateTwoErrors(closeError, opError);
    }
    throw opError;
  }
  await closeFunc();
  return result;
}

function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
}

function isCustomIterable(obj) {
  return (
    obj != null &&
    (typeof obj[Symbol.iterator] === 'function' || typeof obj[Symbol.asyncIterator] === 'function') &&
    !isArrayBufferView(obj) &&
    typeof obj !== 'string'
  );
}

async function writeFileHandle(filehandle, data, signal, encoding) {
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const buf of data) {
      checkAborted(signal);
      const toWrite = isArrayBufferView(buf) ? buf : Buffer.from(buf, encoding || 'utf8');
      let remaining = toWrite.byteLength;
      while (remaining > 0) {
        const writeSize = Math.min(kWriteFileMaxChunkSize, remaining);
        const { bytesWritten } = await write(filehandle, toWrite, toWrite.byteLength - remaining, writeSize);
        remaining -= bytesWritten;
        checkAborted(signal);
      }
    }
    return;
  }
  data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let remaining = data.byteLength;
  if (remaining === 0) return;
  do {
    checkAborted(signal);
    const { bytesWritten } = await write(filehandle, data, 0, Math.min(kWriteFileMaxChunkSize, data.byteLength));
    remaining -= bytesWritten;
    data = new Uint8Array(data.buffer, data.byteOffset + bytesWritten, data.byteLength - bytesWritten);
  } while (remaining > 0);
}

// Reads from the handle's current position to the end, in node's chunk sizes.
async function readFileHandle(filehandle, options) {
  const signal = options?.signal;
  const encoding = options?.encoding;
  const decoder = encoding && new StringDecoder(encoding);

  checkAborted(signal);
  const statFields = await binding.op_fs_fstat(filehandle.fd, false, true);
  checkAborted(signal);

  let size = 0;
  let length = 0;
  if ((statFields[1] & S_IFMT) === S_IFREG) {
    size = statFields[8];
    length = encoding ? Math.min(size, kReadFileBufferLength) : size;
  }
  if (length === 0) length = kReadFileUnknownBufferLength;
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);

  let totalRead = 0;
  const noSize = size === 0;
  let buffer = Buffer.allocUnsafeSlow(length);
  let result = '';
  let offset = 0;
  let buffers;
  const chunkedRead = length > kReadFileBufferLength;

  while (true) {
    checkAborted(signal);
    if (chunkedRead) length = Math.min(size - totalRead, kReadFileBufferLength);

    const bytesRead = (await binding.op_fs_read(filehandle.fd, buffer, offset, length, -1, true)) ?? 0;
    totalRead += bytesRead;

    if (
      bytesRead === 0 ||
      totalRead === size ||
      (bytesRead !== buffer.length && !chunkedRead && !noSize)
    ) {
      const singleRead = bytesRead === totalRead;
      const bytesToCheck = chunkedRead ? totalRead : bytesRead;
      if (bytesToCheck !== buffer.length) buffer = buffer.subarray(0, bytesToCheck);
      if (!encoding) {
        if (noSize && !singleRead) {
          buffers.push(buffer);
          return Buffer.concat(buffers, totalRead);
        }
        return buffer;
      }
      if (singleRead) return buffer.toString(encoding);
      result += decoder.end(buffer);
      return result;
    }
    const readBuffer = bytesRead !== buffer.length ? buffer.subarray(0, bytesRead) : buffer;
    if (encoding) {
      result += decoder.write(readBuffer);
    } else if (size !== 0) {
      offset = totalRead;
    } else {
      buffers ??= [];
      buffers.push(readBuffer);
      buffer = Buffer.allocUnsafeSlow(kReadFileUnknownBufferLength);
    }
  }
}

// All functions are async so that a failed check rejects rather than throws.

async function access(path, mode = F_OK) {
  path = toOpPath(getValidatedPath(path));
  mode = validateAccessMode(mode);
  return binding.op_fs_access(path, mode, true);
}

async function cp(src, dest, options) {
  options = validateCpOptions(options);
  src = toOpPath(getValidatedPath(src, 'src'));
  dest = toOpPath(getValidatedPath(dest, 'dest'));
  return require('internal/fs/cp').cpFn(src, dest, options);
}

async function copyFile(src, dest, mode) {
  src = toOpPath(getValidatedPath(src, 'src'));
  dest = toOpPath(getValidatedPath(dest, 'dest'));
  mode = validateCopyMode(mode);
  return binding.op_fs_copyfile(src, dest, mode, true);
}

// Unlike fs.open, which gives a number, fsPromises.open gives a FileHandle.
async function open(path, flags, mode) {
  path = toOpPath(getValidatedPath(path));
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await binding.op_fs_open(path, flagsNumber, mode, true));
}

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    // fh.read(params)
    if (bufferOrParams !== undefined) {
      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }

  if (offset !== null && typeof offset === 'object') {
    // fh.read(buffer, options)
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }

  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }

  length ??= buffer.byteLength - offset;

  if (length === 0) return { __proto__: null, bytesRead: length, buffer };

  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }

  validateOffsetLengthRead(offset, length, buffer.byteLength);

  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  if (position < 0) position = -1;

  const bytesRead = (await binding.op_fs_read(handle.fd, toUint8Array(buffer), offset, length, position, true)) || 0;
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = -1;
  const bytesRead = (await binding.op_fs_readv(handle.fd, buffers.map(toUint8Array), position, true)) || 0;
  return { __proto__: null, bytesRead, buffers };
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };

  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = -1;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten =
      (await binding.op_fs_write(handle.fd, toUint8Array(buffer), offset, length, position, true)) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }

  // fh.write(string, position, encoding)
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const data = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
  position = typeof offset === 'number' ? offset : -1;
  const bytesWritten = (await binding.op_fs_write(handle.fd, data, 0, data.byteLength, position, true)) || 0;
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = -1;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = (await binding.op_fs_writev(handle.fd, buffers.map(toUint8Array), position, true)) || 0;
  return { __proto__: null, bytesWritten, buffers };
}

async function rename(oldPath, newPath) {
  oldPath = toOpPath(getValidatedPath(oldPath, 'oldPath'));
  newPath = toOpPath(getValidatedPath(newPath, 'newPath'));
  return binding.op_fs_rename(oldPath, newPath, true);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(ftruncate(fd, len), fd.close);
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return binding.op_fs_ftruncate(handle.fd, len, true);
}

// rm checks the path first (lstat), as node does, so that a directory without `recursive`
// fails with ERR_FS_EISDIR and a missing path with `force` succeeds.
async function rm(path, options) {
  path = toOpPath(getValidatedPath(path));
  options = validateRmOptionsObject(options);
  let stats;
  try {
    stats = await lstat(path);
  } catch (err) {
    if (options.force && err.code === 'ENOENT') return;
    throw err;
  }
  if (stats.isDirectory()) {
    if (!options.recursive) {
      throw new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: constants.EISDIR ?? 21,
      });
    }
    try {
      return await binding.op_fs_rm_all(path, true);
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
  }
  try {
    return await binding.op_fs_unlink(path, true);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
}

async function rmdir(path, options) {
  path = toOpPath(getValidatedPath(path));
  options = validateRmdirOptions(options);
  if (options.recursive) {
    emitRecursiveRmdirWarning();
    const stats = await stat(path);
    if (stats.isDirectory()) return binding.op_fs_rm_all(path, true);
  }
  return binding.op_fs_rmdir(path, true);
}

async function fdatasync(handle) {
  return binding.op_fs_fdatasync(handle.fd, true);
}

async function fsync(handle) {
  return binding.op_fs_fsync(handle.fd, true);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') {
    options = { mode: options };
  }
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = toOpPath(getValidatedPath(path));
  validateBoolean(recursive, 'options.recursive');
  return binding.op_fs_mkdir(path, parseFileMode(mode, 'mode', 0o777), recursive, true);
}

// Node walks depth first from a stack: a directory's entries come out together, then those of
// the last directory found, and so on. Without withFileTypes a symlink to a directory is
// followed (node stats every entry); with it, only real directories are entered.
async function readdirRecursive(originalPath, options) {
  const result = [];
  if (options.withFileTypes) {
    const queue = [[originalPath, await readdirTyped(originalPath)]];
    while (queue.length > 0) {
      const [path, entries] = queue.pop();
      const dirents = await direntsOf(path, entries);
      for (const dirent of dirents) {
        result.push(dirent);
        if (dirent.isDirectory()) {
          const direntPath = pathModule.join(path, dirent.name);
          queue.push([direntPath, await readdirTyped(direntPath)]);
        }
      }
    }
  } else {
    const queue = [[originalPath, await readdirTyped(originalPath)]];
    while (queue.length > 0) {
      const [path, { 0: names, 1: types }] = queue.pop();
      for (let i = 0; i < names.length; i++) {
        const direntPath = pathModule.join(path, names[i]);
        result.push(encodeResult(pathModule.relative(originalPath, direntPath), options.encoding));
        if (await isDirectoryFollowing(direntPath, types[i])) {
          queue.push([direntPath, await readdirTyped(direntPath)]);
        }
      }
    }
  }
  return result;
}

function readdirTyped(path) {
  return binding.op_fs_readdir(path, true, true);
}

async function isDirectoryFollowing(path, type) {
  if (type === UV_DIRENT_DIR) return true;
  if (type !== UV_DIRENT_LINK && type !== UV_DIRENT_UNKNOWN) return false;
  try {
    const stats = await binding.op_fs_stat(path, false, true);
    return (stats[1] & S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

// Entries of unknown type (file systems without d_type) are typed with lstat, as node does.
async function direntsOf(path, { 0: names, 1: types }) {
  for (let i = 0; i < names.length; i++) {
    if (types[i] === UV_DIRENT_UNKNOWN) {
      const stats = await binding.op_fs_lstat(pathModule.join(path, names[i]), false, true);
      types[i] = direntTypeFromMode(stats[1]);
    }
  }
  return getDirents(path, [names.slice(), types]);
}

function direntTypeFromMode(mode) {
  switch (mode & S_IFMT) {
    case constants.S_IFREG:
      return constants.UV_DIRENT_FILE;
    case constants.S_IFDIR:
      return constants.UV_DIRENT_DIR;
    case constants.S_IFLNK:
      return constants.UV_DIRENT_LINK;
    case constants.S_IFIFO:
      return constants.UV_DIRENT_FIFO;
    case constants.S_IFSOCK:
      return constants.UV_DIRENT_SOCKET;
    case constants.S_IFCHR:
      return constants.UV_DIRENT_CHAR;
    case constants.S_IFBLK:
      return constants.UV_DIRENT_BLOCK;
    default:
      return UV_DIRENT_UNKNOWN;
  }
}

async function readdir(path, options) {
  options = copyObject(getOptions(options));
  path = toOpPath(getValidatedPath(path));
  if (options.recursive) return readdirRecursive(path, options);
  if (options.withFileTypes) return direntsOf(path, await readdirTyped(path));
  const names = await binding.op_fs_readdir(path, false, true);
  if (options.encoding && options.encoding !== 'utf8' && options.encoding !== 'utf-8') {
    return names.map((name) => encodeResult(name, options.encoding));
  }
  return names;
}

async function readlink(path, options) {
  options = getOptions(options);
  path = toOpPath(getValidatedPath(path, 'oldPath'));
  return encodeResult(await binding.op_fs_readlink(path, true), options.encoding);
}

async function symlink(target, path, type_) {
  const type = typeof type_ === 'string' ? type_ : null;
  target = toOpPath(getValidatedPath(target, 'target'));
  path = toOpPath(getValidatedPath(path));
  if (stringToSymlinkType(type) === undefined) throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  return binding.op_fs_symlink(target, path, true);
}

// stat, lstat and fstat are not async functions: the op's promise settles with the Stats object
// itself (kAsStats), which spares a call frame and an await per stat, in this engine more than
// the stat costs. Bad arguments still reject rather than throw.
function statPromise(op, target, options) {
  try {
    const t = target();
    const bigint = Boolean(options.bigint);
    const promise = op(t, bigint, true, kAsStats);
    return bigint ? promise.then(statsFromOp) : promise;
  } catch (err) {
    return Promise.reject(err);
  }
}

function fstat(handle, options = { bigint: false }) {
  return statPromise(binding.op_fs_fstat, () => handle.fd, options);
}

function lstat(path, options = { bigint: false }) {
  return statPromise(binding.op_fs_lstat, () => toOpPath(getValidatedPath(path)), options);
}

function stat(path, options = { bigint: false }) {
  return statPromise(binding.op_fs_stat, () => toOpPath(getValidatedPath(path)), options);
}

async function statfs(path, options = { bigint: false }) {
  path = toOpPath(getValidatedPath(path));
  return getStatFsFromBinding(await binding.op_fs_statfs(path, Boolean(options.bigint), true));
}

async function link(existingPath, newPath) {
  existingPath = toOpPath(getValidatedPath(existingPath, 'existingPath'));
  newPath = toOpPath(getValidatedPath(newPath, 'newPath'));
  return binding.op_fs_link(existingPath, newPath, true);
}

async function unlink(path) {
  path = toOpPath(getValidatedPath(path));
  return binding.op_fs_unlink(path, true);
}

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return binding.op_fs_fchmod(handle.fd, mode, true);
}

async function chmod(path, mode) {
  path = toOpPath(getValidatedPath(path));
  mode = parseFileMode(mode, 'mode');
  return binding.op_fs_chmod(path, mode, true);
}

// Linux has no lchmod (no O_SYMLINK); node keeps the function and rejects.
async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = toOpPath(getValidatedPath(path));
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return binding.op_fs_lchown(path, uid, gid, true);
}

async function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return binding.op_fs_fchown(handle.fd, uid, gid, true);
}

async function chown(path, uid, gid) {
  path = toOpPath(getValidatedPath(path));
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return binding.op_fs_chown(path, uid, gid, true);
}

// Node names the argument "time" here but "atime"/"mtime" in futimes.
async function utimes(path, atime, mtime) {
  path = toOpPath(getValidatedPath(path));
  return binding.op_fs_utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), true);
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return binding.op_fs_futimes(handle.fd, atime, mtime, true);
}

async function lutimes(path, atime, mtime) {
  path = toOpPath(getValidatedPath(path));
  return binding.op_fs_lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), true);
}

async function realpath(path, options) {
  options = getOptions(options);
  path = toOpPath(getValidatedPath(path));
  return encodeResult(await binding.op_fs_realpath(path, true), options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return encodeResult(await binding.op_fs_mkdtemp(toOpPath(prefix), true), options.encoding);
}

// mkdtempDisposable (node 24): the directory, with an async remove() by its full path.
async function mkdtempDisposable(prefix, options) {
  const cwd = process.cwd();
  const path = await mkdtemp(prefix, options);
  const fullPath = pathModule.resolve(cwd, path);
  const remove = async () => {
    await rm(fullPath, { recursive: true, force: true });
  };
  return {
    __proto__: null,
    path,
    remove,
    async [Symbol.asyncDispose]() {
      await remove();
    },
  };
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');

  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }

  validateAbortSignal(options.signal, 'options.signal');
  if (path instanceof FileHandle) return writeFileHandle(path, data, options.signal, options.encoding);

  checkAborted(options.signal);

  // Bytes to a path, with nothing to check between chunks: one op opens, writes and closes on
  // the pool, as readFile reads (node takes three trips).
  if (isArrayBufferView(data) && options.signal === undefined && !flush) {
    const opPath = toOpPath(getValidatedPath(path));
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    await binding.op_fs_write_file(opPath, data, stringToFlags(flag), mode, true);
    return;
  }

  const fd = await open(path, flag, options.mode);
  let writeOp = writeFileHandle(fd, data, options.signal, options.encoding);
  if (flush) writeOp = writeOp.then((result) => fd.sync().then(() => result));
  return handleFdClose(writeOp, fd.close);
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

// A path is read with one op (open, read to the end and close on the pool); a FileHandle reads
// from its position in node's chunks.
async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';

  if (path instanceof FileHandle) return readFileHandle(path, options);

  checkAborted(options.signal);
  path = toOpPath(getValidatedPath(path));
  const bytes = await binding.op_fs_read_file(path, stringToFlags(flag), true);
  checkAborted(options.signal);
  if (bytes.byteLength > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(bytes.byteLength);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

function opendir(path, options) {
  return promisify(require('internal/fs/dir').opendir)(path, options);
}

function glob(pattern, options) {
  return require('internal/fs/glob').globPromise(pattern, options);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watch(filename, options);
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    glob,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    mkdtempDisposable,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants,
  },
  FileHandle,
  kRef,
  kUnref,
};
