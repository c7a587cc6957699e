'use strict';
// assert.match, assert.doesNotMatch and assert.ifError.
const assert = require('assert');
const util = require('util');

function describe(value) {
  if (value instanceof Error) return `<${value.name}: ${value.message}>`;
  return util.inspect(value, { depth: 0 });
}

function show(label, fn) {
  try {
    fn();
    console.log(`== ${label}: ok`);
  } catch (err) {
    console.log(`== ${label}: ${err.name} [${err.code}] operator=${err.operator} generated=${err.generatedMessage}`);
    console.log(err.message);
    if (err.code === 'ERR_ASSERTION') {
      console.log(`actual: ${describe(err.actual)}; expected: ${describe(err.expected)}`);
    }
  }
}

show('match', () => assert.match('I will pass', /pass/));
show('match fails', () => assert.match('I will fail', /pass/));
show('match fails msg', () => assert.match('I will fail', /pass/, 'custom'));
show('match fails error', () => assert.match('I will fail', /pass/, new TypeError('thrown')));
show('match non-string', () => assert.match(123, /123/));
show('match object', () => assert.match({ a: 1 }, /a/));
show('match not regexp', () => assert.match('abc', 'abc'));
show('match multiline', () => assert.match('line1\nline2', /line3/));
show('doesNotMatch', () => assert.doesNotMatch('I will pass', /fail/));
show('doesNotMatch fails', () => assert.doesNotMatch('I will fail', /fail/));
show('doesNotMatch non-string', () => assert.doesNotMatch(undefined, /x/));
show('doesNotMatch not regexp', () => assert.doesNotMatch('abc', null));
show('doesNotMatch fails msg', () => assert.doesNotMatch('abc', /b/, 'no b allowed'));

show('ifError(null)', () => assert.ifError(null));
show('ifError(undefined)', () => assert.ifError(undefined));
show('ifError(0)', () => assert.ifError(0));
show('ifError(false)', () => assert.ifError(false));
show('ifError("error")', () => assert.ifError('error'));
show('ifError({})', () => assert.ifError({ a: 1 }));
show('ifError(Error)', () => assert.ifError(new Error('test error')));
show('ifError(empty message)', () => assert.ifError(new TypeError('')));
show('ifError(object message)', () => assert.ifError({ message: 'an object' }));

// The stack keeps the new error's frames and then the original error's frames.
function original() {
  return new Error('original');
}
const err = original();
try {
  assert.ifError(err);
} catch (e) {
  const lines = e.stack.split('\n');
  console.log(lines[0]);
  console.log(lines.some((l) => l.includes('original')), e.stack.includes('at original'));
}
const noStack = new Error('no stack');
noStack.stack = undefined;
show('ifError(stackless)', () => assert.ifError(noStack));
