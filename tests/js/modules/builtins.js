'use strict';
// Builtin modules: with and without the node: prefix they are the same object; module's
// builtinModules, isBuiltin and createRequire.

const Module = require('module');
const path = require('path');

console.log('events === node:events:', require('events') === require('node:events'));
console.log('path === node:path:', require('path') === require('node:path'));
console.log('timers/promises:', require('timers/promises') === require('node:timers/promises'));
console.log('module === node:module:', Module === require('node:module'));
console.log('Module.Module:', Module.Module === Module);
console.log('console module is the console:', require('console') === console);
console.log('require.cache has no builtins:', !('events' in require.cache) && !('node:events' in require.cache));

console.log('builtinModules is an array:', Array.isArray(Module.builtinModules));
for (const name of ['events', 'path', 'timers', 'util', 'module']) {
  console.log(`builtinModules has ${name}:`, Module.builtinModules.includes(name));
}
console.log('no node: prefixes in the list:', Module.builtinModules.every((n) => !n.startsWith('node:')));
console.log('no internals in the list:', Module.builtinModules.every((n) => !n.startsWith('internal/')));

for (const name of ['events', 'node:events', 'path/posix', 'node:nope', 'nope', 'internal/errors', 'node:internal/errors']) {
  console.log(`isBuiltin(${name}):`, Module.isBuiltin(name));
}

// createRequire from a path, a file: URL string, and a directory with a trailing slash.
const fromFixtures = Module.createRequire(path.join(__dirname, 'fixtures', 'anything.js'));
console.log('createRequire(path):', fromFixtures('./grandchild.js').constructor.name, fromFixtures('./data.json').name);
console.log('resolves relative to it:', path.relative(__dirname, fromFixtures.resolve('./data')));
const fromUrl = Module.createRequire(`file://${__dirname}/fixtures/x.js`);
console.log('createRequire(file URL):', fromUrl('./data.json').name);
const fromDir = Module.createRequire(`${__dirname}/fixtures/`);
console.log('createRequire(dir/):', fromDir('./data.json').name);
console.log('its packages:', fromDir('pkg-main').name);
console.log('and builtins:', fromDir('node:path') === path);
for (const bad of ['relative/path.js', 42, undefined]) {
  try {
    Module.createRequire(bad);
  } catch (err) {
    console.log(`createRequire(${typeof bad}):`, err.name, err.code);
  }
}
