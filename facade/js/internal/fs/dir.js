'use strict';
// fs.Dir, fs.opendir and fs.opendirSync: https://nodejs.org/docs/latest-v20.x/api/fs.html#class-fsdir
//
// There is no directory-stream op: opening a Dir lists the directory with op_fs_readdir (names
// and types), and read() hands the entries out one at a time. The order is the listing's, which
// the op sorts as node's readdir does, where node's Dir gives the order of readdir(3). Errors
// from opening name `opendir` as their syscall, as node's do.

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_INVALID_THIS, ERR_MISSING_ARGS },
} = require('internal/errors');
const { promisify } = require('internal/util');
const { getDirent, getOptions, getValidatedPath, toOpPath } = require('internal/fs/utils');
const { validateFunction, validateUint32 } = require('internal/validators');

const kDirHandle = Symbol('kDirHandle');
const kDirPath = Symbol('kDirPath');
const kDirBufferedEntries = Symbol('kDirBufferedEntries');
const kDirClosed = Symbol('kDirClosed');
const kDirOptions = Symbol('kDirOptions');
const kDirReadImpl = Symbol('kDirReadImpl');
const kDirReadPromisified = Symbol('kDirReadPromisified');
const kDirClosePromisified = Symbol('kDirClosePromisified');
const kDirOperationQueue = Symbol('kDirOperationQueue');

// What an open directory holds: the entries not yet handed out, as [name, type] pairs.
class DirHandle {
  constructor(names, types) {
    this.entries = [];
    for (let i = 0; i < names.length; i++) this.entries.push([names[i], types[i]]);
  }

  // Up to `count` entries as a flat [name, type, name, type, ...] array, or null at the end.
  take(count) {
    if (this.entries.length === 0) return null;
    const batch = this.entries.splice(0, count);
    const flat = [];
    for (const [name, type] of batch) flat.push(name, type);
    return flat;
  }
}

// Node reports a failed opendir with syscall `opendir`; the listing op says `scandir`.
function asOpendirError(err) {
  if (err && err.syscall === 'scandir') {
    err.syscall = 'opendir';
    if (typeof err.message === 'string') err.message = err.message.replace(', scandir ', ', opendir ');
    if (typeof err.stack === 'string') err.stack = err.stack.replace(', scandir ', ', opendir ');
  }
  return err;
}

// `withPath` false drops the path from the error, as node's opendirSync does (its native call
// has no path to report).
function openHandleSync(path, withPath = true) {
  let listing;
  try {
    listing = binding.op_fs_readdir(path, true, undefined);
  } catch (err) {
    asOpendirError(err);
    if (!withPath && typeof err.path === 'string') {
      const suffix = ` '${err.path}'`;
      if (err.message.endsWith(suffix)) err.message = err.message.slice(0, -suffix.length);
      if (typeof err.stack === 'string') err.stack = err.stack.replace(`, opendir${suffix}`, ', opendir');
      delete err.path;
    }
    throw err;
  }
  return new DirHandle(listing[0], listing[1]);
}

class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kDirHandle] = handle;
    this[kDirBufferedEntries] = [];
    this[kDirPath] = path;
    this[kDirClosed] = false;
    // null, or the operations waiting for the one in progress.
    this[kDirOperationQueue] = null;
    this[kDirOptions] = {
      bufferSize: 32,
      ...getOptions(options, { encoding: 'utf8' }),
    };

    validateUint32(this[kDirOptions].bufferSize, 'options.bufferSize', true);

    this[kDirReadPromisified] = promisify(this[kDirReadImpl]).bind(this, false);
    this[kDirClosePromisified] = promisify(this.close).bind(this);
  }

  // Only a Dir has a path: Dir.prototype.path throws, as newer node's does.
  get path() {
    if (this?.[kDirPath] === undefined) throw new ERR_INVALID_THIS('Dir');
    return this[kDirPath];
  }

  // A closed directory throws even without a callback, as node 20's does (newer node rejects).
  read(callback) {
    return this[kDirReadImpl](true, callback);
  }

  [kDirReadImpl](maybeSync, callback) {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();

    if (callback === undefined) return this[kDirReadPromisified]();

    validateFunction(callback, 'callback');

    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => {
        this[kDirReadImpl](maybeSync, callback);
      });
      return;
    }

    if (this[kDirBufferedEntries].length > 0) {
      try {
        const dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
        if (maybeSync) {
          process.nextTick(callback, null, dirent);
        } else {
          callback(null, dirent);
        }
        return;
      } catch (error) {
        return callback(error);
      }
    }

    // The next batch comes from memory, but the callback still runs on a later turn, with
    // other operations queued behind it as they would be behind a real read.
    this[kDirOperationQueue] = [];
    setImmediate(() => {
      process.nextTick(() => {
        const queue = this[kDirOperationQueue];
        this[kDirOperationQueue] = null;
        for (const op of queue) op();
      });

      const result = this[kDirHandle].take(this[kDirOptions].bufferSize);
      if (result === null) return callback(null, null);
      try {
        this.processReadResult(this[kDirPath], result);
        const dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
        callback(null, dirent);
      } catch (error) {
        callback(error);
      }
    });
  }

  processReadResult(path, result) {
    for (let i = 0; i < result.length; i += 2) {
      this[kDirBufferedEntries].push(getDirent(path, encodeName(result[i], this[kDirOptions].encoding), result[i + 1]));
    }
  }

  // With `recursive`, a directory's entries join the buffer when the directory is handed out.
  readSyncRecursive(dirent) {
    const path = pathModule.join(dirent.parentPath, dirent.name);
    const handle = openHandleSync(path);
    const result = handle.take(Infinity);
    if (result) this.processReadResult(path, result);
  }

  readSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION();

    if (this[kDirBufferedEntries].length > 0) {
      const dirent = this[kDirBufferedEntries].shift();
      if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
      return dirent;
    }

    const result = this[kDirHandle].take(this[kDirOptions].bufferSize);
    if (result === null) return result;

    this.processReadResult(this[kDirPath], result);
    const dirent = this[kDirBufferedEntries].shift();
    if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
    return dirent;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kDirClosed] === true) return Promise.reject(new ERR_DIR_CLOSED());
      return this[kDirClosePromisified]();
    }

    validateFunction(callback, 'callback');

    if (this[kDirClosed] === true) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }

    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => {
        this.close(callback);
      });
      return;
    }

    this[kDirClosed] = true;
    this[kDirHandle].entries.length = 0;
    setImmediate(callback, null);
  }

  closeSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION();
    this[kDirClosed] = true;
    this[kDirHandle].entries.length = 0;
  }

  async *entries() {
    try {
      while (true) {
        const result = await this[kDirReadPromisified]();
        if (result === null) break;
        yield result;
      }
    } finally {
      await this[kDirClosePromisified]();
    }
  }
}

Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: Dir.prototype.entries,
  enumerable: false,
  writable: true,
  configurable: true,
});

// Names come from the op as strings; `encoding` other than UTF-8 re-encodes their bytes.
function encodeName(name, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  const bytes = Buffer.from(name);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');

  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });

  binding.op_fs_readdir(toOpPath(path), true, (err, listing) => {
    if (err) {
      callback(asOpendirError(err));
      return;
    }
    let dir;
    try {
      dir = new Dir(new DirHandle(listing[0], listing[1]), path, options);
    } catch (error) {
      callback(error);
      return;
    }
    callback(null, dir);
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const handle = openHandleSync(toOpPath(path), false);
  return new Dir(handle, path, options);
}

module.exports = {
  Dir,
  opendir,
  opendirSync,
};
