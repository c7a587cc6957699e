'use strict';
// setInterval repeats until cleared, from inside its own callback or from elsewhere; `this` is
// the Timeout; clearTimeout and clearInterval are interchangeable; an interval whose callback
// throws keeps repeating when the error is handled. The parts run one after another so that
// their output does not depend on the clock.

const log = (s) => console.log(s);

const parts = [
  function ownCallbackClears(next) {
    let runs = 0;
    const iv = setInterval(
      (tag) => {
        runs++;
        log(`interval ${tag} run ${runs}`);
        if (runs === 4) {
          clearInterval(iv);
          log(`cleared after ${runs} runs`);
          setTimeout(next, 10);
        }
      },
      2,
      'A',
    );
    log(`hasRef: ${iv.hasRef()}, repeat: ${iv._repeat}`);
  },
  function clearedByATimeout(next) {
    let ticks = 0;
    const other = setInterval(() => {
      ticks++;
    }, 1);
    setTimeout(() => {
      clearInterval(other);
      log(`ran at least once: ${ticks > 0}`);
      const before = ticks;
      setTimeout(() => {
        log(`not after being cleared: ${ticks === before}`);
        next();
      }, 10);
    }, 20);
  },
  function clearTimeoutWorks(next) {
    let runs = 0;
    const cross = setInterval(() => {
      runs++;
      if (runs === 2) clearTimeout(cross);
    }, 1);
    setTimeout(() => {
      log(`cleared with clearTimeout after ${runs} runs`);
      next();
    }, 30);
  },
  function thisIsTheTimeout(next) {
    const self = setInterval(function () {
      log(`this is the Timeout: ${this === self}`);
      clearInterval(this);
      next();
    }, 1);
  },
  function throwingCallback(next) {
    let runs = 0;
    const onError = (err) => log(`uncaught: ${err.message}`);
    process.on('uncaughtException', onError);
    const thrower = setInterval(() => {
      runs++;
      if (runs === 3) {
        clearInterval(thrower);
        setTimeout(() => {
          process.off('uncaughtException', onError);
          next();
        }, 5);
      }
      throw new Error(`interval throw ${runs}`);
    }, 3);
  },
  function closeMethod(next) {
    let runs = 0;
    const iv = setInterval(() => {
      runs++;
      iv.close();
    }, 1);
    setTimeout(() => {
      log(`close() stops an interval: ${runs}`);
      next();
    }, 15);
  },
];

(function run(i) {
  if (i === parts.length) return log('done');
  log(`-- ${parts[i].name}`);
  parts[i](() => run(i + 1));
})(0);
