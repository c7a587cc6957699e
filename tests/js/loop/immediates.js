'use strict';
// setImmediate: callbacks run in order, with their arguments; an immediate cleared by an earlier
// one of the same check phase does not run; immediates queued during the phase wait for the next
// loop turn, after the ticks and promise jobs of the current callback.

const log = (s) => console.log(s);

let victim;
setImmediate(() => {
  log('immediate 1 clears immediate 2');
  clearImmediate(victim);
  setImmediate(() => log('queued by 1: next turn'));
});
victim = setImmediate(() => log('immediate 2 ran (wrong)'));
setImmediate((a, b, c, d) => log(`immediate 3 args: ${a} ${b} ${c} ${d}`), 1, 'two', [3], undefined);
const imm = setImmediate(function () {
  log(`immediate 4, this is the Immediate: ${this === imm}`);
});
clearImmediate(undefined);
clearImmediate(null);
log(`Immediate class name: ${imm.constructor.name}`);

let depth = 0;
function chain() {
  depth++;
  if (depth < 5) setImmediate(chain);
  else log(`chain of ${depth} immediates done`);
}
setImmediate(chain);

// Ticks queued by an immediate run before the next immediate of the same phase.
setImmediate(() => {
  process.nextTick(() => log('tick from immediate 6'));
  Promise.resolve().then(() => log('promise from immediate 6'));
});
setImmediate(() => log('immediate 7'));
