'use strict';
// util.format and util.formatWithOptions.
const util = require('util');

const cases = [
  [],
  ['plain'],
  ['%s', 'str'],
  ['%s', 42],
  ['%s', -0],
  ['%s', 12345678n],
  ['%s', Symbol('sym')],
  ['%s', null],
  ['%s', undefined],
  ['%s', { a: { b: { c: 1 } } }],
  ['%s', [1, [2, [3]]]],
  ['%s', new Date(0)],
  ['%s', { toString() { return 'custom toString'; } }],
  ['%s', new (class WithToString { toString() { return 'class toString'; } })()],
  ['%s', new (class NoToString {})()],
  ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }],
  ['%s', Object.create(null)],
  ['%s', new Map([[1, 2]])],
  ['%s', Object.assign(new Error('e'), { toString() { return 'own error toString'; } })],
  ['%s %s', 'a'],
  ['%s:%s', 'a', 'b', 'c', { d: 1 }],
  ['%d', 42],
  ['%d', '42'],
  ['%d', '0x10'],
  ['%d', 1.5],
  ['%d', -0],
  ['%d', 10n],
  ['%d', Symbol('x')],
  ['%d', {}],
  ['%d', null],
  ['%d', ''],
  ['%i', 42.9],
  ['%i', '42.9abc'],
  ['%i', 10n],
  ['%i', Symbol('x')],
  ['%i', -0.5],
  ['%f', '3.25'],
  ['%f', 'abc'],
  ['%f', Symbol('x')],
  ['%f', -0],
  ['%j', { a: [1, 'b'] }],
  ['%j', undefined],
  ['%j', { toJSON() { return 'tojson'; } }],
  ['%o', { a: [1, 2, { b: 3 }] }],
  ['%o', [1, 2, 3]],
  ['%O', { a: { b: { c: { d: { e: 1 } } } } }],
  ['%O', 'str'],
  ['%c', 'color: red'],
  ['%cstyled%c', 'a', 'b', 'rest'],
  ['%%'],
  ['%%', 1],
  ['%% %s', 'x'],
  ['100%', 1],
  ['%', 1],
  ['%x %s', 'y'],
  ['%s%', 'a'],
  ['%%s', 'a'],
  ['%%%s', 'a'],
  ['a%sb%sc', 1, 2],
  ['%s', 'a', 'b', 3, { c: 4 }, [5], 'last'],
  ['no placeholders', 'extra', 1, { a: 1 }],
  [42, 'b', { c: 1 }],
  [{ a: 1 }, '%s', 2],
  [null, undefined],
  ['%s %d %i %f %j %o %O %c %%', 'a', 1, 2, 3, { j: 1 }, { o: 1 }, { O: 1 }, 'css'],
  ['%d %d', 1234567, 7654321n],
  ['%s\n%s', 'line1', 'line2'],
  ['%s', new Number(5)],
  ['%s', new String('boxed')],
];
for (const args of cases) console.log(JSON.stringify(util.format(...args)));

const circular = { a: 1 };
circular.self = circular;
console.log(util.format('%j', circular));

for (const options of [{ numericSeparator: true }, { colors: true }, { depth: 0 }, { compact: false }]) {
  console.log(JSON.stringify(util.formatWithOptions(options, '%s %d %i %f %O', 1234567.891, 7654321, 9999999, 12345.6789, { a: { b: [1, 2] } }, 'x', 1000000)));
}
console.log(util.formatWithOptions([], 'array options %s', 1));
for (const bad of [null, 1, 'str', undefined]) {
  try {
    util.formatWithOptions(bad, 'x');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
