// Where require looks besides relative paths: a file right in node_modules, the global folders
// ($NODE_PATH, set through Module._initPaths), require.cache before builtins, and Module.wrapper.
const Module = require('module');
const path = require('path');

console.log(require('single-file'));
console.log(path.relative(__dirname, require.resolve('single-file')));

process.env.NODE_PATH = path.join(__dirname, 'fixtures', 'global_lib');
Module._initPaths();
console.log(Module.globalPaths[0] === process.env.NODE_PATH);
console.log(require('from-node-path'));
console.log(Module._resolveLookupPaths('x', null).includes(process.env.NODE_PATH));
console.log(Module._resolveLookupPaths('./x', null));

for (const request of ['node:unknown', 'no-such-package-anywhere']) {
  try {
    require.resolve(request);
  } catch (e) {
    console.log(e.code, e.message.split('\n')[0]);
  }
}
try {
  require('node:unknown');
} catch (e) {
  console.log(e.code, e.message);
}

const fake = { fake: true };
require.cache.os = { exports: fake };
console.log(require('os') === fake, require('node:os') === fake);
delete require.cache.os;
console.log(require('os') === fake);

console.log(Module._stat(__dirname), Module._stat(__filename), Module._stat(path.join(__dirname, 'nope')) < 0);

globalThis.wrapped = 0;
Module.wrapper[0] += 'globalThis.wrapped++;';
require('./fixtures/child.js');
console.log('wrapped', globalThis.wrapped);
