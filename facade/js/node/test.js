'use strict';
// `node:test`: https://nodejs.org/docs/latest-v20.x/api/test.html
//
// The module is the test() function, with describe/it/suite, the hooks and the mock tracker as
// its properties. Tests of the file that requires it run in this process and report to stdout;
// run(), which starts other files as child processes, is not available.

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { test, suite, before, after, beforeEach, afterEach } = require('internal/test_runner/harness');

function run() {
  throw new ERR_NOT_IMPLEMENTED('test.run');
}

module.exports = test;
Object.assign(module.exports, {
  after,
  afterEach,
  before,
  beforeEach,
  describe: suite,
  it: test,
  run,
  suite,
  test,
});

let lazyMock;

Object.defineProperty(module.exports, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock/mock');

      lazyMock = new MockTracker();
    }

    return lazyMock;
  },
});
