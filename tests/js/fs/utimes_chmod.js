'use strict';
// utimes/futimes/lutimes with Dates, seconds and numeric strings (fractions kept), chmod and
// fchmod with numbers and octal strings, chown to the owner it already has.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-utimes-'));
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
const file = path.join(tmp, 'file');
const link = path.join(tmp, 'link');
fs.writeFileSync(file, 'x');
fs.symlinkSync('file', link);

function attempt(label, fn) {
  try {
    console.log(label, '->', rel(fn()));
  } catch (err) {
    console.log(label, '-> threw', err.name, err.code, err.syscall, rel(err.message));
  }
}

const times = (p, lstat) => {
  const st = lstat ? fs.lstatSync(p) : fs.statSync(p);
  return `atime=${st.atime.toISOString()} mtime=${st.mtime.toISOString()} atimeMs=${st.atimeMs} mtimeMs=${st.mtimeMs}`;
};
const mode = (p) => (fs.statSync(p).mode & 0o7777).toString(8);

attempt('utimesSync numbers', () => fs.utimesSync(file, 1000000000, 1000000001));
attempt('times', () => times(file));
attempt('utimesSync fractions', () => fs.utimesSync(file, 1000000000.25, 1000000001.5));
attempt('times', () => times(file));
attempt('utimesSync Dates', () => fs.utimesSync(file, new Date('2001-02-03T04:05:06.789Z'), new Date(Date.UTC(2010, 0, 1))));
attempt('times', () => times(file));
attempt('utimesSync strings', () => fs.utimesSync(file, '1500000000', '1600000000.5'));
attempt('times', () => times(file));
attempt('utimesSync negative means now', () => {
  fs.utimesSync(file, -1, 5);
  const st = fs.statSync(file);
  return `${Math.abs(st.atimeMs - Date.now()) < 60000} ${st.mtimeMs}`;
});
attempt('utimesSync bigint', () => fs.utimesSync(file, 1n, 1));
attempt('utimesSync NaN', () => fs.utimesSync(file, NaN, 1));
attempt('utimesSync string not numeric', () => fs.utimesSync(file, '12abc', 1));
attempt('utimesSync via link', () => fs.utimesSync(link, 2000000000, 2000000000));
attempt('file times', () => times(file));
attempt('lutimesSync', () => fs.lutimesSync(link, 300000000, 400000000));
attempt('link times', () => times(link, true));
attempt('file times unchanged', () => times(file));

const fd = fs.openSync(file, 'r+');
attempt('futimesSync', () => fs.futimesSync(fd, new Date(86400000), 172800));
attempt('times', () => times(file));
attempt('futimesSync bad mtime', () => fs.futimesSync(fd, 1, 'x'));

attempt('chmodSync number', () => fs.chmodSync(file, 0o640));
attempt('mode', () => mode(file));
attempt('chmodSync octal string', () => fs.chmodSync(file, '755'));
attempt('mode', () => mode(file));
attempt('chmodSync setuid bits', () => fs.chmodSync(file, 0o4755));
attempt('mode', () => mode(file));
attempt('chmodSync bad string', () => fs.chmodSync(file, '0o755'));
attempt('chmodSync negative', () => fs.chmodSync(file, -1));
attempt('chmodSync missing mode', () => fs.chmodSync(file));
attempt('fchmodSync', () => fs.fchmodSync(fd, 0o600));
attempt('mode', () => mode(file));
attempt('fchmodSync string', () => fs.fchmodSync(fd, '444'));
attempt('mode', () => mode(file));
attempt('lchmod on linux', () => `${typeof fs.lchmod} ${typeof fs.lchmodSync} ${'lchmod' in fs}`);

const st = fs.statSync(file);
attempt('chownSync same owner', () => fs.chownSync(file, st.uid, st.gid));
attempt('chownSync -1 keeps', () => fs.chownSync(file, -1, -1));
attempt('lchownSync', () => fs.lchownSync(link, st.uid, st.gid));
attempt('fchownSync', () => fs.fchownSync(fd, st.uid, st.gid));
attempt('owner unchanged', () => fs.statSync(file).uid === st.uid && fs.statSync(file).gid === st.gid);

fs.utimes(file, 111, new Date(222000), (err) => {
  console.log('utimes cb', err, times(file));
  fs.futimes(fd, '333', 444, (err) => {
    console.log('futimes cb', err, times(file));
    fs.lutimes(link, 555, 666, (err) => {
      console.log('lutimes cb', err, times(link, true));
      fs.chmod(file, '640', (err) => {
        console.log('chmod cb', err, mode(file));
        fs.fchmod(fd, 0o604, (err) => {
          console.log('fchmod cb', err, mode(file));
          fs.chown(file, st.uid, st.gid, (err) => {
            console.log('chown cb', err);
            fs.fchown(fd, -1, -1, (err) => {
              console.log('fchown cb', err);
              fs.lchown(link, -1, st.gid, (err) => {
                console.log('lchown cb', err);
                fs.closeSync(fd);
                fs.rmSync(tmp, { recursive: true });
                console.log('cleaned', fs.existsSync(tmp));
              });
            });
          });
        });
      });
    });
  });
});
