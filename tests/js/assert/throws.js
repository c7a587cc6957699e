'use strict';
// assert.throws and assert.doesNotThrow with each kind of `error` argument: an Error class, a
// RegExp, a validation object, an Error instance and a validation function, passing and failing.
const assert = require('assert');
const util = require('util');

// Errors are described by name and message: their stacks differ between engines.
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

class MyError extends Error {}
const thrower = (err) => () => {
  throw err;
};

show('throws any', () => assert.throws(thrower(new Error('x'))));
show('throws class', () => assert.throws(thrower(new TypeError('bad type')), TypeError));
show('throws base class', () => assert.throws(thrower(new MyError('mine')), Error));
show('throws wrong class', () => assert.throws(thrower(new TypeError('bad type')), RangeError));
show('throws wrong class no message', () => assert.throws(thrower(new TypeError('')), RangeError));
show('throws same name other class', () => {
  class TypeError2 extends Error {}
  Object.defineProperty(TypeError2, 'name', { value: 'TypeError' });
  assert.throws(thrower(new TypeError('x')), TypeError2);
});
show('throws non-error for class', () => assert.throws(thrower({ message: 'plain' }), TypeError));
show('throws primitive for class', () => assert.throws(thrower('a string'), TypeError));
show('throws regexp', () => assert.throws(thrower(new Error('needle in haystack')), /needle/));
show('throws regexp fails', () => assert.throws(thrower(new Error('haystack')), /needle/));
show('throws regexp fails msg', () => assert.throws(thrower(new Error('haystack')), /needle/, 'custom'));
show('throws object', () => assert.throws(thrower(new TypeError('wrong value')), { name: 'TypeError', message: 'wrong value' }));
show('throws object regexp', () => assert.throws(thrower(new TypeError('wrong value')), { name: 'TypeError', message: /wrong/ }));
show('throws object fails', () => assert.throws(thrower(new TypeError('wrong value')), { name: 'RangeError', message: 'wrong value' }));
show('throws object fails regexp', () => assert.throws(thrower(new TypeError('wrong value')), { name: /Type/, message: /right/ }));
show('throws object code', () => {
  const err = new Error('coded');
  err.code = 'E_CODE';
  err.info = { nested: true };
  assert.throws(thrower(err), { code: 'E_CODE', info: { nested: true } });
});
show('throws object nested fails', () => {
  const err = new Error('coded');
  err.info = { nested: true, list: [1, 2] };
  assert.throws(thrower(err), { info: { nested: false, list: [1, 2] } });
});
show('throws object missing key', () => assert.throws(thrower(new Error('m')), { code: 'NOPE' }));
show('throws object fails msg', () => assert.throws(thrower(new Error('m')), { code: 'NOPE' }, 'with message'));
show('throws empty object', () => assert.throws(thrower(new Error('m')), {}));
show('throws primitive vs object', () => assert.throws(thrower(42), { a: 1 }));
show('throws null vs object', () => assert.throws(thrower(null), { a: 1 }));
show('throws error instance', () => assert.throws(thrower(new TypeError('same')), new TypeError('same')));
show('throws error instance fails', () => assert.throws(thrower(new TypeError('same')), new TypeError('other')));
show('throws validate fn', () => assert.throws(thrower(new Error('v')), (e) => e.message === 'v'));
show('throws validate fn fails', () => assert.throws(thrower(new Error('v')), function check(e) {
  return e.message === 'w';
}));
show('throws validate arrow fails', () => assert.throws(thrower(new Error('v')), (e) => undefined));
show('throws validate fn non-error', () => assert.throws(thrower(3), function check() {
  return 'yes';
}));
show('throws validate fn throws', () => assert.throws(thrower(new Error('v')), () => {
  throw new Error('validator threw');
}));
show('throws nothing', () => assert.throws(() => {}));
show('throws nothing class', () => assert.throws(() => {}, TypeError));
show('throws nothing msg', () => assert.throws(() => {}, 'should have thrown'));
show('throws nothing class msg', () => assert.throws(() => {}, TypeError, 'should have thrown'));
show('throws nothing object', () => assert.throws(() => {}, { name: 'TypeError' }));
show('throws nothing error msg', () => assert.throws(() => {}, /x/, new RangeError('replaced')));
show('throws string message', () => assert.throws(thrower(new Error('boom')), 'some message'));
show('throws ambiguous message', () => assert.throws(thrower(new Error('boom')), 'boom'));
show('throws ambiguous primitive', () => assert.throws(thrower('boom'), 'boom'));
show('throws string 2 messages', () => assert.throws(thrower(new Error('boom')), 'a', 'b'));
show('throws number error arg', () => assert.throws(thrower(new Error('boom')), 42));
show('throws not a function', () => assert.throws('not a function'));
show('throws undefined fn', () => assert.throws());

show('doesNotThrow passes', () => assert.doesNotThrow(() => 1));
show('doesNotThrow fails', () => assert.doesNotThrow(thrower(new Error('oops'))));
show('doesNotThrow fails msg', () => assert.doesNotThrow(thrower(new Error('oops')), 'never throw'));
show('doesNotThrow class match', () => assert.doesNotThrow(thrower(new TypeError('oops')), TypeError));
show('doesNotThrow class other', () => assert.doesNotThrow(thrower(new TypeError('oops')), RangeError));
show('doesNotThrow regexp match', () => assert.doesNotThrow(thrower(new TypeError('oops')), /oops/, 'msg'));
show('doesNotThrow regexp other', () => assert.doesNotThrow(thrower(new TypeError('oops')), /nope/));
show('doesNotThrow fn', () => assert.doesNotThrow(thrower(new TypeError('oops')), () => true));
show('doesNotThrow bad expected', () => assert.doesNotThrow(thrower(new TypeError('oops')), { a: 1 }));
show('doesNotThrow primitive', () => assert.doesNotThrow(thrower(7)));
show('doesNotThrow not a function', () => assert.doesNotThrow(5));
