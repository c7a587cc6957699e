'use strict';
// Dates, regular expressions, boxed primitives, promises, buffers, arguments.
const util = require('util');

console.log(util.inspect(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6))));
console.log(util.inspect(new Date(NaN)));
console.log(util.inspect(Object.assign(new Date(0), { a: 1 })));
console.log(util.inspect(new (class MyDate extends Date {})(0)));
console.log(JSON.stringify(util.inspect(new Date(0), { colors: true })));

console.log(util.inspect(/ab+c/gi));
console.log(util.inspect(new RegExp('[a-z]\\d/', 'gimsuy')));
console.log(util.inspect(Object.assign(/x/, { a: 1 })));
console.log(util.inspect(new (class MyRegExp extends RegExp {})('x', 'g')));
console.log(JSON.stringify(util.inspect(/re/, { colors: true })));

console.log(util.inspect(new Number(3)));
console.log(util.inspect(new Number(-0)));
console.log(util.inspect(new String('ab')));
console.log(util.inspect(Object.assign(new String('ab'), { x: 1 })));
console.log(util.inspect(new Boolean(false)));
console.log(util.inspect(Object(12n)));
console.log(util.inspect(Object(Symbol('bs'))));
console.log(util.inspect(new (class MyNum extends Number {})(5)));
console.log(util.inspect(Object.setPrototypeOf(new Number(7), null)));
console.log(JSON.stringify(util.inspect([new Number(1), new String('s')], { colors: true })));

console.log(util.inspect(Promise.resolve({ a: [1, 2] })));
console.log(util.inspect(new Promise(() => {})));
const rejected = Promise.reject(3);
rejected.catch(() => {});
console.log(util.inspect(rejected));
const rejectedErr = Promise.reject(Object.assign(new Error('rej'), { stack: 'Error: rej\n    at x (/x.js:1:1)' }));
rejectedErr.catch(() => {});
console.log(util.inspect(rejectedErr));
console.log(util.inspect(Object.assign(Promise.resolve(1), { extra: 'x' })));
class MyPromise extends Promise {}
console.log(util.inspect(MyPromise.resolve(2)));
console.log(JSON.stringify(util.inspect(Promise.resolve(1), { colors: true })));

console.log(util.inspect(new Uint8Array([0, 1, 254, 255]).buffer));
console.log(util.inspect(new ArrayBuffer(0)));
console.log(util.inspect(new ArrayBuffer(120)));
console.log(util.inspect(new ArrayBuffer(8), { maxArrayLength: 2 }));
console.log(util.inspect(Object.assign(new ArrayBuffer(2), { x: 1 })));
console.log(util.inspect(new SharedArrayBuffer(4)));
console.log(util.inspect(new DataView(new ArrayBuffer(4), 1, 2)));
console.log(util.inspect(new Uint8Array([5, 6]), { showHidden: true }));

console.log(util.inspect((function () {
  return arguments;
})(1, 'a', { b: 2 })));
console.log(util.inspect((function () {
  return arguments;
})()));

console.log(util.inspect(globalThis, { depth: 0 }).split('\n')[0]);
console.log(util.inspect({ g: globalThis }, { depth: 0 }));

console.log(util.inspect(new Proxy({ a: 1, b: [2] }, {})));
console.log(util.inspect(new Proxy({ a: 1, b: [2] }, {}), { showProxy: true }));
console.log(util.inspect(new Proxy([1, 2, 3], { get() { throw new Error('trap'); } })));
console.log(util.inspect(new Proxy(function pf() {}, {})));
console.log(util.inspect(new Proxy(new Proxy({ inner: 1 }, {}), {}), { showProxy: true }));
console.log(util.inspect(new Proxy({}, {}), { showProxy: true, depth: -1 }));
const revocable = Proxy.revocable({}, {});
revocable.revoke();
console.log(util.inspect(revocable.proxy));
console.log(util.inspect({ p: revocable.proxy }, { showProxy: true }));
