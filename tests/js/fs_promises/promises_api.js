// fs/promises: every function once on a scratch tree, then the error cases node rejects with.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-')));
// mkdtemp's six random characters are masked too.
const show = (s) => String(s).split(tmp).join('<tmp>').replace(/(tmp|x)-[A-Za-z0-9]{6}\b/g, '$1-??????');
const p = (...parts) => path.join(tmp, ...parts);

async function t(name, fn) {
  try {
    const r = await fn();
    console.log(name, 'ok', typeof r === 'string' ? show(r) : r);
  } catch (e) {
    console.log(name, e.name, e.code, show(e.message), e.syscall, e.errno);
  }
}

(async () => {
  console.log('same module', require('fs').promises === fsp, require('node:fs/promises') === fsp);
  console.log('constants', fsp.constants === fs.constants, fsp.constants.O_CREAT);

  await t('writeFile', () => fsp.writeFile(p('a.txt'), 'alpha'));
  await t('writeFile buffer flag a', () => fsp.writeFile(p('a.txt'), Buffer.from('+beta'), { flag: 'a' }));
  await t('writeFile iterable', () => fsp.writeFile(p('it.txt'), ['x', Buffer.from('y'), 'z']));
  await t('writeFile async iterable', () =>
    fsp.writeFile(p('ait.txt'), (async function* () { yield 'one'; yield 'two'; })()));
  await t('writeFile mode', () => fsp.writeFile(p('m.txt'), 'm', { mode: 0o600 }));
  console.log('mode', (fs.statSync(p('m.txt')).mode & 0o777).toString(8));
  await t('writeFile flush', () => fsp.writeFile(p('f.txt'), 'flushed', { flush: true }));
  await t('appendFile', () => fsp.appendFile(p('a.txt'), '+gamma'));
  await t('readFile utf8', () => fsp.readFile(p('a.txt'), 'utf8'));
  await t('readFile buffer', () => fsp.readFile(p('it.txt')));
  await t('readFile async iterable result', () => fsp.readFile(p('ait.txt'), { encoding: 'latin1' }));
  await t('readFile hex', () => fsp.readFile(p('f.txt'), 'hex'));
  await t('access', () => fsp.access(p('a.txt')));
  await t('access R_OK|W_OK', () => fsp.access(p('a.txt'), fs.constants.R_OK | fs.constants.W_OK));
  await t('copyFile', () => fsp.copyFile(p('a.txt'), p('b.txt')));
  await t('copyFile EXCL', () => fsp.copyFile(p('a.txt'), p('b.txt'), fs.constants.COPYFILE_EXCL));
  await t('rename', () => fsp.rename(p('b.txt'), p('c.txt')));
  await t('link', () => fsp.link(p('c.txt'), p('hard.txt')));
  console.log('nlink', (await fsp.stat(p('c.txt'))).nlink);
  await t('symlink', () => fsp.symlink('c.txt', p('sym')));
  await t('symlink dir type', () => fsp.symlink(tmp, p('symdir'), 'dir'));
  await t('readlink', () => fsp.readlink(p('sym')));
  await t('readlink buffer', () => fsp.readlink(p('sym'), 'buffer'));
  await t('realpath', () => fsp.realpath(p('sym')));
  await t('lstat is link', async () => (await fsp.lstat(p('sym'))).isSymbolicLink());
  await t('stat follows', async () => (await fsp.stat(p('sym'))).isFile());
  await t('stat bigint', async () => typeof (await fsp.stat(p('sym'), { bigint: true })).ino);
  await t('statfs', async () => {
    const s = await fsp.statfs(tmp);
    return [s.constructor.name, Object.keys(s), typeof s.bsize];
  });
  await t('truncate', () => fsp.truncate(p('c.txt'), 2));
  await t('truncated content', () => fsp.readFile(p('c.txt'), 'utf8'));
  await t('truncate negative', () => fsp.truncate(p('c.txt'), -5));
  await t('chmod', () => fsp.chmod(p('c.txt'), '640'));
  console.log('chmod mode', (fs.statSync(p('c.txt')).mode & 0o777).toString(8));
  const uid = fs.statSync(p('c.txt')).uid;
  const gid = fs.statSync(p('c.txt')).gid;
  await t('chown same', () => fsp.chown(p('c.txt'), uid, gid));
  await t('lchown same', () => fsp.lchown(p('sym'), uid, gid));
  await t('utimes', () => fsp.utimes(p('c.txt'), 1500, '2500'));
  console.log('times', fs.statSync(p('c.txt')).atimeMs, fs.statSync(p('c.txt')).mtimeMs);
  await t('lutimes', () => fsp.lutimes(p('sym'), new Date(3000), new Date(4000)));
  console.log('link times', fs.lstatSync(p('sym')).mtimeMs, fs.statSync(p('sym')).mtimeMs);
  await t('mkdir', () => fsp.mkdir(p('d')));
  await t('mkdir recursive', () => fsp.mkdir(p('d', 'e', 'f'), { recursive: true }));
  await t('mkdir recursive existing', () => fsp.mkdir(p('d', 'e'), { recursive: true }));
  await t('mkdir mode number', () => fsp.mkdir(p('dm'), 0o700));
  console.log('dir mode', (fs.statSync(p('dm')).mode & 0o777).toString(8));
  fs.writeFileSync(p('d', 'e', 'f', 'deep.txt'), 'deep');
  fs.writeFileSync(p('d', 'top.txt'), 'top');
  await t('readdir', async () => (await fsp.readdir(p('d'))).sort());
  await t('readdir withFileTypes', async () =>
    (await fsp.readdir(p('d'), { withFileTypes: true }))
      .map((e) => `${e.name}:${e.isDirectory() ? 'dir' : 'file'}:${show(e.parentPath)}:${e.constructor.name}`)
      .sort());
  await t('readdir recursive', async () => (await fsp.readdir(p('d'), { recursive: true })).sort());
  await t('readdir recursive types', async () =>
    (await fsp.readdir(p('d'), { recursive: true, withFileTypes: true }))
      .map((e) => `${show(e.path)}/${e.name}`)
      .sort());
  await t('readdir buffer', async () => (await fsp.readdir(p('d'), 'buffer')).map((b) => Buffer.isBuffer(b)));
  await t('mkdtemp', async () => {
    const dir = await fsp.mkdtemp(p('tmp-'));
    return [show(dir).slice(0, 10), path.basename(dir).length, fs.statSync(dir).isDirectory()];
  });
  await t('rmdir', () => fsp.rmdir(p('dm')));
  await t('unlink', () => fsp.unlink(p('hard.txt')));
  await t('rm file', () => fsp.rm(p('it.txt')));
  await t('rm missing force', () => fsp.rm(p('nope'), { force: true }));
  await t('rm recursive', () => fsp.rm(p('d'), { recursive: true }));
  await t('rm gone', () => fsp.access(p('d')));
  await t('opendir', async () => {
    const dir = await fsp.opendir(tmp);
    const names = [];
    for await (const e of dir) names.push(e.name);
    return [dir.path === tmp, names.sort().map(show)];
  });
  await t('cp', () => fsp.cp(p('a.txt'), p('a-copy.txt')));
  await t('cp content', () => fsp.readFile(p('a-copy.txt'), 'utf8'));
  await t('lchmod', () => fsp.lchmod(p('sym'), 0o600));

  console.log('--- errors');
  await t('readFile missing', () => fsp.readFile(p('missing')));
  await t('readFile dir', () => fsp.readFile(tmp));
  await t('readFile bad path', () => fsp.readFile(123));
  await t('readFile null byte', () => fsp.readFile('a\0b'));
  await t('readFile bad options', () => fsp.readFile(p('a.txt'), 42));
  await t('readFile aborted', () => fsp.readFile(p('a.txt'), { signal: AbortSignal.abort() }));
  await t('writeFile aborted', () => fsp.writeFile(p('a.txt'), 'x', { signal: AbortSignal.abort() }));
  await t('writeFile bad signal', () => fsp.writeFile(p('a.txt'), 'x', { signal: 1 }));
  await t('writeFile into missing dir', () => fsp.writeFile(p('no', 'x'), 'x'));
  await t('access missing', () => fsp.access(p('missing')));
  await t('access bad mode', () => fsp.access(tmp, 'r'));
  await t('access mode range', () => fsp.access(tmp, 8));
  await t('copyFile missing', () => fsp.copyFile(p('missing'), p('x')));
  await t('copyFile bad mode', () => fsp.copyFile(p('a.txt'), p('x'), 10));
  await t('copyFile bad dest', () => fsp.copyFile(p('a.txt'), {}));
  await t('rename missing', () => fsp.rename(p('missing'), p('x')));
  await t('rename bad', () => fsp.rename(p('a.txt'), null));
  await t('link existing', () => fsp.link(p('a.txt'), p('sym')));
  await t('link bad', () => fsp.link(1, 2));
  await t('symlink existing', () => fsp.symlink('x', p('sym')));
  await t('symlink bad type', () => fsp.symlink('x', p('sym2'), 'bogus'));
  await t('readlink not link', () => fsp.readlink(p('a.txt')));
  await t('readlink bad', () => fsp.readlink(undefined));
  await t('realpath missing', () => fsp.realpath(p('missing')));
  await t('lstat missing', () => fsp.lstat(p('missing')));
  await t('stat missing', () => fsp.stat(p('missing')));
  await t('statfs missing', () => fsp.statfs(p('missing')));
  await t('truncate bad len', () => fsp.truncate(p('a.txt'), 'x'));
  await t('truncate missing', () => fsp.truncate(p('missing')));
  await t('chmod missing', () => fsp.chmod(p('missing'), 0o600));
  await t('chmod bad', () => fsp.chmod(p('a.txt'), -1));
  await t('chown bad', () => fsp.chown(p('a.txt'), 1.5, 0));
  await t('lchown bad', () => fsp.lchown(p('a.txt'), 0, 'x'));
  await t('utimes bad', () => fsp.utimes(p('a.txt'), {}, 1));
  await t('utimes missing', () => fsp.utimes(p('missing'), 1, 1));
  await t('lutimes bad', () => fsp.lutimes(p('a.txt'), 1, 'x'));
  await t('mkdir existing', () => fsp.mkdir(tmp));
  await t('mkdir missing parent', () => fsp.mkdir(p('no', 'pe')));
  await t('mkdir bad recursive', () => fsp.mkdir(p('x'), { recursive: 'yes' }));
  await t('mkdir bad mode', () => fsp.mkdir(p('x'), { mode: 'rwx' }));
  await t('mkdir under file', () => fsp.mkdir(p('a.txt', 'x'), { recursive: true }));
  await t('readdir missing', () => fsp.readdir(p('missing')));
  await t('readdir file', () => fsp.readdir(p('a.txt')));
  await t('readdir bad encoding', () => fsp.readdir(tmp, { encoding: 'bogus' }));
  await t('mkdtemp missing', () => fsp.mkdtemp(p('no', 'x-')));
  await t('mkdtemp bad', () => fsp.mkdtemp(null));
  await t('rmdir missing', () => fsp.rmdir(p('missing')));
  await t('rmdir not empty', () => fsp.rmdir(tmp));
  await t('rmdir file', () => fsp.rmdir(p('a.txt')));
  await t('rmdir bad options', () => fsp.rmdir(tmp, { maxRetries: -1 }));
  await t('unlink missing', () => fsp.unlink(p('missing')));
  await t('unlink dir', () => fsp.unlink(tmp));
  await t('rm missing', () => fsp.rm(p('missing')));
  await t('rm dir', () => fsp.rm(tmp));
  await t('rm bad force', () => fsp.rm(tmp, { force: 1 }));
  await t('rm bad options', () => fsp.rm(tmp, 'x'));
  await t('opendir missing', () => fsp.opendir(p('missing')));
  await t('opendir file', () => fsp.opendir(p('a.txt')));
  await t('open missing', () => fsp.open(p('missing')));
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
