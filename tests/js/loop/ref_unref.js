'use strict';
// unref'd timers and immediates do not keep the process alive; ref() makes them count again;
// hasRef() reports it; refresh() restarts a timer from now with the same delay and callback.

const log = (s) => console.log(s);

process.on('exit', (code) => log(`exit ${code}`));

const unrefd = setTimeout(() => log('unref timer ran (wrong: nothing keeps the loop alive)'), 200);
log(`unref returns the timer: ${unrefd.unref() === unrefd}`);
log(`hasRef after unref: ${unrefd.hasRef()}`);

const reref = setTimeout(() => log('timer unref then ref again ran'), 5);
reref.unref();
log(`ref returns the timer: ${reref.ref() === reref}, hasRef: ${reref.hasRef()}`);

const unrefInterval = setInterval(() => log('unref interval ran (wrong)'), 300).unref();
log(`interval hasRef: ${unrefInterval.hasRef()}`);

const imm = setImmediate(() => log('unref immediate still runs in the check phase'));
log(`immediate hasRef: ${imm.hasRef()}`);
imm.unref();
log(`immediate hasRef after unref: ${imm.hasRef()}`);
imm.ref();
imm.unref();

// refresh(): the timer starts over, so it fires after the second timer.
let start = Date.now();
const refreshed = setTimeout(() => {
  log(`refreshed timer ran; waited at least 30ms since refresh: ${Date.now() - start >= 29}`);
}, 30);
setTimeout(() => {
  start = Date.now();
  log(`refresh returns the timer: ${refreshed.refresh() === refreshed}`);
}, 20);
setTimeout(() => log('timer at 40ms runs before the refreshed one'), 40);

// refresh() on a timer that already ran does nothing (it is not rescheduled).
const done = setTimeout(() => {
  log('one-shot ran once');
  setTimeout(() => done.refresh(), 0);
}, 1);

// A timer made unref'd while an interval holds the loop runs in time.
const holder = setInterval(() => {}, 5);
setTimeout(() => log('unref timer ran while the loop was held'), 10).unref();
setTimeout(() => clearInterval(holder), 25);

// hasRef() of a cleared timer.
const cleared = setTimeout(() => {}, 1);
clearTimeout(cleared);
log(`cleared hasRef: ${cleared.hasRef()}`);
