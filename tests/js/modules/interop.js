'use strict';
// CommonJS and ES modules together: import() from CommonJS; require() of an ES module (a .mjs
// file, a "type": "module" package), which returns its namespace; require() of a module with
// top-level await fails with ERR_REQUIRE_ASYNC_MODULE; createRequire inside an ES module.

const util = require('util');

const esm = require('./fixtures/esm_lib.mjs');
console.log('require(esm) is a namespace:', util.types.isModuleNamespaceObject(esm));
console.log('default and named:', esm.default('cjs'), esm.value);
console.log('the same instance as import():', require('./fixtures/esm_lib.mjs') === esm);

const named = require('./fixtures/esm_only_named.mjs');
console.log('no default export:', Object.keys(named).join(','), named.b());

console.log('"module.exports" export:', require('./fixtures/esm_module_exports.mjs'));

const pkg = require('pkg-esm');
console.log('type module package:', pkg.named, pkg.default.isDefault);

try {
  require('pkg-esm/tla');
} catch (err) {
  console.log('top-level await:', err.name, err.code);
}

console.log('esm that requires cjs:', require('./fixtures/esm_requires_cjs.mjs').fromRequire);

(async () => {
  const ns = await import('./fixtures/esm_lib.mjs');
  console.log('import() from CommonJS:', ns === esm, ns.value);
  const cjs = await import('./fixtures/cjs_lib.js');
  console.log('import() of CommonJS:', cjs.default === require('./fixtures/cjs_lib.js'), cjs.named);
  const tla = await import('pkg-esm/tla');
  console.log('import() of a module with top-level await:', tla.ready);
  const json = await import('./fixtures/data.json', { with: { type: 'json' } });
  console.log('import() of JSON from CommonJS:', json.default.name);
  try {
    await import('./fixtures/nope.mjs');
  } catch (err) {
    console.log('import() error from CommonJS:', err.code);
  }
  const builtin = await import('node:events');
  console.log('import() of a builtin:', builtin.default === require('events'));
})();

// With a default export, require() adds __esModule (for code compiled from ESM); without one, or
// with "module.exports", it does not.
console.log('__esModule with a default export:', esm.__esModule, Object.keys(esm).join(','));
console.log('__esModule without one:', named.__esModule);
console.log('namespace shape:', Object.getPrototypeOf(esm), Object.isExtensible(esm), Object.prototype.toString.call(esm));
console.log(util.inspect(named), util.inspect(require('./fixtures/esm_only_named.mjs')) === util.inspect(named));
