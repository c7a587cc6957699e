'use strict';
// The order hooks run in: global before/after once, beforeEach/afterEach of the enclosing suites
// outermost first before a test and innermost first after it, the hooks of a test context for
// its subtests; a failing before hook fails the suite, a failing afterEach fails its test.
require('./fixtures/tap_mask');
const { describe, it, test, before, after, beforeEach, afterEach } = require('node:test');

const log = (...args) => console.log(...args);

before(() => log('global before'));
after(() => log('global after'));
beforeEach((t) => log('global beforeEach', t.name));
afterEach((t) => log('global afterEach', t.name));

describe('outer', () => {
  before(() => log('outer before'));
  after(() => log('outer after'));
  beforeEach((t) => log('outer beforeEach', t.name));
  afterEach((t) => log('outer afterEach', t.name));

  it('a', () => log('test a'));

  describe('inner', () => {
    before(() => log('inner before'));
    beforeEach(() => log('inner beforeEach'));
    afterEach(() => log('inner afterEach'));
    it('b', () => log('test b'));
    it('c', (t, done) => {
      log('test c');
      setImmediate(done);
    });
  });
});

test('context hooks', async (t) => {
  t.before(() => log('t.before'));
  t.beforeEach((t) => log('t.beforeEach', t.name));
  t.afterEach((t) => log('t.afterEach', t.name));
  t.after(() => log('t.after'));
  await t.test('sub 1', () => log('sub 1'));
  await t.test('sub 2', () => log('sub 2'));
});

describe('failing before', () => {
  before(() => {
    throw new Error('before failed');
  });
  it('is cancelled', () => log('never'));
});

describe('failing afterEach', () => {
  afterEach(() => {
    throw new Error('afterEach failed');
  });
  it('runs, then fails', () => log('test in failing afterEach'));
});

describe('async hooks', () => {
  beforeEach(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    log('async beforeEach done');
  });
  afterEach((t, done) => {
    log('callback afterEach');
    setImmediate(done);
  });
  it('d', () => log('test d'));
});
