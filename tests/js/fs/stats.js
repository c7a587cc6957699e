'use strict';
// fs.Stats and BigIntStats: the shape (own keys, prototype methods), type predicates for files,
// directories and symlinks, bigint fields, Date fields agreeing with the *Ms numbers,
// throwIfNoEntry, fstat, statfs.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-stats-'));
const file = path.join(tmp, 'file.txt');
const link = path.join(tmp, 'link');
const dirLink = path.join(tmp, 'dirlink');
fs.writeFileSync(file, '0123456789');
fs.chmodSync(file, 0o644); // whatever the umask
fs.mkdirSync(path.join(tmp, 'sub'));
fs.symlinkSync('file.txt', link);
fs.symlinkSync('sub', dirLink);

const predicates = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isCharacterDevice', 'isBlockDevice'];
function kinds(st) {
  return predicates.filter((name) => st[name]()).join(',');
}

try {
  const st = fs.statSync(file);
  console.log('keys', Object.keys(st).join(' '));
  console.log('constructor', st.constructor.name, st instanceof fs.Stats);
  console.log('proto own', Object.getOwnPropertyNames(Object.getPrototypeOf(st)).join(' '));
  console.log('base proto own', Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(st))).join(' '));
  console.log('file', kinds(st), st.size, (st.mode & 0o777).toString(8), st.nlink);
  console.log('types', typeof st.dev, typeof st.ino, typeof st.mtimeMs, st.mtime instanceof Date);
  console.log('dates agree', st.mtime.getTime() === Math.round(st.mtimeMs), st.atime.getTime() === Math.round(st.atimeMs),
    st.ctime.getTime() === Math.round(st.ctimeMs), st.birthtime.getTime() === Math.round(st.birthtimeMs));
  console.log('recent', Math.abs(Date.now() - st.mtimeMs) < 60000);
  console.log('blocks', st.blocks >= 0, st.blksize > 0);
  console.log('uid matches process', typeof process.getuid !== 'function' || st.uid === process.getuid());

  console.log('dir', kinds(fs.statSync(tmp)));
  console.log('stat link', kinds(fs.statSync(link)), fs.statSync(link).size);
  console.log('lstat link', kinds(fs.lstatSync(link)), fs.lstatSync(link).size);
  console.log('stat dirlink', kinds(fs.statSync(dirLink)));
  console.log('lstat dirlink', kinds(fs.lstatSync(dirLink)));
  console.log('same inode', fs.statSync(link).ino === st.ino, fs.lstatSync(link).ino === st.ino);

  const big = fs.statSync(file, { bigint: true });
  console.log('bigint keys', Object.keys(big).join(' '));
  console.log('bigint constructor', big.constructor.name, big instanceof fs.Stats);
  console.log('bigint types', typeof big.size, typeof big.mode, typeof big.atimeNs, typeof big.mtimeMs, big.mtime instanceof Date);
  console.log('bigint values', big.size, big.ino === BigInt(st.ino), kinds(big));
  console.log('bigint ms', big.mtimeMs === big.mtimeNs / 1000000n, big.mtime.getTime() === Number(big.mtimeMs));
  console.log('lstat bigint', kinds(fs.lstatSync(link, { bigint: true })));

  console.log('throwIfNoEntry', fs.statSync(path.join(tmp, 'nope'), { throwIfNoEntry: false }),
    fs.lstatSync(path.join(tmp, 'nope'), { throwIfNoEntry: false, bigint: true }));

  const fd = fs.openSync(file, 'r');
  const fst = fs.fstatSync(fd);
  console.log('fstat', kinds(fst), fst.size, fst.ino === st.ino);
  console.log('fstat bigint', typeof fs.fstatSync(fd, { bigint: true }).size);
  fs.closeSync(fd);

  const sfs = fs.statfsSync(tmp);
  console.log('statfs', sfs.constructor.name, Object.keys(sfs).join(' '));
  console.log('statfs values', sfs.bsize > 0, sfs.blocks >= sfs.bfree, sfs.bfree >= sfs.bavail, typeof sfs.type);
  const bsfs = fs.statfsSync(tmp, { bigint: true });
  console.log('statfs bigint', typeof bsfs.bsize, typeof bsfs.files);

  // Stats built by hand, as some programs and tests do.
  const made = new fs.Stats(1, 33188, 1, 0, 0, 0, 4096, 2, 3, 8, 1000, 2000.5, 3000, 4000);
  console.log('constructed', made.isFile(), made.size, made.mtime.toISOString(), made.atimeMs);
  console.log(made);

  const fd2 = fs.openSync(file);
  fs.fstat(fd2, (err, s) => {
    console.log('fstat cb', err, kinds(s));
    fs.closeSync(fd2);
    fs.lstat(link, { bigint: true }, (err, s) => {
      console.log('lstat cb bigint', err, kinds(s), typeof s.size);
      fs.rmSync(tmp, { recursive: true });
      console.log('cleaned', fs.existsSync(tmp));
    });
  });
} catch (err) {
  fs.rmSync(tmp, { recursive: true });
  throw err;
}
