// Builtins that are other builtins under another name.
const util = require('util');
const types = require('util/types');
console.log(types === util.types, require('node:util/types') === types);
console.log(types.isDate(new Date()), types.isRegExp(/x/), types.isPromise(Promise.resolve()));
console.log(require('module').builtinModules.includes('util/types'), require('module').isBuiltin('sys'));
console.log(require('sys') === util, require('node:sys') === util);
