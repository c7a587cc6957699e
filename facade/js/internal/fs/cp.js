'use strict';
// fs.cp, fs.cpSync and fsPromises.cp: https://nodejs.org/docs/latest-v20.x/api/fs.html#fscpsrc-dest-options-callback
//
// The copy is written once, as a generator that yields the filesystem calls it needs
// (`[name, ...args]`); a synchronous driver answers them with fs's *Sync functions and an
// asynchronous one with fs/promises. The steps and errors follow node's (itself fs-extra's
// copy): check src against dest, refuse copying a directory into itself, create dest's parent,
// then copy files, directories and symlinks according to the options.

const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { getValidatedPath, toOpPath, validateCpOptions } = require('internal/fs/utils');
const { dirname, isAbsolute, join, parse, resolve, sep } = require('path');

// os.constants.errno values the errors carry (positive, as node's cp gives them).
const EEXIST = 17;
const ENOTDIR = 20;
const EISDIR = 21;
const EINVAL = 22;

function cpError(Code, message, path, errno, code) {
  return new Code({ message, path, syscall: 'cp', errno, code });
}

function* copyRoot(src, dest, opts, sync) {
  if (opts.preserveTimestamps && process.arch === 'ia32') {
    process.emitWarning('Using the preserveTimestamps option in 32-bit node is not recommended', 'TimestampPrecisionWarning');
  }
  const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts, sync);
  if (skipped) return;
  yield* checkParentPaths(src, srcStat, dest);
  const destParent = dirname(dest);
  if (!(yield ['exists', destParent])) yield ['mkdir', destParent, { recursive: true }];
  yield* copyEntry(destStat, src, dest, opts, sync);
}

function* checkPaths(src, dest, opts, sync) {
  if (opts.filter && !(yield ['filter', opts.filter, src, dest])) {
    return { __proto__: null, skipped: true };
  }
  const statName = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield [statName, src, { bigint: true }];
  const destStat = yield [`${statName}OrNull`, dest, { bigint: true }];
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(
        ERR_FS_CP_DIR_TO_NON_DIR,
        `cannot overwrite non-directory ${dest} with directory ${src}`,
        dest,
        EISDIR,
        'EISDIR',
      );
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(
        ERR_FS_CP_NON_DIR_TO_DIR,
        `cannot overwrite directory ${dest} with non-directory ${src}`,
        dest,
        ENOTDIR,
        'ENOTDIR',
      );
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  return { __proto__: null, srcStat, destStat, skipped: false };
}

function areIdentical(srcStat, destStat) {
  return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
}

// Walks up from dest's parent to src's parent (or the root): finding src on the way means dest
// is inside src, whatever the path strings say (symlinks, hard links).
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = resolve(dirname(src));
  const destParent = resolve(dirname(dest));
  if (destParent === srcParent || destParent === parse(destParent).root) return;
  const destStat = yield ['statOrNull', destParent, { bigint: true }];
  if (!destStat) return;
  if (areIdentical(srcStat, destStat)) {
    throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  yield* checkParentPaths(src, srcStat, destParent);
}

function normalizePathToArray(path) {
  return resolve(path).split(sep).filter(Boolean);
}

// Whether dest is src or below it, by the path strings alone.
function isSrcSubdir(src, dest) {
  const srcArr = normalizePathToArray(src);
  const destArr = normalizePathToArray(dest);
  return srcArr.every((cur, i) => destArr[i] === cur);
}

function* copyEntry(destStat, src, dest, opts, sync) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) {
    if (!destStat) {
      yield ['mkdir', dest];
      yield* copyDir(src, dest, opts, sync);
      yield ['chmod', dest, srcStat.mode];
      return;
    }
    yield* copyDir(src, dest, opts, sync);
  } else if (srcStat.isDirectory()) {
    // node's cpSync gives this error errno EINVAL, its cp EISDIR.
    throw cpError(ERR_FS_EISDIR, `${src} is a directory (not copied)`, src, sync ? EINVAL : EISDIR, 'EISDIR');
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat) {
      if (opts.force) {
        yield ['unlink', dest];
      } else {
        if (opts.errorOnExist) {
          throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, EEXIST, 'EEXIST');
        }
        return;
      }
    }
    yield* copyFile(srcStat, src, dest, opts);
  } else if (srcStat.isSymbolicLink()) {
    yield* copyLink(destStat, src, dest, opts, sync);
  } else if (srcStat.isSocket()) {
    throw cpError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  } else if (srcStat.isFIFO()) {
    throw cpError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  } else {
    throw cpError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
  }
}

function* copyFile(srcStat, src, dest, opts) {
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // utimes opens the file for writing: make it writable first.
    if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
    // The atime of the first stat is stale: copying the file read it.
    const updated = yield ['stat', src];
    yield ['utimes', dest, updated.atime, updated.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* copyDir(src, dest, opts, sync) {
  const names = yield ['readdir', src];
  for (const name of names) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const { destStat, skipped } = yield* checkPaths(srcItem, destItem, opts, sync);
    if (!skipped) yield* copyEntry(destStat, srcItem, destItem, opts, sync);
  }
}

function* copyLink(destStat, src, dest, opts, sync) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) {
    resolvedSrc = resolve(dirname(src), resolvedSrc);
  }
  if (!destStat) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // dest exists and is not a link: replace it.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolve(dirname(dest), resolvedDest);
  // A link to a directory may not replace a link into that directory (newer node asks only
  // for directories: copying a link to a file over a link to the same file is fine).
  if (isSrcSubdir(resolvedSrc, resolvedDest) && (yield* linksToDirectory(src))) {
    throw cpError(
      ERR_FS_CP_EINVAL,
      `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`,
      dest,
      EINVAL,
      'EINVAL',
    );
  }
  // Replacing dest when src lies inside it would unlink what the new link points to.
  // (node's cpSync stats dest here, its cp stats src.)
  const checked = yield ['stat', sync ? dest : src];
  if (checked.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError(
      ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`,
      dest,
      EINVAL,
      'EINVAL',
    );
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

// Whether symlink `src` leads to a directory (a dangling link does not).
function* linksToDirectory(src) {
  try {
    return (yield ['stat', src]).isDirectory();
  } catch {
    return false;
  }
}

let fs;
function lazyFs() {
  fs ??= require('fs');
  return fs;
}

let fsp;
function lazyFsp() {
  fsp ??= require('internal/fs/promises').exports;
  return fsp;
}

function callSync([name, ...args]) {
  const f = lazyFs();
  switch (name) {
    case 'filter': {
      const [filter, src, dest] = args;
      const shouldCopy = filter(src, dest);
      if (shouldCopy instanceof Promise) throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', shouldCopy);
      return shouldCopy;
    }
    case 'exists':
      return f.existsSync(args[0]);
    case 'statOrNull':
      return f.statSync(args[0], { ...args[1], throwIfNoEntry: false }) ?? null;
    case 'lstatOrNull':
      return f.lstatSync(args[0], { ...args[1], throwIfNoEntry: false }) ?? null;
    default:
      return f[`${name}Sync`](...args);
  }
}

async function callAsync([name, ...args]) {
  const p = lazyFsp();
  switch (name) {
    case 'filter': {
      const [filter, src, dest] = args;
      return filter(src, dest);
    }
    case 'exists':
      try {
        await p.stat(args[0]);
        return true;
      } catch (err) {
        if (err.code === 'ENOENT') return false;
        throw err;
      }
    case 'statOrNull':
    case 'lstatOrNull':
      try {
        return await p[name === 'statOrNull' ? 'stat' : 'lstat'](...args);
      } catch (err) {
        if (err.code === 'ENOENT') return null;
        throw err;
      }
    default:
      return p[name](...args);
  }
}

function runSync(gen) {
  let step = gen.next();
  while (!step.done) {
    let value;
    try {
      value = callSync(step.value);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

async function runAsync(gen) {
  let step = gen.next();
  while (!step.done) {
    let value;
    try {
      value = await callAsync(step.value);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

// fsPromises.cp's worker: src and dest are validated strings, opts from validateCpOptions.
function cpFn(src, dest, opts) {
  return runAsync(copyRoot(src, dest, opts, false));
}

function cpSyncFn(src, dest, opts) {
  runSync(copyRoot(src, dest, opts, true));
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  options = validateCpOptions(options);
  src = toOpPath(getValidatedPath(src, 'src'));
  dest = toOpPath(getValidatedPath(dest, 'dest'));
  // As util.callbackify: the callback runs on a later tick, outside the promise chain.
  cpFn(src, dest, options).then(
    (value) => process.nextTick(callback, null, value),
    (err) => process.nextTick(callback, err),
  );
}

function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  src = toOpPath(getValidatedPath(src, 'src'));
  dest = toOpPath(getValidatedPath(dest, 'dest'));
  cpSyncFn(src, dest, options);
}

module.exports = {
  areIdentical,
  cp,
  cpFn,
  cpSync,
  cpSyncFn,
  isSrcSubdir,
};
