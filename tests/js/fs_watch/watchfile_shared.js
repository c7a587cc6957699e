'use strict';
// fs.watchFile keeps one StatWatcher per resolved path, shared by its listeners (a relative and
// an absolute name of the same file share it); unwatchFile removes one listener or all, and
// stops the watcher with the last. `bigint: true` gives BigIntStats, zeroed for a missing file.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watchfile-shared-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'a');

const calls = [];
const l1 = (curr, prev) => calls.push(`l1 ${curr.size} ${prev.size}`);
const l2 = (curr, prev) => calls.push(`l2 ${curr.size} ${prev.size}`);
const l3 = () => calls.push('l3');

const w1 = fs.watchFile(file, { interval: 20 }, l1);
const w2 = fs.watchFile(path.relative(process.cwd(), file), { interval: 20 }, l2);
const w3 = fs.watchFile(file, l3);
console.log('shared:', w1 === w2, w2 === w3, w1.listenerCount('change'));
w1.on('stop', () => console.log('stop (shared watcher)'));

fs.unwatchFile(file, () => {});
console.log('unknown listener: count', w1.listenerCount('change'));
fs.unwatchFile(file, l3);
console.log('after removing l3: count', w1.listenerCount('change'));
fs.unwatchFile(path.join(dir, 'other.txt'));
fs.unwatchFile(path.join(dir, 'other.txt'), l1);

// A watcher's ref()/unref() pair up however often they are called.
w1.unref().unref().ref().ref().unref().ref();

setTimeout(() => {
  fs.appendFileSync(file, 'bc');
  const start = Date.now();
  const poll = setInterval(() => {
    if (calls.length >= 2 || Date.now() - start > 2000) {
      clearInterval(poll);
      console.log('calls:', calls.sort().join(', '));
      fs.unwatchFile(file);
      console.log('after unwatchFile(file): count', w1.listenerCount('change'));
      w1.stop();
      bigint();
    }
  }, 10);
}, 50);

function bigint() {
  const missing = path.join(dir, 'missing');
  const watcher = fs.watchFile(missing, { interval: 20, bigint: true }, (curr, prev) => {
    console.log('bigint:', curr.constructor.name, prev.constructor.name, typeof curr.size, curr.mtimeNs, prev.ino);
    console.log('  zeroed:', curr.mtime.getTime(), curr.isFile(), curr.isDirectory());
    fs.unwatchFile(missing);
  });
  watcher.on('stop', () => {
    console.log('stop (bigint watcher)');
    fs.rmSync(dir, { recursive: true });
  });
}
