'use strict';
// mock.fn and mock.method: calls are recorded with their arguments, result, error and `this`;
// the implementation can be swapped for good or once, limited to a number of calls, and
// restored; a test's mocks are restored when it ends, the global tracker's by mock.reset().
require('./fixtures/tap_mask');
const { test, mock } = require('node:test');
const assert = require('assert');

test('mock.fn records calls', (t) => {
  const add = t.mock.fn((a, b) => a + b);
  assert.strictEqual(add(1, 2), 3);
  assert.strictEqual(add.call('self', 3, 4), 7);
  assert.strictEqual(add.mock.callCount(), 2);
  const [first, second] = add.mock.calls;
  assert.deepStrictEqual(first.arguments, [1, 2]);
  assert.strictEqual(first.result, 3);
  assert.strictEqual(first.error, undefined);
  assert.strictEqual(second.this, 'self');
  assert.ok(first.stack instanceof Error);
  console.log('calls', add.mock.calls.length, add.name, add.length);
});

test('mock.fn implementations', (t) => {
  const fn = t.mock.fn(() => 'original');
  fn.mock.mockImplementation(() => 'replaced');
  fn.mock.mockImplementationOnce(() => 'just once');
  console.log(fn(), fn(), fn());
  fn.mock.mockImplementationOnce(() => 'on call 5', 4);
  console.log(fn(), fn());
  fn.mock.restore();
  console.log(fn());
  fn.mock.resetCalls();
  console.log('after resetCalls', fn.mock.callCount());

  const limited = t.mock.fn(() => 'original', () => 'mocked', { times: 2 });
  console.log(limited(), limited(), limited());

  const thrower = t.mock.fn(() => {
    throw new Error('from the mock');
  });
  assert.throws(thrower, /from the mock/);
  console.log('error recorded:', thrower.mock.calls[0].error.message);
});

test('mock.fn as a constructor', (t) => {
  class Point {
    constructor(x) {
      this.x = x;
    }
  }
  const MockPoint = t.mock.fn(Point);
  const p = new MockPoint(5);
  console.log(p instanceof Point, p.x, MockPoint.mock.calls[0].target === MockPoint, MockPoint.mock.calls[0].this === p);
});

test('mock.method, getter and setter', (t) => {
  const obj = {
    base: 10,
    add(n) {
      return this.base + n;
    },
    get value() {
      return 'real value';
    },
    set value(v) {
      this.stored = v;
    },
  };
  const spy = t.mock.method(obj, 'add');
  console.log(obj.add(1), spy.mock.callCount(), spy.mock.calls[0].this === obj);
  t.mock.method(obj, 'add', (n) => n * 100);
  console.log(obj.add(2));
  const getter = t.mock.getter(obj, 'value', () => 'mocked value');
  console.log(obj.value, getter.mock.callCount());
  t.mock.setter(obj, 'value', function (v) {
    this.stored = `mocked ${v}`;
  });
  obj.value = 'x';
  console.log(obj.stored);
  t.mock.restoreAll();
  console.log(obj.add(1), obj.value);
});

test('bad arguments', (t) => {
  const obj = { notAFunction: 1 };
  for (const f of [
    () => t.mock.method(obj, 'notAFunction'),
    () => t.mock.method(obj, 'missing'),
    () => t.mock.fn(() => {}, { times: 0 }),
    () => t.mock.method(obj, 'x', { getter: true, setter: true }),
  ]) {
    try {
      f();
    } catch (err) {
      console.log(err.code, err.message);
    }
  }
});

const shared = {
  greet() {
    return 'hello';
  },
};

test('a test mocks a method', (t) => {
  t.mock.method(shared, 'greet', () => 'mocked hello');
  console.log(shared.greet());
});

test('the mock is gone in the next test', () => {
  console.log(shared.greet());
  mock.method(shared, 'greet', () => 'global mock');
  console.log(shared.greet());
  mock.reset();
  console.log(shared.greet());
});
