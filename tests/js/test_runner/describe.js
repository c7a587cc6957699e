'use strict';
// describe/it: suites collect their tests while the main module loads and run them in order;
// nested suites, it.skip/it.todo, a suite whose body throws, a suite with a failing test, and
// suite names in t.fullName.
require('./fixtures/tap_mask');
const { describe, it, suite, test } = require('node:test');
const assert = require('assert');

describe('outer', () => {
  console.log('outer body runs at once');
  it('first', () => {});
  describe('inner', () => {
    it('deep', (t) => {
      console.log(t.fullName);
    });
    it.skip('skipped in a suite');
    it.todo('todo in a suite');
  });
  it('last', async () => {
    await new Promise((resolve) => setImmediate(resolve));
  });
});

suite('suite is describe', () => {
  test('test is it', () => {});
});

describe('a test fails', () => {
  it('passes', () => {});
  it('fails', () => {
    assert.strictEqual('a', 'b');
  });
});

describe('the body throws', () => {
  it('never runs', () => {});
  throw new Error('thrown by the body');
});

describe.skip('skipped suite', () => {
  it('not run', () => {
    throw new Error('never');
  });
});

describe('async body', async () => {
  it('declared before an await', () => {});
  await new Promise((resolve) => setImmediate(resolve));
  it('declared after an await', () => {});
});

describe('empty suite', () => {});

console.log('main module done');
