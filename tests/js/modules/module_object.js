'use strict';
// The module object and require function: require.main, module.id/filename/loaded/parent/
// children/paths, require.cache (deleting an entry loads the file again), require.resolve.paths.

const path = require('path');
const Module = require('module');

const rel = (p) => path.relative(__dirname, p);

console.log('main:', require.main === module, module.id, rel(module.filename), module.loaded);
console.log('parent of main:', module.parent, module[Symbol.for('nothing')]);
console.log('instance of Module:', module instanceof Module, module.constructor === Module);
console.log('paths[0]:', rel(module.paths[0]), 'last:', module.paths[module.paths.length - 1]);
console.log('paths are the node_modules folders upwards:', module.paths.every((p) => p.endsWith('node_modules')));

const child = require('./fixtures/child.js');
console.log(child);
console.log('children:', module.children.map((m) => rel(m.filename)));
console.log('child loaded after require:', module.children[0].loaded);
console.log('child children:', module.children[0].children.map((m) => path.basename(m.id)));

// A module required again from elsewhere is not added twice.
require('./fixtures/child.js');
console.log('children after a second require:', module.children.length);

// require.cache is keyed by absolute filename.
const key = require.resolve('./fixtures/counter.js');
console.log('cache has child:', Object.keys(require.cache).map(rel).includes('fixtures/child.js'));
console.log('cache entry is the module:', require.cache[require.resolve('./fixtures/child.js')] === module.children[0]);
console.log('first load:', require('./fixtures/counter.js'), 'cached:', require('./fixtures/counter.js'));
delete require.cache[key];
console.log('after delete:', require('./fixtures/counter.js'));
console.log('require.cache is Module._cache:', require.cache === Module._cache);

// A fake entry in the cache is returned as is.
require.cache[path.join(__dirname, 'fixtures', 'virtual.js')] = { exports: 'virtual module', loaded: true };
console.log(require('./fixtures/virtual.js'));

// require.resolve.paths
const paths = require.resolve.paths('some-package');
console.log('paths(bare):', Array.isArray(paths), rel(paths[0]), paths.every((p) => typeof p === 'string'));
console.log('paths(relative):', require.resolve.paths('./x').map(rel));
console.log('paths(builtin):', require.resolve.paths('events'), require.resolve.paths('node:path'));
console.log('require.resolve of a builtin:', require.resolve('events'), require.resolve('node:events'));

// require.resolve with options.paths
console.log(
  'resolve with paths:',
  rel(require.resolve('./child.js', { paths: [path.join(__dirname, 'fixtures')] })),
);

// Argument checks.
for (const bad of [undefined, 42, '']) {
  try {
    require(bad);
  } catch (err) {
    console.log(`require(${JSON.stringify(bad)}):`, err.name, err.code);
  }
}
try {
  require.resolve(1);
} catch (err) {
  console.log('require.resolve(1):', err.name, err.code);
}

console.log('wrapper:', typeof Module.wrap('x'), Module.wrap('x').includes('x'));
console.log('extensions:', Object.keys(require.extensions));
console.log('main loaded at exit:', (process.on('exit', () => console.log('loaded:', module.loaded)), ''));
