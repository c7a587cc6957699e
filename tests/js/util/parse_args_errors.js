'use strict';
// util.parseArgs errors: usage errors in strict mode and invalid configurations, with node's
// codes, classes and messages.
const { parseArgs } = require('util');

function attempt(label, config) {
  try {
    parseArgs(config);
    console.log(`${label}: no error`);
  } catch (err) {
    console.log(`${label}: ${err.name} [${err.code}] ${err.message}`);
    console.log(`  instanceof TypeError ${err instanceof TypeError}, toString ${String(err).split('\n')[0]}`);
  }
}

const options = {
  foo: { type: 'boolean', short: 'f' },
  bar: { type: 'string', short: 'b' },
};

// Usage errors.
attempt('unknown long', { args: ['--nope'], options });
attempt('unknown short', { args: ['-x'], options });
attempt('unknown with positionals allowed', { args: ['--nope'], options, allowPositionals: true });
attempt('unknown short with positionals allowed', { args: ['-x'], options, allowPositionals: true });
attempt('unknown with quotes', { args: ['--a"b'], options, allowPositionals: true });
attempt('unknown inline', { args: ['--nope=1'], options });
attempt('unknown in a group', { args: ['-fx'], options });
attempt('positional', { args: ['pos'], options });
attempt('positional after terminator', { args: ['--', 'pos'], options });
attempt('string missing value', { args: ['--bar'], options });
attempt('short string missing value', { args: ['-b'], options });
attempt('string with only-long name missing value', { args: ['--s'], options: { s: { type: 'string' } } });
attempt('boolean with value', { args: ['--foo=yes'], options });
attempt('short boolean with value', { args: ['-f=yes'], options: { foo: { type: 'boolean', short: 'f' }, '=': { type: 'boolean', short: '=' } } });
attempt('ambiguous long', { args: ['--bar', '--foo'], options });
attempt('ambiguous short', { args: ['-b', '-f'], options });
attempt('option-like inline value is fine', { args: ['--bar=-f'], options });
attempt('single dash value is fine', { args: ['--bar', '-'], options });
attempt('negative not allowed', { args: ['--no-foo'], options });
attempt('negative of a string', { args: ['--no-bar'], options, allowNegative: true });
attempt('negative of unknown', { args: ['--no-nope'], options, allowNegative: true, allowPositionals: true });
attempt('negative with value', { args: ['--no-foo=1'], options, allowNegative: true });

// Configuration errors.
attempt('args not an array', { args: 'x' });
attempt('strict not boolean', { args: [], strict: 1 });
attempt('allowPositionals not boolean', { args: [], allowPositionals: 'yes' });
attempt('tokens not boolean', { args: [], tokens: null });
attempt('allowNegative not boolean', { args: [], allowNegative: 0 });
attempt('options not an object', { args: [], options: 'x' });
attempt('options an array', { args: [], options: [] });
attempt('option config not an object', { args: [], options: { foo: true } });
attempt('type missing', { args: [], options: { foo: {} } });
attempt('type wrong', { args: [], options: { foo: { type: 'number' } } });
attempt('short not a string', { args: [], options: { foo: { type: 'boolean', short: 1 } } });
attempt('short too long', { args: [], options: { foo: { type: 'boolean', short: 'ff' } } });
attempt('short empty', { args: [], options: { foo: { type: 'boolean', short: '' } } });
attempt('multiple not boolean', { args: [], options: { foo: { type: 'boolean', multiple: 1 } } });
attempt('string default', { args: [], options: { foo: { type: 'string', default: 1 } } });
attempt('boolean default', { args: [], options: { foo: { type: 'boolean', default: 'yes' } } });
attempt('string array default', { args: [], options: { foo: { type: 'string', multiple: true, default: 'x' } } });
attempt('string array default item', { args: [], options: { foo: { type: 'string', multiple: true, default: ['x', 2] } } });
attempt('boolean array default item', { args: [], options: { foo: { type: 'boolean', multiple: true, default: [true, 'x'] } } });
attempt('config not an object', 'nope');
