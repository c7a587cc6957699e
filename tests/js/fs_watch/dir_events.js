'use strict';
// fs.watch on a directory: the (eventType, filename) pairs that creating, writing, renaming,
// chmod-ing and removing its entries report, one phase at a time. inotify may merge or repeat
// events, so each phase prints the distinct pairs it saw, sorted; after close() nothing arrives.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-dir-'));
const at = (...names) => path.join(dir, ...names);

let seen = [];
const watcher = fs.watch(dir, (eventType, filename) => {
  seen.push(`${eventType} ${filename}`);
});
console.log('watcher', watcher.constructor.name, watcher instanceof require('events'));

// Runs `action`, waits for an event naming `expect` (or gives up after 2 s), lets more events
// settle for 100 ms, and prints what the phase saw.
function phase(name, expect, action) {
  return new Promise((resolve) => {
    seen = [];
    action();
    const start = Date.now();
    const poll = setInterval(() => {
      const done = expect === null || seen.some((e) => e.endsWith(` ${expect}`));
      if (done || Date.now() - start > 2000) {
        clearInterval(poll);
        setTimeout(() => {
          const pairs = [...new Set(seen)].sort();
          console.log(`${name}: ${pairs.length ? pairs.join(', ') : '(none)'}`);
          resolve();
        }, 100);
      }
    }, 10);
  });
}

(async () => {
  await phase('create', 'a.txt', () => fs.writeFileSync(at('a.txt'), 'x'));
  await phase('append', 'a.txt', () => fs.appendFileSync(at('a.txt'), 'y'));
  await phase('rename', 'b.txt', () => fs.renameSync(at('a.txt'), at('b.txt')));
  await phase('chmod', 'b.txt', () => fs.chmodSync(at('b.txt'), 0o600));
  await phase('mkdir', 'sub', () => fs.mkdirSync(at('sub')));
  await phase('write in subdirectory', null, () => fs.writeFileSync(at('sub', 'inner.txt'), 'z'));
  await phase('unlink', 'b.txt', () => fs.unlinkSync(at('b.txt')));
  await phase('rmdir', 'sub', () => fs.rmSync(at('sub'), { recursive: true }));

  watcher.on('close', () => console.log('close emitted'));
  watcher.close();
  console.log('close() returned');
  watcher.close();
  await phase('after close', null, () => fs.writeFileSync(at('c.txt'), 'x'));
  fs.rmSync(dir, { recursive: true });
})();
