'use strict';
// mock.timers: setTimeout, setInterval, setImmediate and Date follow a virtual clock that only
// moves on tick(); runAll() runs what is left; reset() (or the end of the test) puts the real
// timers back. Enabling it prints node's ExperimentalWarning.
require('./fixtures/tap_mask');
const { test } = require('node:test');
const timersPromises = require('timers/promises');

test('timers follow the virtual clock', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'setImmediate', 'Date'], now: 1000 });
  const seen = [];
  setTimeout(() => seen.push(`timeout at ${Date.now()}`), 100);
  const interval = setInterval(() => seen.push(`interval at ${Date.now()}`), 40);
  setImmediate(() => seen.push('immediate'));
  const cancelled = setTimeout(() => seen.push('cancelled'), 10);
  clearTimeout(cancelled);
  console.log('start', Date.now(), new Date().toISOString());
  t.mock.timers.tick(50);
  console.log(seen.join(', '));
  t.mock.timers.tick(100);
  clearInterval(interval);
  console.log(seen.join(', '));
  t.mock.timers.setTime(5000);
  console.log('set', Date.now());
});

test('runAll', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const order = [];
  setTimeout(() => order.push('b'), 200);
  setTimeout(() => order.push('a'), 100);
  t.mock.timers.runAll();
  console.log(order.join(''));
});

test('timers/promises', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const later = timersPromises.setTimeout(1000, 'resolved by tick');
  t.mock.timers.tick(1000);
  console.log(await later);
});

test('real timers are back', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('real setTimeout fired', Date.now() > 1000000);
});

test('errors', (t) => {
  try {
    t.mock.timers.tick(10);
  } catch (err) {
    console.log(err.code, err.message);
  }
  t.mock.timers.enable({ apis: ['setTimeout'] });
  try {
    t.mock.timers.enable();
  } catch (err) {
    console.log(err.code, err.message);
  }
  try {
    t.mock.timers.tick(-1);
  } catch (err) {
    console.log(err.code, err.message);
  }
});
