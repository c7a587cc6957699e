'use strict';
// Errors that escape a test: an uncaught exception or an unhandled rejection while the test
// runs fails that test; one raised after its test has ended is reported as a diagnostic of the
// run, naming the test, and still fails the run.
require('./fixtures/tap_mask');
const { test } = require('node:test');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('uncaught exception in a timer', (t, done) => {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 1);
  setTimeout(done, 100);
});

test('unhandled rejection', async () => {
  Promise.reject(new Error('nobody handles this'));
  await sleep(50);
});

test('ends before its timer throws', () => {
  setTimeout(() => {
    throw new Error('too late');
  }, 20);
});

test('runs while the late error is raised', async () => {
  await sleep(200);
});
