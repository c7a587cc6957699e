// Timer edge cases node keeps. Timers and immediates log apart: which of a 1 ms timer and an
// immediate runs first depends on how long the script took.
const order = [];
const immediates = [];

clearImmediate(null);
clearImmediate(undefined);

// A callback's own `call` and `apply` properties are not used.
function cb(...args) {
  (args[0] === 'x' ? immediates : order).push(`cb ${args.length}`);
}
cb.call = 'not a function';
cb.apply = 'also not a function';
setTimeout(cb, 1, 'a', 'b');
setImmediate(cb, 'x');
setInterval(function tick() {
  clearInterval(this);
  order.push('interval');
}, 1);

// A one-shot timer given a `_repeat` by its callback runs again.
let runs = 0;
const r = setTimeout(() => {
  runs++;
  if (r._repeat) clearInterval(r);
  r._repeat = 1;
}, 1);

// An unref'd immediate does not run when nothing else is left; a ref'd one does.
setImmediate(() => immediates.push('ref immediate'));

setTimeout(() => {
  console.log(order.join('\n'));
  console.log(immediates.join('\n'));
  console.log('runs', runs);
  setImmediate(() => console.log('never')).unref();
}, 30);
process.on('beforeExit', () => console.log('beforeExit'));
