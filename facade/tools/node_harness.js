'use strict';
// Loads actorjs's builtin JS modules inside real node, with the wrapper the runtime uses, so a
// pure-JS builtin can be compared with node's own behaviour. Development tool only: the test
// suite never needs node.
//
// Usage:
//   node --expose-internals facade/tools/node_harness.js <module id> [-e <code using `mod`>]
//   const { load } = require('./facade/tools/node_harness.js'); load('events')
//
// `require(id)` inside a builtin resolves to our file when it exists and to node's builtin
// otherwise; `internalBinding(name)` is node's own binding of that name.

const fs = require('fs');
const path = require('path');
const vm = require('vm');

const root = path.join(__dirname, '..', 'js');
let nodeBinding;
try {
  nodeBinding = require('internal/test/binding').internalBinding;
} catch {
  nodeBinding = () => {
    throw new Error('run node with --expose-internals to reach internalBinding');
  };
}

const cache = new Map();

function fileFor(id) {
  const bare = id.startsWith('node:') ? id.slice(5) : id;
  for (const candidate of [path.join(root, `${bare}.js`), path.join(root, 'node', `${bare}.js`)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function load(id) {
  const file = fileFor(id);
  if (file === null) return require(id);
  if (cache.has(file)) return cache.get(file).exports;
  const module = { exports: {}, id };
  cache.set(file, module);
  const src = fs.readFileSync(file, 'utf8');
  const fn = vm.runInThisContext(
    `(function (exports, require, module, internalBinding) {${src}\n})`,
    { filename: file },
  );
  fn.call(module.exports, module.exports, load, module, nodeBinding);
  return module.exports;
}

module.exports = { load };

if (require.main === module) {
  const [id, flag, code] = process.argv.slice(2);
  const mod = load(id);
  if (flag === '-e') {
    new Function('mod', 'load', code)(mod, load);
  } else {
    console.log(Object.keys(mod));
  }
}
