'use strict';
// Which watchers keep the process alive: `persistent: false` and unref() let it exit (fs.watch,
// fs.watchFile, fs.promises.watch); a persistent fs.watch keeps it running until closed.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-persistent-'));

fs.watch(dir, { persistent: false });
fs.watch(dir).unref();
fs.watch(dir, { recursive: false, persistent: false }).unref().ref().unref();
fs.watchFile(path.join(dir, 'a'), { persistent: false, interval: 10 }, () => {});
fs.watchFile(path.join(dir, 'b'), { interval: 10 }, () => {}).unref();
fs.promises.watch(dir, { persistent: false }).next();

// Held until closed below: the process waits for it.
const held = fs.watch(dir);
setTimeout(() => {
  console.log('closing the persistent watcher');
  held.close();
}, 100).unref();

// Fires only if something keeps the process alive after the close.
setTimeout(() => {
  console.log('still alive');
  process.exit(1);
}, 3000).unref();

process.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true });
  console.log('exit', code);
});
console.log('end of script');
