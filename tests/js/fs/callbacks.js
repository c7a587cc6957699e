'use strict';
// Callback forms: callbacks never run before the call returns, they get exactly node's
// arguments (arguments.length included), and a chain of them sees each step's effect.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-cb-'));
const rel = (s) => String(s).split(tmp).join('<tmp>');
const p = (...parts) => path.join(tmp, ...parts);

function show(value) {
  if (Buffer.isBuffer(value)) return `<Buffer ${value.toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value instanceof fs.Stats) {
    return `Stats(file=${value.isFile()}, dir=${value.isDirectory()}${value.isFile() ? `, size=${value.size}` : ''})`;
  }
  if (typeof value === 'string') return JSON.stringify(rel(value));
  return String(value);
}

const steps = [
  ['writeFile', (cb) => fs.writeFile(p('a.txt'), 'alpha', cb)],
  ['writeFile options', (cb) => fs.writeFile(p('b.txt'), 'YmV0YQ==', { encoding: 'base64', mode: 0o644 }, cb)],
  ['writeFile Uint8Array', (cb) => fs.writeFile(p('c.bin'), new Uint8Array([1, 2, 3]), cb)],
  ['writeFile signal', (cb) => fs.writeFile(p('s.txt'), 'signal', { signal: new AbortController().signal }, cb)],
  ['writeFile flush', (cb) => fs.writeFile(p('s.txt'), 'flushed', { flush: true }, cb)],
  ['readFile', (cb) => fs.readFile(p('a.txt'), cb)],
  ['readFile utf8', (cb) => fs.readFile(p('b.txt'), 'utf8', cb)],
  ['readFile {encoding}', (cb) => fs.readFile(p('c.bin'), { encoding: 'hex' }, cb)],
  ['readFile signal', (cb) => fs.readFile(p('s.txt'), { encoding: 'utf8', signal: new AbortController().signal }, cb)],
  ['readFile URL', (cb) => fs.readFile(new URL(`file://${p('a.txt')}`), 'utf8', cb)],
  ['appendFile', (cb) => fs.appendFile(p('a.txt'), '-more', cb)],
  ['appendFile buffer', (cb) => fs.appendFile(p('a.txt'), Buffer.from('!'), { mode: 0o600 }, cb)],
  ['readFile after append', (cb) => fs.readFile(p('a.txt'), 'latin1', cb)],
  ['access', (cb) => fs.access(p('a.txt'), cb)],
  ['access mode', (cb) => fs.access(p('a.txt'), fs.constants.R_OK, cb)],
  ['exists', (cb) => fs.exists(p('a.txt'), cb)],
  ['exists missing', (cb) => fs.exists(p('zz'), cb)],
  ['exists bad path', (cb) => fs.exists(42, cb)],
  ['stat', (cb) => fs.stat(p('a.txt'), cb)],
  ['stat options', (cb) => fs.stat(tmp, {}, cb)],
  ['lstat', (cb) => fs.lstat(p('c.bin'), cb)],
  ['mkdir', (cb) => fs.mkdir(p('d'), cb)],
  ['mkdir mode', (cb) => fs.mkdir(p('d2'), 0o755, cb)],
  ['mkdir recursive', (cb) => fs.mkdir(p('e', 'f', 'g'), { recursive: true }, cb)],
  ['mkdir recursive existing', (cb) => fs.mkdir(p('e', 'f'), { recursive: true }, cb)],
  ['readdir', (cb) => fs.readdir(tmp, (err, names) => cb(err, names && names.sort()))],
  ['readdir buffer', (cb) => fs.readdir(p('e'), 'buffer', cb)],
  ['readdir withFileTypes', (cb) =>
    fs.readdir(p('e'), { withFileTypes: true }, (err, ents) =>
      cb(err, ents.map((d) => `${d.name}:${d.isDirectory()}:${rel(d.parentPath)}`)))],
  // Node 20 walks synchronously and calls back before returning (node 22 does not): the
  // moment is not compared for this one.
  ['readdir recursive', (cb) => fs.readdir(p('e'), { recursive: true }, (err, names) => cb(err, names.sort())), 'any'],
  ['copyFile', (cb) => fs.copyFile(p('a.txt'), p('copy.txt'), cb)],
  ['copyFile mode', (cb) => fs.copyFile(p('a.txt'), p('copy2.txt'), fs.constants.COPYFILE_FICLONE, cb)],
  ['rename', (cb) => fs.rename(p('copy.txt'), p('d', 'moved.txt'), cb)],
  ['link', (cb) => fs.link(p('a.txt'), p('hard.txt'), cb)],
  ['symlink', (cb) => fs.symlink('a.txt', p('soft.txt'), cb)],
  ['symlink type', (cb) => fs.symlink('d', p('soft-dir'), 'dir', cb)],
  ['readlink', (cb) => fs.readlink(p('soft.txt'), cb)],
  ['readlink buffer', (cb) => fs.readlink(p('soft.txt'), { encoding: 'buffer' }, cb)],
  ['realpath', (cb) => fs.realpath(p('soft-dir', 'moved.txt'), cb)],
  ['realpath.native', (cb) => fs.realpath.native(p('soft.txt'), cb)],
  ['chmod', (cb) => fs.chmod(p('copy2.txt'), '600', cb)],
  ['utimes', (cb) => fs.utimes(p('copy2.txt'), 1000, new Date(2000000), cb)],
  ['stat times', (cb) => fs.stat(p('copy2.txt'), (err, st) => cb(err, `${st.atimeMs} ${st.mtimeMs} ${(st.mode & 0o777).toString(8)}`))],
  ['truncate', (cb) => fs.truncate(p('copy2.txt'), 3, cb)],
  ['truncate default len', (cb) => fs.truncate(p('hard.txt'), cb)],
  ['readFile truncated', (cb) => fs.readFile(p('copy2.txt'), 'utf8', cb)],
  ['readFile hard link', (cb) => fs.readFile(p('a.txt'), 'utf8', cb)],
  ['unlink', (cb) => fs.unlink(p('soft.txt'), cb)],
  ['rmdir', (cb) => fs.rmdir(p('d2'), cb)],
  ['rm file', (cb) => fs.rm(p('copy2.txt'), cb)],
  ['rm recursive', (cb) => fs.rm(p('e'), { recursive: true }, cb)],
  ['rm force missing', (cb) => fs.rm(p('e'), { force: true }, cb)],
  ['mkdtemp', (cb) => fs.mkdtemp(p('t-'), (err, d) => cb(err, path.basename(d).length))],
  ['mkdtemp buffer', (cb) => fs.mkdtemp(p('u-'), 'buffer', (err, d) => cb(err, Buffer.isBuffer(d)))],
  ['statfs', (cb) => fs.statfs(tmp, (err, s) => cb(err, `${s.constructor.name} ${typeof s.bsize} ${s.blocks > 0}`))],
  ['statfs bigint', (cb) => fs.statfs(tmp, { bigint: true }, (err, s) => cb(err, typeof s.bsize))],
  ['readdir final', (cb) => fs.readdir(tmp, (err, names) => cb(err, names.filter((n) => !/^[tu]-/.test(n)).sort()))],
];

function next(i) {
  if (i === steps.length) {
    fs.rm(tmp, { recursive: true }, (err) => {
      console.log('cleaned', err, fs.existsSync(tmp));
    });
    return;
  }
  const [label, run, when] = steps[i];
  let returned = when === 'any';
  run(function (...args) {
    const [err, ...values] = args;
    console.log(label, returned ? '' : '(before return!)', `args=${arguments.length}`,
      err ? `${err.code} ${rel(err.message)}` : String(err), ...values.map(show));
    next(i + 1);
  });
  returned = true;
}

console.log('start');
next(0);
console.log('end of script');
