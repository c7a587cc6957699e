'use strict';
// util.isDeepStrictEqual.
const util = require('util');

class Foo {
  constructor() {
    this.a = 1;
  }
}
const sym = Symbol('s');
const cases = [
  ['same primitives', 1, 1],
  ['-0 and +0', -0, 0],
  ['NaN', NaN, NaN],
  ['number and string', 1, '1'],
  ['null and undefined', null, undefined],
  ['objects in any key order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
  ['different values', { a: 1 }, { a: 2 }],
  ['different prototypes', {}, Object.create(null)],
  ['class vs plain', new Foo(), { a: 1 }],
  ['arrays', [1, 2, 3], [1, 2, 3]],
  ['array lengths', [1, 2], [1, 2, 3]],
  ['hole vs undefined', [1, , 3], [1, undefined, 3]],
  ['holes', [1, , 3], [1, , 3]],
  ['array extra key', Object.assign([1], { a: 1 }), [1]],
  ['symbol keys', { [sym]: 1 }, { [sym]: 1 }],
  ['symbol values differ', { [sym]: 1 }, { [sym]: 2 }],
  ['non-enumerable ignored', Object.defineProperty({}, 'a', { value: 1 }), {}],
  ['undefined property', { a: undefined }, {}],
  ['dates', new Date(0), new Date(0)],
  ['dates differ', new Date(0), new Date(1)],
  ['regexps', /a/g, /a/g],
  ['regexp flags', /a/g, /a/i],
  ['maps', new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
  ['maps with object keys', new Map([[{ k: 1 }, 'a'], [{ k: 2 }, 'b']]), new Map([[{ k: 2 }, 'b'], [{ k: 1 }, 'a']])],
  ['maps differ', new Map([[1, 2]]), new Map([[1, 3]])],
  ['sets', new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])],
  ['sets differ', new Set([1, 2]), new Set([1, 3])],
  ['sets of objects', new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])],
  ['typed arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  ['typed array types', new Uint8Array([1]), new Int8Array([1])],
  ['float -0', new Float64Array([-0]), new Float64Array([0])],
  ['array buffers', new ArrayBuffer(2), new ArrayBuffer(2)],
  ['array buffer contents', new Uint8Array([1]).buffer, new Uint8Array([2]).buffer],
  ['errors', new Error('a'), new Error('a')],
  ['error messages', new Error('a'), new Error('b')],
  ['error types', new Error('a'), new TypeError('a')],
  ['error causes', new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
  ['boxed numbers', new Number(1), new Number(1)],
  ['boxed differ', new Number(1), new Number(2)],
  ['boxed vs primitive', new Number(1), 1],
  ['boxed strings', new String('a'), new String('a')],
  ['functions', () => {}, () => {}],
  ['weak maps', new WeakMap(), new WeakMap()],
];
for (const [label, a, b] of cases) console.log(`${label}: ${util.isDeepStrictEqual(a, b)}`);

const c1 = { x: 1 };
c1.self = c1;
const c2 = { x: 1 };
c2.self = c2;
const c3 = { x: 1 };
c3.self = { x: 1, self: c3 };
console.log('cycles:', util.isDeepStrictEqual(c1, c2), util.isDeepStrictEqual(c1, c3));
const a1 = [1];
a1.push(a1);
const a2 = [1];
a2.push(a2);
console.log('array cycles:', util.isDeepStrictEqual(a1, a2));
