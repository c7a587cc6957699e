'use strict';
// EventTarget: an exception in a listener does not stop the dispatch; it is reported as an
// uncaught exception on a later tick. Async listeners and handleEvent objects report rejections.

const log = (...args) => console.log(...args);

let uncaught = 0;
const ours = new Set(['sync listener', 'handleEvent object', 'async listener', 'thenable']);
process.on('uncaughtException', (err) => {
  uncaught++;
  // The engine's own TypeError text differs between engines: print only its name.
  log('uncaughtException:', err.name, ours.has(err.message) ? err.message : '(engine message)');
});

const target = new EventTarget();
target.addEventListener('fail', () => {
  throw new Error('sync listener');
});
target.addEventListener('fail', {
  handleEvent() {
    throw new Error('handleEvent object');
  },
});
target.addEventListener('fail', async () => {
  throw new Error('async listener');
});
target.addEventListener('fail', () => ({
  then(resolve, reject) {
    reject(new Error('thenable'));
  },
}));
// A handleEvent property that is not a function is reported too.
target.addEventListener('fail', { handleEvent: 'not callable' });
target.addEventListener('fail', () => log('listener after the failing ones still runs'));

process.nextTick(() => log('tick queued before dispatch'));
Promise.resolve().then(() => log('microtask queued before dispatch'));
log('dispatch returns:', target.dispatchEvent(new Event('fail')));
process.nextTick(() => log('tick queued after dispatch'));
Promise.resolve().then(() => log('microtask queued after dispatch'));
log('end of script');

process.on('exit', () => log('uncaught exceptions seen:', uncaught));
