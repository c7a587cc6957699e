'use strict';
// How an AssertionError inspects: its own properties after the stack, long string values cut
// short, nested values at depth 0. (The stack is replaced: engines' frames differ.)
const assert = require('assert');
const util = require('util');

function caught(fn) {
  try {
    fn();
  } catch (err) {
    err.stack = err.stack.split('\n')[0];
    return err;
  }
  throw new Error('did not throw');
}

console.log(util.inspect(caught(() => assert.strictEqual(1, 2))));
console.log(util.inspect(caught(() => assert.deepStrictEqual({ a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }))));
console.log(util.inspect(caught(() => assert.ok(false, 'with message'))));
const long = Array.from({ length: 15 }, (_, i) => `line ${i}`).join('\n');
console.log(util.inspect(caught(() => assert.strictEqual(long, `${long}!`, 'long strings'))));
console.log(util.inspect(caught(() => assert.strictEqual('x'.repeat(600), 'y'.repeat(520), 'wide strings'))));
const e = caught(() => assert.strictEqual('s', 't', 'restored'));
util.inspect(e);
console.log(e.actual, e.expected);
console.log(String(caught(() => assert.equal(1, 2))));
const stackErr = caught(() => assert.strictEqual(1, 2));
console.log(stackErr.stack);
try {
  assert.strictEqual(1, 2);
} catch (err) {
  // The header names the code; the first frame is this file's call, not assert's internals.
  const at = err.stack.indexOf('\n    at ');
  console.log(JSON.stringify(err.stack.slice(0, at)));
  console.log(err.stack.slice(at).split('\n')[1].includes(__filename));
}
