'use strict';
// Timers with equal delays run in the order they were created, whatever their number; a timer
// cleared by an earlier callback of the same phase does not run; shorter delays run first.

const log = (s) => console.log(s);

function busyWait(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

const order = [];
for (let i = 0; i < 20; i++) setTimeout(() => order.push(i), 5);
setTimeout(() => log(`equal delays ran in order: ${order.join(',') === Array.from({ length: 20 }, (_, i) => i).join(',')}`), 5);

// 0, 1 and undefined all mean 1 ms; a negative or non-number delay too.
const clamped = [];
setTimeout(() => clamped.push('zero'), 0);
setTimeout(() => clamped.push('one'), 1);
setTimeout(() => clamped.push('undefined'));
setTimeout(() => clamped.push('negative'), -10);
setTimeout(() => clamped.push('NaN'), NaN);
setTimeout(() => clamped.push('string "1"'), '1');
setTimeout(() => log(`clamped delays in creation order: ${clamped.join(', ')}`), 1);

let victim;
setTimeout(() => {
  log('first of the phase clears the second');
  clearTimeout(victim);
}, 30);
victim = setTimeout(() => log('cleared timer ran (wrong)'), 30);
setTimeout(() => log('third of the phase runs'), 30);

// Different delays fire in deadline order, not creation order.
setTimeout(() => log('delay 60'), 60);
setTimeout(() => log('delay 45'), 45);

// Extra arguments are passed to the callback.
setTimeout((a, b, c, d) => log(`args: ${a} ${b} ${c} ${d}`), 50, 1, 'two', null, undefined);

// clearTimeout accepts what it does not know.
clearTimeout(undefined);
clearTimeout(null);
clearTimeout({});
clearTimeout(12345);

// A timer cleared through its numeric id.
const byId = setTimeout(() => log('cleared by id ran (wrong)'), 40);
clearTimeout(+byId);

// Make sure all the 1 ms timers are due when the loop starts.
busyWait(3);
