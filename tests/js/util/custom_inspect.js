'use strict';
// inspect.custom: return values, the (depth, options, inspect) arguments, stylize.
const util = require('util');

console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
console.log(util.inspect({ [util.inspect.custom]: () => 'custom!' }));
console.log(util.inspect({ nested: { [util.inspect.custom]: () => 'line1\nline2' } }));
console.log(util.inspect({ [util.inspect.custom]: () => ({ replaced: [1, 2] }) }));
console.log(util.inspect({ [util.inspect.custom]: () => 42 }));
console.log(util.inspect([{ [util.inspect.custom]: () => [1, { a: 2 }] }]));
console.log(util.inspect({ a: 1, [util.inspect.custom]() { return this; } }));
console.log(util.inspect({ [util.inspect.custom]: 'not a function', a: 1 }));
console.log(util.inspect({ inspect() { return 'legacy method is ignored'; }, a: 1 }));

// depth counts down from the options' depth as the value is nested.
const depthProbe = { [util.inspect.custom]: (depth) => `depth=${depth}` };
console.log(util.inspect({ a: { b: depthProbe } }));
console.log(util.inspect({ a: { b: depthProbe } }, { depth: 5 }));
console.log(util.inspect({ a: { b: depthProbe } }, { depth: null }));

// The options object: every option plus unknown keys the caller passed.
const optionsProbe = {
  [util.inspect.custom](depth, options, inspect) {
    return `${Object.keys(options).join(',')} | ${options.myOption} | ${inspect === util.inspect}`;
  },
};
console.log(util.inspect(optionsProbe));
console.log(util.inspect(optionsProbe, { myOption: 'passed through', depth: 3 }));

const stylized = { [util.inspect.custom]: (d, o) => o.stylize('styled', 'special') + ' ' + o.stylize('7', 'number') };
console.log(util.inspect(stylized));
console.log(JSON.stringify(util.inspect(stylized, { colors: true })));
console.log(util.inspect(stylized, { stylize: (s, t) => `<${t}:${s}>` }));

// A custom inspector usually delegates back to inspect with adjusted options.
class Money {
  constructor(amount, currency) {
    this.amount = amount;
    this.currency = currency;
  }
  [util.inspect.custom](depth, options, inspect) {
    if (depth < 0) return options.stylize('[Money]', 'special');
    return `Money<${inspect(this.amount, options)} ${this.currency}>`;
  }
}
console.log(util.inspect(new Money(5, 'EUR')));
console.log(util.inspect({ wallet: { cash: [new Money(1, 'USD')] } }));
console.log(util.inspect({ wallet: { cash: [new Money(1, 'USD')] } }, { depth: 1 }));
console.log(util.inspect(Money.prototype));
console.log(util.inspect(new Money(5, 'EUR'), { customInspect: false }));

// A Uint8Array subclass with its own inspector, as Buffer will have.
class BufferLike extends Uint8Array {
  [util.inspect.custom](depth, options) {
    const bytes = [];
    for (let i = 0; i < Math.min(this.length, options.maxArrayLength); i++) {
      bytes.push(this[i].toString(16).padStart(2, '0'));
    }
    const more = this.length > options.maxArrayLength ? ` ... ${this.length - options.maxArrayLength} more bytes` : '';
    return `<BufferLike ${bytes.join(' ')}${more}>`;
  }
}
console.log(util.inspect(BufferLike.from([1, 2, 255])));
console.log(util.inspect({ buf: BufferLike.from([1, 2, 255]) }));
console.log(util.inspect(BufferLike.from([1, 2, 3, 4]), { maxArrayLength: 2 }));

// Inspectors on null-prototype objects and proxies get a detached options object.
const bare = Object.create(null);
bare[util.inspect.custom] = (d, o) => `prototype of options: ${Object.getPrototypeOf(o)}, stylize: ${typeof o.stylize}`;
console.log(util.inspect(bare));
const proxied = new Proxy({ [util.inspect.custom]: (d, o) => `proxy options prototype: ${Object.getPrototypeOf(o)}` }, {});
console.log(util.inspect(proxied));

// A multi-line result is indented with its surroundings.
console.log(util.inspect({ a: { b: { [util.inspect.custom]: () => 'first\nsecond\nthird' } } }));
