'use strict';
// Map, Set, their iterators, and the weak collections.
const util = require('util');

console.log(util.inspect(new Map()));
console.log(util.inspect(new Map([['a', 1], [{ k: 1 }, [1, 2]], [NaN, null]])));
console.log(util.inspect(new Map([['m', new Map([['n', new Map([['o', 1]])]])]])));
console.log(util.inspect(new Map(Array.from({ length: 5 }, (_, i) => [i, `v${i}`])), { maxArrayLength: 2 }));
console.log(util.inspect(Object.assign(new Map([[1, 2]]), { extra: true })));
console.log(util.inspect(new Set()));
console.log(util.inspect(new Set([1, 'two', { three: 3 }, [4]])));
console.log(util.inspect(new Set(Array.from({ length: 110 }, (_, i) => i))));
console.log(util.inspect(Object.assign(new Set([1]), { a: 1 })));
console.log(util.inspect(new Set([3, 1, 2]), { sorted: true }));
console.log(util.inspect(new Map([['b', 1], ['a', 2]]), { sorted: true }));

class MyMap extends Map {}
class MySet extends Set {}
console.log(util.inspect(new MyMap([[1, 2]])));
console.log(util.inspect(new MySet(['x'])));
console.log(util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));
console.log(util.inspect(Object.setPrototypeOf(new Set([1, 2, 3]), null)));

const map = new Map([[1, 'a'], [2, { b: 'b' }], [3, 'c']]);
console.log(util.inspect(map.keys()));
console.log(util.inspect(map.values()));
console.log(util.inspect(map.entries()));
console.log(util.inspect(map[Symbol.iterator]()));
const consumed = map.entries();
consumed.next();
console.log(util.inspect(consumed));
const set = new Set([1, 2, 3]);
console.log(util.inspect(set.values()));
console.log(util.inspect(set.entries()));
console.log(util.inspect(new Set(Array.from({ length: 105 }, (_, i) => i)).values()));
console.log(util.inspect(map.entries(), { maxArrayLength: 1 }));

const key = { k: 1 };
const weakMap = new WeakMap([[key, 'value']]);
const weakSet = new WeakSet([key]);
console.log(util.inspect(weakMap));
console.log(util.inspect(weakSet));
console.log(util.inspect(weakMap, { showHidden: true }));
console.log(util.inspect(weakSet, { showHidden: true }));
console.log(util.inspect(Object.assign(new WeakMap(), { a: 1 })));
