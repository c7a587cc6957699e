'use strict';
// Functions and classes.
const util = require('util');

function named() {}
const anonymous = (0, function () {});
const arrow = () => {};
async function asyncFn() {}
function* gen() {}
async function* agen() {}
class A {}
class B extends A {}
class N extends null {}
const anonClass = (0, class {});

for (const f of [named, anonymous, arrow, asyncFn, (0, async () => {}), gen, agen, A, B, N, anonClass]) {
  console.log(util.inspect(f));
}

class WithStatics {
  static x = 1;
  static y = { z: 2 };
}
console.log(util.inspect(WithStatics));
console.log(util.inspect(Object.assign(function withProps() {}, { a: 1, b: { c: 2 } })));
console.log(util.inspect(Object.defineProperty(function orig() {}, 'name', { value: 'renamed' })));
console.log(util.inspect(Object.setPrototypeOf(function np() {}, null)));
console.log(util.inspect(Object.setPrototypeOf(class NPC {}, null)));
console.log(util.inspect(function bf() {}.bind(null)));
console.log(util.inspect({ m() {}, async am() {}, *g() {}, ['computed' + 1]: () => {} }));
console.log(util.inspect({ class: () => {}, fn: function () {} }));
console.log(JSON.stringify(util.inspect([named, A], { colors: true })));
console.log(util.inspect(named, { showHidden: true }));
