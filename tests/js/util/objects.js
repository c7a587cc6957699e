'use strict';
// Plain objects, keys, depth, prototypes and accessors.
const util = require('util');

console.log(util.inspect({}));
console.log(util.inspect({ a: 1, b: 'two', c: [3], d: { e: null, f: undefined } }));
console.log(util.inspect({ l1: { l2: { l3: { l4: 'deep' } } } }));
console.log(util.inspect({ l1: { l2: { l3: { l4: 'deep' } } } }, { depth: 0 }));
console.log(util.inspect({ l1: { l2: { l3: { l4: 'deep' } } } }, { depth: Infinity }));
console.log(util.inspect({ l1: { l2: { l3: { l4: 'deep' } } } }, { depth: null }));
console.log(util.inspect({ a: [[[[1]]]] }));

// Keys that are not identifiers are quoted like strings.
console.log(util.inspect({ 'a-b': 1, 'with space': 2, "it's": 3, '': 4, '1a': 5, _ok: 6, $d: 7, é: 8, 'a\nb': 9 }));
console.log(util.inspect({ 1: 'one', 10: 'ten', 2: 'two', a: 'x' }));
console.log(util.inspect(JSON.parse('{"__proto__": 1, "b": 2}')));
console.log(util.inspect({ [Symbol('s')]: 1, [Symbol()]: 2, [Symbol.iterator]: 3, plain: 4 }));

const hidden = { visible: 1 };
Object.defineProperty(hidden, 'hidden', { value: 2, enumerable: false });
Object.defineProperty(hidden, Symbol('hiddenSym'), { value: 3, enumerable: false });
console.log(util.inspect(hidden));
console.log(util.inspect(hidden, { showHidden: true }));
console.log(util.inspect(hidden, true));

// Accessors.
const acc = {
  get g() {
    return 1;
  },
  set s(v) {},
  get gs() {
    return { x: 1 };
  },
  set gs(v) {},
  get n() {
    return null;
  },
  get boom() {
    throw new Error('nope');
  },
};
console.log(util.inspect(acc));
console.log(util.inspect(acc, { getters: true }));
console.log(util.inspect(acc, { getters: 'get' }));
console.log(util.inspect(acc, { getters: 'set' }));

// Prototypes and constructor names.
class Foo {
  constructor() {
    this.a = 1;
  }
}
class Bar extends Foo {
  constructor() {
    super();
    this.b = [1, 2];
  }
}
console.log(util.inspect(new Foo()));
console.log(util.inspect(new Bar()));
console.log(util.inspect(new (class Empty {})()));
console.log(util.inspect(new (class {})()));
console.log(util.inspect(Object.create(null)));
console.log(util.inspect(Object.assign(Object.create(null), { a: 1 })));
console.log(util.inspect(Object.create(Object.create(null))));
console.log(util.inspect(Object.create(Object.assign(Object.create(null), { p: 1 }))));
console.log(util.inspect({ constructor: { name: 'Fake' } }));
console.log(util.inspect(Foo.prototype));

class Tagged {
  get [Symbol.toStringTag]() {
    return 'TagName';
  }
}
console.log(util.inspect(new Tagged()));
console.log(util.inspect({ [Symbol.toStringTag]: 'Own', a: 1 }));

class WithProto {
  constructor() {
    this.own = 1;
  }
}
WithProto.prototype.protoValue = 'p';
console.log(util.inspect(new WithProto()));
console.log(util.inspect(new WithProto(), { showHidden: true }));

// Many keys break into lines; short ones stay on one.
console.log(util.inspect(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, i]))));
console.log(util.inspect({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd' }));
console.log(util.inspect({ a: { b: 1, c: 2 }, d: { e: [1, 2, 3], f: { g: 'h' } }, i: [{ j: 1 }, { k: 2 }] }));
