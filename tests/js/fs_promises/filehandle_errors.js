// FileHandle: a closed handle rejects every method with EBADF; bad arguments reject with node's
// validation errors (never throw synchronously).
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');

async function t(name, fn) {
  let p;
  try {
    p = fn();
  } catch (e) {
    console.log(name, 'THREW', e.name, e.code, show(e.message));
    return;
  }
  try {
    const r = await p;
    console.log(name, 'ok', r);
  } catch (e) {
    console.log(name, e.name, e.code, show(e.message), e.syscall, Object.keys(e));
  }
}

(async () => {
  const file = path.join(tmp, 'f.txt');
  fs.writeFileSync(file, 'content');
  const fh = await fsp.open(file, 'r+');

  await t('read options null buffer', () => fh.read({ buffer: 'x' }));
  await t('read options not object', () => fh.read(5));
  await t('read bad offset', () => fh.read(Buffer.alloc(4), -1));
  await t('read offset float', () => fh.read(Buffer.alloc(4), 1.5));
  await t('read length too big', () => fh.read(Buffer.alloc(4), 0, 5));
  await t('read negative length', () => fh.read(Buffer.alloc(4), 0, -1));
  await t('read empty buffer', () => fh.read(Buffer.alloc(0), 0, 1));
  await t('readv not array', () => fh.readv('x'));
  await t('readv bad element', () => fh.readv([Buffer.alloc(1), 'x']));
  await t('write number', () => fh.write(5));
  await t('write bad offset', () => fh.write(Buffer.from('ab'), 3));
  await t('write bad length', () => fh.write(Buffer.from('ab'), 0, 3));
  await t('write hex odd', () => fh.write('abc', 0, 'hex'));
  await t('writev bad', () => fh.writev([1]));
  await t('truncate bad', () => fh.truncate('x'));
  await t('truncate float', () => fh.truncate(1.5));
  await t('chmod bad', () => fh.chmod('abc'));
  await t('chown bad uid', () => fh.chown('a', 0));
  await t('chown gid range', () => fh.chown(0, -2));
  await t('utimes bad', () => fh.utimes('x', 1));
  await t('utimes bad mtime', () => fh.utimes(1, {}));
  await t('writeFile bad data', () => fh.writeFile(5));
  await t('readFile bad encoding', () => fh.readFile('nope'));
  await t('writeFile bad flush', () => fh.writeFile('x', { flush: 'yes' }));
  await t('createReadStream fs option', () => fh.createReadStream({ fs: {} }));

  await fh.close();
  console.log('fd after close', fh.fd);
  for (const [name, fn] of [
    ['read', () => fh.read()],
    ['readv', () => fh.readv([Buffer.alloc(1)])],
    ['write', () => fh.write('x')],
    ['writev', () => fh.writev([Buffer.alloc(1)])],
    ['readFile', () => fh.readFile()],
    ['writeFile', () => fh.writeFile('x')],
    ['appendFile', () => fh.appendFile('x')],
    ['stat', () => fh.stat()],
    ['truncate', () => fh.truncate()],
    ['sync', () => fh.sync()],
    ['datasync', () => fh.datasync()],
    ['chmod', () => fh.chmod(0o644)],
    ['chown', () => fh.chown(0, 0)],
    ['utimes', () => fh.utimes(1, 1)],
    ['close', () => fh.close()],
  ]) {
    await t(`closed ${name}`, fn);
  }

  await t('open missing', () => fsp.open(path.join(tmp, 'missing')));
  await t('open bad flags', () => fsp.open(file, 'q'));
  await t('open bad mode', () => fsp.open(file, 'r', 'xyz'));
  await t('open numeric path', () => fsp.open(1));
  await t('open exclusive', () => fsp.open(file, 'wx'));
  await t('open dir for write', () => fsp.open(tmp, 'w'));

  const d = await fsp.open(tmp);
  await t('read dir handle', () => d.read());
  await t('readFile dir handle', () => d.readFile());
  await d.close();
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
