// fs.opendir / opendirSync / fsPromises.opendir: Dir reads (callback, promise, sync), async
// iteration, bufferSize, recursive, Dirent fields, close and the errors of a closed Dir.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');
for (const d of ['sub', 'sub/inner', 'empty']) fs.mkdirSync(path.join(tmp, d));
for (const f of ['b.txt', 'a.txt', 'sub/c.txt', 'sub/inner/d.txt']) fs.writeFileSync(path.join(tmp, f), f);
fs.symlinkSync('a.txt', path.join(tmp, 'link'));

const describe = (e) =>
  `${show(path.join(e.parentPath, e.name))} ${e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : '?'}`;

function errorLine(e) {
  return `${e.name} ${e.code} ${show(e.message)}`;
}

(async () => {
  const dir = fs.opendirSync(tmp);
  console.log('Dir', dir instanceof fs.Dir, dir.constructor.name, show(dir.path));
  const sync = [];
  let e;
  while ((e = dir.readSync()) !== null) sync.push(describe(e));
  console.log('readSync', sync.sort());
  console.log('readSync at end', dir.readSync());
  dir.closeSync();
  for (const [name, fn] of [
    ['readSync closed', () => dir.readSync()],
    ['closeSync closed', () => dir.closeSync()],
    ['read closed', () => dir.read()],
  ]) {
    try {
      fn();
      console.log(name, 'no error');
    } catch (err) {
      console.log(name, errorLine(err));
    }
  }
  await dir.close().catch((err) => console.log('close promise closed', errorLine(err)));
  await new Promise((resolve) =>
    dir.close((err) => {
      console.log('close callback closed', errorLine(err));
      resolve();
    }),
  );

  const d2 = await fsp.opendir(tmp, { bufferSize: 1 });
  const viaPromise = [];
  let entry;
  while ((entry = await d2.read()) !== null) viaPromise.push(entry.name);
  console.log('read promise', viaPromise.sort());
  await d2.close();

  const d3 = await new Promise((resolve, reject) =>
    fs.opendir(tmp, (err, d) => (err ? reject(err) : resolve(d))),
  );
  const viaCallback = await new Promise((resolve) => {
    const names = [];
    const next = () =>
      d3.read((err, ent) => {
        if (err) throw err;
        if (ent === null) return resolve(names);
        names.push(ent.name);
        next();
      });
    next();
  });
  console.log('read callback', viaCallback.sort());
  d3.closeSync();

  const d4 = fs.opendirSync(tmp);
  const concurrent = [d4.read(), d4.read()];
  try {
    d4.readSync();
  } catch (err) {
    console.log('sync during async', errorLine(err));
  }
  const two = await Promise.all(concurrent);
  console.log('two concurrent reads differ', two[0].name !== two[1].name);
  d4.closeSync();

  const iterated = [];
  const d5 = await fsp.opendir(tmp);
  for await (const ent of d5) iterated.push(describe(ent));
  console.log('for await', iterated.sort());
  try {
    d5.closeSync();
  } catch (err) {
    console.log('closed by iteration', errorLine(err));
  }

  const recursive = [];
  for await (const ent of await fsp.opendir(tmp, { recursive: true })) recursive.push(describe(ent));
  console.log('recursive', recursive.sort());
  const recursiveSync = [];
  const d6 = fs.opendirSync(tmp, { recursive: true, bufferSize: 2 });
  while ((e = d6.readSync()) !== null) recursiveSync.push(describe(e));
  d6.closeSync();
  console.log('recursive sync same', JSON.stringify(recursiveSync.sort()) === JSON.stringify(recursive));

  const empty = fs.opendirSync(path.join(tmp, 'empty'));
  console.log('empty dir', empty.readSync(), await empty.read());
  await empty.close();

  const enc = fs.opendirSync(path.join(tmp, 'sub'), { encoding: 'buffer' });
  const encNames = [];
  while ((e = enc.readSync()) !== null) encNames.push(Buffer.isBuffer(e.name) ? `buf:${e.name}` : e.name);
  enc.closeSync();
  console.log('buffer names', encNames.sort());

  for (const [name, fn] of [
    ['missing', () => fs.opendirSync(path.join(tmp, 'missing'))],
    ['file', () => fs.opendirSync(path.join(tmp, 'a.txt'))],
    ['bad path', () => fs.opendirSync(5)],
    ['bad bufferSize', () => fs.opendirSync(tmp, { bufferSize: 0 })],
    ['bufferSize string', () => fs.opendirSync(tmp, { bufferSize: '4' })],
    ['bad encoding', () => fs.opendirSync(tmp, { encoding: 'nope' })],
    ['no callback', () => fs.opendir(tmp)],
    ['new Dir()', () => new fs.Dir()],
  ]) {
    try {
      fn();
      console.log(name, 'no error');
    } catch (err) {
      console.log(name, errorLine(err));
    }
  }
  await fsp.opendir(path.join(tmp, 'missing')).catch((err) =>
    console.log('promise missing', errorLine(err), err.syscall, err.errno, show(err.path)),
  );
  await new Promise((resolve) =>
    fs.opendir(path.join(tmp, 'a.txt'), (err) => {
      console.log('callback file', errorLine(err), err.syscall);
      resolve();
    }),
  );
})()
  .catch((err) => console.log('FAIL', err))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
