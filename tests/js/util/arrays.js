'use strict';
// Arrays: grouping into columns, holes, extra keys, limits.
const util = require('util');

console.log(util.inspect([]));
console.log(util.inspect([1, 'two', { three: 3 }, [4], null, undefined]));
console.log(util.inspect([1, 2, 3, 4, 5, 6]));
console.log(util.inspect([1, 2, 3, 4, 5, 6, 7]));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => i * 13)));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => i * i * i)));
console.log(util.inspect([-1, 22, -333, 4444, -55555, 6, -7, 88, -999]));
console.log(util.inspect(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']));
console.log(util.inspect(Array.from({ length: 40 }, (_, i) => 'x'.repeat(i % 9))));
console.log(util.inspect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'.repeat(60)]));
console.log(util.inspect(Array.from({ length: 20 }, (_, i) => BigInt(i) ** 5n)));
console.log(util.inspect([1.5, 22.25, 333.125, 4, 5.5, 6.75, 7.875, 8]));
console.log(util.inspect(Array.from({ length: 8 }, (_, i) => ({ i }))));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => [i, i * 2])));
console.log(util.inspect(['日本', '中文字', 'ア', 'ハングル', '한국어', 'x', 'yy', 'zzz', '漢字漢字漢字']));
console.log(util.inspect(['👍', '🎉🎉', 'a', 'b', 'c', 'dd', 'eee', 'ffff']));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => i), { compact: 1 }));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => i), { compact: false }));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => i), { breakLength: 40 }));

// Holes.
console.log(util.inspect([1, , 3]));
console.log(util.inspect([, , 1]));
console.log(util.inspect(new Array(5)));
const big = [];
big[2] = 1;
big[100] = 2;
big[150] = 3;
console.log(util.inspect(big));
const holes = Array.from({ length: 20 }, (_, i) => i);
delete holes[3];
delete holes[4];
delete holes[10];
console.log(util.inspect(holes));

// Extra properties.
console.log(util.inspect(Object.assign([1, 2, 3], { foo: 'bar', [Symbol('s')]: 1 })));
console.log(util.inspect(Object.assign([1], { '-1': 'neg' })));
console.log(util.inspect([1, 2], { showHidden: true }));
console.log(util.inspect([], { showHidden: true }));

// Limits.
console.log(util.inspect(Array.from({ length: 101 }, (_, i) => i)));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 9 }));
console.log(util.inspect([1, 2], { maxArrayLength: 0 }));
console.log(util.inspect(Array.from({ length: 200 }, (_, i) => i), { maxArrayLength: null }).split('\n').length);

// Subclasses and null prototypes.
class MyArray extends Array {}
console.log(util.inspect(MyArray.from([1, 2, 3])));
console.log(util.inspect(new MyArray()));
console.log(util.inspect(Object.setPrototypeOf([1, 2], null)));

// Typed arrays.
console.log(util.inspect(new Uint8Array([1, 2, 3])));
console.log(util.inspect(new Float64Array([0.5, -0, NaN])));
console.log(util.inspect(new BigInt64Array([1n, -2n])));
console.log(util.inspect(new Int16Array(30).map((_, i) => i * 1000 - 15000)));
console.log(util.inspect(new Uint8Array(0)));
console.log(util.inspect(new Uint8Array(120)));
console.log(util.inspect(new Uint16Array([1, 2]), { showHidden: true }));
console.log(util.inspect(Object.assign(new Uint8Array(2), { foo: 1 })));
class MyU8 extends Uint8Array {}
console.log(util.inspect(new MyU8([1, 2])));
console.log(util.inspect(new Uint8Array([1234, 5678]).map((x) => x), { numericSeparator: true }));
console.log(util.inspect(new Uint32Array([123456789]), { numericSeparator: true }));
