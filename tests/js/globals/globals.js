'use strict';
// The global object as node 20 shapes it: its tag, the enumerable names in node's order, the
// lazily loaded globals, and `performance` (User Timing).
const util = require('util');

console.log(util.inspect(globalThis, { depth: 0 }).split('\n').slice(0, 12).join('\n'));
console.log(Object.prototype.toString.call(globalThis), global === globalThis);
for (const name of ['process', 'Buffer', 'URL', 'TextDecoder', 'Blob', 'File', 'AbortController']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, typeof globalThis[name], d.enumerable, d.configurable);
}
console.log(setTimeout.length, setInterval.length, setImmediate.length, clearInterval.length);
console.log(util.promisify(setTimeout) === require('timers/promises').setTimeout);
console.log(structuredClone.length, structuredClone({ a: [1, new Map([[1, 2]])] }));

console.log(typeof performance.now(), performance.timeOrigin > 1e12, performance instanceof Performance);
const m = performance.mark('a', { detail: { x: 1 } });
console.log(m.name, m.entryType, m.duration, m.detail, Object.prototype.toString.call(m));
const m2 = performance.mark('b', { startTime: 5 });
console.log(util.inspect(m2));
const me = performance.measure('m1', 'a');
console.log(typeof me.duration, me.entryType, me.detail, me.startTime === m.startTime);
const me2 = performance.measure('m2', { start: 1, end: 4, detail: 'd' });
console.log(me2.startTime, me2.duration, me2.detail);
console.log(performance.getEntriesByType('mark').map((e) => e.name), performance.getEntries().length);
console.log(performance.getEntriesByName('m2').length, performance.getEntriesByName('m2', 'mark').length);
try {
  performance.mark(1, { startTime: -1 });
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  performance.measure('x', 'nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  new PerformanceEntry();
} catch (e) {
  console.log(e.name, e.code, e.message);
}
performance.clearMarks('a');
console.log(performance.getEntries().map((e) => e.name));
performance.clearMarks();
performance.clearMeasures();
console.log(performance.getEntries().length, require('perf_hooks').performance === performance);
