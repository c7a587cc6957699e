'use strict';
// The iterator helpers on Readable: map, filter, forEach, toArray, some, find, every, flatMap,
// drop, take, reduce, with concurrency and signals.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nums = () => Readable.from([1, 2, 3, 4, 5, 6]);

(async () => {
  log('map', (await nums().map((x) => x * 2).toArray()).join(','));
  log('async map', (await nums().map(async (x) => { await sleep(7 - x); return x; }, { concurrency: 3 }).toArray()).join(','));
  log('filter', (await nums().filter((x) => x % 2).toArray()).join(','));
  log('flatMap', (await nums().take(3).flatMap((x) => [x, x]).toArray()).join(','));
  log('drop', (await nums().drop(4).toArray()).join(','));
  log('take', (await nums().take(2).toArray()).join(','));
  log('drop+take', (await nums().drop(1).take(2).toArray()).join(','));
  log('reduce', await nums().reduce((a, b) => a + b));
  log('reduce init', await nums().reduce((a, b) => a + b, 100));
  log('some', await nums().some((x) => x > 5), await nums().some((x) => x > 6));
  log('every', await nums().every((x) => x > 0), await nums().every((x) => x > 1));
  log('find', await nums().find((x) => x > 3), await nums().find((x) => x > 10));
  const seen = [];
  log('forEach', await nums().forEach((x) => seen.push(x)), seen.join(','));

  // Concurrency: at most N calls in flight.
  {
    let inFlight = 0;
    let max = 0;
    await Readable.from([1, 2, 3, 4, 5, 6, 7, 8])
      .map(
        async (x) => {
          inFlight++;
          max = Math.max(max, inFlight);
          await sleep(2);
          inFlight--;
          return x;
        },
        { concurrency: 3 },
      )
      .toArray();
    log('max in flight', max);
  }

  // Stream-returning helpers return Readables.
  const m = nums().map((x) => x);
  log('map returns Readable', m instanceof Readable, m.readableObjectMode);

  // Errors reject or destroy.
  try {
    await nums().map((x) => {
      if (x === 3) throw new Error('map threw');
      return x;
    }).toArray();
  } catch (e) {
    log('map error', e.message);
  }
  try {
    await Readable.from([]).reduce((a, b) => a + b);
  } catch (e) {
    log('empty reduce', e.name, e.code, e.message);
  }

  // Signals.
  {
    const ac = new AbortController();
    const slow = new Readable({ objectMode: true, read() {} });
    slow.push(1);
    const p = slow.map((x) => x, { signal: ac.signal }).toArray();
    setTimeout(() => ac.abort(), 2);
    try {
      await p;
    } catch (e) {
      log('aborted map', e.name);
    }
  }
  {
    const ac = new AbortController();
    ac.abort();
    try {
      await nums().toArray({ signal: ac.signal });
    } catch (e) {
      log('aborted toArray', e.name);
    }
    try {
      await nums().reduce((a, b) => a + b, 0, { signal: ac.signal });
    } catch (e) {
      log('aborted reduce', e.name);
    }
  }

  // Argument validation.
  for (const [name, fn] of [
    ['map(1)', () => nums().map(1)],
    ['filter()', () => nums().filter()],
    ['map concurrency 0', () => nums().map((x) => x, { concurrency: 0 })],
    ['map options', () => nums().map((x) => x, 'x')],
    ['drop(-1)', () => nums().drop(-1)],
    ['take signal', () => nums().take(1, { signal: {} })],
  ]) {
    try {
      fn();
      log(name, 'no throw');
    } catch (e) {
      log(name, e.code, e.message);
    }
  }
  for (const [name, fn] of [
    ['some(1)', () => nums().some(1)],
    ['reduce(1)', () => nums().reduce(1)],
    ['toArray(1)', () => nums().toArray(1)],
  ]) {
    try {
      await fn();
    } catch (e) {
      log(name, 'rejects', e.code);
    }
  }
  try {
    // eslint-disable-next-line new-cap
    new (nums().map)((x) => x);
  } catch (e) {
    log('new map', e.code);
  }
  log('names', Readable.prototype.map.name, Readable.prototype.reduce.name, Readable.prototype.map.length);
})();
