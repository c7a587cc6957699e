'use strict';
// Map, Set and the weak collections (their iterators are in collection_iterators.js).
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

const key = { k: 1 };
const weakMap = new WeakMap([[key, 'value']]);
const weakSet = new WeakSet([key]);
console.log(util.inspect(weakMap));
console.log(util.inspect(weakSet));
console.log(util.inspect(Object.assign(new WeakMap(), { a: 1 })));
