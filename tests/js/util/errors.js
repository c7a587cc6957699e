'use strict';
// Errors: stacks (fixed here, as engines format them differently), extra keys, causes.
const util = require('util');

function withStack(err, stack) {
  err.stack = stack;
  return err;
}
const frames = '\n    at fn0 (/home/user/project/a.js:1:7)\n    at fn1 (/home/user/project/b.js:2:8)';

console.log(util.inspect(withStack(new Error('boom'), `Error: boom${frames}`)));
console.log(util.inspect(withStack(new Error('boom'), 'Error: boom')));
console.log(util.inspect(withStack(new Error('boom'), '')));
console.log(util.inspect(withStack(new TypeError('bad type'), `TypeError: bad type${frames}`)));
console.log(util.inspect(withStack(new RangeError('range'), 'RangeError: range')));

class MyError extends Error {}
console.log(util.inspect(withStack(new MyError('mine'), `Error: mine${frames}`)));
class NamedError extends Error {
  constructor(m) {
    super(m);
    this.name = 'NamedError';
  }
}
console.log(util.inspect(withStack(new NamedError('named'), `NamedError: named${frames}`)));

const withProps = withStack(new Error('props'), `Error: props${frames}`);
withProps.code = 'E_CODE';
withProps.info = { a: 1 };
console.log(util.inspect(withProps));

// A name or message changed after the stack was captured is shown separately.
const renamed = withStack(new Error('r'), `Error: r${frames}`);
renamed.name = 'CustomName';
console.log(util.inspect(renamed));
const remessaged = withStack(new Error('orig'), `Error: orig${frames}`);
remessaged.message = 'changed';
console.log(util.inspect(remessaged));
const otherName = withStack(new Error('m'), 'SomethingElse: m\n    at x (/a.js:1:1)');
console.log(util.inspect(otherName));

// cause and AggregateError.errors.
const inner = withStack(new Error('inner'), `Error: inner${frames}`);
console.log(util.inspect(withStack(new Error('outer', { cause: inner }), `Error: outer${frames}`)));
console.log(util.inspect(withStack(new Error('outer', { cause: 'a string' }), 'Error: outer')));
console.log(util.inspect(withStack(new Error('outer', { cause: undefined }), 'Error: outer')));
const shared = '\n    at s1 (/s.js:1:1)\n    at s2 (/s.js:2:2)\n    at s3 (/s.js:3:3)\n    at s4 (/s.js:4:4)\n    at s5 (/s.js:5:5)';
const cause = withStack(new Error('inner'), `Error: inner\n    at c0 (/c.js:1:1)${shared}`);
console.log(util.inspect(withStack(new Error('outer', { cause }), `Error: outer\n    at o0 (/o.js:1:1)${shared}`)));
const agg = new AggregateError([withStack(new Error('a'), 'Error: a'), 'plain'], 'agg');
console.log(util.inspect(withStack(agg, 'AggregateError: agg\n    at main (/m.js:1:1)')));

// Nested errors are indented; null-prototype errors still look like errors.
console.log(util.inspect({ err: withStack(new Error('nested'), `Error: nested${frames}`), n: 1 }));
console.log(util.inspect([[{ e: withStack(new Error('deep'), 'Error: deep') }]]));
const np = withStack(new Error('np'), `Error: np${frames}`);
Object.setPrototypeOf(np, null);
console.log(util.inspect(np));
const circular = withStack(new Error('c'), `Error: c${frames}`);
circular.self = circular;
console.log(util.inspect(circular));
console.log(util.inspect(withStack(new Error('compact'), `Error: compact${frames}`), { compact: true }));
console.log(util.inspect(Object.assign(withStack(new Error('x'), 'Error: x'), { a: 1 }), { compact: false }));

// Colors grey out node_modules package names and builtin frames.
const colored = withStack(new Error('nm'), 'Error: nm\n    at f (/p/node_modules/pkg/index.js:1:1)');
console.log(JSON.stringify(util.inspect(colored, { colors: true })));
