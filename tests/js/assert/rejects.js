'use strict';
// assert.rejects and assert.doesNotReject: promises and promise-returning functions, each kind
// of `error` argument, and the argument errors (which reject, not throw).
const assert = require('assert');
const util = require('util');

function describe(value) {
  if (value instanceof Error) return `<${value.name}: ${value.message}>`;
  return util.inspect(value, { depth: 0 });
}

async function show(label, fn) {
  let result;
  try {
    result = fn();
  } catch (err) {
    console.log(`== ${label}: threw synchronously ${err.name}`);
    return;
  }
  console.log(`${label}: returns a promise: ${result instanceof Promise}`);
  try {
    const value = await result;
    console.log(`== ${label}: resolved ${util.inspect(value)}`);
  } catch (err) {
    console.log(`== ${label}: ${err.name} [${err.code}] operator=${err.operator} generated=${err.generatedMessage}`);
    console.log(err.message);
    if (err.code === 'ERR_ASSERTION') {
      console.log(`actual: ${describe(err.actual)}; expected: ${describe(err.expected)}`);
    }
  }
}

const rejecting = (err) => () => Promise.reject(err);
const thenable = {
  then(resolve, reject) {
    reject(new Error('from thenable'));
  },
  catch() {},
};

(async () => {
  await show('rejects promise', () => assert.rejects(Promise.reject(new Error('no'))));
  await show('rejects fn', () => assert.rejects(rejecting(new TypeError('bad')), TypeError));
  await show('rejects async fn', () => assert.rejects(async () => {
    throw new RangeError('out');
  }, { name: 'RangeError', message: 'out' }));
  await show('rejects regexp', () => assert.rejects(rejecting(new Error('matchme')), /match/));
  await show('rejects regexp fails', () => assert.rejects(rejecting(new Error('other')), /match/));
  await show('rejects wrong class', () => assert.rejects(rejecting(new TypeError('bad')), RangeError));
  await show('rejects object fails', () => assert.rejects(rejecting(new TypeError('bad')), { message: 'good' }));
  await show('rejects validate fn', () => assert.rejects(rejecting(new Error('x')), (e) => e.message === 'x'));
  await show('rejects resolves', () => assert.rejects(Promise.resolve(1)));
  await show('rejects resolves class', () => assert.rejects(Promise.resolve(1), TypeError));
  await show('rejects resolves msg', () => assert.rejects(Promise.resolve(1), 'expected a rejection'));
  await show('rejects fn resolves', () => assert.rejects(async () => 1, Error, 'needs to reject'));
  await show('rejects thenable', () => assert.rejects(thenable, /thenable/));
  await show('rejects fn returns non-promise', () => assert.rejects(() => 42));
  await show('rejects fn throws sync', () => assert.rejects(() => {
    throw new Error('sync throw');
  }));
  await show('rejects not a promise', () => assert.rejects(42));
  await show('rejects ambiguous', () => assert.rejects(rejecting(new Error('same')), 'same'));
  await show('rejects bad error arg', () => assert.rejects(rejecting(new Error('same')), 5));

  await show('doesNotReject passes', () => assert.doesNotReject(Promise.resolve(5)));
  await show('doesNotReject fn passes', () => assert.doesNotReject(async () => 'value'));
  await show('doesNotReject fails', () => assert.doesNotReject(Promise.reject(new Error('nope'))));
  await show('doesNotReject fails msg', () => assert.doesNotReject(rejecting(new Error('nope')), 'must resolve'));
  await show('doesNotReject class match', () => assert.doesNotReject(rejecting(new TypeError('t')), TypeError));
  await show('doesNotReject class other', () => assert.doesNotReject(rejecting(new TypeError('t')), RangeError));
  await show('doesNotReject fn non-promise', () => assert.doesNotReject(() => 'not a promise'));
  await show('doesNotReject not a promise', () => assert.doesNotReject('nope'));
  console.log('done');
})();
