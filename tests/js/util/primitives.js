'use strict';
// util.inspect on primitive values: quoting, escapes, numbers and their separators.
const util = require('util');

const strings = [
  '',
  'hello',
  "it's",
  'say "hi"',
  'both \' and "',
  'all three \' " `',
  'template ${x} \' "',
  'tab\there',
  'new\nline',
  'back\\slash',
  'nul\x00 bell\x07 esc\x1b del\x7f c1\x85',
  'line\u2028separator',
  'emoji 😀 ok',
  'lone high \ud800 and low \udc00',
  'ends with high \ud83d',
  'ünïcödé ß 日本語',
];
for (const s of strings) console.log(util.inspect(s));

const numbers = [0, -0, 1, -1, 1.5, -2.25, 1e21, 1e-7, 123456789, NaN, Infinity, -Infinity, 0.1 + 0.2, 2 ** 53];
for (const n of numbers) console.log(util.inspect(n));
console.log(JSON.stringify(util.inspect(-0, { colors: true })));

for (const n of [1234, 12345, 123456, 1234567, -1234567, 1234.5678, -0.0001234, 1e21, 123456789.123456789, NaN]) {
  console.log(util.inspect(n, { numericSeparator: true }));
}

for (const b of [0n, 1n, -1n, 123456789012345678901234567890n]) {
  console.log(util.inspect(b), util.inspect(b, { numericSeparator: true }));
}

console.log(util.inspect(true), util.inspect(false), util.inspect(undefined), util.inspect(null));
console.log(util.inspect(Symbol('desc')), util.inspect(Symbol()), util.inspect(Symbol.iterator));
console.log(util.inspect(Symbol("it's")));

console.log(util.inspect('x'.repeat(20), { maxStringLength: 5 }));
console.log(util.inspect('x'.repeat(6), { maxStringLength: 5 }));
console.log(util.inspect('abc', { maxStringLength: 0 }));
console.log(util.inspect('abc', { maxStringLength: null }));

const colored = [1, 'str', 5n, true, undefined, null, Symbol('s')];
for (const v of colored) console.log(JSON.stringify(util.inspect(v, { colors: true })));
