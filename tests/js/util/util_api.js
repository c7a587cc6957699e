'use strict';
// The rest of the util module: inherits, promisify, callbackify, deprecate, debuglog, ...
const util = require('util');

// inherits
function Animal(name) {
  this.name = name;
}
Animal.prototype.speak = function () {
  return `${this.name} makes a sound`;
};
function Dog(name) {
  Animal.call(this, name);
}
util.inherits(Dog, Animal);
console.log(new Dog('Rex').speak(), Dog.super_ === Animal, new Dog('x') instanceof Animal);
console.log(Object.keys(Dog), Object.getOwnPropertyDescriptor(Dog, 'super_').enumerable);

// stripVTControlCharacters, toUSVString, styleText
console.log(JSON.stringify(util.stripVTControlCharacters('\u001b[31mred\u001b[39m and \u001b]8;;http://x\u0007link\u001b]8;;\u0007')));
console.log(JSON.stringify(util.toUSVString('a\ud800b\udc00c\ud83d\ude00')));
console.log(JSON.stringify(util.styleText('red', 'text', { validateStream: false })));
console.log(JSON.stringify(util.styleText(['bold', 'underline'], 'text', { validateStream: false })));
console.log(JSON.stringify(util.styleText('red', 'text', { stream: { write() {}, on() {}, isTTY: false } })));

// Legacy checks still exported.
console.log(util.isArray([]), util.isArray({}), util.isBoolean(false), util.isNull(null), util.isNullOrUndefined(undefined));
console.log(util.isNumber(1), util.isString('s'), util.isSymbol(Symbol()), util.isUndefined(undefined), util.isObject(null));
console.log(util.isRegExp(/x/), util.isDate(new Date()), util.isError(new TypeError()), util.isFunction(() => {}), util.isPrimitive('p'));
console.log(JSON.stringify(util._extend({ a: 1 }, { b: 2, a: 3 })));

console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
console.log(typeof util.TextEncoder, util.TextEncoder === globalThis.TextEncoder, util.TextDecoder === globalThis.TextDecoder);
console.log(typeof util.types.isPromise, util.types.isPromise(Promise.resolve()));

// debuglog is silent unless NODE_DEBUG names the section.
const debug = util.debuglog('actorjs_test_section');
debug('this is not printed %d', 1);
console.log(typeof debug, debug.enabled);

// deprecate warns once per function (and once per code).
process.on('warning', (w) => console.log(`warning: ${w.name} ${w.code} ${w.message}`));
const oldApi = util.deprecate((a, b) => a + b, 'oldApi() is deprecated', 'DEP_TEST_1');
const sameCode = util.deprecate(() => 'same code', 'also DEP_TEST_1', 'DEP_TEST_1');
const noCode = util.deprecate(function noCode() {
  return 'no code';
}, 'noCode() is deprecated');
console.log(oldApi(1, 2), oldApi(3, 4), sameCode(), noCode(), noCode());
class Legacy {
  constructor(v) {
    this.v = v;
  }
}
const DeprecatedLegacy = util.deprecate(Legacy, 'Legacy is deprecated', 'DEP_TEST_2');
const instance = new DeprecatedLegacy(7);
console.log(instance instanceof Legacy, instance.v, DeprecatedLegacy.prototype === Legacy.prototype);

async function main() {
  // promisify
  function callbackApi(a, b, cb) {
    setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1);
  }
  const promised = util.promisify(callbackApi);
  console.log(await promised(1, 2));
  try {
    await promised(-1, 2);
  } catch (err) {
    console.log('rejected:', err.message);
  }
  console.log(util.promisify(promised) === promised, promised.name, util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
  function withCustom() {}
  withCustom[util.promisify.custom] = () => Promise.resolve('custom promise');
  console.log(await util.promisify(withCustom)());
  console.log(util.promisify(withCustom) === withCustom[util.promisify.custom]);

  // callbackify
  const cbified = util.callbackify(async (x) => {
    if (x === 0) throw null;
    if (x < 0) throw new Error('bad');
    return x * 2;
  });
  console.log(cbified.name, cbified.length);
  await new Promise((resolve) => cbified(21, (err, v) => { console.log('callback:', err, v); resolve(); }));
  await new Promise((resolve) => cbified(-1, (err) => { console.log('callback error:', err.message); resolve(); }));
  await new Promise((resolve) =>
    cbified(0, (err) => {
      console.log('falsy rejection:', err.name, err.code, err.message, err.reason);
      resolve();
    }),
  );
}
main();
