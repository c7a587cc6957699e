'use strict';
// Diffs of values that inspect in special ways: class instances, buffers, typed arrays, cycles,
// symbol keys, maps of sets, holes, boxed primitives, bigints, getters, null prototypes.
const assert = require('assert');
let n = 0;
function show(fn) {
  n++;
  try {
    fn();
    console.log(`== ${n}: ok`);
  } catch (e) {
    console.log(`== ${n}: ${e.operator}`);
    console.log(e.message);
  }
}
class Foo {
  constructor() {
    this.a = 1;
  }
}
show(() => assert.deepStrictEqual(new Foo(), { a: 1 }));
show(() => assert.deepStrictEqual(Buffer.from('abc'), Buffer.from('abd')));
show(() => assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
const c1 = { a: 1 };
c1.self = c1;
const c2 = { a: 2 };
c2.self = c2;
show(() => assert.deepStrictEqual(c1, c2));
show(() => assert.deepStrictEqual({ [Symbol('k')]: 1 }, { [Symbol('k')]: 1 }));
show(() => assert.deepStrictEqual(new Map([[{ a: 1 }, new Set([1])]]), new Map([[{ a: 1 }, new Set([2])]])));
show(() => assert.deepStrictEqual([1, , 3], [1, undefined, 3]));
show(() => assert.deepStrictEqual(/a/g, /a/i));
show(() => assert.deepStrictEqual(new Number(1), new Number(2)));
show(() => assert.deepStrictEqual(() => {}, () => {}));
show(() => assert.deepStrictEqual(123n, 124n));
show(() => assert.deepStrictEqual('a'.repeat(100), 'a'.repeat(99) + 'b'));
show(() => assert.strictEqual('é', 'e\u0301'));
show(() => assert.deepEqual(new Date(0), new Date(1)));
show(() => assert.deepStrictEqual({ a: undefined }, {}));
show(() => assert.deepStrictEqual([[[[[[1]]]]]], [[[[[[2]]]]]]));
show(() => assert.deepStrictEqual(Object.assign(new Error('x'), { code: 1 }), Object.assign(new Error('x'), { code: 2 })));
show(() =>
  assert.throws(() => {
    throw new Error('e');
  }, { message: 'e', extra: undefined }),
);
show(() => assert.strictEqual(Symbol('a'), Symbol('a')));
show(() => assert.notDeepStrictEqual(new Set([1, 2, 3]), new Set([3, 2, 1])));
show(() => assert.deepStrictEqual(new WeakMap(), new WeakMap()));
show(() => assert.deepStrictEqual(Promise.resolve(1), Promise.resolve(1)));
show(() => assert.deepStrictEqual({ get x() { return 1; } }, { x: 2 }));
show(() => assert.deepStrictEqual(Object.create(null, { a: { value: 1, enumerable: true } }), { a: 1 }));
show(() => assert.deepStrictEqual(NaN, 0));
show(() => assert.deepStrictEqual(-0, 0));
show(() => assert.deepEqual(-0, 1));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]));
