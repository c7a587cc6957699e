'use strict';
// mkdir (mode, recursive and its return value), mkdtemp, rmdir (with the deprecated
// recursive option), rm (recursive, force, retry options, ERR_FS_EISDIR).

const fs = require('fs');
const path = require('path');

// The rmdir recursive deprecation warning would print the process id.
process.noDeprecation = true;
// Modes printed below do not depend on the caller's umask.
process.umask(0o022);

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-rm-'));
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
const p = (...parts) => path.join(tmp, ...parts);

function attempt(label, fn) {
  try {
    console.log(label, '->', rel(fn()));
  } catch (err) {
    console.log(label, '-> threw', err.name, err.code, err.errno, err.syscall, rel(err.path), rel(err.message));
  }
}

function tree(dir) {
  return fs.readdirSync(dir, { recursive: true }).sort().join(' ');
}

function populate(root) {
  fs.mkdirSync(path.join(root, 'x', 'y'), { recursive: true });
  fs.writeFileSync(path.join(root, 'x', 'f'), '1');
  fs.writeFileSync(path.join(root, 'x', 'y', 'g'), '2');
  fs.symlinkSync('/nonexistent-target', path.join(root, 'x', 'dangling'));
}

attempt('mkdirSync', () => fs.mkdirSync(p('d')));
attempt('mkdirSync mode number', () => fs.mkdirSync(p('m1'), 0o700));
attempt('mkdirSync mode string', () => fs.mkdirSync(p('m2'), '711'));
attempt('mkdirSync {mode}', () => fs.mkdirSync(p('m3'), { mode: 0o750 }));
attempt('modes', () => ['m1', 'm2', 'm3'].map((n) => (fs.statSync(p(n)).mode & 0o777).toString(8)).join(' '));
attempt('mkdirSync recursive new', () => fs.mkdirSync(p('r', 's', 't'), { recursive: true }));
attempt('mkdirSync recursive partly there', () => fs.mkdirSync(p('r', 's', 'u', 'v'), { recursive: true }));
attempt('mkdirSync recursive existing', () => fs.mkdirSync(p('r', 's'), { recursive: true }));
attempt('mkdirSync recursive false', () => fs.mkdirSync(p('r2'), { recursive: false }));
attempt('mkdirSync trailing slash', () => fs.mkdirSync(p('slash') + '/'));
attempt('mkdirSync Buffer', () => fs.mkdirSync(Buffer.from(p('buf'))));
attempt('mkdirSync URL recursive', () => fs.mkdirSync(new URL(`file://${p('url', 'deep')}`), { recursive: true }));
attempt('tree', () => tree(tmp));

attempt('mkdtempSync buffer', () => Buffer.isBuffer(fs.mkdtempSync(p('tmp-'), 'buffer')));
attempt('mkdtempSync {encoding}', () => typeof fs.mkdtempSync(p('tmp-'), { encoding: 'utf8' }));
attempt('mkdtemp entries', () => fs.readdirSync(tmp).filter((n) => n.startsWith('tmp-')).map((n) => n.length).join(' '));

attempt('rmdirSync', () => fs.rmdirSync(p('d')));
attempt('rmdirSync gone', () => fs.existsSync(p('d')));
attempt('rmdirSync not empty', () => fs.rmdirSync(p('r')));
attempt('rmdirSync recursive', () => fs.rmdirSync(p('r'), { recursive: true }));
attempt('rmdirSync recursive gone', () => fs.existsSync(p('r')));
attempt('rmdirSync recursive missing', () => fs.rmdirSync(p('r'), { recursive: true }));
fs.writeFileSync(p('file'), '');
attempt('rmdirSync recursive on file', () => fs.rmdirSync(p('file'), { recursive: true }));

attempt('rmSync file', () => fs.rmSync(p('file')));
attempt('rmSync missing', () => fs.rmSync(p('file')));
attempt('rmSync missing force', () => fs.rmSync(p('file'), { force: true }));
attempt('rmSync missing force recursive', () => fs.rmSync(p('file'), { force: true, recursive: true }));
attempt('rmSync dir', () => fs.rmSync(p('m1')));
attempt('rmSync dir force', () => fs.rmSync(p('m1'), { force: true }));
attempt('rmSync empty dir recursive', () => fs.rmSync(p('m1'), { recursive: true }));
populate(p('tree1'));
attempt('tree1', () => tree(p('tree1')));
attempt('rmSync tree', () => fs.rmSync(p('tree1'), { recursive: true, maxRetries: 2, retryDelay: 10 }));
attempt('rmSync tree gone', () => fs.existsSync(p('tree1')));
fs.writeFileSync(p('file2'), '');
attempt('rmSync file recursive', () => fs.rmSync(p('file2'), { recursive: true }));
fs.symlinkSync('m2', p('link-to-dir'));
attempt('rmSync symlink to dir', () => fs.rmSync(p('link-to-dir')));
attempt('target kept', () => fs.existsSync(p('m2')));
attempt('rmSync undefined options', () => fs.rmSync(p('m2'), undefined));
attempt('rmSync null options', () => fs.rmSync(p('m3'), null));

populate(p('tree2'));
fs.mkdirSync(p('cbdir'));
const steps = [
  ['mkdir recursive', (cb) => fs.mkdir(p('cb', 'a', 'b'), { recursive: true }, cb)],
  ['mkdir recursive again', (cb) => fs.mkdir(p('cb', 'a', 'b'), { recursive: true }, cb)],
  ['mkdir existing', (cb) => fs.mkdir(p('cb'), cb)],
  ['rm dir', (cb) => fs.rm(p('cbdir'), cb)],
  ['rm dir recursive', (cb) => fs.rm(p('cbdir'), { recursive: true }, cb)],
  ['rm missing', (cb) => fs.rm(p('cbdir'), {}, cb)],
  ['rm missing force', (cb) => fs.rm(p('cbdir'), { force: true }, cb)],
  ['rm tree', (cb) => fs.rm(p('tree2'), { recursive: true, force: true }, cb)],
  ['rmdir recursive', (cb) => fs.rmdir(p('cb'), { recursive: true }, cb)],
  ['rmdir missing', (cb) => fs.rmdir(p('cb'), cb)],
];

function next(i) {
  if (i === steps.length) {
    attempt('left', () => tree(tmp).replace(/tmp-\w{6}/g, 'tmp-XXXXXX'));
    fs.rmSync(tmp, { recursive: true });
    console.log('cleaned', fs.existsSync(tmp));
    return;
  }
  const [label, run] = steps[i];
  run((err, value) => {
    if (err) console.log(label, '-> error', err.name, err.code, err.syscall, rel(err.message));
    else console.log(label, '->', rel(value));
    next(i + 1);
  });
}
next(0);
