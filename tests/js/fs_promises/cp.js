// fs.cp / cpSync / fsPromises.cp: files, trees, symlinks, every option, and node's ERR_FS_CP_*
// errors (SystemError shape: code, message, info, errno, syscall, path).
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

// Modes are printed: fix the umask so they do not depend on the machine.
process.umask(0o022);
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-')));
const show = (s) => String(s).split(tmp).join('<tmp>');
const p = (...parts) => path.join(tmp, ...parts);

function tree(dir) {
  const out = [];
  (function walk(d) {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) out.push(`${show(full)} -> ${show(fs.readlinkSync(full))}`);
      else if (st.isDirectory()) {
        out.push(`${show(full)}/ ${(st.mode & 0o777).toString(8)}`);
        walk(full);
      } else out.push(`${show(full)} ${(st.mode & 0o777).toString(8)} ${fs.readFileSync(full, 'utf8')}`);
    }
  })(dir);
  return out;
}

function describeError(e) {
  const info = e.info ? ` info=${show(JSON.stringify(e.info))}` : '';
  return `${e.name} ${e.code} ${show(e.message)} errno=${e.errno} syscall=${e.syscall} path=${show(e.path)}${info}`;
}

async function t(name, fn) {
  try {
    await fn();
    console.log(name, 'ok');
  } catch (e) {
    console.log(name, describeError(e));
  }
}

(async () => {
  fs.mkdirSync(p('src', 'nested', 'deep'), { recursive: true });
  fs.writeFileSync(p('src', 'one.txt'), 'one');
  fs.writeFileSync(p('src', 'nested', 'two.txt'), 'two');
  fs.writeFileSync(p('src', 'nested', 'deep', 'three.txt'), 'three');
  fs.chmodSync(p('src', 'nested', 'two.txt'), 0o640);
  fs.chmodSync(p('src', 'nested'), 0o750);
  fs.symlinkSync('one.txt', p('src', 'rel-link'));
  fs.symlinkSync(p('src', 'nested'), p('src', 'abs-link'));
  fs.utimesSync(p('src', 'one.txt'), 1000, 2000);

  await t('promises file', () => fsp.cp(p('src', 'one.txt'), p('out', 'file.txt')));
  console.log(tree(p('out')));
  await t('promises dir without recursive', () => fsp.cp(p('src'), p('out', 'tree')));
  await t('promises tree', () => fsp.cp(p('src'), p('out', 'tree'), { recursive: true }));
  console.log(tree(p('out', 'tree')));
  await t('verbatimSymlinks', () => fsp.cp(p('src'), p('out', 'verbatim'), { recursive: true, verbatimSymlinks: true }));
  console.log(tree(p('out', 'verbatim')).filter((l) => l.includes('->')));
  await t('dereference', () => fsp.cp(p('src'), p('out', 'deref'), { recursive: true, dereference: true }));
  console.log(tree(p('out', 'deref')).filter((l) => l.includes('link')));
  await t('filter', () =>
    fsp.cp(p('src'), p('out', 'filtered'), { recursive: true, filter: (s) => !s.endsWith('two.txt') && !s.includes('link') }));
  console.log(tree(p('out', 'filtered')));
  await t('async filter', () =>
    fsp.cp(p('src'), p('out', 'afiltered'), { recursive: true, filter: async (s) => !s.includes('nested') }));
  console.log(tree(p('out', 'afiltered')));
  await t('preserveTimestamps', () => fsp.cp(p('src', 'one.txt'), p('out', 'times.txt'), { preserveTimestamps: true }));
  console.log('mtime', fs.statSync(p('out', 'times.txt')).mtimeMs);

  fs.writeFileSync(p('out', 'file.txt'), 'changed');
  await t('force false', () => fsp.cp(p('src', 'one.txt'), p('out', 'file.txt'), { force: false }));
  console.log('kept', fs.readFileSync(p('out', 'file.txt'), 'utf8'));
  await t('errorOnExist', () => fsp.cp(p('src', 'one.txt'), p('out', 'file.txt'), { force: false, errorOnExist: true }));
  await t('force overwrite', () => fsp.cp(p('src', 'one.txt'), p('out', 'file.txt')));
  console.log('overwritten', fs.readFileSync(p('out', 'file.txt'), 'utf8'));
  await t('mode EXCL', () => fsp.cp(p('src', 'one.txt'), p('out', 'excl.txt'), { mode: fs.constants.COPYFILE_EXCL }));

  await t('same path', () => fsp.cp(p('src'), p('src'), { recursive: true }));
  await t('into itself', () => fsp.cp(p('src'), p('src', 'nested', 'copy'), { recursive: true }));
  await t('dir onto file', () => fsp.cp(p('src'), p('out', 'file.txt'), { recursive: true }));
  await t('file onto dir', () => fsp.cp(p('src', 'one.txt'), p('out', 'tree')));
  await t('missing src', () => fsp.cp(p('missing'), p('out', 'x')));
  await t('bad option', () => fsp.cp(p('src'), p('out', 'x'), { recursive: 'yes' }));
  await t('bad filter', () => fsp.cp(p('src'), p('out', 'x'), { filter: 'no' }));
  await t('bad mode', () => fsp.cp(p('src'), p('out', 'x'), { mode: 9 }));
  await t('dereference + verbatimSymlinks', () =>
    fsp.cp(p('src'), p('out', 'x'), { dereference: true, verbatimSymlinks: true }));
  await t('bad src', () => fsp.cp(1, p('out', 'x')));
  await t('bad options', () => fsp.cp(p('src'), p('out', 'x'), 'opts'));

  await t('sync tree', () => fs.cpSync(p('src'), p('sync'), { recursive: true }));
  console.log(JSON.stringify(tree(p('sync'))) === JSON.stringify(tree(p('out', 'tree')).map((l) => l.replace('<tmp>/out/tree', '<tmp>/sync'))));
  await t('sync dir without recursive', () => fs.cpSync(p('src'), p('sync2')));
  await t('sync into itself', () => fs.cpSync(p('src'), p('src', 'inside'), { recursive: true }));
  await t('sync errorOnExist', () => fs.cpSync(p('src', 'one.txt'), p('sync', 'one.txt'), { force: false, errorOnExist: true }));
  await t('sync async filter', () => fs.cpSync(p('src'), p('sync3'), { recursive: true, filter: async () => true }));
  await t('sync missing', () => fs.cpSync(p('missing'), p('sync4')));

  await new Promise((resolve) =>
    fs.cp(p('src', 'one.txt'), p('cb', 'one.txt'), (err) => {
      console.log('callback', err, fs.readFileSync(p('cb', 'one.txt'), 'utf8'));
      resolve();
    }),
  );
  await new Promise((resolve) =>
    fs.cp(p('src'), p('cb2'), {}, (err) => {
      console.log('callback error', describeError(err));
      resolve();
    }),
  );
  try {
    fs.cp(p('src'), p('cb3'));
  } catch (e) {
    console.log('callback missing', e.code, e.message);
  }
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
