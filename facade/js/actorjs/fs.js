'use strict';
// actorjs:fs, what node's fs does not have: advisory file locks, pidfile locks and atomic
// writes. Everything blocking runs on the disk pool; waiting for a lock retries with a growing
// delay, so it never holds the event loop and an AbortSignal can end it.
//
//   lock(path, { shared = false, wait = true, signal }) → Promise<FileLock>
//   tryLock(path, { shared }) → Promise<FileLock>, failing with EWOULDBLOCK at once when held
//   withLock(path, fn, options) → what fn(lock) returns; the lock is released after it settles
//   pidLock(path, { stale }) → Promise<PidLock>
//   atomicWrite(path, data, { mode, fsync = true, fsyncDir = true, encoding }) → Promise<void>
//
// Locks are flock(2) locks on the file (created if missing): advisory, shared by nobody across
// two opens in one process (each lock opens the file anew), released by unlock(), by closing,
// and by the process ending however it ends.

const fsp = require('fs/promises');
const fs = require('fs');
const pathModule = require('path');
const { op_fs_flock, op_fs_read_only } = internalBinding('fs');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateFunction, validateObject, validateInt32 } = require('internal/validators');

const LOCK_SH = 1;
const LOCK_EX = 2;
const LOCK_NB = 4;
const LOCK_UN = 8;
const EWOULDBLOCK = -11;

function validatePath(path) {
  if (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
  }
}

function wouldBlock(path) {
  const err = new Error(`EWOULDBLOCK: resource temporarily unavailable, flock '${path}'`);
  err.errno = EWOULDBLOCK;
  err.code = 'EWOULDBLOCK';
  err.syscall = 'flock';
  err.path = `${path}`;
  return err;
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal.reason }));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class FileLock {
  #handle;
  #path;
  #shared;

  constructor(handle, path, shared) {
    this.#handle = handle;
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
    return this.#handle !== null;
  }

  // Releases the lock and closes the file; a second call does nothing.
  async unlock() {
    const handle = this.#handle;
    if (handle === null) return;
    this.#handle = null;
    try {
      await op_fs_flock(handle.fd, LOCK_UN, true);
    } finally {
      await handle.close();
    }
  }

  [Symbol.asyncDispose]() {
    return this.unlock();
  }
}

async function lock(path, options = undefined) {
  validatePath(path);
  if (options != null) validateObject(options, 'options');
  const shared = options?.shared ?? false;
  const wait = options?.wait ?? true;
  const signal = options?.signal;
  validateBoolean(shared, 'options.shared');
  validateBoolean(wait, 'options.wait');
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  const handle = await fsp.open(path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
  const operation = (shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
  let pause = 2;
  try {
    for (;;) {
      try {
        await op_fs_flock(handle.fd, operation, true);
        return new FileLock(handle, `${path}`, shared);
      } catch (err) {
        if (err.errno !== EWOULDBLOCK) throw err;
        if (!wait) throw wouldBlock(path);
      }
      await delay(pause, signal);
      pause = Math.min(pause * 2, 100);
    }
  } catch (err) {
    await handle.close();
    throw err;
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

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

class PidLock {
  #path;
  #onExit;

  constructor(path) {
    this.#path = path;
    // The file goes with the process however it exits normally.
    this.#onExit = () => {
      try {
        if (fs.readFileSync(path, 'latin1').trim() === `${process.pid}`) fs.unlinkSync(path);
      } catch {
        // Already gone.
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
    try {
      if ((await fsp.readFile(this.#path, 'latin1')).trim() === `${process.pid}`) await fsp.unlink(this.#path);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }

  [Symbol.asyncDispose]() {
    return this.release();
  }
}

// Writes this process's pid to `path`. A file naming a live process is respected (ELOCKED);
// one naming a dead process, or older than `stale` milliseconds, is taken over.
async function pidLock(path, options = undefined) {
  validatePath(path);
  if (options != null) validateObject(options, 'options');
  const stale = options?.stale;
  if (stale !== undefined && (typeof stale !== 'number' || !(stale >= 0))) {
    throw new ERR_INVALID_ARG_TYPE('options.stale', 'number', stale);
  }
  path = `${path}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fsp.writeFile(path, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      return new PidLock(path);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder;
    let mtimeMs;
    try {
      holder = Number.parseInt(await fsp.readFile(path, 'latin1'), 10);
      ({ mtimeMs } = await fsp.stat(path));
    } catch (err) {
      if (err.code === 'ENOENT') continue;
      throw err;
    }
    const expired = stale !== undefined && Date.now() - mtimeMs > stale;
    if (holder > 0 && holder !== process.pid && isAlive(holder) && !expired) {
      const err = new Error(`ELOCKED: '${path}' is held by process ${holder}`);
      err.code = 'ELOCKED';
      err.path = path;
      err.pid = holder;
      throw err;
    }
    try {
      await fsp.unlink(path);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
  const err = new Error(`ELOCKED: '${path}' keeps being taken`);
  err.code = 'ELOCKED';
  err.path = path;
  throw err;
}

// --- atomic writes ----------------------------------------------------------------------------

let tempCounter = 0;

// Writes `data` to a temporary file next to `path`, optionally syncs it, renames it over
// `path` and optionally syncs the directory: a reader sees the old content or the new, never a
// part. The temporary file is removed when anything fails.
async function atomicWrite(path, data, options = undefined) {
  validatePath(path);
  if (typeof options === 'string') options = { encoding: options };
  if (options != null) validateObject(options, 'options');
  const mode = options?.mode ?? 0o666;
  const sync = options?.fsync ?? true;
  const syncDir = options?.fsyncDir ?? true;
  validateBoolean(sync, 'options.fsync');
  validateBoolean(syncDir, 'options.fsyncDir');
  path = `${path}`;
  const dir = pathModule.dirname(path);
  const temp = pathModule.join(dir, `.${pathModule.basename(path)}.${process.pid}.${tempCounter++}.tmp`);
  let handle = await fsp.open(temp, 'wx', mode);
  try {
    await handle.writeFile(data, options?.encoding === undefined ? undefined : { encoding: options.encoding });
    if (sync) await handle.sync();
    await handle.close();
    handle = null;
    await fsp.rename(temp, path);
  } catch (err) {
    if (handle !== null) await handle.close().catch(() => {});
    await fsp.unlink(temp).catch(() => {});
    throw err;
  }
  if (syncDir) {
    const d = await fsp.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  }
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
