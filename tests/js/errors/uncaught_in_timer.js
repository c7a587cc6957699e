'use strict';
// An uncaught exception in a timer ends the process: later timers and immediates do not run.
setTimeout(() => {
  console.log('timer 1');
  throw new RangeError('from a timer');
}, 1);
setTimeout(() => console.log('timer 2 (never)'), 20);
process.on('exit', (code) => console.log(`exit ${code}`));
