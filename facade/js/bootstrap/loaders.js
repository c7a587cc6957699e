'use strict';
// The builtin module loader: compiles an embedded builtin on first use and caches its module
// object. Runs first, with no `require` of its own.

const { op_builtin_compile } = internalBinding('modules');

const cache = new Map();

function builtinRequire(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = op_builtin_compile(id);
  const mod = { exports: {}, id, loaded: false };
  cache.set(id, mod);
  try {
    fn.call(mod.exports, mod.exports, builtinRequire, mod, internalBinding);
  } catch (err) {
    cache.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

module.exports = { builtinRequire, cache };
