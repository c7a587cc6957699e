'use strict';
// 'beforeExit' fires when the loop has nothing left; work it schedules runs and 'beforeExit'
// fires again; 'exit' fires once, last, with the exit code. Timers, immediates and ticks
// scheduled by an 'exit' listener never run; promise jobs still do.

const log = (s) => console.log(s);

let rounds = 0;
process.on('beforeExit', (code) => {
  rounds++;
  log(`beforeExit ${rounds} code=${code} exitCode=${process.exitCode}`);
  if (rounds === 1) {
    setTimeout(() => log('timer from beforeExit 1'), 1);
  } else if (rounds === 2) {
    setImmediate(() => log('immediate from beforeExit 2'));
    process.nextTick(() => log('tick from beforeExit 2'));
  } else if (rounds === 3) {
    Promise.resolve().then(() => log('promise from beforeExit 3 (no new round for it)'));
    process.exitCode = 5;
  }
});

process.on('exit', (code) => {
  log(`exit code=${code} exitCode=${process.exitCode} _exiting=${process._exiting}`);
  setTimeout(() => log('timer from exit (never)'), 0);
  setImmediate(() => log('immediate from exit (never)'));
  process.nextTick(() => log('tick from exit (never)'));
  Promise.resolve().then(() => log('promise from exit'));
});
process.on('exit', () => log('second exit listener'));

setTimeout(() => log('first timer'), 1);
log('main done');
