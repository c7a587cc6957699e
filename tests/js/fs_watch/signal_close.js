'use strict';
// FSWatcher's lifecycle: close() emits 'close' on the next tick, once; an AbortSignal closes the
// watcher when it aborts, or on the next tick when it had already aborted; ref() and unref()
// return the watcher, before and after close.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-signal-'));
const log = [];
const note = (s) => {
  log.push(s);
  console.log(s);
};

const w1 = fs.watch(dir);
w1.on('close', () => note('w1 close'));
console.log('ref/unref return the watcher:', w1.ref() === w1, w1.unref() === w1, w1.ref() === w1);
console.log('start() is a no-op stub:', w1.start(), typeof w1.start);
w1.close();
note('w1 close() returned');
w1.close();
console.log('after close:', w1._handle, w1.ref() === w1, w1.unref() === w1);

const ac = new AbortController();
const w2 = fs.watch(dir, { signal: ac.signal });
w2.on('close', () => note('w2 close (aborted later)'));
setImmediate(() => {
  note('aborting');
  ac.abort();
  ac.abort();
});

const w3 = fs.watch(dir, { signal: AbortSignal.abort() });
w3.on('close', () => note('w3 close (aborted before)'));

// Closing by hand drops the abort listener: aborting afterwards does nothing more.
const ac4 = new AbortController();
const w4 = fs.watch(dir, { signal: ac4.signal }, () => {});
w4.on('close', () => {
  note('w4 close');
  setImmediate(() => {
    ac4.abort();
    note('w4 signal aborted after close');
  });
});
w4.close();

note('end of script');
process.on('exit', () => {
  fs.rmSync(dir, { recursive: true });
  console.log('exit');
});
