'use strict';
// Scheduling: tests run one at a time in declaration order, a test with `concurrency` runs its
// subtests side by side but reports them in order, and a test still pending when the event
// loop empties is cancelled at exit.
require('./fixtures/tap_mask');
const { test } = require('node:test');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('first', async () => {
  console.log('first starts');
  await sleep(20);
  console.log('first ends');
});

test('second waits for the first', () => {
  console.log('second runs');
});

test('concurrent subtests', { concurrency: 2 }, async (t) => {
  const slow = t.test('slow', async () => {
    console.log('slow starts');
    await sleep(100);
    console.log('slow ends');
  });
  const fast = t.test('fast', async () => {
    console.log('fast starts');
    await sleep(10);
    console.log('fast ends');
  });
  await Promise.all([slow, fast]);
});

test('subtests in sequence', async (t) => {
  for (const n of [1, 2, 3]) {
    await t.test(`step ${n}`, async () => {
      await sleep(1);
      console.log(`step ${n}`);
    });
  }
});

test('never settles', () => new Promise(() => {}));
