'use strict';
// Reference cycles are numbered in the order they are found.
const util = require('util');

const a = { name: 'a' };
a.self = a;
console.log(util.inspect(a));

const x = { id: 1 };
const y = { id: 2, x };
x.y = y;
const list = [x, y];
list.push(list);
const map = new Map([[x, list]]);
map.set('m', map);
console.log(util.inspect({ x, y, list, map }));
console.log(util.inspect({ x, y, list, map }, { compact: true }));
console.log(util.inspect({ x, y, list, map }, { depth: 0 }));

const arr = [1];
arr.push(arr);
console.log(util.inspect(arr));
const set = new Set();
set.add(set);
console.log(util.inspect(set));
const m = new Map();
m.set(m, m);
console.log(util.inspect(m));

const deep = { b: { c: { d: {} } } };
deep.b.c.d.a = deep;
deep.b.c.d.c = deep.b.c;
console.log(util.inspect(deep, { depth: Infinity }));

const viaGetter = {
  get self() {
    return viaGetter;
  },
};
console.log(util.inspect(viaGetter, { getters: true }));

const p = {};
p.promise = Promise.resolve(p);
console.log(util.inspect(p));
