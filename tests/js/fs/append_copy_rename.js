'use strict';
// appendFile with every data type and option, copyFile modes, rename over files and
// directories, hard and symbolic links, readlink encodings, realpath through links.

const fs = require('fs');
const path = require('path');

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-acr-')));
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
const p = (...parts) => path.join(tmp, ...parts);

function attempt(label, fn) {
  try {
    const value = fn();
    console.log(label, '->', Buffer.isBuffer(value) ? `<Buffer ${value.toString('hex')}>` : rel(value));
  } catch (err) {
    console.log(label, '-> threw', err.name, err.code, err.syscall, rel(err.message));
  }
}

process.umask(0o022);
attempt('appendFileSync creates', () => fs.appendFileSync(p('log'), 'a'));
attempt('appendFileSync encoding', () => fs.appendFileSync(p('log'), '62', 'hex'));
attempt('appendFileSync {encoding}', () => fs.appendFileSync(p('log'), 'Yw==', { encoding: 'base64' }));
attempt('appendFileSync Int8Array', () => fs.appendFileSync(p('log'), new Int8Array([100])));
attempt('appendFileSync flag w', () => fs.appendFileSync(p('log2'), 'x', { flag: 'w' }));
attempt('appendFileSync flag w again', () => fs.appendFileSync(p('log2'), 'y', { flag: 'w' }));
attempt('appendFileSync mode', () => fs.appendFileSync(p('log3'), 'z', { mode: 0o640 }));
attempt('appendFileSync URL', () => fs.appendFileSync(new URL(`file://${p('log')}`), '!'));
attempt('log', () => fs.readFileSync(p('log'), 'utf8'));
attempt('log2', () => fs.readFileSync(p('log2'), 'utf8'));
attempt('log3 mode', () => (fs.statSync(p('log3')).mode & 0o777).toString(8));
attempt('appendFileSync bad data', () => fs.appendFileSync(p('log'), 42));
attempt('appendFileSync bad data object', () => fs.appendFileSync(p('log'), { toString: () => 'obj' }));

attempt('copyFileSync', () => fs.copyFileSync(p('log'), p('copy')));
attempt('copy', () => fs.readFileSync(p('copy'), 'utf8'));
attempt('copyFileSync overwrites', () => fs.copyFileSync(p('log2'), p('copy')));
attempt('copy', () => fs.readFileSync(p('copy'), 'utf8'));
attempt('copyFileSync EXCL', () => fs.copyFileSync(p('log'), p('copy'), fs.constants.COPYFILE_EXCL));
attempt('copyFileSync FICLONE', () => fs.copyFileSync(p('log'), p('clone'), fs.constants.COPYFILE_FICLONE));
attempt('clone', () => fs.readFileSync(p('clone'), 'utf8'));
attempt('copyFileSync keeps mode', () => {
  fs.chmodSync(p('log3'), 0o600);
  fs.copyFileSync(p('log3'), p('log3-copy'));
  return (fs.statSync(p('log3-copy')).mode & 0o777).toString(8);
});
attempt('copyFileSync Buffer and URL', () =>
  fs.copyFileSync(Buffer.from(p('log')), new URL(`file://${p('copy-url')}`)));
attempt('copyFileSync dir', () => fs.copyFileSync(tmp, p('dircopy')));

attempt('renameSync file', () => fs.renameSync(p('copy'), p('renamed')));
attempt('renameSync over file', () => fs.renameSync(p('renamed'), p('clone')));
attempt('clone now', () => fs.readFileSync(p('clone'), 'utf8'));
fs.mkdirSync(p('d1'));
fs.mkdirSync(p('d2'));
fs.writeFileSync(p('d2', 'x'), '');
attempt('renameSync dir', () => fs.renameSync(p('d1'), p('d3')));
attempt('renameSync dir over non-empty dir', () => fs.renameSync(p('d3'), p('d2')));
attempt('renameSync into itself', () => fs.renameSync(p('d2'), p('d2', 'sub')));

attempt('linkSync', () => fs.linkSync(p('log'), p('hard')));
attempt('nlink', () => fs.statSync(p('log')).nlink);
attempt('symlinkSync relative', () => fs.symlinkSync('log', p('soft')));
attempt('symlinkSync absolute', () => fs.symlinkSync(p('d2'), p('soft-dir'), 'dir'));
attempt('symlinkSync junction type', () => fs.symlinkSync('d3', p('soft-j'), 'junction'));
attempt('symlinkSync chain', () => fs.symlinkSync('soft', p('soft2')));
attempt('readlinkSync', () => fs.readlinkSync(p('soft')));
attempt('readlinkSync absolute', () => fs.readlinkSync(p('soft-dir')));
attempt('readlinkSync buffer', () => fs.readlinkSync(p('soft'), 'buffer'));
attempt('readlinkSync {encoding: hex}', () => fs.readlinkSync(p('soft'), { encoding: 'hex' }));
attempt('realpathSync chain', () => fs.realpathSync(p('soft2')));
attempt('realpathSync through dir link', () => fs.realpathSync(p('soft-dir', 'x')));
attempt('realpathSync with ..', () => fs.realpathSync(p('soft-dir', '..', 'log')));
attempt('realpathSync buffer', () => fs.realpathSync(p('soft2'), 'buffer').toString() === p('log'));
attempt('realpathSync.native chain', () => fs.realpathSync.native(p('soft2')));
attempt('realpathSync.native buffer', () => Buffer.isBuffer(fs.realpathSync.native(p('soft2'), { encoding: 'buffer' })));
attempt('realpathSync dangling', () => fs.realpathSync(p('soft-j')));
fs.symlinkSync('loop-b', p('loop-a'));
fs.symlinkSync('loop-a', p('loop-b'));
attempt('realpathSync loop', () => fs.realpathSync(p('loop-a')));
attempt('realpathSync.native loop', () => fs.realpathSync.native(p('loop-a')));
attempt('realpathSync relative', () => {
  const cwd = process.cwd();
  process.chdir(tmp);
  try {
    return fs.realpathSync('soft2');
  } finally {
    process.chdir(cwd);
  }
});

fs.appendFile(p('log'), 'cb', (err) => {
  console.log('appendFile cb', err, fs.readFileSync(p('log'), 'utf8'));
  fs.copyFile(p('log'), p('cb-copy'), fs.constants.COPYFILE_EXCL, (err) => {
    console.log('copyFile cb', err, fs.readFileSync(p('cb-copy'), 'utf8'));
    fs.realpath(p('soft2'), 'buffer', (err, real) => {
      console.log('realpath cb buffer', err, Buffer.isBuffer(real), rel(real.toString()));
      fs.realpath(p('loop-a'), (err) => {
        console.log('realpath cb loop', err.code, err.syscall, rel(err.message));
        fs.rmSync(tmp, { recursive: true });
        console.log('cleaned', fs.existsSync(tmp));
      });
    });
  });
});
