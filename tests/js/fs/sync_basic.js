'use strict';
// The synchronous file API on plain files: write, read back in several encodings, append,
// exclusive creation, string/Buffer/URL paths, rename, copy, truncate, unlink.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-sync-'));
const rel = (s) => String(s).split(tmp).join('<tmp>');
const file = path.join(tmp, 'a.txt');

function attempt(label, fn) {
  try {
    const value = fn();
    console.log(label, '->', Buffer.isBuffer(value) ? `<Buffer ${value.toString('hex')}>` : value);
  } catch (err) {
    console.log(label, '-> threw', err.name, err.code, err.syscall, rel(err.message));
  }
}

try {
  console.log('mkdtemp', path.basename(tmp).length, path.basename(tmp).startsWith('actorjs-fs-sync-'));
  attempt('writeFileSync', () => fs.writeFileSync(file, 'héllo wörld\n'));
  attempt('readFileSync buffer', () => fs.readFileSync(file));
  attempt('readFileSync utf8', () => fs.readFileSync(file, 'utf8'));
  attempt('readFileSync {encoding}', () => fs.readFileSync(file, { encoding: 'base64' }));
  attempt('readFileSync hex', () => fs.readFileSync(file, 'hex'));
  attempt('readFileSync latin1', () => fs.readFileSync(file, 'latin1'));
  attempt('existsSync file', () => fs.existsSync(file));
  attempt('existsSync missing', () => fs.existsSync(path.join(tmp, 'nope')));
  attempt('existsSync bad arg', () => fs.existsSync({}));
  attempt('existsSync no arg', () => fs.existsSync());

  attempt('appendFileSync', () => fs.appendFileSync(file, 'more'));
  attempt('appendFileSync buffer', () => fs.appendFileSync(file, Buffer.from('!')));
  attempt('appendFileSync Uint16Array', () => fs.appendFileSync(file, new Uint16Array([0x4241])));
  attempt('appendFileSync DataView', () => fs.appendFileSync(file, new DataView(new Uint8Array([0x43, 0x44]).buffer)));
  attempt('read after append', () => fs.readFileSync(file, 'utf8'));

  attempt('writeFileSync hex encoding', () => fs.writeFileSync(file, '414243', 'hex'));
  attempt('read', () => fs.readFileSync(file, 'utf8'));
  attempt('writeFileSync {encoding: base64}', () => fs.writeFileSync(file, 'eHl6', { encoding: 'base64' }));
  attempt('read', () => fs.readFileSync(file, 'utf8'));
  attempt('writeFileSync flag a', () => fs.writeFileSync(file, '+', { flag: 'a' }));
  attempt('read', () => fs.readFileSync(file, 'utf8'));
  attempt('writeFileSync flag wx existing', () => fs.writeFileSync(file, 'no', { flag: 'wx' }));
  attempt('writeFileSync flag wx new', () => fs.writeFileSync(path.join(tmp, 'x.txt'), 'yes', { flag: 'wx' }));
  attempt('readFileSync flag a+', () => fs.readFileSync(path.join(tmp, 'x.txt'), { encoding: 'utf8', flag: 'a+' }));
  attempt('writeFileSync mode', () => fs.writeFileSync(path.join(tmp, 'm.txt'), 'm', { mode: 0o600 }));
  attempt('mode', () => (fs.statSync(path.join(tmp, 'm.txt')).mode & 0o777).toString(8));
  attempt('writeFileSync flush', () => fs.writeFileSync(path.join(tmp, 'f.txt'), 'flushed', { flush: true }));
  attempt('read', () => fs.readFileSync(path.join(tmp, 'f.txt'), 'utf8'));
  attempt('writeFileSync Float32Array', () => fs.writeFileSync(path.join(tmp, 'f.bin'), new Float32Array([1.5])));
  attempt('read', () => fs.readFileSync(path.join(tmp, 'f.bin')));
  attempt('empty file', () => fs.writeFileSync(path.join(tmp, 'empty'), ''));
  attempt('read empty', () => fs.readFileSync(path.join(tmp, 'empty')).length);

  // Buffer and URL paths.
  attempt('Buffer path', () => fs.readFileSync(Buffer.from(file), 'utf8'));
  attempt('URL path', () => fs.readFileSync(new URL(`file://${file}`), 'utf8'));
  attempt('URL string is a path', () => fs.existsSync(`file://${file}`));

  attempt('accessSync', () => fs.accessSync(file));
  attempt('accessSync R_OK|W_OK', () => fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK));
  attempt('accessSync missing', () => fs.accessSync(path.join(tmp, 'nope')));

  attempt('renameSync', () => fs.renameSync(file, path.join(tmp, 'b.txt')));
  attempt('old gone', () => fs.existsSync(file));
  attempt('new there', () => fs.readFileSync(path.join(tmp, 'b.txt'), 'utf8'));
  attempt('copyFileSync', () => fs.copyFileSync(path.join(tmp, 'b.txt'), path.join(tmp, 'c.txt')));
  attempt('copy content', () => fs.readFileSync(path.join(tmp, 'c.txt'), 'utf8'));
  attempt('copyFileSync EXCL', () =>
    fs.copyFileSync(path.join(tmp, 'b.txt'), path.join(tmp, 'c.txt'), fs.constants.COPYFILE_EXCL));
  attempt('truncateSync 2', () => fs.truncateSync(path.join(tmp, 'c.txt'), 2));
  attempt('after truncate', () => fs.readFileSync(path.join(tmp, 'c.txt'), 'utf8'));
  attempt('truncateSync default', () => fs.truncateSync(path.join(tmp, 'c.txt')));
  attempt('size', () => fs.statSync(path.join(tmp, 'c.txt')).size);
  attempt('truncateSync grows', () => fs.truncateSync(path.join(tmp, 'c.txt'), 4));
  attempt('after grow', () => fs.readFileSync(path.join(tmp, 'c.txt')));
  attempt('unlinkSync', () => fs.unlinkSync(path.join(tmp, 'c.txt')));
  attempt('unlinkSync again', () => fs.unlinkSync(path.join(tmp, 'c.txt')));
  attempt('listing', () => fs.readdirSync(tmp).sort().join(','));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log('cleaned', fs.existsSync(tmp));
