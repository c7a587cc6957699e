// Reads through a Proxy reach its handler even where the same expression read a plain object
// before (an engine's property caches must not answer for a proxy).
'use strict';
const ctorName = (o) => o.constructor.name;
const optionalName = (o) => o.constructor?.name;
const read = (o) => o.toString;

console.log(ctorName({}), ctorName(new Proxy([], {})), ctorName(new Proxy(new Map(), {})));
console.log(optionalName({}), optionalName(new Proxy([], {})));
const trap = new Proxy({}, { get: (target, key) => `trap:${String(key)}` });
console.log(read({}) === Object.prototype.toString, read(trap));
const { proxy, revoke } = Proxy.revocable([], {});
console.log(ctorName({}), ctorName(proxy), Array.isArray(proxy));
revoke();
try {
  ctorName(proxy);
} catch (err) {
  console.log(err.name);
}
const setter = (o) => {
  o.x = 1;
  return o;
};
const seen = [];
setter({});
setter(new Proxy({}, { set: (t, k, v) => seen.push(k) }));
console.log(seen);
console.log(Object.getPrototypeOf(new Proxy([], {})) === Array.prototype, typeof Proxy, Proxy.length);
