'use strict';
// Argument validation of every path function, in both flavours.

const path = require('path');

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    log(label, '->', JSON.stringify(fn()));
  } catch (err) {
    // Engine errors (no code) word their messages differently from V8; Node's own carry a code.
    log(label, '-> threw', err.name, err.code, err.code === undefined ? '' : err.message);
  }
}

const bad = [null, undefined, 42, true, {}, [], () => {}, Symbol('s'), 1n];
const label = (value) => (typeof value === 'symbol' ? 'Symbol(s)' : typeof value === 'bigint' ? '1n' :
  typeof value === 'function' ? 'function' : JSON.stringify(value));

for (const flavour of ['posix', 'win32']) {
  const p = path[flavour];
  log(`=== ${flavour}`);
  for (const value of bad) {
    for (const name of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse']) {
      attempt(`${name}(${label(value)})`, () => p[name](value));
    }
    attempt(`join('a', ${label(value)})`, () => p.join('a', value));
    attempt(`resolve('/a', ${label(value)}, 'b')`, () => p.resolve('/a', value, 'b'));
    attempt(`relative(${label(value)}, 'a')`, () => p.relative(value, 'a'));
    attempt(`relative('a', ${label(value)})`, () => p.relative('a', value));
    attempt(`basename('a', ${label(value)})`, () => p.basename('a', value));
    attempt(`format(${label(value)})`, () => p.format(value));
    attempt(`toNamespacedPath(${label(value)})`, () => p.toNamespacedPath(value));
  }
  // Arguments are checked right to left in resolve() and stop at an absolute path.
  attempt('resolve(1, "/abs")', () => p.resolve(1, '/abs'));
  attempt('resolve("/abs", 1)', () => p.resolve('/abs', 1));
  attempt('basename(1, 2)', () => p.basename(1, 2));
}
