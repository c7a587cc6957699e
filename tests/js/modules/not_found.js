'use strict';
// MODULE_NOT_FOUND: the code, the message with its require stack (the chain of requiring files,
// innermost first), and err.requireStack. Absolute paths are replaced with <dir> here.

const dir = __dirname;
const clean = (s) => s.split(dir).join('<dir>');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: no error (wrong)`);
  } catch (err) {
    console.log(`${label}: ${err.name} ${err.code}`);
    console.log(clean(err.message));
    if (err.requireStack) console.log('requireStack:', err.requireStack.map(clean));
  }
}

attempt('relative', () => require('./nope'));
attempt('absolute', () => require(`${dir}/nope.js`));
attempt('package', () => require('no-such-package'));
attempt('package subpath', () => require('no-such-package/sub'));
attempt('scoped', () => require('@no/such'));
attempt('missing deep file of a real package', () => require('pkg-main/nope'));
attempt('nested', () => require('./fixtures/nested_missing.js'));
attempt('require.resolve', () => require.resolve('./nope'));
attempt('unknown node: builtin', () => require('node:nope'));
attempt('internal modules are not reachable', () => require('internal/errors'));

// A module that failed to load is not left in the cache, and not among the children.
const before = module.children.length;
attempt('again', () => require('./fixtures/nested_missing.js'));
console.log('not cached:', !Object.keys(require.cache).some((k) => k.endsWith('nested_missing.js')));
console.log('children unchanged:', module.children.length === before);
