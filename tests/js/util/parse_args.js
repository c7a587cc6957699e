'use strict';
// util.parseArgs: how arguments become values, positionals and tokens.
const { inspect, parseArgs } = require('util');

const line = (value) => inspect(value, { breakLength: Infinity });

function show(label, config) {
  const result = parseArgs(config);
  console.log(`${label}:`);
  console.log('  values', line(result.values));
  console.log('  positionals', line(result.positionals));
  console.log('  keys', Object.keys(result).join(','));
  if (result.tokens) {
    for (const token of result.tokens) console.log('  token', line(token));
  }
}

const options = {
  foo: { type: 'boolean', short: 'f' },
  bar: { type: 'string', short: 'b' },
  verbose: { type: 'boolean', short: 'v' },
};

show('long and short', { args: ['-f', '--bar', 'b'], options });
show('inline values', { args: ['--bar=x=y', '-bvalue'], options });
show('short group', { args: ['-fv'], options });
show('group ending in string', { args: ['-fvb', 'val'], options });
show('group with string in the middle', { args: ['-fbval'], options });
show('string value that looks like an option with =', { args: ['--bar=-x'], options });
show('empty inline value', { args: ['--bar='], options });
show('positionals', { args: ['one', '-f', 'two'], options, allowPositionals: true });
show('terminator', { args: ['-f', '--', '-v', '--bar'], options, allowPositionals: true, tokens: true });
show('lone dash is positional', { args: ['-'], options, allowPositionals: true });
show('repeated keeps the last', { args: ['-b', 'one', '--bar', 'two'], options });
show('multiple', {
  args: ['-b', 'one', '--bar=two', '-ff'],
  options: {
    bar: { type: 'string', short: 'b', multiple: true },
    foo: { type: 'boolean', short: 'f', multiple: true },
  },
});
show('defaults', {
  args: ['--given=x'],
  options: {
    given: { type: 'string', default: 'unused' },
    str: { type: 'string', default: 'dflt' },
    bool: { type: 'boolean', default: false },
    list: { type: 'string', multiple: true, default: ['a', 'b'] },
    flags: { type: 'boolean', multiple: true, default: [true] },
  },
});
show('tokens', { args: ['-fvb', 'x', '--bar', 'y', 'pos', '--foo'], options, allowPositionals: true, tokens: true });
show('tokens for a short group with a value', { args: ['-fvbx'], options, tokens: true });
show('loose mode', { args: ['--unknown', '-x', '--bar', '--foo=1', 'pos', '-abc'], options, strict: false, tokens: true });
show('loose string without a value', { args: ['--bar'], options, strict: false });
show('negative', {
  args: ['--no-foo', '--no-verbose', '--verbose'],
  options,
  allowNegative: true,
  tokens: true,
});
show('negative in loose mode', { args: ['--no-color', '--no-bar=1'], options, allowNegative: true, strict: false });
show('__proto__ is ignored', { args: ['--__proto__', 'x'], strict: false });
show('__proto__ option', {
  args: ['--__proto__'],
  options: { __proto__: null, ['__proto__']: { type: 'boolean' } },
});
show('no config', undefined);
show('empty options', { args: [] });
show('inherited config is ignored', Object.create({ args: ['--x'], strict: false }));
show('option names are literal', { args: ['--Foo', '--foo-bar'], options: { Foo: { type: 'boolean' }, 'foo-bar': { type: 'boolean' } } });
show('strict with allowPositionals false by default', { args: [], strict: true });

process.argv.push('-f', '--bar', 'from argv', 'extra');
show('process.argv', { options, allowPositionals: true });
