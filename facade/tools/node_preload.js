'use strict';
// Runs a program under real node with actorjs's builtin JS modules substituted for node's own, so
// node's test suite (or any script) exercises our implementations. Development tool only.
//
// Usage (the same for .js and .mjs programs: the import hook is registered from here):
//   node --expose-internals -r ./facade/tools/node_preload.js program.js
// Worker threads started with an explicit `execArgv` (node's WPT runner does this) do not see
// -r; put it in NODE_OPTIONS instead:
//   NODE_OPTIONS="-r $PWD/facade/tools/node_preload.js" node --expose-internals program.js
//
// What is substituted (each only if our file exists):
// - `require()` of a public module (`events`, `node:events`, `path`, `path/posix`, ...) and of
//   an internal one under --expose-internals (`internal/event_target`, ...) returns our module,
//   loaded by node_harness.js;
// - `import` of the same names, through a module.register() resolve/load hook;
// - the globals our modules define (EventTarget, Event, CustomEvent, AbortController,
//   AbortSignal). DOMException stays node's unless ACTORJS_SUBSTITUTE_DOMEXCEPTION=1.
//
// ACTORJS_SUBSTITUTE=events,path limits the substitution to the listed module ids (and the
// globals of the modules listed); ACTORJS_SUBSTITUTE=none substitutes nothing, which is handy to
// run the same command line against plain node.
//
// Node's own internals keep using node's modules: only user-land require/import and the globals
// are redirected.

const fs = require('fs');
const path = require('path');
const Module = require('module');
// -r also runs on node's module-loader hooks thread, started by the register() call below; the
// environment variable set around that call tells that thread apart from user workers (which
// do get the substitution).
const kHooksThreadMark = 'ACTORJS_NODE_PRELOAD_HOOKS_THREAD';
const onHooksThread = process.env[kHooksThreadMark] === '1';

// node_harness reaches internalBinding through internal/test/binding, which warns on load and
// leaves `internalBinding` and `primordials` globals behind; node's test harness (test/common)
// fails a test on both, so silence the one and remove the others.
const emitWarning = process.emitWarning;
process.emitWarning = () => {};
let load;
try {
  installBindingShims();
  ({ load } = require('./node_harness.js'));
} finally {
  process.emitWarning = emitWarning;
}
delete globalThis.internalBinding;
delete globalThis.primordials;

const root = path.join(__dirname, '..', 'js');

// Bindings of ours that node does not have, written over node's own APIs, so that the modules
// using them load under node_harness: internalBinding('buffer') is node's, but our buffer.js
// wants the op_buffer_* ops of facade/src/node/buffer.rs. Each shim does what the op does,
// including its quirks (byte-wise searching in every encoding, null from atob/btoa).
function installBindingShims() {
  const testBinding = require('internal/test/binding');
  const nodeInternalBinding = testBinding.internalBinding;
  // Node's own module, taken now: once require() is redirected, 'buffer' is ours.
  const nodeBuffer = require('buffer');
  let bufferShim;
  testBinding.internalBinding = function internalBinding(name) {
    if (name === 'buffer') return (bufferShim ??= makeBufferBinding(nodeInternalBinding(name), nodeBuffer));
    return nodeInternalBinding(name);
  };
}

function makeBufferBinding(nodeBufferBinding, nodeBuffer) {
  const { Buffer: NodeBuffer, isUtf8, isAscii, atob, btoa } = nodeBuffer;
  const names = ['utf8', 'utf16le', 'latin1', 'latin1', 'base64', 'base64url', 'hex'];
  const bytes = (v) =>
    ArrayBuffer.isView(v) ? NodeBuffer.from(v.buffer, v.byteOffset, v.byteLength) : NodeBuffer.from(v);
  const encode = (s, e) => {
    if (e === 3) return NodeBuffer.from(s, 'latin1');
    return NodeBuffer.from(s, names[e]);
  };
  const needle = (v, e) => {
    if (typeof v === 'string') return encode(v, e);
    if (typeof v === 'number') return NodeBuffer.from([v & 255]);
    return bytes(v);
  };
  const clampEnd = (end, len) => (end === undefined ? len : Math.min(end, len));
  return {
    __proto__: nodeBufferBinding,
    op_buffer_byte_length: (s, e) => NodeBuffer.byteLength(s, names[e]),
    op_buffer_from_string(s, e) {
      const b = encode(s, e);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
    },
    op_buffer_write(target, s, offset, length, e) {
      const t = bytes(target);
      if (offset >= t.length) return 0;
      if (e === 3) e = 2;
      return t.write(s, offset, Math.min(length, t.length - offset), names[e]);
    },
    op_buffer_to_string(buf, e, start, end) {
      const b = bytes(buf);
      end = clampEnd(end, b.length);
      start = Math.min(start, end);
      return e === 3 ? b.toString('ascii', start, end) : b.toString(names[e], start, end);
    },
    op_buffer_compare(a, a0, a1, b, b0, b1) {
      const x = bytes(a);
      const y = bytes(b);
      return NodeBuffer.compare(x.subarray(a0, a1), y.subarray(b0, b1));
    },
    op_buffer_index_of(hay, value, offset, e, forward) {
      const h = bytes(hay);
      const n = needle(value, e);
      return forward ? h.indexOf(n, offset) : h.lastIndexOf(n, offset);
    },
    op_buffer_fill(target, value, start, end, e) {
      const pattern = needle(value, e);
      if (pattern.length === 0) return -1;
      const t = bytes(target);
      end = clampEnd(end, t.length);
      if (start < end) t.fill(pattern, start, end);
      return 0;
    },
    op_buffer_is_utf8: (v) => isUtf8(v),
    op_buffer_is_ascii: (v) => isAscii(v),
    op_buffer_atob(s) {
      try {
        return atob(s);
      } catch {
        return null;
      }
    },
    op_buffer_btoa(s) {
      try {
        return btoa(s);
      } catch {
        return null;
      }
    },
  };
}

// Module id -> our file (relative to facade/js).
const candidates = {
  events: 'node/events.js',
  path: 'node/path.js',
  'path/posix': 'node/path/posix.js',
  'path/win32': 'node/path/win32.js',
  'internal/event_target': 'internal/event_target.js',
  'internal/abort_controller': 'internal/abort_controller.js',
  'internal/dom_exception': 'internal/dom_exception.js',
  buffer: 'node/buffer.js',
  string_decoder: 'node/string_decoder.js',
  'internal/buffer': 'internal/buffer.js',
  'internal/blob': 'internal/blob.js',
  stream: 'node/stream.js',
  'stream/promises': 'node/stream/promises.js',
  'stream/consumers': 'node/stream/consumers.js',
  _stream_readable: 'node/_stream_readable.js',
  _stream_writable: 'node/_stream_writable.js',
  _stream_duplex: 'node/_stream_duplex.js',
  _stream_transform: 'node/_stream_transform.js',
  _stream_passthrough: 'node/_stream_passthrough.js',
};

const only = process.env.ACTORJS_SUBSTITUTE;
const wanted = only === undefined ? null : new Set(only.split(',').map((s) => s.trim()));

const substituted = new Map();
for (const [id, file] of Object.entries(candidates)) {
  if (onHooksThread) break;
  if (wanted !== null && !wanted.has(id)) continue;
  if (fs.existsSync(path.join(root, file))) substituted.set(id, null);
}

function ours(id) {
  let mod = substituted.get(id);
  if (mod === null) {
    mod = load(id);
    substituted.set(id, mod);
  }
  return mod;
}

function idFor(request) {
  if (typeof request !== 'string') return null;
  const bare = request.startsWith('node:') ? request.slice(5) : request;
  return substituted.has(bare) ? bare : null;
}

// --- require() ---
const originalLoad = Module._load;
Module._load = function _load(request, parent, isMain) {
  const id = idFor(request);
  if (id !== null) return ours(id);
  return originalLoad.apply(this, arguments);
};

// --- globals ---
function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
}
if (process.env.ACTORJS_SUBSTITUTE_DOMEXCEPTION === '1' && substituted.has('internal/dom_exception')) {
  setGlobal('DOMException', ours('internal/dom_exception').DOMException);
}
if (substituted.has('internal/event_target')) {
  const et = ours('internal/event_target');
  setGlobal('EventTarget', et.EventTarget);
  setGlobal('Event', et.Event);
  setGlobal('CustomEvent', et.CustomEvent);
}
if (substituted.has('buffer')) {
  const buffer = ours('buffer');
  setGlobal('Buffer', buffer.Buffer);
  setGlobal('atob', buffer.atob);
  setGlobal('btoa', buffer.btoa);
  setGlobal('Blob', buffer.Blob);
  setGlobal('File', buffer.File);
}
if (substituted.has('internal/abort_controller')) {
  const ac = ours('internal/abort_controller');
  setGlobal('AbortController', ac.AbortController);
  setGlobal('AbortSignal', ac.AbortSignal);
}

// --- import ---
// The hooks run on node's loader thread; the module objects live here, so the generated source
// fetches them back from this thread through a registry on globalThis (a symbol key, so node's
// test harness does not see a leaked global).
const registryKey = Symbol.for('actorjs.node_preload.modules');
globalThis[registryKey] = (id) => ours(id);

if (typeof Module.register === 'function' && substituted.size > 0) {
  const exportNames = {};
  for (const id of substituted.keys()) {
    if (id.startsWith('internal/')) continue;
    try {
      exportNames[id] = Object.keys(ours(id)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
    } catch {
      // A module that fails to load is left to fail where it is used.
    }
  }
  const hooks = `
    const names = new Map();
    export function initialize(data) {
      for (const [id, list] of Object.entries(data.exportNames)) names.set(id, list);
    }
    export function resolve(specifier, context, next) {
      const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
      if (names.has(bare)) return { url: 'actorjs-builtin:' + bare, shortCircuit: true };
      return next(specifier, context);
    }
    export function load(url, context, next) {
      if (url.startsWith('actorjs-builtin:')) {
        const id = url.slice('actorjs-builtin:'.length);
        let source = 'const m = globalThis[Symbol.for(' + JSON.stringify('actorjs.node_preload.modules') + ')](' + JSON.stringify(id) + ');\\n';
        source += 'export default m;\\n';
        for (const name of names.get(id)) source += 'export const ' + name + ' = m.' + name + ';\\n';
        return { format: 'module', source, shortCircuit: true };
      }
      return next(url, context);
    }
  `;
  process.env[kHooksThreadMark] = '1';
  try {
    Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
      data: { exportNames },
    });
  } finally {
    delete process.env[kHooksThreadMark];
  }
}
