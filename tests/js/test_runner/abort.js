'use strict';
// Aborting: a test given an aborted signal does not run, t.signal aborts when the test ends, and
// a signal aborted while a test runs cancels it with the signal's reason.
require('./fixtures/tap_mask');
const { test } = require('node:test');

test('already aborted', { signal: AbortSignal.abort() }, () => {
  console.log('never runs');
});

let signalOfFirst;
test('t.signal', (t) => {
  signalOfFirst = t.signal;
  console.log('aborted while running:', t.signal.aborted);
});

test('t.signal after the test', () => {
  console.log('aborted after the test:', signalOfFirst.aborted);
});

test('aborted while running', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('stop now')), 5);
  await test('inner', { signal: controller.signal }, () => new Promise(() => {}));
});

test('subtests share the parent signal', async (t) => {
  await t.test('child', { signal: t.signal }, (t) => {
    console.log('child runs, aborted:', t.signal.aborted);
  });
});
