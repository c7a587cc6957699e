'use strict';
// node:test with every test passing: the TAP report of tests, subtests, skipped and todo tests,
// diagnostics and names that need escaping, and the summary; the exit status stays 0.
require('./fixtures/tap_mask');
const { test } = require('node:test');
const assert = require('assert');

console.log('main module runs first');

test('synchronous', () => {
  assert.strictEqual(1 + 1, 2);
});

test('asynchronous', async () => {
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(true);
});

test('callback', (t, done) => {
  setImmediate(done);
});

test('with subtests', async (t) => {
  await t.test('first', () => {});
  await t.test('second', async (t) => {
    await t.test('nested', () => {});
  });
  t.diagnostic('a diagnostic of the parent');
});

test('skipped with a reason', { skip: 'not on this platform' }, () => {
  throw new Error('never runs');
});
test.skip('skipped with test.skip');
test('skipped at run time', (t) => {
  t.skip('decided inside');
});
test('todo', { todo: true }, () => {});
test.todo('todo with test.todo');
test('todo at run time', (t) => {
  t.todo('decided inside');
});
test('failing todo does not fail the run', { todo: 'not done yet' }, () => {
  throw new Error('expected to fail');
});

test('names # and \\ are escaped');
test(function namedByFunction() {});
test();

test('context', (t) => {
  console.log(t.name, typeof t.signal, t.signal.aborted);
  t.diagnostic('first');
  t.diagnostic('second');
});

test('plan and t.assert', (t) => {
  t.plan(2);
  t.assert.ok(true);
  t.assert.deepStrictEqual({ a: [1] }, { a: [1] });
});

test('only without --test-only', { only: true }, () => {});

console.log('main module ends');
