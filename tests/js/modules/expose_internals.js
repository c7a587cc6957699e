// Flags: --expose-internals --no-warnings
'use strict';
// Under --expose-internals the builtins' internal modules are reachable by their bare names, as
// node's own tests use them, with or without the node: scheme.

const { internalBinding } = require('internal/test/binding');
const uv = internalBinding('uv');
console.log('UV_ENOENT', uv.UV_ENOENT, 'UV_EBADF', uv.UV_EBADF);
console.log('errname', require('util').getSystemErrorName(uv.UV_EEXIST));
console.log('is builtin', require('module').isBuiltin('internal/test/binding'));
console.log('node: prefix', require('node:internal/test/binding') === require('internal/test/binding'));
import('internal/test/binding').then((m) => console.log('import', typeof m.default.internalBinding));
