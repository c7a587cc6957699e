'use strict';
// process.env: values are strings (numbers, booleans and undefined are converted), deletes and
// `in` checks round-trip, keys enumerate, and symbols or accessor descriptors are refused.

const env = process.env;
const k = 'ACTORJS_TEST_VAR';

console.log('typeof env:', typeof env);
console.log('unset:', env[k], k in env);
env[k] = 'hello';
console.log('set:', env[k], k in env, Object.keys(env).includes(k));
env[k] = 42;
console.log('number becomes a string:', env[k], typeof env[k]);
env[k] = true;
console.log('boolean:', env[k]);
env[k] = undefined;
console.log('undefined becomes "undefined":', env[k], typeof env[k]);
env[k] = null;
console.log('null:', env[k]);
env[k] = { toString: () => 'custom' };
console.log('object uses toString:', env[k]);
console.log('delete returns:', delete env[k]);
console.log('after delete:', env[k], k in env, Object.keys(env).includes(k));
console.log('delete of a missing key:', delete env.ACTORJS_SURELY_MISSING);

try {
  env[Symbol('s')] = 'x';
} catch (err) {
  console.log('symbol key:', err.name);
}
console.log('symbol read:', env[Symbol.iterator]);

try {
  Object.defineProperty(env, k, { get() { return 'x'; } });
} catch (err) {
  console.log('accessor:', err.name, err.code);
}
Object.defineProperty(env, k, { value: 7, writable: true, enumerable: true, configurable: true });
console.log('defineProperty with a value:', env[k], typeof env[k]);
delete env[k];

// Spread and JSON see the variables as plain string properties.
env.ACTORJS_A = '1';
const copy = { ...env };
console.log('spread:', copy.ACTORJS_A, JSON.parse(JSON.stringify(env)).ACTORJS_A);
console.log('all values are strings:', Object.values(env).every((v) => typeof v === 'string'));
console.log('hasOwnProperty:', Object.prototype.hasOwnProperty.call(env, 'ACTORJS_A'));
console.log('PATH is set:', typeof env.PATH);
delete env.ACTORJS_A;
for (const desc of [{ value: 1 }, { value: 1, writable: true, enumerable: true }, { get() {}, configurable: true }]) {
  try {
    Object.defineProperty(env, 'ACTORJS_B', desc);
    console.log('defined (wrong)');
  } catch (err) {
    console.log(`defineProperty(${Object.keys(desc).join('/')}):`, err.name, err.code, err.message);
  }
}
console.log('not defined:', 'ACTORJS_B' in env);
