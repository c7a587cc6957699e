'use strict';
// fs.watchFile polls the file's stats: the listener gets (curr, prev) when they change, zeroed
// stats for a missing file (once, at the start or when it goes), and a StatWatcher that emits
// 'stop' once unwatchFile removes its last listener. Files appear and grow in single steps
// (rename into place, one append) so that no poll can see half a change.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watchfile-'));
const file = path.join(dir, 'f.txt');

function put(data) {
  fs.writeFileSync(`${file}.tmp`, data);
  fs.chmodSync(`${file}.tmp`, 0o644);
  fs.renameSync(`${file}.tmp`, file);
}

const describe = (s) =>
  `size=${s.size} file=${s.isFile()} nlink=${s.nlink} ino>0=${s.ino > 0} mtime0=${s.mtimeMs === 0} ` +
  `epoch=${s.mtime.getTime() === 0 && s.birthtime.getTime() === 0}`;

const steps = [
  ['create', () => put('abc')],
  ['append', () => fs.appendFileSync(file, 'de')],
  ['chmod', () => fs.chmodSync(file, 0o600)],
  ['unlink', () => fs.unlinkSync(file)],
  ['recreate', () => put('z')],
];

let step = 0;
const watcher = fs.watchFile(file, { interval: 20 }, function listener(curr, prev) {
  console.log(`#${step} this is the watcher: ${this === watcher}`);
  console.log(`  curr ${describe(curr)}`);
  console.log(`  prev ${describe(prev)}`);
  const mode = (s) => (s.mode & 0o777).toString(8);
  if (step === 3) console.log(`  mode changed: ${mode(curr)} was ${mode(prev)}`);
  if (step < steps.length) {
    const [name, action] = steps[step++];
    setTimeout(() => {
      console.log(`${name}`);
      action();
    }, 50);
  } else {
    fs.unwatchFile(file);
  }
});
console.log('StatWatcher:', watcher.constructor.name, watcher instanceof require('events'));
watcher.on('stop', () => {
  console.log('stop');
  watcher.stop();
  fs.rmSync(dir, { recursive: true });
});
