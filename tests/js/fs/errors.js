'use strict';
// Argument validation (node's codes and messages, including the ones node 20 raises from C++)
// and failing system calls in sync and callback forms: name, code, errno, syscall, path, dest.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-errors-'));
// Node's callback mkdtemp names the filled-in template in its error; its letters are random.
const rel = (s) =>
  s === undefined
    ? s
    : String(s)
        .split(tmp)
        .join('<tmp>')
        .split(process.cwd())
        .join('<cwd>')
        .replace(/x-[A-Za-z0-9]{6}\b/g, 'x-XXXXXX');
const file = path.join(tmp, 'file');
const dir = path.join(tmp, 'dir');
const missing = path.join(tmp, 'missing');
fs.writeFileSync(file, 'data');
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'inner'), '');

function describe(err) {
  const fields = [err.name, err.code, err.errno, err.syscall, rel(err.path), rel(err.dest)];
  return `${fields.map(String).join(' | ')} | ${rel(err.message)}`;
}

function attempt(label, fn) {
  try {
    const value = fn();
    console.log(label, '-> ok', value);
  } catch (err) {
    console.log(label, '->', describe(err));
  }
}

const noop = () => {};

console.log('--- invalid arguments');
attempt('openSync(5)', () => fs.openSync(5));
attempt('openSync(undefined)', () => fs.openSync());
attempt('openSync(null byte)', () => fs.openSync('/x\0y'));
attempt('openSync(Buffer null byte)', () => fs.openSync(Buffer.from('a\0')));
attempt('openSync(http URL)', () => fs.openSync(new URL('http://x/y')));
attempt('openSync(file URL host)', () => fs.openSync(new URL('file://host/y')));
attempt('openSync bad flags', () => fs.openSync(file, 'rw'));
attempt('openSync flags 1.5', () => fs.openSync(file, 1.5));
attempt('openSync flags {}', () => fs.openSync(file, {}));
attempt('openSync bad mode', () => fs.openSync(file, 'r', 'abc'));
attempt('openSync mode -1', () => fs.openSync(file, 'r', -1));
attempt('open no cb', () => fs.open(file, 'r'));
attempt('open cb not function', () => fs.open(file, 'r', 0o666, 'x'));
attempt('closeSync("x")', () => fs.closeSync('x'));
attempt('closeSync(-1)', () => fs.closeSync(-1));
attempt('closeSync(1.5)', () => fs.closeSync(1.5));
attempt('close(fd, 5)', () => fs.close(123456, 5));
attempt('fstatSync("x")', () => fs.fstatSync('x'));
attempt('fstat no cb', () => fs.fstat(1));
attempt('fstat bad fd', () => fs.fstat('x', noop));
attempt('fsyncSync(-1)', () => fs.fsyncSync(-1));
attempt('fdatasyncSync("x")', () => fs.fdatasyncSync('x'));
attempt('ftruncateSync("x")', () => fs.ftruncateSync('x'));
attempt('ftruncateSync len', () => fs.ftruncateSync(0, 'x'));
attempt('fchmodSync("x")', () => fs.fchmodSync('x', 0o644));
attempt('fchmodSync mode', () => fs.fchmodSync(0, 'zz'));
attempt('futimesSync("x")', () => fs.futimesSync('x', 1, 1));
attempt('futimesSync atime', () => fs.futimesSync(0, {}, 1));
attempt('fchownSync("x")', () => fs.fchownSync('x', 1, 1));
attempt('accessSync mode "x"', () => fs.accessSync(file, 'x'));
attempt('accessSync mode 8', () => fs.accessSync(file, 8));
attempt('copyFileSync mode 8', () => fs.copyFileSync(file, missing, 8));
attempt('copyFileSync mode "x"', () => fs.copyFileSync(file, missing, 'x'));
attempt('copyFileSync src', () => fs.copyFileSync(1, missing));
attempt('copyFileSync dest', () => fs.copyFileSync(file, null));
attempt('readdirSync bad encoding', () => fs.readdirSync(tmp, 'bogus'));
attempt('readdirSync options 5', () => fs.readdirSync(tmp, 5));
attempt('readdirSync recursive', () => fs.readdirSync(tmp, { recursive: 1 }));
attempt('mkdirSync recursive 1', () => fs.mkdirSync(missing, { recursive: 1 }));
attempt('mkdirSync mode', () => fs.mkdirSync(missing, { mode: 'rwx' }));
attempt('rmSync maxRetries', () => fs.rmSync(missing, { maxRetries: -1 }));
attempt('rmSync force', () => fs.rmSync(missing, { force: 'yes' }));
attempt('rmSync recursive', () => fs.rmSync(missing, { recursive: 'yes' }));
attempt('rmSync retryDelay', () => fs.rmSync(missing, { retryDelay: 1.5 }));
attempt('rmSync options', () => fs.rmSync(missing, 'x'));
attempt('rmdirSync options', () => fs.rmdirSync(missing, { maxRetries: 'x' }));
attempt('readSync empty buffer', () => fs.readSync(0, Buffer.alloc(0)));
attempt('readSync bad buffer', () => fs.readSync(0, 'x'));
attempt('readSync offset', () => fs.readSync(0, Buffer.alloc(4), -1, 1, 0));
attempt('readSync length', () => fs.readSync(0, Buffer.alloc(4), 2, 3, 0));
attempt('readSync position', () => fs.readSync(0, Buffer.alloc(4), 0, 1, 'x'));
attempt('readSync position -2', () => fs.readSync(0, Buffer.alloc(4), 0, 1, -2));
attempt('readSync options', () => fs.readSync(0, Buffer.alloc(4), { offset: 9 }));
attempt('read no cb', () => fs.read(0, Buffer.alloc(4), 0, 4, 0));
attempt('read bad options', () => fs.read(0, Buffer.alloc(4), 5, noop));
attempt('writeSync offset', () => fs.writeSync(1, Buffer.alloc(4), 5));
attempt('writeSync length', () => fs.writeSync(1, Buffer.alloc(4), 1, 4));
attempt('writeSync data', () => fs.writeSync(1, 5));
attempt('writeSync hex odd', () => fs.writeSync(1, 'abc', 0, 'hex'));
attempt('write no cb', () => fs.write(1, Buffer.alloc(1)));
attempt('write string no cb', () => fs.write(1, 'x'));
attempt('writevSync', () => fs.writevSync(1, [1]));
attempt('readvSync', () => fs.readvSync(0, 'x'));
attempt('utimesSync', () => fs.utimesSync(file, {}, 1));
attempt('utimesSync string', () => fs.utimesSync(file, 'soon', 1));
attempt('chownSync uid', () => fs.chownSync(file, -2, 1));
attempt('chownSync gid', () => fs.chownSync(file, 1, 2 ** 32));
attempt('chownSync uid type', () => fs.chownSync(file, '1', 1));
attempt('symlinkSync target', () => fs.symlinkSync(1, missing));
attempt('linkSync', () => fs.linkSync(file, 2));
attempt('renameSync', () => fs.renameSync(null, file));
attempt('writeFileSync data', () => fs.writeFileSync(missing, 5));
attempt('writeFileSync flush', () => fs.writeFileSync(missing, '', { flush: 1 }));
attempt('writeFileSync options', () => fs.writeFileSync(missing, '', 5));
attempt('writeFileSync encoding', () => fs.writeFileSync(missing, '', 'nope'));
attempt('readFileSync flag', () => fs.readFileSync(file, { flag: 'zz' }));
attempt('readFile cb', () => fs.readFile(file));
attempt('readFile bad flag', () => fs.readFile(file, { flag: 'zz' }, noop));
attempt('writeFile cb', () => fs.writeFile(file, 'x'));
attempt('appendFile cb', () => fs.appendFile(file, 'x', {}));
attempt('exists cb', () => fs.exists(file));
attempt('mkdtempSync prefix', () => fs.mkdtempSync(5));
attempt('mkdtemp cb', () => fs.mkdtemp(path.join(tmp, 'x')));
attempt('stat cb', () => fs.stat(file));
attempt('stat path', () => fs.stat(5, noop));
attempt('statfs cb', () => fs.statfs(tmp));
attempt('readlink path', () => fs.readlinkSync({}));
attempt('realpathSync path', () => fs.realpathSync({}));
attempt('realpath cb', () => fs.realpath(tmp));
attempt('rename cb', () => fs.rename(file, file));
attempt('unlink cb', () => fs.unlink(file, null));
attempt('truncate len', () => fs.truncate(file, 'x', noop));
attempt('ftruncate cb', () => fs.ftruncate(0, 0));
attempt('truncateSync missing', () => fs.truncateSync(missing, 'x'));

console.log('--- failing system calls');
attempt('openSync ENOENT', () => fs.openSync(missing));
attempt('openSync EEXIST', () => fs.openSync(file, 'wx'));
attempt('openSync ENOTDIR', () => fs.openSync(path.join(file, 'x')));
attempt('openSync EISDIR', () => fs.openSync(dir, 'w'));
attempt('readFileSync ENOENT', () => fs.readFileSync(missing));
attempt('readFileSync EISDIR', () => fs.readFileSync(dir));
attempt('readFileSync EISDIR utf8', () => fs.readFileSync(dir, 'utf8'));
attempt('writeFileSync EISDIR', () => fs.writeFileSync(dir, 'x'));
attempt('statSync ENOENT', () => fs.statSync(missing));
attempt('statSync ENOENT no throw', () => fs.statSync(missing, { throwIfNoEntry: false }));
attempt('lstatSync ENOENT no throw', () => fs.lstatSync(missing, { throwIfNoEntry: false }));
attempt('statSync ENOTDIR no throw', () => fs.statSync(path.join(file, 'x'), { throwIfNoEntry: false }));
attempt('lstatSync ENOENT', () => fs.lstatSync(missing));
attempt('readdirSync ENOENT', () => fs.readdirSync(missing));
attempt('readdirSync ENOTDIR', () => fs.readdirSync(file));
attempt('mkdirSync EEXIST', () => fs.mkdirSync(dir));
attempt('mkdirSync ENOENT', () => fs.mkdirSync(path.join(missing, 'a')));
attempt('mkdirSync recursive ENOTDIR', () => fs.mkdirSync(path.join(file, 'a'), { recursive: true }));
attempt('mkdirSync recursive EEXIST file', () => fs.mkdirSync(file, { recursive: true }));
attempt('rmdirSync ENOTEMPTY', () => fs.rmdirSync(dir));
attempt('rmdirSync ENOTDIR', () => fs.rmdirSync(file));
attempt('rmdirSync ENOENT', () => fs.rmdirSync(missing));
attempt('rmSync ENOENT', () => fs.rmSync(missing));
attempt('rmSync ENOENT force', () => fs.rmSync(missing, { force: true }));
attempt('rmSync EISDIR', () => fs.rmSync(dir));
attempt('unlinkSync EISDIR', () => fs.unlinkSync(dir));
attempt('renameSync ENOENT', () => fs.renameSync(missing, path.join(tmp, 'other')));
attempt('renameSync dir over file', () => fs.renameSync(dir, file));
attempt('linkSync EEXIST', () => fs.linkSync(file, file));
attempt('symlinkSync EEXIST', () => fs.symlinkSync('anything', file));
attempt('readlinkSync EINVAL', () => fs.readlinkSync(file));
attempt('readlinkSync ENOENT', () => fs.readlinkSync(missing));
attempt('realpathSync ENOENT', () => fs.realpathSync(path.join(missing, 'a')));
attempt('realpathSync.native ENOENT', () => fs.realpathSync.native(path.join(missing, 'a')));
attempt('copyFileSync ENOENT', () => fs.copyFileSync(missing, path.join(tmp, 'other')));
attempt('copyFileSync EXCL', () => fs.copyFileSync(file, file, fs.constants.COPYFILE_EXCL));
attempt('accessSync ENOENT', () => fs.accessSync(missing));
attempt('chmodSync ENOENT', () => fs.chmodSync(missing, 0o644));
attempt('utimesSync ENOENT', () => fs.utimesSync(missing, 1, 1));
attempt('truncateSync ENOENT', () => fs.truncateSync(missing));
attempt('truncateSync EISDIR', () => fs.truncateSync(dir));
attempt('closeSync EBADF', () => fs.closeSync(987654));
attempt('fstatSync EBADF', () => fs.fstatSync(987654));
attempt('readSync EBADF', () => fs.readSync(987654, Buffer.alloc(1)));
attempt('writeSync EBADF', () => fs.writeSync(987654, 'x'));
attempt('mkdtempSync ENOENT', () => fs.mkdtempSync(path.join(missing, 'x-')));

console.log('--- callbacks');
const steps = [
  ['open ENOENT', (cb) => fs.open(missing, cb)],
  ['readFile ENOENT', (cb) => fs.readFile(missing, cb)],
  ['readFile EISDIR', (cb) => fs.readFile(dir, cb)],
  ['writeFile ENOENT', (cb) => fs.writeFile(path.join(missing, 'x'), 'x', cb)],
  ['appendFile EISDIR', (cb) => fs.appendFile(dir, 'x', cb)],
  ['stat ENOENT', (cb) => fs.stat(missing, cb)],
  ['lstat ENOENT', (cb) => fs.lstat(missing, cb)],
  ['fstat EBADF', (cb) => fs.fstat(987654, cb)],
  ['readdir ENOTDIR', (cb) => fs.readdir(file, cb)],
  ['readdir withFileTypes ENOENT', (cb) => fs.readdir(missing, { withFileTypes: true }, cb)],
  ['mkdir EEXIST', (cb) => fs.mkdir(dir, cb)],
  ['rmdir ENOTEMPTY', (cb) => fs.rmdir(dir, cb)],
  ['rm EISDIR', (cb) => fs.rm(dir, cb)],
  ['rm ENOENT', (cb) => fs.rm(missing, cb)],
  ['rm ENOENT force', (cb) => fs.rm(missing, { force: true }, cb)],
  ['unlink ENOENT', (cb) => fs.unlink(missing, cb)],
  ['rename ENOENT', (cb) => fs.rename(missing, file + '2', cb)],
  ['link ENOENT', (cb) => fs.link(missing, file + '2', cb)],
  ['symlink EEXIST', (cb) => fs.symlink('x', file, cb)],
  ['readlink EINVAL', (cb) => fs.readlink(file, cb)],
  ['realpath ENOENT', (cb) => fs.realpath(path.join(missing, 'a'), cb)],
  ['realpath.native ENOENT', (cb) => fs.realpath.native(path.join(missing, 'a'), cb)],
  ['copyFile EXCL', (cb) => fs.copyFile(file, file, fs.constants.COPYFILE_EXCL, cb)],
  ['access ENOENT', (cb) => fs.access(missing, cb)],
  ['chmod ENOENT', (cb) => fs.chmod(missing, 0o644, cb)],
  ['utimes ENOENT', (cb) => fs.utimes(missing, 1, 1, cb)],
  ['truncate ENOENT', (cb) => fs.truncate(missing, cb)],
  ['close EBADF', (cb) => fs.close(987654, cb)],
  ['read EBADF', (cb) => fs.read(987654, Buffer.alloc(1), 0, 1, null, cb)],
  ['write EBADF', (cb) => fs.write(987654, 'x', cb)],
  ['mkdtemp ENOENT', (cb) => fs.mkdtemp(path.join(missing, 'x-'), cb)],
  ['exists missing', (cb) => fs.exists(missing, (ok) => cb(null, ok))],
];

function next(i) {
  if (i === steps.length) {
    fs.rmSync(tmp, { recursive: true });
    console.log('cleaned', fs.existsSync(tmp));
    return;
  }
  const [label, run] = steps[i];
  let sync = true;
  run((err, value) => {
    if (err) console.log(label, sync ? '(sync!)' : '', '->', describe(err));
    else console.log(label, sync ? '(sync!)' : '', '-> ok', value);
    next(i + 1);
  });
  sync = false;
}
next(0);
