'use strict';
// The exit status: passing tests leave an exit code the program set alone; only a failing test
// (not a failing todo test) sets it to 1.
require('./fixtures/tap_mask');
const { test } = require('node:test');

process.exitCode = 3;
process.on('exit', (code) => console.log(`exit ${code}`));

test('passes', () => {});
test('fails but is todo', { todo: true }, () => {
  throw new Error('todo failure');
});
