'use strict';
// Argument validation errors: name, code and message as node has them.
const util = require('util');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: no error`);
  } catch (err) {
    console.log(`${label}: ${err.name} [${err.code}] ${err.message}`);
  }
}

attempt('promisify(1)', () => util.promisify(1));
attempt('promisify(undefined)', () => util.promisify());
attempt('promisify custom not a function', () => {
  const f = () => {};
  f[util.promisify.custom] = 'nope';
  util.promisify(f);
});
attempt('callbackify(string)', () => util.callbackify('x'));
attempt('callbackified without callback', () => util.callbackify(async () => {})(1, 2));
attempt('inherits(null, fn)', () => util.inherits(null, function () {}));
attempt('inherits(fn, undefined)', () => util.inherits(function () {}, undefined));
attempt('inherits without prototype', () => util.inherits(function () {}, () => {}));
attempt('deprecate bad code', () => util.deprecate(() => {}, 'msg', 5));
attempt('formatWithOptions(1)', () => util.formatWithOptions(1, 'x'));
attempt('formatWithOptions(null)', () => util.formatWithOptions(null, 'x'));
attempt('defaultOptions = 5', () => {
  util.inspect.defaultOptions = 5;
});
attempt('defaultOptions = []', () => {
  util.inspect.defaultOptions = [];
});
attempt('stripVTControlCharacters(1)', () => util.stripVTControlCharacters(1));
attempt('styleText unknown', () => util.styleText('nope', 'x', { validateStream: false }));
attempt('styleText unknown in list', () => util.styleText(['red', 'nope'], 'x', { validateStream: false }));
attempt('styleText text', () => util.styleText('red', 1));
attempt('styleText stream', () => util.styleText('red', 'x', { stream: {} }));
attempt('styleText validateStream', () => util.styleText('red', 'x', { validateStream: 'yes' }));
attempt('inspect with string options', () => console.log(util.inspect({ a: 1 }, 'ab')));
attempt('inspect with number options', () => console.log(util.inspect({ a: 1 }, 5)));

// determineSpecificType in "Received ..." for many kinds of values.
for (const value of [1, -0, NaN, 'short', 'a string that is longer than twenty-eight chars', "it's", 10n, true, Symbol('s'), null, undefined, {}, [], new Map(), Object.create(null), function namedFn() {}, class K {}, () => {}]) {
  attempt(`promisify(${typeof value})`, () => util.promisify(value));
}
