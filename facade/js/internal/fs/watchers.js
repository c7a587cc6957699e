'use strict';
// fs.FSWatcher, fs.StatWatcher and fs.promises.watch:
// https://nodejs.org/docs/latest-v20.x/api/fs.html#class-fsfswatcher
//
// Ported from node 20's lib/internal/fs/watchers.js. Node's classes sit on two native handles,
// and two small classes here stand in for them with the same shape (`start`, `close`, `ref`,
// `unref` and an `onchange` callback), so that the ported code, and node's tests that reach into
// `watcher._handle`, read the same:
//
// - FSEvent (node's fs_event_wrap) is one watch of internalBinding('fs_watch'), inotify on the
//   watcher actor. The binding reports `onevent('rename' | 'change', filename)` and
//   `onevent('error', -errno)`; FSEvent turns them into node's `onchange(status, eventType,
//   filename)`, with the filename in the watch's encoding.
// - StatPoller (node's StatWatcher binding over libuv's uv_fs_poll) is one watch of the
//   stat-watcher actor, which stats the path every `interval` ms on the disk pool and reports a
//   result that differs from the previous one the way uv_fs_poll does.
//
// Node 20 watches recursively on Linux with a second watcher written in JS
// (lib/internal/fs/recursive_watch.js). Here the binding watches subdirectories itself; only that
// watcher's option checks and its first stat of the path are kept (`validateRecursiveOptions`,
// `statRecursiveRoot`), so that a bad option or a missing path fails with node's error.
//
// fs.promises.watch queues the events that arrive between two steps of the iteration, up to
// `maxQueue`, with the `maxQueue` and `overflow` options of node 22: node 20 keeps only one.

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const {
  AbortError,
  UVException,
  codes: { ERR_FS_WATCH_QUEUE_OVERFLOW, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { createDeferredPromise, kEmptyObject } = require('internal/util');
const { getStatsFromBinding, getValidatedPath, toOpPath } = require('internal/fs/utils');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateObject,
  validateOneOf,
  validateUint32,
} = require('internal/validators');
const { resolve: pathResolve, toNamespacedPath } = require('path');
const {
  currentFrame,
  exchangeFrame,
  symbols: { owner_symbol },
} = require('internal/async_hooks');

const kFsStatsFieldsNumber = 18;
const UV_ENOSPC = -28;

const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');

const kFSWatchStart = Symbol('kFSWatchStart');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const KFSStatWatcherRefCount = Symbol('KFSStatWatcherRefCount');
const KFSStatWatcherMaxRefCount = Symbol('KFSStatWatcherMaxRefCount');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

let watchBinding;
function lazyWatchBinding() {
  if (watchBinding === undefined) watchBinding = internalBinding('fs_watch');
  return watchBinding;
}

let kResistStopPropagation;
function lazyResistStopPropagation() {
  kResistStopPropagation ??= require('internal/event_target').kResistStopPropagation;
  return kResistStopPropagation;
}


// A filename from the binding (a string) in the watch's encoding, as node's handle converts it.
function encodeFilename(filename, encoding) {
  if (typeof filename !== 'string') return filename;
  if (encoding === 'buffer') return Buffer.from(filename);
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8' || !Buffer.isEncoding(encoding)) return filename;
  return Buffer.from(filename).toString(encoding);
}

// --- FSEvent: one watch of the binding ------------------------------------------------------

class FSEvent {
  constructor() {
    this.onchange = null;
    this.initialized = false;
    this.id = -1;
    this.encoding = undefined;
  }

  // 0, or the negative errno of the failure, as node's FSEvent#start: the binding throws its
  // own error, and the caller builds node's (a UVException with `filename`) from the errno.
  // Only `persistent === true` keeps the process alive and only `recursive === true` watches
  // subdirectories, as in node's C++, which reads both with IsTrue().
  start(path, persistent, recursive, encoding) {
    if (this.initialized) return 0;
    this.encoding = encoding;
    let id;
    try {
      const frame = currentFrame();
      id = lazyWatchBinding().op_fs_watch(toOpPath(path), recursive === true, (eventType, filename) => {
        if (frame !== undefined) exchangeFrame(frame);
        this.onevent(eventType, filename);
      });
    } catch (err) {
      if (typeof err?.errno === 'number' && err.errno < 0) return err.errno;
      throw err;
    }
    this.id = id;
    this.initialized = true;
    if (persistent !== true) lazyWatchBinding().op_fs_watch_ref(id, false);
    return 0;
  }

  onevent(eventType, filename) {
    if (!this.initialized || typeof this.onchange !== 'function') return;
    if (eventType === 'error') {
      this.onchange(filename, '', null);
    } else {
      this.onchange(0, eventType, encodeFilename(filename, this.encoding));
    }
  }

  close() {
    if (!this.initialized) return;
    this.initialized = false;
    lazyWatchBinding().op_fs_watch_close(this.id);
  }

  ref() {
    if (this.initialized) lazyWatchBinding().op_fs_watch_ref(this.id, true);
  }

  unref() {
    if (this.initialized) lazyWatchBinding().op_fs_watch_ref(this.id, false);
  }
}

// Legacy alias on node's wrapper object.
Object.defineProperty(FSEvent.prototype, 'owner', {
  __proto__: null,
  get() {
    return this[owner_symbol];
  },
  set(v) {
    this[owner_symbol] = v;
  },
});

// --- StatPoller: uv_fs_poll on the stat-watcher actor ----------------------------------------

// The actor stats the path every `interval` ms on the disk pool and reports what uv_fs_poll
// reports; this holds the watch's id and whether it keeps the process alive.
class StatPoller {
  #bigint;
  #id = null;
  #refed = true;
  #closed = false;

  constructor(bigint) {
    this.#bigint = Boolean(bigint);
    this.onchange = null;
  }

  start(path, interval) {
    if (this.#closed || this.#id !== null) return 0;
    const frame = currentFrame();
    this.#id = lazyWatchBinding().op_fs_stat_watch(toOpPath(path), interval, this.#bigint, (status, stats) => {
      if (frame !== undefined) exchangeFrame(frame);
      if (typeof this.onchange === 'function') this.onchange(status, stats);
    });
    if (!this.#refed) lazyWatchBinding().op_fs_stat_watch_ref(this.#id, false);
    return 0;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#id !== null) lazyWatchBinding().op_fs_stat_unwatch(this.#id);
    this.#id = null;
  }

  ref() {
    this.#refed = true;
    if (this.#id !== null) lazyWatchBinding().op_fs_stat_watch_ref(this.#id, true);
  }

  unref() {
    this.#refed = false;
    if (this.#id !== null) lazyWatchBinding().op_fs_stat_watch_ref(this.#id, false);
  }

  hasRef() {
    return this.#refed && !this.#closed;
  }
}

// --- StatWatcher (fs.watchFile) -------------------------------------------------------------

function emitStop(self) {
  self.emit('stop');
}

function StatWatcher(bigint) {
  EventEmitter.call(this);

  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[KFSStatWatcherRefCount] = 1;
  this[KFSStatWatcherMaxRefCount] = 1;
}
Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(StatWatcher, EventEmitter);

function onchange(newStatus, stats) {
  const self = this[owner_symbol];
  if (self[kOldStatus] === -1 && newStatus === -1 && stats[2 /* new nlink */] === stats[16 /* old nlink */]) {
    return;
  }

  self[kOldStatus] = newStatus;
  self.emit('change', getStatsFromBinding(stats), getStatsFromBinding(stats, kFsStatsFieldsNumber));
}

// A no-op when the watcher has already been started. If filename is invalid, this throws the
// first time and returns silently once a valid filename has started the watcher.
StatWatcher.prototype[kFSStatWatcherStart] = function (filename, persistent, interval) {
  if (this._handle !== null) return;

  this._handle = new StatPoller(this[kUseBigint]);
  this._handle[owner_symbol] = this;
  this._handle.onchange = onchange;
  if (!persistent) this.unref();

  this[kOldStatus] = -1;

  filename = getValidatedPath(filename, 'filename');
  validateUint32(interval, 'interval');
  const err = this._handle.start(toNamespacedPath(filename), interval);
  if (err) {
    const error = new UVException({
      errno: err,
      syscall: 'watch',
      path: filename,
    });
    error.filename = filename;
    throw error;
  }
};

// Kept, undocumented, for code written against old node versions.
StatWatcher.prototype.start = () => {};

// A no-op when the watcher has not been started.
StatWatcher.prototype.stop = function () {
  if (this._handle === null) return;

  process.nextTick(emitStop, this);
  this._handle.close();
  this._handle = null;
};

// fs.watchFile shares one StatWatcher between the listeners of a file: each counts as one ref.
StatWatcher.prototype[kFSStatWatcherAddOrCleanRef] = function (operate) {
  if (operate === 'add') {
    this[KFSStatWatcherRefCount]++;
    this[KFSStatWatcherMaxRefCount]++;
  } else if (operate === 'clean') {
    this[KFSStatWatcherMaxRefCount]--;
    this.unref();
  } else if (operate === 'cleanAll') {
    this[KFSStatWatcherMaxRefCount] = 0;
    this[KFSStatWatcherRefCount] = 0;
    this._handle?.unref();
  }
};

StatWatcher.prototype.ref = function () {
  // Calling ref() again must not outweigh a later unref().
  if (this[KFSStatWatcherRefCount] === this[KFSStatWatcherMaxRefCount]) return this;
  if (this._handle && this[KFSStatWatcherRefCount]++ === 0) this._handle.ref();
  return this;
};

StatWatcher.prototype.unref = function () {
  // Calling unref() again must not outweigh a later ref().
  if (this[KFSStatWatcherRefCount] === 0) return this;
  if (this._handle && --this[KFSStatWatcherRefCount] === 0) this._handle.unref();
  return this;
};

// --- FSWatcher (fs.watch) -------------------------------------------------------------------

function watchError(err, filename) {
  const error = new UVException({
    errno: err,
    syscall: 'watch',
    path: filename,
    message: err === UV_ENOSPC ? 'System limit for number of file watchers reached' : '',
  });
  error.filename = filename;
  return error;
}

// The `ignore` option (node 24's; node 20 has none): a glob string (matched against the
// filename, or its last segment for a pattern without a slash), a RegExp, a function of the
// filename, or an array of these. Returns the test, or null when nothing is ignored.
function createIgnoreMatcher(ignore, name = 'options.ignore') {
  if (ignore == null) return null;
  const list = Array.isArray(ignore) ? ignore : [ignore];
  const tests = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const itemName = Array.isArray(ignore) ? `${name}[${i}]` : name;
    if (typeof item === 'string') {
      if (item === '') throw new ERR_INVALID_ARG_VALUE(itemName, item, 'must not be empty');
      const { matchesGlob } = require('internal/fs/glob');
      tests.push((filename) => matchesGlob(filename, item, true));
    } else if (item instanceof RegExp) {
      tests.push((filename) => {
        item.lastIndex = 0;
        return item.test(filename);
      });
    } else if (typeof item === 'function') {
      tests.push((filename) => Boolean(item(filename)));
    } else {
      throw new ERR_INVALID_ARG_TYPE(itemName, ['string', 'RegExp', 'Function', 'Array'], item);
    }
  }
  return (filename) => {
    if (filename == null) return false;
    const text = typeof filename === 'string' ? filename : filename.toString();
    for (let i = 0; i < tests.length; i++) if (tests[i](text)) return true;
    return false;
  };
}

const kIgnore = Symbol('kIgnore');

function FSWatcher() {
  EventEmitter.call(this);
  this[kIgnore] = null;

  this._handle = new FSEvent();
  this._handle[owner_symbol] = this;

  this._handle.onchange = (status, eventType, filename) => {
    if (status < 0) {
      if (this._handle !== null) {
        // Not this.close(): a failed watcher emits 'error', not 'close'.
        this._handle.close();
        this._handle = null;
      }
      const error = new UVException({
        errno: status,
        syscall: 'watch',
        path: filename,
      });
      error.filename = filename;
      this.emit('error', error);
    } else if (this[kIgnore] === null || !this[kIgnore](filename)) {
      this.emit('change', eventType, filename);
    }
  };
}
Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(FSWatcher, EventEmitter);

// A no-op when the watcher has already been started or closed. If filename is invalid, this
// throws the first time and returns silently once a valid filename has started the watcher.
FSWatcher.prototype[kFSWatchStart] = function (filename, persistent, recursive, encoding) {
  if (this._handle === null) return;
  if (this._handle.initialized) return;

  filename = getValidatedPath(filename, 'filename');
  if (recursive === true) statRecursiveRoot(filename);

  const err = this._handle.start(toNamespacedPath(filename), persistent, recursive, encoding);
  if (err) throw watchError(err, filename);
};

// Kept, undocumented, for code written against old node versions.
FSWatcher.prototype.start = () => {};

// A no-op when the watcher has not been started or has already been closed.
FSWatcher.prototype.close = function () {
  if (this._handle === null) return;
  if (!this._handle.initialized) return;
  this._handle.close();
  this._handle = null;
  process.nextTick(emitCloseNT, this);
};

FSWatcher.prototype.ref = function () {
  if (this._handle) this._handle.ref();
  return this;
};

FSWatcher.prototype.unref = function () {
  if (this._handle) this._handle.unref();
  return this;
};

function emitCloseNT(self) {
  self.emit('close');
}

// The checks of node 20's recursive watcher (lib/internal/fs/recursive_watch.js), which fs.watch
// and fs.promises.watch use for `recursive` on Linux.
function validateRecursiveOptions(options) {
  const { persistent, recursive, signal, encoding } = options;
  if (recursive != null) validateBoolean(recursive, 'options.recursive');
  if (persistent != null) validateBoolean(persistent, 'options.persistent');
  if (signal != null) validateAbortSignal(signal, 'options.signal');
  // Node passes the value as the name here; as a string, it makes the same message.
  if (encoding != null && typeof encoding !== 'string') {
    throw new ERR_INVALID_ARG_VALUE(String(encoding), 'options.encoding');
  }
}

// That watcher starts with a stat of the resolved path: a missing path fails with the stat's
// error (`ENOENT: ..., stat '/abs/path'`), its `filename` the resolved path.
function statRecursiveRoot(filename) {
  const resolved = pathResolve(toOpPath(filename));
  try {
    require('fs').statSync(resolved);
  } catch (error) {
    if (error?.code === 'ENOENT') {
      error.filename = resolved;
      throw error;
    }
  }
}

// --- fs.promises.watch ----------------------------------------------------------------------

// Node 20's fs.promises.watch: a `recursive` watch takes the checks of node 20's recursive
// watcher (no encoding check, the path stat'ed first), any other the checks of its FSEvent watch.
async function* watch(filename, options = kEmptyObject) {
  validateObject(options, 'options');
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const recursiveWatcher = options.recursive === true;

  if (recursiveWatcher) validateRecursiveOptions(options);
  const path = toNamespacedPath(getValidatedPath(filename));
  if (recursiveWatcher) statRecursiveRoot(path);

  const {
    persistent = true,
    recursive = false,
    encoding = 'utf8',
    maxQueue = 2048,
    overflow = 'ignore',
    signal,
  } = options;

  if (!recursiveWatcher) {
    validateBoolean(persistent, 'options.persistent');
    validateBoolean(recursive, 'options.recursive');
  }
  validateInteger(maxQueue, 'options.maxQueue');
  validateOneOf(overflow, 'options.overflow', ['ignore', 'error']);
  validateAbortSignal(signal, 'options.signal');
  const ignored = createIgnoreMatcher(options.ignore);

  // Node 20 passes the value as the name and the name as the value here; the value as a string
  // makes the same message.
  if (!recursiveWatcher && encoding && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(String(encoding), 'encoding', 'is invalid encoding');
  }

  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  const handle = new FSEvent();
  let { promise, resolve } = createDeferredPromise();
  const queue = [];
  const oncancel = () => {
    handle.close();
    resolve();
  };

  try {
    if (signal) {
      signal.addEventListener('abort', oncancel, {
        __proto__: null,
        once: true,
        [lazyResistStopPropagation()]: true,
      });
    }
    handle.onchange = (status, eventType, filename) => {
      if (status < 0) {
        const error = new UVException({
          errno: status,
          syscall: 'watch',
          path: filename,
        });
        error.filename = filename;
        handle.close();
        queue.push(error);
        resolve();
        return;
      }
      if (ignored !== null && ignored(filename)) return;
      if (queue.length < maxQueue) {
        queue.push({ eventType, filename });
        resolve();
      } else if (overflow === 'error') {
        queue.length = 0;
        queue.push(new ERR_FS_WATCH_QUEUE_OVERFLOW(maxQueue));
        resolve();
      } else {
        process.emitWarning('fs.watch maxQueue exceeded');
      }
    };

    const err = handle.start(path, persistent, recursive, encoding);
    if (err) {
      handle.close();
      throw watchError(err, filename);
    }

    while (!signal?.aborted) {
      await promise;
      while (queue.length) {
        const item = queue.shift();
        if (item instanceof Error) throw item;
        yield item;
      }
      ({ promise, resolve } = createDeferredPromise());
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
}

module.exports = {
  createIgnoreMatcher,
  kIgnore,
  FSWatcher,
  StatWatcher,
  kFSWatchStart,
  kFSStatWatcherStart,
  kFSStatWatcherAddOrCleanRef,
  validateRecursiveOptions,
  watch,
};
