// node:vm: scripts in this context and in new ones (a realm of their own over the contextified
// object: reads find its properties, then the realm's builtins; var and function declarations
// and assignments land on it), cross-realm values, errors, Script reuse and compileFunction.
const vm = require('vm');
console.log(vm.runInThisContext('1 + 2'), typeof vm.runInThisContext('globalThis'));
const ctx = { a: 1, b: 2, out: [] };
vm.createContext(ctx);
console.log(vm.isContext(ctx), vm.isContext({}));
console.log(vm.runInContext('var x = a + b; function f() { return x * 10 } out.push(typeof Array, typeof require, typeof process); x', ctx));
console.log(ctx.x, typeof ctx.f, ctx.f(), ctx.out);
ctx.a = 100;
console.log(vm.runInContext('a + 1', ctx), vm.runInContext('x = 7; f()', ctx), ctx.x);
console.log(vm.runInNewContext('typeof globalThis.Array + (this === globalThis) + y', { y: '!' }));
const arr = vm.runInNewContext('[1, 2, 3]');
console.log(Array.isArray(arr), arr instanceof Array, require('util').inspect(arr));
const e = vm.runInNewContext('new Error("inner")');
console.log(e instanceof Error, require('util').types.isNativeError(e), e.message);
try { vm.runInNewContext('throw new TypeError("boom")'); } catch (err) { console.log(err.name, err.message, err instanceof TypeError); }
try { new vm.Script('let let = 1', { filename: 'bad.js' }); } catch (err) { console.log(err.name); }
try { vm.runInContext('1', {}); } catch (err) { console.log(err.code, err.message); }
const fn = vm.compileFunction('return a + b', ['a', 'b']);
console.log(fn(2, 3), fn.length);
const s = new vm.Script('count += 1; count');
const c2 = vm.createContext({ count: 0 });
s.runInContext(c2); console.log(s.runInContext(c2), c2.count);
console.log(Object.keys(ctx).sort());
console.log(vm.runInNewContext('Object.getPrototypeOf([]) === Array.prototype'));
try {
  vm.runInThisContext('x y', 'file.js');
} catch (err) {
  console.log(err.name, err instanceof SyntaxError);
}
for (const bad of [[1], ['1', 'str-is-filename-not-object'], ['1', { filename: 3 }], ['1', { lineOffset: 1.5 }]]) {
  try {
    console.log(vm.runInThisContext(...bad));
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
console.log(Object.keys(vm).sort().join(' '));
const own = vm.createContext(vm.constants.DONT_CONTEXTIFY);
console.log(vm.isContext(own), vm.runInContext('var z = 5; typeof Array', own), own.z, own.Array === Array);
