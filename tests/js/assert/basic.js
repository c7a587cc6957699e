'use strict';
// assert's plain comparisons: passing calls, and the AssertionError of each failing one.
const assert = require('assert');
const util = require('util');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: ok`);
  } catch (err) {
    console.log(`${label}: ${err.name} [${err.code}] operator=${err.operator} generated=${err.generatedMessage}`);
    console.log(`  actual=${util.inspect(err.actual)} expected=${util.inspect(err.expected)}`);
    console.log(`  message=${JSON.stringify(err.message)}`);
    console.log(`  instanceof AssertionError: ${err instanceof assert.AssertionError}, Error: ${err instanceof Error}`);
  }
}

console.log(Object.keys(assert));
console.log(Object.keys(assert.strict));
console.log(typeof assert, assert.name, assert === assert.ok, assert.strict.strict === assert.strict);
console.log(require('assert/strict') === assert.strict, require('node:assert') === assert);
console.log(assert.strict.equal === assert.strictEqual, assert.strict.deepEqual === assert.deepStrictEqual);
console.log(assert.strict.notEqual === assert.notStrictEqual, assert.strict.notDeepEqual === assert.notDeepStrictEqual);

attempt('ok(true)', () => assert.ok(true));
attempt('ok(1)', () => assert(1));
attempt('ok(0, msg)', () => assert.ok(0, 'zero is falsy'));
attempt('ok("", msg)', () => assert('', 'empty string'));
attempt('ok() no args', () => assert.ok());
attempt('ok(undefined, undefined)', () => assert.ok(undefined, undefined));
attempt('ok(false, Error)', () => assert.ok(false, new TypeError('custom error')));
attempt('strict(null, msg)', () => assert.strict(null, 'strict says no'));

attempt('equal(1, "1")', () => assert.equal(1, '1'));
attempt('equal(NaN, NaN)', () => assert.equal(NaN, NaN));
attempt('equal(null, undefined)', () => assert.equal(null, undefined));
attempt('equal(1, 2)', () => assert.equal(1, 2));
attempt('equal(obj, obj)', () => assert.equal({ a: 1 }, { a: 1 }));
attempt('equal(long)', () => assert.equal('a'.repeat(20), 'b'.repeat(20)));
attempt('equal(1, 2, msg)', () => assert.equal(1, 2, 'one is not two'));
attempt('equal(1, 2, Error)', () => assert.equal(1, 2, new RangeError('as an error')));
attempt('equal(1)', () => assert.equal(1));
attempt('notEqual(1, 2)', () => assert.notEqual(1, 2));
attempt('notEqual(1, "1")', () => assert.notEqual(1, '1'));
attempt('notEqual(NaN, NaN)', () => assert.notEqual(NaN, NaN));
attempt('notEqual()', () => assert.notEqual());

attempt('strictEqual(1, 1)', () => assert.strictEqual(1, 1));
attempt('strictEqual(NaN, NaN)', () => assert.strictEqual(NaN, NaN));
attempt('strictEqual(1, "1")', () => assert.strictEqual(1, '1'));
attempt('strictEqual(0, -0)', () => assert.strictEqual(0, -0));
attempt('strictEqual(1, 2, msg)', () => assert.strictEqual(1, 2, 'custom'));
attempt('strictEqual(1)', () => assert.strictEqual(1));
attempt('notStrictEqual(1, 2)', () => assert.notStrictEqual(1, 2));
attempt('notStrictEqual(1, 1)', () => assert.notStrictEqual(1, 1));
attempt('notStrictEqual("hello world", same)', () => assert.notStrictEqual('hello world', 'hello world'));
attempt('notStrictEqual(obj, obj)', () => {
  const o = { a: 1, b: 'two' };
  assert.notStrictEqual(o, o);
});
attempt('notStrictEqual(fn, fn)', () => {
  function named() {}
  assert.notStrictEqual(named, named);
});
attempt('notStrictEqual(1, 1, msg)', () => assert.notStrictEqual(1, 1, 'custom'));

attempt('deepEqual loose', () => assert.deepEqual({ a: 1 }, { a: '1' }));
attempt('deepEqual fails', () => assert.deepEqual({ a: 1 }, { a: 2 }));
attempt('deepEqual primitives', () => assert.deepEqual(1, 2));
attempt('notDeepEqual passes', () => assert.notDeepEqual({ a: 1 }, { a: 2 }));
attempt('notDeepEqual fails same', () => assert.notDeepEqual({ a: 1 }, { a: 1 }));
attempt('notDeepEqual fails loose', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
attempt('notDeepEqual msg', () => assert.notDeepEqual([1], [1], 'arrays equal'));
attempt('deepStrictEqual passes', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
attempt('notDeepStrictEqual passes', () => assert.notDeepStrictEqual({ a: 1 }, { a: '1' }));
attempt('notDeepStrictEqual fails', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
attempt('notDeepStrictEqual short', () => assert.notDeepStrictEqual(1, 1));
attempt('notDeepStrictEqual multiline', () => assert.notDeepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }));
attempt('deepStrictEqual()', () => assert.deepStrictEqual());

attempt('fail()', () => assert.fail());
attempt('fail(msg)', () => assert.fail('boom'));
attempt('fail(Error)', () => assert.fail(new TypeError('typed boom')));
attempt('fail(undefined)', () => assert.fail(undefined));
process.noDeprecation = true;
attempt('fail(a, b)', () => assert.fail(1, 2));
attempt('fail(a, b, undefined, op)', () => assert.fail(1, 2, undefined, '>'));
attempt('fail(a, b, msg)', () => assert.fail(1, 2, 'legacy'));

const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(e.name, e.code, e.generatedMessage, e.operator, JSON.stringify(e.message));
console.log(String(e));
console.log(Object.keys(e));
console.log(Object.prototype.hasOwnProperty.call(e, 'name'), Object.getOwnPropertyDescriptor(e, 'name'));
const m = new assert.AssertionError({ message: 'mine', actual: 'a', expected: 'b', operator: 'custom' });
console.log(m.name, m.generatedMessage, m.operator, m.message);
const n = new assert.AssertionError({ message: 42 });
console.log(JSON.stringify(n.message), n.actual, n.expected, n.operator);
attempt('AssertionError()', () => new assert.AssertionError());
attempt('AssertionError(1)', () => new assert.AssertionError(1));
const d = new assert.AssertionError({ message: 'details', details: [{ message: 'm0', actual: 1, expected: 2, operator: 'op', stack: 's' }] });
console.log(d.actual, d.expected, d.operator, d['message 0'], d['actual 0'], d['expected 0'], d['operator 0'], d['stack trace 0']);
