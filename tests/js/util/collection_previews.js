'use strict';
// Previews of engine-internal state: Map and Set iterators show the entries they have left,
// and weak collections show their entries with showHidden, as node's inspect does.
const util = require('util');

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
console.log(util.inspect(weakMap, { showHidden: true }));
console.log(util.inspect(weakSet, { showHidden: true }));
