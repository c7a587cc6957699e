'use strict';
// Failures of fs.watch: a missing path throws node's error at once (syscall 'watch', or 'stat'
// for a recursive watch, which node 20 starts with a stat of the resolved path), with `filename`
// added; a failing watch emits 'error' (errno from the handle, e.g. EOVERFLOW when inotify's
// queue overflowed), closes itself and emits no 'close'.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-errors-'));
const rel = (s) => (typeof s === 'string' ? s.split(dir).join('<tmp>').split(process.cwd()).join('<cwd>') : s);
const missing = path.join(dir, 'missing');

function describe(err) {
  const keys = Object.keys(err).join(',');
  let filename = rel(err.filename);
  if (Buffer.isBuffer(err.filename)) filename = 'Buffer';
  if (err.filename instanceof URL) filename = 'URL';
  return `${err.name} ${err.code} ${err.errno} ${err.syscall} path=${rel(err.path)} filename=${filename} keys=${keys}\n  ${rel(err.message)}`;
}

function attempt(name, fn) {
  try {
    fn();
    console.log(`${name}: no error`);
  } catch (err) {
    console.log(`${name}: ${describe(err)}`);
  }
}

attempt('watch missing', () => fs.watch(missing));
attempt('watch missing, listener', () => fs.watch(missing, () => {}));
attempt('watch missing Buffer', () => fs.watch(Buffer.from(missing)));
attempt('watch missing URL', () => fs.watch(pathToFileURL(missing)));
attempt('watch missing, recursive', () => fs.watch(missing, { recursive: true }));
attempt('watch missing relative, recursive', () => fs.watch('actorjs-missing-relative', { recursive: true }));
attempt('watch missing relative', () => fs.watch('actorjs-missing-relative'));
attempt('watch under a file', () => {
  fs.writeFileSync(path.join(dir, 'file'), '');
  fs.watch(path.join(dir, 'file', 'x'));
});

async function promised(name, filename, options) {
  try {
    await fs.promises.watch(filename, options).next();
    console.log(`${name}: no error`);
  } catch (err) {
    console.log(`${name}: ${describe(err)}`);
  }
}

(async () => {
  await promised('promises.watch missing', missing);
  await promised('promises.watch missing URL', pathToFileURL(missing));
  await promised('promises.watch missing, recursive', missing, { recursive: true });

  // What the handle reports when the watch fails, as node's own tests simulate it.
  for (const errno of [-75, -2]) {
    const watcher = fs.watch(dir);
    watcher.on('close', () => console.log('close must not be emitted after an error'));
    watcher.on('change', () => console.log('change must not be emitted'));
    watcher.on('error', (err) => {
      console.log(`error event: ${describe(err)}`);
      console.log('  handle after the error:', watcher._handle);
    });
    watcher._handle.onchange(errno, '', null);
    watcher.close();
  }

  const watcher = fs.watch(dir);
  let threw = false;
  try {
    watcher._handle.onchange(-75, '', null);
  } catch (err) {
    threw = true;
    console.log(`no 'error' listener: thrown ${describe(err)}`);
  }
  console.log('threw', threw);
  setTimeout(() => fs.rmSync(dir, { recursive: true }), 50);
})();
