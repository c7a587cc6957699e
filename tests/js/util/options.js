'use strict';
// Layout options: compact, breakLength, sorted, colors, depth, legacy arguments, defaults.
const util = require('util');

const value = {
  name: 'example',
  list: [1, 2, 3],
  nested: { a: { b: { c: 'deep' } }, flag: true },
  map: new Map([['key', { inner: [1, 2] }]]),
  text: 'a string that is long enough to matter for line breaking decisions',
};

for (const compact of [true, false, 0, 1, 2, 3, 4]) {
  console.log(`compact: ${compact}`);
  console.log(util.inspect(value, { compact }));
}
for (const breakLength of [Infinity, 120, 60, 40, 10]) {
  console.log(`breakLength: ${breakLength}`);
  console.log(util.inspect(value, { breakLength }));
}
console.log(util.inspect(value, { compact: true, breakLength: 40 }));
console.log(util.inspect(value, { compact: false, breakLength: Infinity }));

console.log(util.inspect({ c: 3, a: 1, b: 2, [Symbol('z')]: 0 }, { sorted: true }));
console.log(util.inspect({ c: 3, a: 1, b: 2 }, { sorted: (x, y) => (x < y ? 1 : x > y ? -1 : 0) }));
console.log(util.inspect(Object.assign([3, 1, 2], { z: 1, y: 2 }), { sorted: true }));

console.log(JSON.stringify(util.inspect(value, { colors: true })));
console.log(JSON.stringify(util.inspect(value, { colors: true, compact: false })));
console.log(JSON.stringify(util.inspect(Array.from({ length: 12 }, (_, i) => (i % 2 ? `s${i}` : i)), { colors: true })));

// Legacy signature: inspect(value, showHidden, depth, colors).
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, false, 0));
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, false, null));
console.log(JSON.stringify(util.inspect({ a: 1 }, false, 2, true)));
console.log(util.inspect(Object.defineProperty({}, 'h', { value: 1 }), true));

// inspect.defaultOptions.
console.log(JSON.stringify(util.inspect.defaultOptions));
const saved = { ...util.inspect.defaultOptions };
util.inspect.defaultOptions = { depth: 0, breakLength: 20 };
console.log(util.inspect({ a: { b: 1 }, c: 'long enough to break' }));
console.log(util.format('%O', { x: { y: 1 } }));
util.inspect.defaultOptions = saved;
console.log(util.inspect({ a: { b: 1 } }));
try {
  util.inspect.defaultOptions = null;
} catch (err) {
  console.log(err.name, err.code, err.message);
}

// Editing the styles changes colored output.
const oldNumber = util.inspect.styles.number;
util.inspect.styles.number = 'red';
console.log(JSON.stringify(util.inspect([1, 'a'], { colors: true })));
util.inspect.styles.number = oldNumber;
console.log(JSON.stringify(Object.keys(util.inspect.styles)));
console.log(JSON.stringify(Object.keys(util.inspect.colors)));
console.log(JSON.stringify(util.inspect.colors.grey), JSON.stringify(util.inspect.colors.bgBlackBright));
