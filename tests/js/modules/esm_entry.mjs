// An ES module entry point: static imports of ES modules, CommonJS (default and named exports),
// builtins, JSON with an import attribute and packages by their "import" condition; import.meta;
// dynamic import(); top-level await; evaluation order.
import path from 'node:path';
import { EventEmitter } from 'events';
import * as eventsNs from 'node:events';
import cjs, { named, fn, increment } from './fixtures/cjs_lib.js';
import * as cjsNs from './fixtures/cjs_lib.js';
import replaced from './fixtures/cjs_replaced.js';
import greet, { value, live, bump, meta } from './fixtures/esm_lib.mjs';
import data from './fixtures/data.json' with { type: 'json' };
import pkgExports, { kind } from 'pkg-exports';
import pkgEsm, { named as esmNamed, hello } from 'pkg-esm';
import { internal, cond } from 'pkg-imports/esm.mjs';
import { a } from './fixtures/order/a.mjs';

console.log('builtin default:', path.basename('/x/y.txt'), 'named:', typeof EventEmitter);
console.log('builtin namespace default is the module:', eventsNs.default === EventEmitter, eventsNs.EventEmitter === EventEmitter);
console.log('cjs default is module.exports:', typeof cjs, cjs.named === named);
console.log('cjs named:', named, fn());
console.log('cjs namespace keys:', Object.keys(cjsNs).sort().join(','));
increment();
console.log('cjs named exports are a snapshot:', cjsNs.counter, cjs.counter);
console.log('cjs function export:', replaced(), replaced.extra);
console.log('esm:', greet('you'), value);
console.log('live binding before:', live);
bump();
console.log('live binding after:', live);
console.log('import.meta of a module:', meta);
console.log('json:', data.name, data.list);
console.log('pkg-exports import condition:', pkgExports, kind);
console.log('pkg-esm:', pkgEsm, esmNamed, hello('there'));
console.log('imports:', internal, '|', cond);
console.log('order:', a);

console.log('import.meta.url:', import.meta.url === `file://${import.meta.filename}`);
console.log('import.meta.filename:', path.basename(import.meta.filename));
console.log('import.meta.dirname:', import.meta.dirname === path.dirname(import.meta.filename));
console.log('import.meta.resolve:', path.relative(import.meta.dirname, new URL(import.meta.resolve('./fixtures/data.json')).pathname));
console.log('import.meta.resolve of a package:', import.meta.resolve('pkg-exports').endsWith('/node_modules/pkg-exports/esm/index.mjs'));
console.log('import.meta.resolve of a builtin:', import.meta.resolve('events'), import.meta.resolve('node:path'));
console.log('no require, module or __filename:', typeof require, typeof module, typeof __filename, typeof exports);
console.log('this at top level:', this);

const tla = await import('./fixtures/tla.mjs');
console.log('top-level await in a dependency:', tla.before, '/', tla.awaited);
const again = await import('./fixtures/esm_lib.mjs');
console.log('dynamic import gives the same instance:', again.default === greet, again.live);
const dynCjs = await import('./fixtures/cjs_lib.js');
console.log('dynamic import of CommonJS:', dynCjs.default === cjs, dynCjs.named);
const dynJson = await import('./fixtures/data.json', { with: { type: 'json' } });
console.log('dynamic import of JSON:', dynJson.default === data);
const dynBuiltin = await import('path');
console.log('dynamic import of a builtin:', dynBuiltin.default === path);
const waited = await new Promise((resolve) => setImmediate(() => resolve('after an immediate')));
console.log('top-level await in the entry:', waited);
