'use strict';
// Long and multi-line strings inside objects, and keys longer than the line.
const util = require('util');

const long = 'The quick brown fox jumps over the lazy dog. '.repeat(4);
const multiline = "line one\nline two is a bit longer\nline three\n\nline five with 'quotes' and \"doubles\"";

console.log(util.inspect(long));
console.log(util.inspect(multiline));
console.log(util.inspect(`${long}\n${long}\nshort\n`));
console.log(util.inspect({ a: long, b: 'x'.repeat(70), c: [long] }));
console.log(util.inspect({ text: multiline, n: 1 }));
console.log(util.inspect({ a: { b: { text: `${long}\nmore\n` } } }));
console.log(util.inspect([multiline, multiline]));
console.log(util.inspect({ text: multiline }, { compact: true }));
console.log(util.inspect({ text: multiline }, { breakLength: Infinity }));
console.log(util.inspect(new Map([[multiline, long]])));
console.log(util.inspect({ ['k'.repeat(90)]: 'v', short: 1 }));
console.log(util.inspect({ ['k'.repeat(90)]: { nested: 'v' } }, { compact: true }));
console.log(util.inspect({ a: 'x'.repeat(80) }, { compact: true }));
console.log(util.inspect({ a: 'x'.repeat(20) }, { compact: true, breakLength: 20 }));
console.log(util.inspect(`${'x'.repeat(101)}\n\t'`));
console.log(util.inspect('a'.repeat(30) + '\n' + 'b'.repeat(30), { maxStringLength: 40 }));
console.log(util.inspect({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: { x: 'c'.repeat(30) } }));
console.log(util.inspect(['日本語のテキスト', '한국어 텍스트', 'emoji 👍🏽 text', 'plain', 'more', 'words', 'here']));
