'use strict';
// Loads actorjs's builtin JS modules inside real node, with the wrapper the runtime uses, so a
// pure-JS builtin can be compared with node's own behaviour. Development tool only: the test
// suite never needs node.
//
// Usage:
//   node --expose-internals facade/tools/node_harness.js <module id> [-e <code using `mod`>]
//   node --expose-internals facade/tools/node_harness.js net,dns,dns/promises --run tests/js/net/lifecycle.js
//     (runs a script whose require() of the listed modules gets ours; Buffer stays node's)
//   const { load } = require('./facade/tools/node_harness.js'); load('events')
//
// `require(id)` inside a builtin resolves to our file when it exists and to node's builtin
// otherwise; `internalBinding(name)` is node's own binding of that name, except 'timers', whose
// ops are ours (they are played on node's timers). The JS modules that stand for native handles
// in actorjs (`internal/net/tcp_wrap` and friends) are node's bindings of the same interface.

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

// The ops of actorjs's internalBinding('timers'), on node's timers: the host's part is to call
// runTimer / runImmediate of internal/timers when one is due.
function timersBinding() {
  const live = new Map();
  let nextKey = 1;
  const timers = () => load('internal/timers');
  return {
    op_timer_start(timer, after, refed) {
      const key = nextKey++;
      const handle = setTimeout(() => {
        live.delete(key);
        timers().runTimer(timer);
      }, after);
      if (!refed) handle.unref();
      live.set(key, handle);
      return [key, 0];
    },
    op_timer_cancel(key) {
      clearTimeout(live.get(key));
      live.delete(key);
    },
    op_timer_ref(key, generation, refed) {
      const handle = live.get(key);
      if (handle !== undefined) {
        if (refed) handle.ref();
        else handle.unref();
      }
    },
    op_timer_now() {
      return performance.now();
    },
    op_immediate_push(immediate) {
      setImmediate(() => timers().runImmediate(immediate));
    },
    op_immediate_ref() {},
  };
}

const bindingOverrides = new Map();
function binding(name) {
  if (name === 'timers') {
    if (!bindingOverrides.has(name)) bindingOverrides.set(name, timersBinding());
    return bindingOverrides.get(name);
  }
  return nodeBinding(name);
}

// node's own net defines `owner` on its TCP prototype, once; load it before ours can.
require('net');
const handleTypes = ['TCP', 'TTY', 'UDP', 'FILE', 'PIPE', 'UNKNOWN'];
const nativeModules = {
  'internal/net/tcp_wrap': () => nodeBinding('tcp_wrap'),
  'internal/net/pipe_wrap': () => nodeBinding('pipe_wrap'),
  'internal/net/stream_wrap': () => ({
    ...nodeBinding('stream_wrap'),
    guessHandleType: (fd) => handleTypes[nodeBinding('util').guessHandleType(fd)],
  }),
  'internal/net/cares_wrap': () => nodeBinding('cares_wrap'),
};
const nativeCache = new Map();
// Builtins taken from node instead of our files (the script run by --run shares node's Buffer
// with the modules under test).
const nodeOwn = new Set();

function fileFor(id) {
  const bare = id.startsWith('node:') ? id.slice(5) : id;
  for (const candidate of [path.join(root, `${bare}.js`), path.join(root, 'node', `${bare}.js`)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function load(id) {
  if (Object.prototype.hasOwnProperty.call(nativeModules, id)) {
    if (!nativeCache.has(id)) nativeCache.set(id, nativeModules[id]());
    return nativeCache.get(id);
  }
  const file = nodeOwn.has(id) ? null : fileFor(id);
  if (file === null) return require(id);
  if (cache.has(file)) return cache.get(file).exports;
  const module = { exports: {}, id };
  cache.set(file, module);
  const src = fs.readFileSync(file, 'utf8');
  const fn = vm.runInThisContext(
    `(function (exports, require, module, internalBinding) {${src}\n})`,
    { filename: file },
  );
  fn.call(module.exports, module.exports, load, module, binding);
  return module.exports;
}

module.exports = { load };

if (require.main === module) {
  const [id, flag, code] = process.argv.slice(2);
  if (flag === '--run') {
    nodeOwn.add('buffer');
    nodeOwn.add('internal/buffer');
    nodeOwn.add('string_decoder');
  }
  const mod = load(id.split(',')[0]);
  if (flag === '-e') {
    new Function('mod', 'load', code)(mod, load);
  } else if (flag === '--run') {
    const Module = require('module');
    const ours = new Set(id.split(','));
    const original = Module.prototype.require;
    Module.prototype.require = function (request) {
      const bare = request.startsWith('node:') ? request.slice(5) : request;
      return ours.has(bare) ? load(bare) : original.call(this, request);
    };
    const script = path.resolve(code);
    process.argv.splice(1, process.argv.length - 1, script);
    process.chdir(path.dirname(script));
    Module._load(script, null, true);
  } else {
    console.log(Object.keys(mod));
  }
}
