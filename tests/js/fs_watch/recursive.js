'use strict';
// fs.watch with `recursive: true` reports changes anywhere below the directory, naming them by
// their path relative to it (`sub/file.txt`), and watches subdirectories made after it started.
// Event streams differ between watchers (one 'rename' or a 'rename' then a 'change' for a new
// file), so each phase prints, per filename, the type of the first event it got.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-recursive-'));
const at = (...names) => path.join(dir, ...names);
fs.mkdirSync(at('sub'));
fs.writeFileSync(at('sub', 'old.txt'), 'x');

let first = new Map();
const watcher = fs.watch(dir, { recursive: true }, (eventType, filename) => {
  if (typeof filename !== 'string') console.log('filename is not a string:', filename);
  if (!first.has(filename)) first.set(filename, eventType);
});

// Runs `action`, waits until every name in `expect` had an event (or 2 s passed), then 100 ms
// more, and prints the first event type of each filename seen.
function phase(name, expect, action) {
  return new Promise((resolve) => {
    first = new Map();
    action();
    const start = Date.now();
    const poll = setInterval(() => {
      if (expect.every((f) => first.has(f)) || Date.now() - start > 2000) {
        clearInterval(poll);
        setTimeout(() => {
          const names = [...first.keys()].sort();
          console.log(`${name}: ${names.map((f) => `${first.get(f)} ${f}`).join(', ') || '(none)'}`);
          resolve();
        }, 100);
      }
    }, 10);
  });
}

// Gives a new subdirectory's watch time to be in place before files appear in it.
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

(async () => {
  const sub = path.join('sub', 'file.txt');
  await phase('create in subdirectory', [sub], () => fs.writeFileSync(at('sub', 'file.txt'), 'x'));
  const old = path.join('sub', 'old.txt');
  await phase('append to existing file', [old], () => fs.appendFileSync(at('sub', 'old.txt'), 'y'));
  await phase('new subdirectory', [path.join('sub', 'new')], () => fs.mkdirSync(at('sub', 'new')));
  await settle();
  const deep = path.join('sub', 'new', 'deep.txt');
  await phase('create in new subdirectory', [deep], () => fs.writeFileSync(at('sub', 'new', 'deep.txt'), 'x'));
  await phase('unlink in subdirectory', [sub], () => fs.unlinkSync(at('sub', 'file.txt')));
  await phase('create at top', ['top.txt'], () => fs.writeFileSync(at('top.txt'), 'x'));
  watcher.close();
  await phase('after close', [], () => fs.writeFileSync(at('sub', 'late.txt'), 'x'));
  fs.rmSync(dir, { recursive: true });
})();
