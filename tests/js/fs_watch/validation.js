'use strict';
// Argument checks of fs.watch, fs.watchFile, fs.unwatchFile and fs.promises.watch: node 20's
// codes and messages, in node's order (a `recursive` watch checks its options as node 20's
// recursive watcher on Linux does).

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-validation-'));
const rel = (s) => String(s).split(dir).join('<tmp>');

function attempt(name, fn) {
  try {
    const result = fn();
    console.log(`${name}: returned ${result?.constructor?.name}`);
    result?.close?.();
  } catch (err) {
    console.log(`${name}: ${err.name} ${err.code} | ${rel(err.message)}`);
  }
}

const noop = () => {};
attempt('watch()', () => fs.watch());
attempt('watch(1)', () => fs.watch(1));
attempt('watch(null byte)', () => fs.watch('a\0b'));
attempt('watch(dir, 5)', () => fs.watch(dir, 5));
attempt('watch(dir, true)', () => fs.watch(dir, true));
attempt("watch(dir, 'bogus')", () => fs.watch(dir, 'bogus'));
attempt("encoding: 'bogus'", () => fs.watch(dir, { encoding: 'bogus' }));
attempt('encoding: 1', () => fs.watch(dir, { encoding: 1 }));
attempt('signal: 1', () => fs.watch(dir, { signal: 1 }));
attempt("persistent: 'x'", () => fs.watch(dir, { persistent: 'x' }));
attempt('recursive: 0', () => fs.watch(dir, { recursive: 0 }));
attempt("recursive: '1'", () => fs.watch(dir, { recursive: '1' }));
attempt('recursive: 1', () => fs.watch(dir, { recursive: 1 }));
attempt('recursive, persistent: 1', () => fs.watch(dir, { recursive: true, persistent: 1 }));
attempt('recursive, signal: {}', () => fs.watch(dir, { recursive: true, signal: {} }));
attempt('recursive, encoding: 0', () => fs.watch(dir, { recursive: true, encoding: 0 }));
attempt('recursive, encoding: 1', () => fs.watch(dir, { recursive: true, encoding: 1 }));
attempt('recursive, persistent: null', () => fs.watch(dir, { recursive: true, persistent: null }));
// Node checks the listener only once the watch has started.
attempt('watch(missing, {}, 5)', () => fs.watch(path.join(dir, 'missing'), {}, 5));
attempt('watch(dir, {}, 5)', () => fs.watch(dir, {}, 5));
attempt('watch(dir, {}, 0)', () => fs.watch(dir, {}, 0));

attempt('watchFile()', () => fs.watchFile());
attempt('watchFile(file)', () => fs.watchFile(path.join(dir, 'f')));
attempt("watchFile(file, 'x', noop)", () => fs.watchFile(path.join(dir, 'f'), 'x', noop));
attempt('watchFile(file, {}, 1)', () => fs.watchFile(path.join(dir, 'f'), {}, 1));
attempt("interval: 'x'", () => fs.watchFile(path.join(dir, 'f'), { interval: 'x' }, noop));
attempt('interval: -1', () => fs.watchFile(path.join(dir, 'f'), { interval: -1 }, noop));
attempt('interval: 1.5', () => fs.watchFile(path.join(dir, 'f'), { interval: 1.5 }, noop));
attempt('watchFile(Buffer)', () => fs.watchFile(Buffer.from(path.join(dir, 'f')), noop));
attempt('unwatchFile()', () => fs.unwatchFile());
attempt('unwatchFile(1)', () => fs.unwatchFile(1));
attempt('unwatchFile(never watched)', () => fs.unwatchFile(path.join(dir, 'never')));

async function promised(name, ...args) {
  const iterator = fs.promises.watch(...args);
  try {
    const step = iterator.next();
    // Node checks nothing until the first step: the call itself never throws.
    await step;
    console.log(`promises ${name}: first step settled`);
  } catch (err) {
    console.log(`promises ${name}: ${err.name} ${err.code} | ${rel(err.message)}`);
  } finally {
    await iterator.return();
  }
}

(async () => {
  await promised('()');
  await promised('(1)', 1);
  await promised("(dir, 'x')", dir, 'x');
  await promised('(dir, null)', dir, null);
  await promised("persistent: 'x'", dir, { persistent: 'x' });
  await promised('recursive: 1', dir, { recursive: 1 });
  await promised("encoding: 'bogus'", dir, { encoding: 'bogus' });
  await promised("encoding: 'buffer'", dir, { encoding: 'buffer' });
  await promised('signal: 1', dir, { signal: 1 });
  await promised('recursive, encoding: 0', dir, { recursive: true, encoding: 0 });
  await promised('recursive, persistent: 1', dir, { recursive: true, persistent: 1 });
  await promised('aborted signal', dir, { signal: AbortSignal.abort() });
  fs.rmSync(dir, { recursive: true });
  // Node leaks the watcher of `watch(dir, {}, 5)`, which would keep it running.
  process.exit(0);
})();
