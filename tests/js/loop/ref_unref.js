'use strict';
// unref'd timers and immediates do not keep the process alive; ref() makes them count again;
// hasRef() reports it; refresh() restarts a timer from now with the same delay and callback.

const log = (s) => console.log(s);

process.on('exit', (code) => log(`exit ${code}`));

// Never runs: only unref'd handles are left when the loop would reach it.
const unrefd = setTimeout(() => log('unref timer ran (wrong: nothing keeps the loop alive)'), 500);
log(`unref returns the timer: ${unrefd.unref() === unrefd}`);
log(`hasRef after unref: ${unrefd.hasRef()}`);
const unrefInterval = setInterval(() => log('unref interval ran (wrong)'), 400).unref();
log(`interval hasRef: ${unrefInterval.hasRef()}`);

const cleared = setTimeout(() => {}, 1);
clearTimeout(cleared);
log(`cleared hasRef: ${cleared.hasRef()}`);

const parts = [
  function refAgain(next) {
    const t = setTimeout(() => {
      log('timer unref then ref again ran');
      next();
    }, 5);
    t.unref();
    log(`ref returns the timer: ${t.ref() === t}, hasRef: ${t.hasRef()}`);
  },
  function unrefImmediate(next) {
    const imm = setImmediate(() => {
      log('unref immediate still runs in the check phase');
      next();
    });
    log(`immediate hasRef: ${imm.hasRef()}`);
    log(`unref returns the immediate: ${imm.unref() === imm}`);
    log(`immediate hasRef after unref: ${imm.hasRef()}`);
    // Something ref'd keeps the loop going until the check phase.
    setTimeout(() => {}, 20);
  },
  function refresh(next) {
    let start = Date.now();
    const refreshed = setTimeout(() => {
      log(`refreshed timer ran; waited at least 30ms since refresh: ${Date.now() - start >= 29}`);
      next();
    }, 30);
    setTimeout(() => {
      start = Date.now();
      log(`refresh returns the timer: ${refreshed.refresh() === refreshed}`);
    }, 15);
    setTimeout(() => log('timer at 35ms runs before the refreshed one'), 35);
  },
  function refreshAfterItRan(next) {
    // refresh() on a timer that already ran schedules it again.
    let runs = 0;
    const oneShot = setTimeout(() => {
      runs++;
      log(`one-shot run ${runs}`);
      if (runs === 1) setTimeout(() => oneShot.refresh(), 0);
      else next();
    }, 1);
  },
  function refreshAfterClear(next) {
    const t = setTimeout(() => log('cleared timer ran after refresh (wrong)'), 1);
    clearTimeout(t);
    t.refresh();
    setTimeout(next, 10);
  },
  function unrefWhileHeld(next) {
    // An unref'd timer runs in time while something else holds the loop.
    const holder = setInterval(() => {}, 5);
    setTimeout(() => log('unref timer ran while the loop was held'), 10).unref();
    setTimeout(() => {
      clearInterval(holder);
      next();
    }, 25);
  },
];

(function run(i) {
  if (i === parts.length) return log('done');
  log(`-- ${parts[i].name}`);
  parts[i](() => run(i + 1));
})(0);
