'use strict';
// node:test with failing tests: each kind of failure is reported with its error (assertion
// details, code, name), a parent fails when a subtest fails, and a failure sets the exit status
// to 1 once the report is written.
require('./fixtures/tap_mask');
const { test } = require('node:test');
const assert = require('assert');

process.on('exit', (code) => console.log(`exit ${code}`));

test('passes', () => {});

test('strictEqual', () => {
  assert.strictEqual(1, 2);
});

test('deepStrictEqual', () => {
  assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] });
});

test('throws an Error', () => {
  throw new Error('thrown');
});

test('throws a RangeError with a code', () => {
  const err = new RangeError('out of range');
  err.code = 'E_RANGE';
  throw err;
});

test('throws a string', () => {
  throw 'a plain string';
});

test('rejects', async () => {
  await new Promise((resolve) => setImmediate(resolve));
  throw new TypeError('rejected');
});

test('callback with an error', (t, done) => {
  setImmediate(() => done(new Error('passed to done')));
});

test('callback and a promise', async (t, done) => {
  done();
});

test('callback called twice', (t, done) => {
  done();
  done();
});

test('plan not met', (t) => {
  t.plan(2);
  t.assert.ok(true);
});

test('a failing subtest fails its parent', async (t) => {
  await t.test('ok', () => {});
  await t.test('not ok', () => {
    assert.ok(false, 'the subtest failed');
  });
  await t.test('also not ok', () => {
    throw new Error('again');
  });
});

test('a subtest still running when its parent ends is cancelled', (t) => {
  t.test('slow', () => new Promise((resolve) => setTimeout(resolve, 50)));
});

test('timeout', { timeout: 10 }, () => new Promise((resolve) => setTimeout(resolve, 500)));

test('after the failures', () => {});
