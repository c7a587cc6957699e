'use strict';
// actorjs:fs, what node's fs does not have: advisory file locks, pidfile locks and atomic
// writes, on the lock actor and the pool calls of the actor layer (internalBinding('fs_lock')),
// which Rust services use as they are.
//
//   lock(path, { shared = false, wait = true, signal }) → Promise<FileLock>
//   tryLock(path, { shared }) → Promise<FileLock>, failing with EWOULDBLOCK at once when held
//   withLock(path, fn, options) → what fn(lock) returns; the lock is released after it settles
//   pidLock(path, { stale }) → Promise<PidLock>
//   atomicWrite(path, data, { mode, fsync = true, fsyncDir = true, encoding }) → Promise<void>
//
// Locks are flock(2) locks on the file (created if missing): advisory, shared by nobody across
// two opens in one process (each lock opens the file anew), released by unlock(), by closing,
// and by the process ending however it ends. Waiting is the lock actor's: it retries with a
// growing delay, so it never holds the event loop or a worker, and an AbortSignal ends it.

const { op_fs_read_only } = internalBinding('fs');
const {
  op_lock_open,
  op_lock_acquire,
  op_lock_cancel,
  op_lock_close,
  op_pid_lock,
  op_pid_unlock,
  op_atomic_write,
} = internalBinding('fs_lock');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateFunction, validateObject, validateInt32 } = require('internal/validators');
const { getValidatedPath, toOpPath } = require('internal/fs/utils');

const EWOULDBLOCK = -11;
const ECANCELED = -125;

// The path as the ops take it: strings, Buffers and file: URLs, checked as fs checks them.
function opPath(path) {
  if (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
  }
  return toOpPath(getValidatedPath(path));
}

function wouldBlock(path) {
  const err = new Error(`EWOULDBLOCK: resource temporarily unavailable, flock '${path}'`);
  err.errno = EWOULDBLOCK;
  err.code = 'EWOULDBLOCK';
  err.syscall = 'flock';
  err.path = `${path}`;
  return err;
}

class FileLock {
  #n;
  #path;
  #shared;

  constructor(n, path, shared) {
    this.#n = n;
    this.#path = path;
    this.#shared = shared;
  }

  get path() {
    return this.#path;
  }

  get shared() {
    return this.#shared;
  }

  get locked() {
    return this.#n !== null;
  }

  // Releases the lock and closes the file; a second call does nothing.
  async unlock() {
    const n = this.#n;
    if (n === null) return;
    this.#n = null;
    await op_lock_close(n);
  }

  [Symbol.asyncDispose]() {
    return this.unlock();
  }
}

async function lock(path, options = undefined) {
  const file = opPath(path);
  if (options != null) validateObject(options, 'options');
  const shared = options?.shared ?? false;
  const wait = options?.wait ?? true;
  const signal = options?.signal;
  validateBoolean(shared, 'options.shared');
  validateBoolean(wait, 'options.wait');
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  const n = await op_lock_open(file);
  const onAbort = () => op_lock_cancel(n);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await op_lock_acquire(n, shared, wait);
    return new FileLock(n, `${path}`, shared);
  } catch (err) {
    await op_lock_close(n);
    if (err.errno === EWOULDBLOCK) throw wouldBlock(path);
    if (err.errno === ECANCELED && signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function tryLock(path, options = undefined) {
  if (options != null) validateObject(options, 'options');
  return lock(path, { shared: options?.shared ?? false, wait: false });
}

async function withLock(path, fn, options = undefined) {
  validateFunction(fn, 'fn');
  const held = await lock(path, options);
  try {
    return await fn(held);
  } finally {
    await held.unlock();
  }
}

// --- pidfile locks ----------------------------------------------------------------------------

class PidLock {
  #path;
  #onExit;

  constructor(path) {
    this.#path = path;
    // The file goes with the process however it exits normally.
    this.#onExit = () => {
      try {
        op_pid_unlock(opPath(path));
      } catch {
        // Already gone, or no longer reachable.
      }
    };
    process.on('exit', this.#onExit);
  }

  get path() {
    return this.#path;
  }

  // Removes the pidfile if it is still ours.
  async release() {
    if (this.#onExit === null) return;
    process.off('exit', this.#onExit);
    this.#onExit = null;
    await op_pid_unlock(opPath(this.#path), true);
  }

  [Symbol.asyncDispose]() {
    return this.release();
  }
}

// Writes this process's pid to `path`. A file naming a live process is respected (ELOCKED);
// one naming a dead process, or older than `stale` milliseconds, is taken over.
async function pidLock(path, options = undefined) {
  const file = opPath(path);
  if (options != null) validateObject(options, 'options');
  const stale = options?.stale;
  if (stale !== undefined && (typeof stale !== 'number' || !(stale >= 0))) {
    throw new ERR_INVALID_ARG_TYPE('options.stale', 'number', stale);
  }
  path = `${path}`;
  const holder = await op_pid_lock(file, stale ?? -1, true);
  if (holder === 0) return new PidLock(path);
  const err = new Error(holder > 0 ? `ELOCKED: '${path}' is held by process ${holder}` : `ELOCKED: '${path}' keeps being taken`);
  err.code = 'ELOCKED';
  err.path = path;
  if (holder > 0) err.pid = holder;
  throw err;
}

// --- atomic writes ----------------------------------------------------------------------------

// Writes `data` to a temporary file next to `path`, optionally syncs it, renames it over
// `path` and optionally syncs the directory: a reader sees the old content or the new, never a
// part. The temporary file is removed when anything fails.
async function atomicWrite(path, data, options = undefined) {
  const file = opPath(path);
  if (typeof options === 'string') options = { encoding: options };
  if (options != null) validateObject(options, 'options');
  const mode = options?.mode ?? 0o666;
  const sync = options?.fsync ?? true;
  const syncDir = options?.fsyncDir ?? true;
  validateInt32(mode, 'options.mode', 0);
  validateBoolean(sync, 'options.fsync');
  validateBoolean(syncDir, 'options.fsyncDir');
  let bytes;
  if (typeof data === 'string') {
    bytes = Buffer.from(data, options?.encoding ?? 'utf8');
  } else if (ArrayBuffer.isView(data)) {
    bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  await op_atomic_write(file, bytes, mode, sync, syncDir, true);
}

// readOnly(fd) → a second fd for the same open file that refuses writes with EBADF, as a file
// opened 'r' does: an attenuated capability to hand to code that should only read. Closing
// either fd leaves the other open.
function readOnly(fd) {
  validateInt32(fd, 'fd', 0);
  return op_fs_read_only(fd);
}

module.exports = {
  atomicWrite,
  readOnly,
  lock,
  pidLock,
  tryLock,
  withLock,
  FileLock,
  PidLock,
};
