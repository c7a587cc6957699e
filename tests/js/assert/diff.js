'use strict';
// The generated messages of strictEqual and deepStrictEqual: node 20's line diff of the inspected
// values, the `a !== b` form for short primitives and the `^` under the first differing character.
const assert = require('assert');

function show(label, fn) {
  try {
    fn();
    console.log(`== ${label}: ok`);
  } catch (err) {
    console.log(`== ${label}: [${err.code}] ${err.operator} generated=${err.generatedMessage}`);
    console.log(err.message);
  }
}

show('numbers', () => assert.strictEqual(1, 2));
show('zero and minus zero', () => assert.strictEqual(-0, 0));
show('short strings', () => assert.strictEqual('abc', 'abd'));
show('long strings', () => assert.strictEqual('the quick brown fox jumps', 'the quick brown fox jumped'));
show('string vs number', () => assert.strictEqual('123456789', 123456789));
show('null vs undefined', () => assert.strictEqual(null, undefined));
show('very long strings', () => assert.strictEqual('x'.repeat(50), `${'x'.repeat(49)}y`));
show('multiline strings', () => assert.strictEqual('line one\nline two\nline three', 'line one\nline 2\nline three'));
show('multiline string vs single', () => assert.strictEqual('a\nb', 'a'));
show('objects by reference', () => assert.strictEqual({ a: 1 }, { a: 1 }));
show('different objects', () => assert.strictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }));
show('functions', () => assert.strictEqual(function a() {}, function b() {}));
show('arrays by reference', () => assert.strictEqual([1, 2, 3], [1, 2, 3]));
show('custom message', () => assert.strictEqual(1, 2, 'numbers differ'));

show('deep objects', () => assert.deepStrictEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 4] } }));
show('deep arrays', () => assert.deepStrictEqual([1, 2, 3, 4, 5], [1, 2, 3, 5, 4]));
show('extra key', () => assert.deepStrictEqual({ a: 1, b: 2, c: 3 }, { a: 1, b: 2 }));
show('missing key', () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2, c: 3 }));
show('longer actual array', () => assert.deepStrictEqual([1, 2, 3, 4], [1, 2]));
show('longer expected array', () => assert.deepStrictEqual([1, 2], [1, 2, 3, 4]));
show('loose vs strict', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
show('type mismatch', () => assert.deepStrictEqual([1], { 0: 1 }));
show('primitive vs object', () => assert.deepStrictEqual(1, { a: 1 }));
show('symbols', () => assert.deepStrictEqual({ a: Symbol('s') }, { a: Symbol('s') }));
show('prototype', () => assert.deepStrictEqual(Object.create(null), {}));
show('dates', () => assert.deepStrictEqual(new Date(0), new Date(1000)));
show('maps', () => assert.deepStrictEqual(new Map([[1, 'a'], [2, 'b']]), new Map([[1, 'a'], [2, 'c']])));
show('sets', () => assert.deepStrictEqual(new Set([1, 2, 3]), new Set([1, 2, 4])));
show('nested strings', () => assert.deepStrictEqual({ s: 'hello world' }, { s: 'hello there' }));
show('errors', () => assert.deepStrictEqual(new Error('a'), new Error('b')));
show('error classes', () => assert.deepStrictEqual(new TypeError('a'), new RangeError('a')));
show('custom message deep', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'objects differ'));
show('custom message error', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, new TypeError('thrown as is')));
show('trailing comma only', () => assert.deepStrictEqual([1, 2, [3]], [1, 2, [3], 4]));

const big = {};
for (let i = 0; i < 40; i++) big[`key${String(i).padStart(2, '0')}`] = i;
const big2 = { ...big, key20: 'twenty' };
show('many identical lines', () => assert.deepStrictEqual(big, big2));
const big3 = { ...big, key02: 'two', key37: 'thirty-seven' };
show('two far apart changes', () => assert.deepStrictEqual(big, big3));
const arr = Array.from({ length: 120 }, (_, i) => i);
const arr2 = arr.map((v) => (v % 2 === 0 ? v : -v));
show('more than 50 lines', () => assert.deepStrictEqual(arr, arr2));
show('long identical tail', () => assert.deepStrictEqual([0, ...arr], [1, ...arr]));
show('identical long structure', () => {
  const s = Symbol('x');
  const a = Array.from({ length: 60 }, () => s);
  assert.deepStrictEqual({ list: a, tag: Symbol('t') }, { list: a, tag: Symbol('t') });
});

show('notDeepStrictEqual long', () => assert.notDeepStrictEqual(arr, arr.slice()));
show('notStrictEqual string', () => assert.notStrictEqual('a long string value', 'a long string value'));
show('deepEqual loose fail', () => assert.deepEqual({ a: [1, 2] }, { a: [1, 3] }));
show('deepEqual long', () => assert.deepEqual('y'.repeat(600), 'z'.repeat(600)));
show('notDeepEqual unequal', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show('notDeepEqual long', () => assert.notDeepEqual('q'.repeat(1100), 'q'.repeat(1100)));
show('equal long', () => assert.equal('y'.repeat(600), 'z'.repeat(600)));
show('long multiline strings', () =>
  assert.strictEqual(
    'first line of text\nsecond line of text\nthird line of text\nfourth line of text\n',
    'first line of text\nsecond line of text\nTHIRD line of text\nfourth line of text\n',
  ));
show('multiline in object', () =>
  assert.deepStrictEqual(
    { text: 'alpha beta gamma delta\nepsilon zeta eta theta\niota kappa lambda mu\n' },
    { text: 'alpha beta gamma delta\nepsilon zeta eta theta\niota kappa LAMBDA mu\n' },
  ));
