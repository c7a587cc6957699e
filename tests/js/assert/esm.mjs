// assert from an ES module: default and named imports, assert/strict's namespace, and
// assert.ok's source quote, read from a file the stack names by file: URL.
import assert from 'node:assert';
import { strict, AssertionError } from 'assert';
import * as ns from 'assert/strict';

try {
  assert.ok(1 > 2);
} catch (e) {
  console.log(e instanceof AssertionError, e.message);
}
try {
  strict.equal(1, 2);
} catch (e) {
  console.log(e.message);
}
console.log(ns.default === assert.strict, ns.deepEqual === assert.deepStrictEqual);
await assert.rejects(Promise.reject(new Error('top-level await')), /top-level/);
console.log('rejects awaited');
