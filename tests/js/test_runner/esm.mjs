// node:test from an ES module: the named exports and the default export (test itself), with
// tests declared after a top-level await.
import './fixtures/tap_mask.js';
import test, { describe, it, mock, before } from 'node:test';
import assert from 'node:assert';

const value = await Promise.resolve(42);

before(() => console.log('before, value is', value));

describe('from an ES module', () => {
  it('sees the awaited value', () => {
    assert.strictEqual(value, 42);
  });
  it('fails', () => {
    assert.strictEqual(value, 0);
  });
});

test('default export is test', () => {
  assert.strictEqual(test.test, test);
  assert.strictEqual(test.it, test);
  assert.strictEqual(test.describe, describe);
  assert.strictEqual(test.mock, mock);
  assert.strictEqual(typeof test.run, 'function');
});
