'use strict';
// Compares our util.inspect / util.format (facade/js/internal/util/inspect.js, loaded through
// node_harness.js) with node's own, byte for byte, over a hand-written corpus of tricky values and
// a seeded random corpus, each under many option combinations. Every mismatch is printed with both
// outputs; the exit code is 1 when there was any.
//
//   node --expose-internals [--experimental-vm-modules] facade/tools/compare_inspect.js
//        [--seed N] [--random N] [--quiet]
//
// --experimental-vm-modules adds module namespaces with uninitialized bindings; --random sets the
// number of random values (default 4000), --seed the PRNG seed, --quiet prints at most three
// mismatches per group.
//
// Values are built by factories, once for node and once for us, so that getters with side effects,
// iterators and custom inspectors see identical fresh state on both sides.
//
// With --dump nothing is compared: every case's result is printed as one line, using whatever
// require('util') is. Running that under node and under actorjs and diffing the two files shows
// where the runtime (its natives, its engine) still differs:
//
//   node facade/tools/compare_inspect.js --dump > /tmp/node.txt
//   actorjs facade/tools/compare_inspect.js --dump > /tmp/actorjs.txt

const util = require('util');

const argv = process.argv.slice(2);
const DUMP = argv.includes('--dump');

let vm;
try {
  vm = require('vm');
} catch {
  vm = undefined;
}

let ours;
let oursUtil;
let oursCmp;
let load;
if (!DUMP) {
  ({ load } = require('./node_harness.js'));
  ours = load('internal/util/inspect');
  oursUtil = load('util');
  oursCmp = load('internal/util/comparisons');
}

const argOf = (name, def) => {
  const i = argv.indexOf(name);
  return i === -1 ? def : Number(argv[i + 1]);
};
const SEED = argOf('--seed', 20240601);
const RANDOM_COUNT = argOf('--random', 4000);
const QUIET = argv.includes('--quiet');

let checks = 0;
let mismatches = 0;
const failedGroups = new Map();

function show(s) {
  return JSON.stringify(s);
}

function report(group, label, expected, actual) {
  mismatches++;
  failedGroups.set(group, (failedGroups.get(group) || 0) + 1);
  if (QUIET && failedGroups.get(group) > 3) return;
  console.log(`MISMATCH [${group}] ${label}`);
  console.log(`  node: ${show(expected)}`);
  console.log(`  ours: ${show(actual)}`);
}

// Runs `fn(impl)` for node's and our implementation; results (or thrown errors) must agree.
function outcome(fn, impl) {
  try {
    return { ok: true, value: fn(impl) };
  } catch (err) {
    return { ok: false, value: `${err && err.name}|${err && err.code}|${err && err.message}` };
  }
}

// In --dump mode this is simply the running runtime's util.
const nodeImpl = {
  inspect: util.inspect,
  format: util.format,
  formatWithOptions: util.formatWithOptions,
  util,
  side: 'node',
};
const oursImpl = DUMP
  ? null
  : {
      inspect: ours.inspect,
      format: ours.format,
      formatWithOptions: ours.formatWithOptions,
      util: oursUtil,
      side: 'ours',
    };

function compare(group, label, fn) {
  checks++;
  if (DUMP) {
    const result = outcome(fn, nodeImpl);
    console.log(`${group}\t${label}\t${result.ok ? '' : 'THROWS '}${JSON.stringify(result.value)}`);
    return;
  }
  // Both sides run from this one call site, so errors created inside `fn` get identical stacks.
  const [expected, actual] = [nodeImpl, oursImpl].map((impl) => outcome(fn, impl));
  if (expected.ok !== actual.ok || expected.value !== actual.value) {
    report(
      group,
      label,
      expected.ok ? expected.value : `THROWS ${expected.value}`,
      actual.ok ? actual.value : `THROWS ${actual.value}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Option sets

const optionSets = [
  undefined,
  {},
  { depth: 0 },
  { depth: 1 },
  { depth: 5 },
  { depth: Infinity },
  { depth: null },
  { depth: -1 },
  { colors: true },
  { showHidden: true },
  { showHidden: true, depth: 1 },
  { showHidden: true, colors: true },
  { compact: false },
  { compact: true },
  { compact: 1 },
  { compact: 0 },
  { compact: 5 },
  { compact: false, colors: true },
  { compact: true, colors: true },
  { compact: true, breakLength: 40 },
  { breakLength: Infinity },
  { breakLength: 40 },
  { breakLength: 120 },
  { breakLength: 10 },
  { breakLength: Infinity, compact: true },
  { breakLength: Infinity, compact: false },
  { sorted: true },
  { sorted: (a, b) => (a < b ? 1 : a > b ? -1 : 0) },
  { sorted: true, compact: false },
  { getters: true },
  { getters: 'get' },
  { getters: 'set' },
  { getters: true, colors: true },
  { numericSeparator: true },
  { numericSeparator: true, colors: true },
  { maxArrayLength: 0 },
  { maxArrayLength: 1 },
  { maxArrayLength: 2 },
  { maxArrayLength: 7 },
  { maxArrayLength: -1 },
  { maxArrayLength: null },
  { maxArrayLength: Infinity },
  { maxStringLength: 0 },
  { maxStringLength: 4 },
  { maxStringLength: -1 },
  { maxStringLength: null },
  { showProxy: true },
  { showProxy: true, colors: true },
  { customInspect: false },
  { showHidden: true, showProxy: true, depth: 4 },
  { depth: 0, compact: false },
  { depth: 1, compact: true, breakLength: 60 },
  { colors: true, depth: Infinity, breakLength: 50 },
  { compact: 2, breakLength: 60, sorted: true },
  { userOption: 42 },
  { stylize: (s, t) => `<${t}:${s}>` },
];

function optLabel(o) {
  if (o === undefined) return 'undefined';
  return `{${Object.keys(o)
    .map((k) => `${k}: ${typeof o[k] === 'function' ? 'fn' : String(o[k])}`)
    .join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------
// Hand-written corpus: [label, factory]

// For values a runtime may not support yet (the dump mode runs anywhere).
function tryMake(make) {
  try {
    return make();
  } catch (err) {
    return `<cannot make: ${err && err.message}>`;
  }
}

function vmRun(code) {
  if (vm === undefined) throw new Error('no vm module');
  return vm.runInNewContext(code);
}

function makeCircular() {
  const a = { name: 'a' };
  a.self = a;
  const b = { a, list: [a] };
  a.b = b;
  return a;
}

function makeDoubleCircular() {
  const x = { id: 1 };
  const y = { id: 2, x };
  x.y = y;
  const z = [x, y];
  z.push(z);
  const m = new Map([[x, z]]);
  m.set('m', m);
  return { x, y, z, m };
}

class Foo {
  constructor() {
    this.a = 1;
  }
}
class Bar extends Foo {
  constructor() {
    super();
    this.b = [1, 2];
  }
}
class MyMap extends Map {}
class MySet extends Set {}
class MyArray extends Array {}
class MyError extends Error {}
class MyU8 extends Uint8Array {}
class MyPromise extends Promise {}
class Tagged {
  get [Symbol.toStringTag]() {
    return 'TagName';
  }
}
class WithProto {
  constructor() {
    this.own = 1;
  }
}
WithProto.prototype.protoValue = 'p';
WithProto.prototype.protoObject = { deep: { deeper: 1 } };
Object.defineProperty(WithProto.prototype, 'accessor', { get() { return 5; }, enumerable: true });

class BufferLike extends Uint8Array {
  [util.inspect.custom](depth, options, inspect) {
    const parts = [];
    for (let i = 0; i < Math.min(this.length, options.maxArrayLength); i++) parts.push(this[i].toString(16).padStart(2, '0'));
    return `<BufferLike ${parts.join(' ')}>`;
  }
}

function errWithStack(ctor, msg, stack, extra) {
  const e = new ctor(msg);
  if (stack !== undefined) e.stack = stack;
  if (extra) Object.assign(e, extra);
  return e;
}

function fakeStack(head, n = 3) {
  let s = head;
  for (let i = 0; i < n; i++) s += `\n    at fn${i} (/home/user/project/file${i}.js:${i + 1}:${i + 7})`;
  return s;
}

const longString = 'The quick brown fox jumps over the lazy dog. '.repeat(6);
const multiline = 'line one\nline two is a bit longer\nline three\n\nline five with \'quotes\' and "doubles"';

const handWritten = [
  // primitives
  ['undefined', () => undefined],
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['0', () => 0],
  ['-0', () => -0],
  ['NaN', () => NaN],
  ['Infinity', () => -Infinity],
  ['float', () => 1234567.891011],
  ['small float', () => 0.000001234],
  ['exp', () => 1e21],
  ['neg exp', () => -1.5e-7],
  ['big int number', () => 123456789012],
  ['neg int', () => -1234567],
  ['bigint', () => 123456789012345678901234567890n],
  ['neg bigint', () => -1234n],
  ['zero bigint', () => 0n],
  ['symbol', () => Symbol('desc')],
  ['symbol no desc', () => Symbol()],
  ['symbol quote', () => Symbol("it's")],
  ['well-known symbol', () => Symbol.iterator],
  ['empty string', () => ''],
  ['string', () => 'hello'],
  ['string single', () => "it's"],
  ['string both', () => 'it\'s "x"'],
  ['string all', () => 'it\'s "x" `y`'],
  ['string dollar', () => 'it\'s "x" ${y}'],
  ['string escapes', () => 'a\nb\tc\\d\x00\x1b[31m\x7f\x85\u2028'],
  ['string surrogates', () => 'ok \ud83d\ude00 lone \ud800 low \udc00 end\ud83d'],
  ['string long', () => longString],
  ['string multiline', () => multiline],
  ['string multiline long', () => `${longString}\n${longString}\nshort\n`],
  ['string 101 escapes', () => `${'x'.repeat(101)}\n\t'`],
  ['string cjk', () => '日本語のテキスト'],
  ['string emoji', () => '👍🏽 👨‍👩‍👧 ❤️'],
  // objects
  ['empty object', () => ({})],
  ['object', () => ({ a: 1, b: 'two', c: [3], d: { e: null, f: undefined } })],
  ['nested', () => ({ l1: { l2: { l3: { l4: { l5: 'deep' } } } } })],
  ['nested arrays', () => [[[[[1]]]], [[2, [3, [4]]]]]],
  ['quoted keys', () => ({ 'a-b': 1, 'with space': 2, "it's": 3, '': 4, '1a': 5, _ok: 6, $d: 7, 'ü': 8, 'a\nb': 9 })],
  ['numeric keys', () => ({ 1: 'one', 10: 'ten', 2: 'two', a: 'x' })],
  ['__proto__ key', () => JSON.parse('{"__proto__": 1, "a": 2}')],
  ['symbol keys', () => ({ [Symbol('s')]: 1, [Symbol()]: 2, [Symbol.iterator]: 3, [Symbol("q'")]: 4, plain: 5 })],
  ['non-enumerable', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false })],
  ['non-enumerable symbol', () => Object.defineProperty({ a: 1 }, Symbol('hid'), { value: 2, enumerable: false })],
  ['getters', () => ({ get g() { return 1; }, set s(v) {}, get gs() { return { x: 1 }; }, set gs(v) {} })],
  ['getter null', () => ({ get n() { return null; }, get s() { return 'str'; }, get u() { return undefined; } })],
  ['getter throws', () => ({ get boom() { throw new Error('nope'); } })],
  ['getter this', () => ({ v: 7, get twice() { return this.v * 2; } })],
  ['null prototype', () => Object.assign(Object.create(null), { a: 1 })],
  ['null prototype empty', () => Object.create(null)],
  ['class instance', () => new Foo()],
  ['subclass instance', () => new Bar()],
  ['empty class instance', () => new (class Empty {})()],
  ['anonymous class instance', () => new (class {})()],
  ['tagged', () => new Tagged()],
  ['own tag', () => ({ [Symbol.toStringTag]: 'Own', a: 1 })],
  ['object tag', () => Object.assign(Object.create({ [Symbol.toStringTag]: 'Proto' }), { z: 1 })],
  ['proto props', () => new WithProto()],
  ['prototype chain without constructor', () => Object.create(Object.create(null))],
  ['prototype chain anon', () => Object.create(Object.assign(Object.create(null), { p: 1 }))],
  ['constructor spoof', () => ({ constructor: { name: 'Fake' } })],
  ['prototype object', () => Foo.prototype],
  ['Object.prototype', () => Object.prototype],
  ['Array.prototype', () => Array.prototype],
  ['long keys', () => ({ ['k'.repeat(90)]: 'v', short: 1 })],
  ['long values', () => ({ a: longString, b: 'x'.repeat(70), c: [longString] })],
  ['many keys', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i]))],
  ['wide object', () => ({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', eps: 1 })],
  ['object with multiline string', () => ({ text: multiline, n: 1 })],
  ['object with long multiline', () => ({ a: { b: { text: `${longString}\nmore\n` } } })],
  // arrays
  ['empty array', () => []],
  ['array', () => [1, 'two', { three: 3 }, [4], null, undefined]],
  ['sparse', () => [1, , 3]],
  ['sparse start', () => [, , 1]],
  ['sparse end', () => { const a = [1, 2]; a.length = 5; return a; }],
  ['sparse only', () => new Array(5)],
  ['sparse big', () => { const a = []; a[2] = 1; a[100] = 2; a[150] = 3; return a; }],
  ['sparse with extra', () => { const a = [1, , 3]; a.extra = 'x'; return a; }],
  ['array extra props', () => Object.assign([1, 2, 3], { foo: 'bar', [Symbol('s')]: 1 })],
  ['array -1 prop', () => Object.assign([1], { '-1': 'neg', 4294967295: 'big' })],
  ['array 7 numbers', () => [1, 2, 3, 4, 5, 6, 7]],
  ['array 26 numbers', () => Array.from({ length: 26 }, (_, i) => i * 13)],
  ['array 101 numbers', () => Array.from({ length: 101 }, (_, i) => i)],
  ['array 300 numbers', () => Array.from({ length: 300 }, (_, i) => i * i)],
  ['array mixed lengths', () => Array.from({ length: 40 }, (_, i) => 'x'.repeat(i % 9))],
  ['array strings', () => ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']],
  ['array one long', () => ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'.repeat(60)]],
  ['array bigints', () => Array.from({ length: 20 }, (_, i) => BigInt(i) ** 5n)],
  ['array neg numbers', () => [-1, 22, -333, 4444, -55555, 6, -7, 88, -999]],
  ['array of objects', () => Array.from({ length: 8 }, (_, i) => ({ i }))],
  ['array of arrays', () => Array.from({ length: 10 }, (_, i) => [i, i * 2])],
  ['array cjk', () => ['日本', '中文字', 'ア', 'ハングル', '한국어', 'x', 'yy', 'zzz', '漢字漢字漢字']],
  ['array emoji', () => ['👍', '🎉🎉', 'a', '❤️', '👨‍👩‍👧', 'bb', 'ccc', 'dddd']],
  ['array combining', () => ['e\u0301', 'a\u0300\u0301', 'x', 'y', 'z', 'w', 'v\u200b']],
  ['array of long arrays', () => [Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 8 }, () => 'str')]],
  ['array 6 entries', () => [1, 2, 3, 4, 5, 6]],
  ['array floats', () => [1.5, 22.25, 333.125, 4, 5.5, 6.75, 7.875, 8]],
  ['array with holes many', () => { const a = Array.from({ length: 20 }, (_, i) => i); delete a[3]; delete a[4]; delete a[10]; return a; }],
  ['array subclass', () => MyArray.from([1, 2, 3])],
  ['array subclass empty', () => new MyArray()],
  ['array null proto', () => Object.setPrototypeOf([1, 2], null)],
  ['array tagged', () => Object.defineProperty([1], Symbol.toStringTag, { value: 'T' })],
  ['array long strings', () => Array.from({ length: 10 }, (_, i) => `${'word '.repeat(i)}end`)],
  // maps and sets
  ['map', () => new Map([['a', 1], [{ k: 1 }, [1, 2]], [NaN, null]])],
  ['map empty', () => new Map()],
  ['map nested', () => new Map([['m', new Map([['n', new Map([['o', 1]])]])]])],
  ['map big', () => new Map(Array.from({ length: 120 }, (_, i) => [i, `v${i}`]))],
  ['map extra prop', () => Object.assign(new Map([[1, 2]]), { extra: true })],
  ['map subclass', () => new MyMap([[1, 2]])],
  ['map null proto', () => Object.setPrototypeOf(new Map([[1, 2]]), null)],
  ['map null proto empty', () => Object.setPrototypeOf(new Map(), null)],
  ['set', () => new Set([1, 'two', { three: 3 }, [4]])],
  ['set empty', () => new Set()],
  ['set big', () => new Set(Array.from({ length: 110 }, (_, i) => i))],
  ['set subclass', () => new MySet(['x'])],
  ['set null proto', () => Object.setPrototypeOf(new Set([1, 2, 3]), null)],
  ['set extra', () => Object.assign(new Set([1]), { a: 1, [Symbol('b')]: 2 })],
  ['map iterator', () => new Map([[1, 'a'], [2, 'b']]).keys()],
  ['map values iterator', () => new Map([[1, 'a'], [2, 'b']]).values()],
  ['map entries iterator', () => new Map([[1, { a: 'a' }], [2, 'b']]).entries()],
  ['map iterator consumed', () => { const it = new Map([[1, 'a'], [2, 'b'], [3, 'c']]).entries(); it.next(); return it; }],
  ['set iterator', () => new Set([1, 2, 3]).values()],
  ['set entries iterator', () => new Set([1, 2]).entries()],
  ['set iterator big', () => new Set(Array.from({ length: 105 }, (_, i) => i)).values()],
  ['map iterator with prop', () => Object.assign(new Map([[1, 2]]).keys(), { extra: 1 })],
  ['weakmap', () => new WeakMap([[{}, 1]])],
  ['weakset', () => new WeakSet([{}])],
  ['weakmap with prop', () => Object.assign(new WeakMap(), { a: 1 })],
  // functions and classes
  ['function', () => function named() {}],
  ['anonymous function', () => (0, function () {})],
  ['arrow', () => (0, () => {})],
  ['named arrow', () => { const arrowFn = () => {}; return arrowFn; }],
  ['async', () => async function asyncFn() {}],
  ['async arrow', () => (0, async () => {})],
  ['generator', () => function* gen() {}],
  ['async generator', () => async function* agen() {}],
  ['class', () => class A {}],
  ['class extends', () => class B extends Foo {}],
  ['class extends null', () => class N extends null {}],
  ['anonymous class', () => (0, class {})],
  ['class with statics', () => { class S { static x = 1; static y = { z: 2 }; } return S; }],
  ['class comment', () => class /* ( */ C {}],
  ['function with props', () => Object.assign(function withProps() {}, { a: 1, b: { c: 2 } })],
  ['function renamed', () => Object.defineProperty(function orig() {}, 'name', { value: 'renamed' })],
  ['function name non-string', () => Object.defineProperty(function orig() {}, 'name', { value: 42 })],
  ['function null proto', () => Object.setPrototypeOf(function np() {}, null)],
  ['class null proto', () => Object.setPrototypeOf(class NPC {}, null)],
  ['function tagged', () => Object.defineProperty(function tf() {}, Symbol.toStringTag, { value: 'Tag' })],
  ['bound function', () => function bf() {}.bind(null)],
  ['builtin function', () => Math.max],
  ['Function constructor', () => Function],
  ['Object constructor', () => Object],
  ['method', () => ({ m() {} }).m],
  ['getter function', () => Object.getOwnPropertyDescriptor({ get x() { return 1; } }, 'x').get],
  ['function subclass', () => Object.setPrototypeOf(function sub() {}, Foo)],
  // errors
  ['error', () => errWithStack(Error, 'boom', fakeStack('Error: boom'))],
  ['error no stack', () => errWithStack(Error, 'boom', '')],
  ['error stack without frames', () => errWithStack(Error, 'boom', 'Error: boom')],
  ['type error', () => errWithStack(TypeError, 'bad type', fakeStack('TypeError: bad type'))],
  ['subclass error', () => errWithStack(MyError, 'mine', fakeStack('Error: mine'))],
  ['error with props', () => errWithStack(Error, 'props', fakeStack('Error: props'), { code: 'E_X', info: { a: 1 } })],
  ['error renamed', () => errWithStack(Error, 'r', fakeStack('Error: r'), { name: 'CustomName' })],
  ['error name not in stack', () => { const e = errWithStack(Error, 'm', 'SomethingElse: m\n    at x (/a.js:1:1)'); e.name = 'Other'; return e; }],
  ['error message not in stack', () => { const e = errWithStack(Error, 'orig', fakeStack('Error: orig')); e.message = 'changed'; return e; }],
  ['error message with at', () => errWithStack(Error, 'has\n    at inside', 'Error: has\n    at inside\n    at real (/x.js:1:1)')],
  ['error cause', () => errWithStack(Error, 'outer', fakeStack('Error: outer'), { cause: errWithStack(Error, 'inner', fakeStack('Error: inner')) })],
  ['error cause primitive', () => { const e = new Error('outer', { cause: 'just a string' }); e.stack = 'Error: outer\n    at a (/a.js:1:1)'; return e; }],
  ['error cause undefined', () => { const e = new Error('outer', { cause: undefined }); e.stack = 'Error: outer'; return e; }],
  ['error shared frames', () => {
    const shared = '\n    at s1 (/s.js:1:1)\n    at s2 (/s.js:2:2)\n    at s3 (/s.js:3:3)\n    at s4 (/s.js:4:4)\n    at s5 (/s.js:5:5)';
    const cause = new Error('inner');
    cause.stack = `Error: inner\n    at c0 (/c.js:1:1)${shared}`;
    const e = new Error('outer', { cause });
    e.stack = `Error: outer\n    at o0 (/o.js:1:1)${shared}`;
    return e;
  }],
  ['aggregate error', () => { const e = new AggregateError([errWithStack(Error, 'a', 'Error: a'), 'plain'], 'agg'); e.stack = fakeStack('AggregateError: agg', 1); return e; }],
  ['error null proto', () => { const e = errWithStack(Error, 'np', fakeStack('Error: np')); Object.setPrototypeOf(e, null); return e; }],
  ['error null proto custom stack', () => { const e = errWithStack(Error, 'np', 'CustomThing: np\n    at x (/a.js:1:1)'); Object.setPrototypeOf(e, null); return e; }],
  ['error name property non-error', () => { const e = errWithStack(Error, 'x', fakeStack('Error: x')); e.name = 'Foo'; return e; }],
  ['error stack non-string', () => { const e = new Error('x'); e.stack = { not: 'a string' }; return e; }],
  ['error stack undefined', () => { const e = new Error('x'); e.stack = undefined; return e; }],
  ['error in object', () => ({ err: errWithStack(Error, 'nested', fakeStack('Error: nested')), n: 1 })],
  ['error in array deep', () => [[{ e: errWithStack(RangeError, 'deep', fakeStack('RangeError: deep')) }]]],
  ['error node_modules stack', () => errWithStack(Error, 'nm', 'Error: nm\n    at f (/p/node_modules/pkg/index.js:1:1)\n    at g (/p/node_modules/@scope/pkg/lib/x.js:2:2)\n    at node:internal/main/run_main_module:28:49')],
  ['error cwd stack', () => errWithStack(Error, 'cwd', `Error: cwd\n    at f (${process.cwd()}/file.js:1:1)\n    at ${process.cwd()}/other.js:2:2\n    at h (file://${process.cwd()}/esm.mjs:3:3)`)],
  ['error tagged', () => { const e = errWithStack(Error, 't', fakeStack('Error: t')); Object.defineProperty(e, Symbol.toStringTag, { value: 'Tg' }); return e; }],
  ['error enumerable message', () => { const e = errWithStack(Error, 'm', fakeStack('Error: m')); Object.defineProperty(e, 'message', { enumerable: true, value: 'm' }); return e; }],
  ['error without name', () => { const e = errWithStack(Error, 'x', 'weird stack'); e.name = undefined; return e; }],
  ['error-like object', () => Object.create(Error.prototype)],
  ['DOMException-like error subclass', () => { class FooError extends TypeError {} const e = new FooError('f'); e.stack = fakeStack('TypeError: f'); return e; }],
  ['error circular', () => { const e = errWithStack(Error, 'c', fakeStack('Error: c')); e.self = e; return e; }],
  ['error cause circular', () => { const e = errWithStack(Error, 'c', fakeStack('Error: c')); e.cause = e; return e; }],
  // other builtins
  ['date', () => new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6))],
  ['invalid date', () => new Date(NaN)],
  ['date with props', () => Object.assign(new Date(0), { a: 1 })],
  ['date subclass', () => new (class MyDate extends Date {})(0)],
  ['date null proto', () => Object.setPrototypeOf(new Date(0), null)],
  ['regexp', () => /ab+c/gi],
  ['regexp with props', () => Object.assign(/x/, { a: 1 })],
  ['regexp subclass', () => new (class MyRegExp extends RegExp {})('x', 'g')],
  ['regexp null proto', () => Object.setPrototypeOf(/np/m, null)],
  ['regexp flags', () => new RegExp('[a-z]\\d/', 'dgimsuy')],
  ['boxed number', () => new Number(3)],
  ['boxed -0', () => new Number(-0)],
  ['boxed string', () => new String('ab')],
  ['boxed string props', () => Object.assign(new String('ab'), { x: 1 })],
  ['boxed long string', () => new String(longString)],
  ['boxed boolean', () => new Boolean(false)],
  ['boxed bigint', () => Object(12n)],
  ['boxed symbol', () => Object(Symbol('bs'))],
  ['boxed subclass', () => new (class MyNum extends Number {})(5)],
  ['boxed null proto', () => Object.setPrototypeOf(new Number(7), null)],
  ['boxed tagged', () => Object.defineProperty(new String('t'), Symbol.toStringTag, { value: 'Tag' })],
  ['promise resolved', () => Promise.resolve({ a: [1, 2] })],
  ['promise pending', () => new Promise(() => {})],
  ['promise rejected', () => { const p = Promise.reject(3); p.catch(() => {}); return p; }],
  ['promise rejected error', () => { const p = Promise.reject(errWithStack(Error, 'rej', fakeStack('Error: rej'))); p.catch(() => {}); return p; }],
  ['promise with props', () => Object.assign(Promise.resolve(1), { extra: 'x' })],
  ['promise subclass', () => MyPromise.resolve(2)],
  ['promise of promise', () => Promise.resolve(Promise.resolve(1)).then(() => {})],
  ['typed array', () => new Uint8Array([1, 2, 3])],
  ['typed arrays all', () => [new Int8Array([-1, 2]), new Uint16Array(2), new Int32Array([5]), new Float32Array([1.5]), new Float64Array([0.1, -0]), new Uint8ClampedArray([255]), new BigInt64Array([1n, -2n]), new BigUint64Array([3n])]],
  ['typed array empty', () => new Float64Array(0)],
  ['typed array long', () => new Uint8Array(150).map((_, i) => i)],
  ['typed array 30', () => new Int16Array(30).map((_, i) => i * 1000 - 15000)],
  ['typed array props', () => Object.assign(new Uint8Array(2), { foo: 1 })],
  ['typed array subclass', () => new MyU8([1, 2])],
  ['typed array null proto', () => Object.setPrototypeOf(new Uint8Array([9, 8]), null)],
  ['typed array offset', () => new Uint16Array(new ArrayBuffer(16), 4, 2)],
  ['buffer-like custom', () => BufferLike.from([1, 2, 255])],
  ['array buffer', () => new Uint8Array([0, 1, 254, 255]).buffer],
  ['array buffer empty', () => new ArrayBuffer(0)],
  ['array buffer long', () => new ArrayBuffer(120)],
  ['array buffer props', () => Object.assign(new ArrayBuffer(2), { x: 1 })],
  ['shared array buffer', () => new SharedArrayBuffer(4)],
  ['detached array buffer', () => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; }],
  ['dataview', () => new DataView(new ArrayBuffer(4), 1, 2)],
  ['dataview props', () => Object.assign(new DataView(new ArrayBuffer(2)), { x: 1 })],
  ['arguments', () => (function () { return arguments; })(1, 'a', { b: 2 })],
  ['arguments empty', () => (function () { return arguments; })()],
  // Getters on globalThis replace themselves and report timings, so they are not invoked.
  ['globalThis', () => globalThis, { noGetters: true }],
  ['Math', () => Math],
  ['JSON', () => JSON],
  ['Reflect', () => Reflect],
  ['Atomics', () => Atomics],
  ['Intl', () => Intl],
  ['proxy object', () => new Proxy({ a: 1, b: [2] }, {})],
  ['proxy with traps', () => new Proxy({ a: 1 }, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })],
  ['proxy array', () => new Proxy([1, 2, 3], {})],
  ['proxy function', () => new Proxy(function pf() {}, {})],
  ['proxy class', () => new Proxy(class PC {}, {})],
  ['proxy of proxy', () => new Proxy(new Proxy({ inner: 1 }, {}), {})],
  ['revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }],
  ['proxy in object', () => ({ p: new Proxy({ x: 1 }, { get: () => 5 }) })],
  ['proxy map', () => new Proxy(new Map([[1, 2]]), {})],
  ['url', () => new URL('https://user:pw@example.com:8080/p/a/t/h?query=string#hash')],
  ['url in object', () => ({ u: new URL('file:///tmp/x') })],
  ['url with props', () => Object.assign(new URL('http://a.b/'), { extra: 1 })],
  ['url search params', () => new URLSearchParams('a=1&b=2')],
  ['namespace-ish module obj', () => vmRun('({ a: 1, b: [1, 2], c: new Map([[1, 2]]) })')],
  ['cross-realm error', () => { const e = vmRun('new TypeError("realm")'); e.stack = 'TypeError: realm\n    at x (/a.js:1:1)'; return e; }],
  ['cross-realm array', () => vmRun('[1, 2, { a: [3] }]')],
  ['cross-realm class', () => vmRun('new (class R { constructor() { this.r = 1; } })()')],
  ['cross-realm custom inspect', () => vmRun('({ [Symbol.for("nodejs.util.inspect.custom")](d, o) { return "realm " + typeof o.stylize + " " + Object.getPrototypeOf(o); } })')],
  // circular
  ['circular', makeCircular],
  ['double circular', makeDoubleCircular],
  ['circular array', () => { const a = [1]; a.push(a); return a; }],
  ['circular map key', () => { const m = new Map(); m.set(m, m); return m; }],
  ['circular set', () => { const s = new Set(); s.add(s); return s; }],
  ['circular via getter', () => { const o = { get self() { return o; } }; return o; }],
  ['circular promise', () => { const o = {}; o.p = Promise.resolve(o); return o; }],
  ['circular in error', () => { const o = { e: errWithStack(Error, 'x', 'Error: x') }; o.e.owner = o; return o; }],
  ['circular deep', () => { const a = { b: { c: { d: {} } } }; a.b.c.d.a = a; a.b.c.d.c = a.b.c; return a; }],
  // custom inspect
  ['custom string', () => ({ [util.inspect.custom]: () => 'custom!' })],
  ['custom multiline string', () => ({ nested: { [util.inspect.custom]: () => 'line1\nline2' } })],
  ['custom object', () => ({ [util.inspect.custom]: () => ({ replaced: [1, 2] }) })],
  ['custom returns this', () => { const o = { a: 1, [util.inspect.custom]() { return this; } }; return o; }],
  ['custom depth', () => ({ a: { b: { [util.inspect.custom]: (depth) => `depth=${depth}` } } })],
  ['custom options', () => ({ x: { [util.inspect.custom]: (d, o) => JSON.stringify(Object.keys(o)) + String(o.depth) } })],
  ['custom options values', () => ({ [util.inspect.custom]: (d, o) => `${o.compact} ${o.breakLength} ${o.showHidden} ${o.colors} ${o.maxArrayLength} ${o.sorted}` })],
  ['custom stylize', () => ({ [util.inspect.custom]: (d, o) => o.stylize('styled', 'special') + o.stylize('n', 'number') })],
  ['custom uses inspect', () => ({ v: { [util.inspect.custom]: (d, o, inspect) => `W<${inspect({ inner: [1, 2, 3] }, o)}>` } })],
  ['custom nested inspect depth', () => ({ a: { [util.inspect.custom]: (d, o, inspect) => inspect({ x: { y: { z: {} } } }, { ...o, depth: d }) } })],
  ['custom on class', () => { class CI { [util.inspect.custom]() { return 'CI!'; } } return [new CI(), CI.prototype]; }],
  ['custom non-function', () => ({ [util.inspect.custom]: 'not a function', a: 1 })],
  ['custom returns number', () => ({ [util.inspect.custom]: () => 42 })],
  ['custom returns array', () => [{ [util.inspect.custom]: () => [1, { a: 2 }] }]],
  ['custom null proto', () => Object.assign(Object.create(null), { [util.inspect.custom]: (d, o) => `np ${Object.getPrototypeOf(o)} ${typeof o.stylize}` })],
  ['custom proxy', () => new Proxy({ [util.inspect.custom]: (d, o) => `proxied ${Object.getPrototypeOf(o) === null}` }, {})],
  ['custom util.inspect itself', (impl) => ({ [util.inspect.custom]: impl.inspect, a: 1 })],
  ['custom legacy inspect method', () => ({ inspect() { return 'legacy'; }, a: 1 })],
  ['custom throws', () => ({ [util.inspect.custom]() { throw new Error('custom threw'); } })],
  // many-level structures
  ['deep mixed', () => ({ a: [{ b: new Map([['c', new Set([{ d: [1, 2, { e: 'f' }] }])]]) }] })],
  ['wide nested', () => ({ a: { b: 1, c: 2 }, d: { e: [1, 2, 3], f: { g: 'h' } }, i: [{ j: 1 }, { k: 2 }], l: 'mmmmmmmmmmmmmmmmmmmm' })],
  ['object mostly long', () => ({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: { x: 'c'.repeat(30) } })],
  ['deep 10', () => { let o = { leaf: true }; for (let i = 0; i < 10; i++) o = { [`l${i}`]: o, arr: [i] }; return o; }],
  ['array of maps', () => Array.from({ length: 7 }, (_, i) => new Map([[i, i]]))],
  ['json-ish', () => JSON.parse('{"users":[{"id":1,"name":"Ann","tags":["a","b"],"address":{"city":"X","zip":"123"}},{"id":2,"name":"Bob","tags":[],"address":null}],"total":2}')],
];

// ---------------------------------------------------------------------------------------------
// Random corpus

function makeRng(seed) {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stringAlphabet = [
  'a', 'b', 'z', 'A', 'Q', '0', '9', ' ', ' ', '_', '-', '.', "'", '"', '`', '$', '{', '}', '\\', '\n', '\n',
  '\t', '\r', '\x00', '\x1b', '\x7f', '\x9b', 'é', 'ü', 'ß', '日', '本', '한', 'ア', '👍', '🎉', '\u0301',
  '\u200b', '\ud800', '\udc00', '€', '中', '\u2028',
];

function randomOptions(seed) {
  const rnd = makeRng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (arr) => arr[int(arr.length)];
  const o = {};
  if (rnd() < 0.5) o.depth = pick([0, 1, 2, 3, 4, Infinity, null]);
  if (rnd() < 0.25) o.colors = true;
  if (rnd() < 0.25) o.showHidden = true;
  if (rnd() < 0.4) o.compact = pick([true, false, 0, 1, 2, 3, 4, 6]);
  if (rnd() < 0.4) o.breakLength = pick([0, 20, 40, 60, 80, 100, 150, Infinity]);
  if (rnd() < 0.2) o.sorted = true;
  if (rnd() < 0.2) o.getters = pick([true, 'get', 'set']);
  if (rnd() < 0.2) o.numericSeparator = true;
  if (rnd() < 0.2) o.maxArrayLength = pick([0, 1, 3, 10, 50, null]);
  if (rnd() < 0.2) o.maxStringLength = pick([0, 3, 20, 100, null]);
  if (rnd() < 0.1) o.showProxy = true;
  if (rnd() < 0.05) o.customInspect = false;
  return o;
}

// ---------------------------------------------------------------------------------------------
// util.format corpus

const formatCases = [
  [],
  ['plain'],
  ['%s', 'str'],
  ['%s', 42],
  ['%s', -0],
  ['%s', 12345678n],
  ['%s', Symbol('sym')],
  ['%s', null],
  ['%s', undefined],
  ['%s', { a: { b: { c: 1 } } }],
  ['%s', [1, [2, [3]]]],
  ['%s', new Date(0)],
  ['%s', errWithStack(Error, 'in format', fakeStack('Error: in format'))],
  ['%s', { toString() { return 'custom toString'; } }],
  ['%s', new (class WithToString { toString() { return 'class toString'; } })()],
  ['%s', new (class NoToString {})()],
  ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }],
  ['%s', Object.create(null)],
  ['%s', function fn() { return 1; }],
  ['%s', () => {}],
  ['%s', class Cls {}],
  ['%s', new Map([[1, 2]])],
  ['%s', new Proxy({ a: 1 }, {})],
  ['%s', tryMake(() => new URL('http://x.y/'))],
  ['%s %s', 'a'],
  ['%s:%s', 'a', 'b', 'c', { d: 1 }],
  ['%d', 42],
  ['%d', '42'],
  ['%d', '0x10'],
  ['%d', 1.5],
  ['%d', -0],
  ['%d', 10n],
  ['%d', Symbol('x')],
  ['%d', {}],
  ['%d', null],
  ['%d', ''],
  ['%d', 1234567.891],
  ['%i', 42.9],
  ['%i', '42.9abc'],
  ['%i', 10n],
  ['%i', Symbol('x')],
  ['%i', -0.5],
  ['%i', 1e21],
  ['%f', '3.25'],
  ['%f', 'abc'],
  ['%f', Symbol('x')],
  ['%f', 10n],
  ['%f', -0],
  ['%j', { a: [1, 'b'] }],
  ['%j', undefined],
  ['%j', makeCircular()],
  ['%j', { toJSON() { return 'tojson'; } }],
  ['%j', 1n],
  ['%o', { a: [1, 2, { b: 3 }], f() {} }],
  ['%o', [1, 2, 3]],
  ['%o', function withProps() {}],
  ['%o', new Proxy({ p: 1 }, {})],
  ['%O', { a: { b: { c: { d: { e: 1 } } } } }],
  ['%O', 'str'],
  ['%c', 'color: red'],
  ['%cstyled%c', 'a', 'b', 'rest'],
  ['%%'],
  ['%%', 1],
  ['%% %s', 'x'],
  ['100%', 1],
  ['%', 1],
  ['%x %s', 'y'],
  ['%s%', 'a'],
  ['%%s', 'a'],
  ['%%%s', 'a'],
  ['a%sb%sc', 1, 2],
  ['%s', 'a', 'b', 3, { c: 4 }, [5], 'last'],
  ['no placeholders', 'extra', 1, { a: 1 }],
  [42, 'b', { c: 1 }],
  [{ a: 1 }, '%s', 2],
  [null, undefined],
  ['%s %d %i %f %j %o %O %c %%', 'a', 1, 2, 3, { j: 1 }, { o: 1 }, { O: 1 }, 'css'],
  ['%s', 'x'.repeat(200)],
  ['%s', { long: 'x'.repeat(100), arr: Array.from({ length: 30 }, (_, i) => i) }],
  ['%d %d', 1234567, 7654321n],
  ['%s', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['trailing %'],
  ['%s\n%s', 'line1', 'line2'],
  ['%s', new Number(5)],
  ['%s', new String('boxed')],
  ['%s', Object.assign(Object.create({ toString() { return 'proto tostring'; } }), { a: 1 })],
  ['%s', Object.assign(errWithStack(Error, 'e', 'Error: e'), { toString() { return 'own err'; } })],
];

const formatOptions = [
  {},
  { numericSeparator: true },
  { colors: true },
  { depth: 0 },
  { compact: false },
  { breakLength: 20 },
  [],
];

// ---------------------------------------------------------------------------------------------
// Runs

function inspectCase(group, label, factory, opts) {
  compare(group, `${label} ${optLabel(opts)}`, (impl) => {
    const v = factory(impl);
    return opts === undefined ? impl.inspect(v) : impl.inspect(v, opts);
  });
}

function runHandWritten() {
  for (const [label, factory, flags = {}] of handWritten) {
    for (const opts of optionSets) {
      if (flags.noGetters && opts && opts.getters) continue;
      inspectCase('hand', label, factory, opts);
    }
  }
}

function runLegacySignature() {
  const v = () => ({ a: { b: { c: { d: [1, 2] } } }, h: Object.defineProperty({}, 'x', { value: 1 }) });
  compare('legacy', 'showHidden bool', (impl) => impl.inspect(v(), true));
  compare('legacy', 'depth arg', (impl) => impl.inspect(v(), false, 0));
  compare('legacy', 'depth null', (impl) => impl.inspect(v(), false, null));
  compare('legacy', 'colors arg', (impl) => impl.inspect(v(), false, 3, true));
  compare('legacy', 'undefined args', (impl) => impl.inspect(v(), undefined, undefined, undefined));
  compare('legacy', 'string options', (impl) => impl.inspect(v(), 'ab'));
  compare('legacy', 'number options', (impl) => impl.inspect(v(), 5));
  compare('legacy', 'no args', (impl) => impl.inspect());
}

function runRandom() {
  const rnd = makeRng(SEED);
  const int = (n) => Math.floor(rnd() * n);
  for (let i = 0; i < RANDOM_COUNT; i++) {
    const valueSeed = int(2 ** 31);
    const opts = randomOptions(int(2 ** 31));
    const factory = () => buildRandomValue(valueSeed);
    inspectCase('random', `value#${valueSeed}`, factory, opts);
    // The same value under the defaults and a couple of fixed layouts.
    if (i % 4 === 0) {
      inspectCase('random', `value#${valueSeed}`, factory, undefined);
      inspectCase('random', `value#${valueSeed}`, factory, { compact: false, depth: Infinity });
      inspectCase('random', `value#${valueSeed}`, factory, { compact: true, depth: Infinity, breakLength: 60 });
    }
  }
}

// A fresh random value for `seed`: the same seed always builds an equal structure.
function buildRandomValue(seed) {
  return randomValueFactory(seed)();
}

function randomValueFactory(seed) {
  let captured;
  const build = (s) => {
    const rnd = makeRng(s);
    const int = (n) => Math.floor(rnd() * n);
    const pick = (arr) => arr[int(arr.length)];
    function randomString() {
      const kind = int(10);
      if (kind === 0) return '';
      if (kind === 1) return 'w'.repeat(int(120));
      const len = kind < 6 ? int(8) : int(kind === 9 ? 150 : 40);
      let str = '';
      for (let i = 0; i < len; i++) str += rnd() < 0.6 ? String.fromCharCode(97 + int(26)) : pick(stringAlphabet);
      return str;
    }
    function randomKey() {
      const k = int(12);
      if (k < 6) return ['a', 'b', 'key', 'value', 'longerPropertyName', 'x1', '_private', 'id'][int(8)];
      if (k < 8) return randomString();
      if (k < 9) return String(int(20));
      if (k < 10) return Symbol(pick(['s', '', 'sym desc', "q'"]));
      return 'k'.repeat(int(100));
    }
    function randomPrimitive() {
      switch (int(14)) {
        case 0: return undefined;
        case 1: return null;
        case 2: return rnd() < 0.5;
        case 3: return int(1000);
        case 4: return (rnd() - 0.5) * 10 ** int(25);
        case 5: return pick([0, -0, NaN, Infinity, -Infinity, 1e21, 1e-7, 123456789, -987654321.125]);
        case 6: return BigInt(int(1e9)) * BigInt(int(1e9)) * (rnd() < 0.3 ? -1n : 1n);
        case 7: return Symbol(randomString().slice(0, 8));
        default: return randomString();
      }
    }
    function randomValue(depth) {
      if (depth > 4 || rnd() < 0.35) return randomPrimitive();
      const n = int(depth === 0 ? 12 : 8);
      switch (int(17)) {
        case 0:
        case 1:
        case 2: {
          const o = {};
          for (let i = 0; i < n; i++) o[randomKey()] = randomValue(depth + 1);
          return o;
        }
        case 3:
        case 4: {
          const len = rnd() < 0.2 ? int(130) : n;
          const allNumbers = rnd() < 0.4;
          const a = [];
          for (let i = 0; i < len; i++) {
            a.push(allNumbers ? (rnd() < 0.5 ? int(10 ** int(7)) : -int(500)) : randomValue(depth + 1));
          }
          if (rnd() < 0.15) delete a[int(len + 1)];
          if (rnd() < 0.1) a.length += int(5);
          if (rnd() < 0.1) a.extra = randomValue(depth + 1);
          return a;
        }
        case 5: {
          const m = new Map();
          for (let i = 0; i < n; i++) m.set(randomValue(depth + 2), randomValue(depth + 1));
          return m;
        }
        case 6: {
          const set = new Set();
          for (let i = 0; i < n; i++) set.add(randomValue(depth + 1));
          return set;
        }
        case 7: {
          const o = Object.create(null);
          for (let i = 0; i < n; i++) o[randomKey()] = randomValue(depth + 1);
          return o;
        }
        case 8: {
          const C = pick([Foo, Bar, WithProto, MyMap, MyArray]);
          const o = new C();
          for (let i = 0; i < int(4); i++) o[randomKey()] = randomValue(depth + 1);
          return o;
        }
        case 9: {
          const o = {};
          const cached = randomPrimitive();
          const obj = randomValue(depth + 1);
          Object.defineProperty(o, 'acc', { get: () => cached, enumerable: true });
          Object.defineProperty(o, 'objAcc', { get: () => obj, set: () => {}, enumerable: true });
          Object.defineProperty(o, 'hidden', { value: randomValue(depth + 1), enumerable: false });
          o.visible = randomValue(depth + 1);
          return o;
        }
        case 10: {
          const Ctor = pick([Uint8Array, Int16Array, Float64Array, BigInt64Array, Uint32Array]);
          const len = int(rnd() < 0.2 ? 120 : 12);
          const t = new Ctor(len);
          for (let i = 0; i < len; i++) {
            t[i] = Ctor === BigInt64Array ? BigInt(int(1e6) - 5e5) : (rnd() - 0.3) * 10 ** int(6);
          }
          return t;
        }
        case 11: {
          const e = new (pick([Error, TypeError, RangeError, MyError]))(randomString().slice(0, 20));
          e.stack = rnd() < 0.5 ? `${e.name}: ${e.message}\n    at f (/a.js:1:2)\n    at g (/b.js:3:4)` : `${e.name}: ${e.message}`;
          if (rnd() < 0.3) e.extra = randomValue(depth + 1);
          if (rnd() < 0.2) e.cause = randomValue(depth + 1);
          return e;
        }
        case 12:
          return pick([
            () => new Date(int(2e12)),
            () => /re+gex/g,
            () => new Number(int(100)),
            () => new String(randomString().slice(0, 10)),
            () => Promise.resolve(randomPrimitive()),
            () => function fnName() {},
            () => class K {},
            () => () => {},
            () => new Proxy({ t: randomPrimitive() }, {}),
            () => new Map([[1, 2]]).entries(),
            () => new WeakSet(),
          ])();
        case 13: {
          const a = [];
          for (let i = 0; i < 7 + int(40); i++) a.push(rnd() < 0.5 ? randomString().slice(0, int(12)) : int(1000));
          return a;
        }
        case 14: {
          const o = { level: depth };
          o.child = randomValue(depth + 1);
          if (rnd() < 0.3) o.back = o;
          return o;
        }
        case 15: {
          const o = { [util.inspect.custom]: (d, opts, insp) => (rnd() < 0.5 ? `custom(${d})` : insp({ wrapped: d }, opts)) };
          return o;
        }
        default:
          return [randomValue(depth + 1), randomValue(depth + 1)];
      }
    }
    captured = () => randomValue(0);
  };
  build(seed);
  return captured;
}

function runFormat() {
  for (const args of formatCases) {
    const label = args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : typeof a)).join(', ');
    compare('format', `format(${label})`, (impl) => impl.format(...args));
    for (const o of formatOptions) {
      compare('format', `formatWithOptions(${JSON.stringify(o)}, ${label})`, (impl) => impl.formatWithOptions(o, ...args));
    }
  }
  for (const bad of [null, 1, 'str', undefined, true]) {
    compare('format', `formatWithOptions(${String(bad)})`, (impl) => impl.formatWithOptions(bad, 'x'));
  }
  // Random format strings.
  const rnd = makeRng(SEED + 1);
  const int = (n) => Math.floor(rnd() * n);
  const pieces = ['%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%', '%x', 'text', ' ', '\n', '%%s'];
  const argPool = [1, -1.5, 'str', 10n, null, undefined, { a: 1 }, [1, 2], Symbol('s'), true, () => {}, new Date(0), NaN, '42px', -0];
  for (let i = 0; i < 600; i++) {
    let fmt = '';
    for (let j = int(6); j >= 0; j--) fmt += pieces[int(pieces.length)];
    const args = [];
    for (let j = int(5); j > 0; j--) args.push(argPool[int(argPool.length)]);
    compare('format', `random ${JSON.stringify(fmt)} #${i}`, (impl) => impl.format(fmt, ...args));
    compare('format', `random opts ${JSON.stringify(fmt)} #${i}`, (impl) => impl.formatWithOptions({ numericSeparator: true, colors: true }, fmt, ...args));
  }
}

function runApiSurface() {
  compare('api', 'colors keys', (impl) => JSON.stringify(Object.keys(impl.inspect.colors)));
  compare('api', 'colors all names', (impl) => JSON.stringify(Object.getOwnPropertyNames(impl.inspect.colors)));
  compare('api', 'colors alias', (impl) => JSON.stringify([impl.inspect.colors.grey, impl.inspect.colors.faint, impl.inspect.colors.swapColors]));
  compare('api', 'styles', (impl) => JSON.stringify(impl.inspect.styles));
  compare('api', 'styles proto', (impl) => String(Object.getPrototypeOf(impl.inspect.styles)));
  compare('api', 'defaultOptions', (impl) => JSON.stringify(impl.inspect.defaultOptions));
  compare('api', 'defaultOptions sealed', (impl) => String(Object.isSealed(impl.inspect.defaultOptions)));
  compare('api', 'custom symbol', (impl) => String(impl.inspect.custom === Symbol.for('nodejs.util.inspect.custom')));
  compare('api', 'set defaultOptions bad', (impl) => { impl.inspect.defaultOptions = 5; });
  compare('api', 'set defaultOptions null', (impl) => { impl.inspect.defaultOptions = null; });
  compare('api', 'set defaultOptions array', (impl) => { impl.inspect.defaultOptions = []; });
  compare('api', 'defaultOptions change', (impl) => {
    const before = { ...impl.inspect.defaultOptions };
    impl.inspect.defaultOptions = { depth: 0, breakLength: 20 };
    try {
      return impl.inspect({ a: { b: 1 }, c: 'long enough to break' }) + impl.format('%O', { x: { y: 1 } });
    } finally {
      impl.inspect.defaultOptions = before;
    }
  });
  compare('api', 'defaultOptions numericSeparator format', (impl) => {
    impl.inspect.defaultOptions.numericSeparator = true;
    try {
      return impl.format('%d %i %s', 1234567, 7654321.5, 1000000);
    } finally {
      impl.inspect.defaultOptions.numericSeparator = false;
    }
  });
  compare('api', 'styles edit', (impl) => {
    const old = impl.inspect.styles.number;
    impl.inspect.styles.number = 'red';
    try {
      return impl.inspect([1, 'a'], { colors: true });
    } finally {
      impl.inspect.styles.number = old;
    }
  });
  compare('api', 'styles unknown color', (impl) => {
    const old = impl.inspect.styles.string;
    impl.inspect.styles.string = 'nonexistent';
    try {
      return impl.inspect(['a'], { colors: true });
    } finally {
      impl.inspect.styles.string = old;
    }
  });
  compare('api', 'colors alias set', (impl) => {
    const old = impl.inspect.colors.gray;
    impl.inspect.colors.grey = [1, 2];
    try {
      return JSON.stringify(impl.inspect.colors.gray) + impl.inspect(undefined, { colors: true });
    } finally {
      impl.inspect.colors.gray = old;
    }
  });
  for (const s of ['\u001b[31mred\u001b[39m', 'plain', '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '\u009b1mx', '\u001b[1;2;3mz\u001b[0m']) {
    compare('api', `stripVTControlCharacters ${JSON.stringify(s)}`, (impl) => impl.util.stripVTControlCharacters(s));
  }
  compare('api', 'stripVTControlCharacters bad', (impl) => impl.util.stripVTControlCharacters(1));
}

// Public util module behaviour besides inspect/format.
function runUtilModule() {
  const U = (impl) => impl.util;
  compare('util', 'keys', (impl) => JSON.stringify(Object.keys(U(impl)).filter((k) => !['_errnoException', '_exceptionWithHostPort', 'transferableAbortSignal', 'transferableAbortController', 'aborted', 'parseEnv', 'parseArgs', 'MIMEType', 'MIMEParams', 'getCallSites'].includes(k))));
  // Not provided (yet): the errno exception helpers and the .env parser.
  const absent = ['_errnoException', '_exceptionWithHostPort', 'parseEnv'];
  for (const key of Object.keys(util)) {
    if (absent.includes(key) || typeof Object.getOwnPropertyDescriptor(util, key).value !== 'function') continue;
    compare('util', `${key} name/length`, (impl) => {
      const fn = impl.util[key];
      return typeof fn === 'function' ? `${fn.name}/${fn.length}` : 'missing';
    });
  }
  compare('util', 'types keys', (impl) => JSON.stringify(Object.keys(U(impl).types).sort()));
  const typeSamples = [
    1, 'a', null, {}, [], new Map(), new Set(), new WeakMap(), new WeakSet(), new Date(), /x/, new Error(),
    Promise.resolve(), new Uint8Array(), new Float64Array(), new BigInt64Array(), new ArrayBuffer(1),
    new SharedArrayBuffer(1), new DataView(new ArrayBuffer(1)), new Proxy({}, {}), function* g() {}, async () => {},
    new Map().keys(), new Set().values(), new Number(1), new String(''), Object(1n), Object(Symbol()),
    new Boolean(true), (function () { return arguments; })(), (function* g() {})(), Object.create(Uint8Array.prototype),
  ];
  for (const [k] of Object.entries(util.types)) {
    compare('util', `types.${k}`, (impl) => JSON.stringify(typeSamples.map((v) => U(impl).types[k](v))));
  }
  for (const [name, samples] of [
    ['isArray', [[], {}, 'a']],
    ['isBoolean', [true, 1]],
    ['isNull', [null, undefined]],
    ['isNullOrUndefined', [null, undefined, 0]],
    ['isNumber', [1, '1']],
    ['isString', ['a', 1]],
    ['isSymbol', [Symbol(), 's']],
    ['isUndefined', [undefined, null]],
    ['isRegExp', [/x/, 'x']],
    ['isObject', [{}, null, () => {}]],
    ['isDate', [new Date(), 1]],
    ['isError', [new Error(), Object.create(Error.prototype), { name: 'Error' }]],
    ['isFunction', [() => {}, {}]],
    ['isPrimitive', [1, null, {}, () => {}]],
  ]) {
    compare('util', `legacy ${name}`, (impl) => JSON.stringify(samples.map((v) => U(impl)[name](v))));
  }
  compare('util', 'inherits', (impl) => {
    function A() {}
    A.prototype.hi = () => 'hi';
    function B() {}
    U(impl).inherits(B, A);
    return `${new B().hi()} ${B.super_ === A} ${Object.keys(B)}`;
  });
  compare('util', 'inherits bad ctor', (impl) => U(impl).inherits(null, function () {}));
  compare('util', 'inherits bad super', (impl) => U(impl).inherits(function () {}, undefined));
  compare('util', 'inherits no prototype', (impl) => U(impl).inherits(function () {}, () => {}));
  compare('util', 'promisify bad', (impl) => U(impl).promisify(1));
  compare('util', 'promisify custom bad', (impl) => {
    const f = () => {};
    f[U(impl).promisify.custom] = 'x';
    return U(impl).promisify(f);
  });
  compare('util', 'promisify custom', (impl) => {
    const f = () => {};
    const g = () => {};
    f[U(impl).promisify.custom] = g;
    return String(U(impl).promisify(f) === g);
  });
  compare('util', 'promisify shape', (impl) => {
    function orig(a, b, cb) {}
    orig.extra = 1;
    const p = U(impl).promisify(orig);
    return `${p.name} ${p.length} ${p.extra} ${U(impl).promisify(p) === p} ${Object.getPrototypeOf(p) === Function.prototype}`;
  });
  compare('util', 'promisify.custom symbol', (impl) => String(U(impl).promisify.custom === Symbol.for('nodejs.util.promisify.custom')));
  compare('util', 'callbackify bad', (impl) => U(impl).callbackify('x'));
  compare('util', 'callbackify shape', (impl) => {
    async function af(a, b) {}
    const cb = U(impl).callbackify(af);
    return `${cb.name} ${cb.length}`;
  });
  compare('util', 'callbackify last arg', (impl) => U(impl).callbackify(async () => {})(1, 2));
  compare('util', 'deprecate bad code', (impl) => U(impl).deprecate(() => {}, 'm', 5));
  compare('util', 'deprecate shape', (impl) => {
    class K {}
    const d = U(impl).deprecate(K, 'msg');
    return `${d.name} ${new d() instanceof K} ${Object.getPrototypeOf(d) === K} ${d.prototype === K.prototype}`;
  });
  compare('util', 'toUSVString', (impl) => U(impl).toUSVString('a\ud800b\udc00c\ud83d\ude00'));
  compare('util', 'isDeepStrictEqual', (impl) => String(U(impl).isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })));
  for (const fmt of ['red', ['bold', 'underline'], 'nope', ['red', 'nope'], 5]) {
    compare('util', `styleText ${JSON.stringify(fmt)}`, (impl) => U(impl).styleText(fmt, 'txt', { validateStream: false }));
  }
  compare('util', 'styleText bad text', (impl) => U(impl).styleText('red', 1));
  compare('util', 'styleText bad stream', (impl) => U(impl).styleText('red', 'x', { stream: {} }));
  compare('util', 'styleText bad validateStream', (impl) => U(impl).styleText('red', 'x', { validateStream: 1 }));
  compare('util', 'styleText non-tty', (impl) => U(impl).styleText('red', 'x', { stream: { write() {}, on() {}, isTTY: false } }));
  compare('util', 'styleText tty', (impl) => U(impl).styleText('red', 'x', { stream: { write() {}, on() {}, isTTY: true, getColorDepth: () => 8 } }));
  compare('util', 'debuglog disabled', (impl) => {
    const d = U(impl).debuglog('not_enabled_section_xyz');
    d('x');
    return `${typeof d} ${d.enabled}`;
  });
  for (const err of [-2, -13, -4095, -99999, 0, 1, -1.5, 'x', 2 ** 60 * -1]) {
    compare('util', `getSystemErrorName(${String(err)})`, (impl) => U(impl).getSystemErrorName(err));
  }
  compare('util', 'getSystemErrorMap', (impl) => JSON.stringify([...U(impl).getSystemErrorMap()]));
  compare('util', 'inspect identity', (impl) => String(U(impl).inspect === impl.inspect));
  compare('util', 'TextEncoder', (impl) => String(U(impl).TextEncoder === TextEncoder && U(impl).TextDecoder === TextDecoder));
  compare('util', '_extend', (impl) => JSON.stringify(U(impl)._extend({ a: 1 }, { b: 2, a: 3 })));
}

// Deep equality: compared with node's isDeepStrictEqual and assert.deepEqual semantics.
function runComparisons() {
  const nodeCmp = require('internal/util/comparisons');
  const cases = [];
  const add = (label, make) => cases.push([label, make]);
  add('primitives', () => [1, 1]);
  add('-0/+0', () => [-0, 0]);
  add('NaN', () => [NaN, NaN]);
  add('1 vs "1"', () => [1, '1']);
  add('null/undefined', () => [null, undefined]);
  add('objects', () => [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }]);
  add('objects diff', () => [{ a: 1 }, { a: 2 }]);
  add('objects loose', () => [{ a: 1 }, { a: '1' }]);
  add('proto differ', () => [{}, Object.create(null)]);
  add('class differ', () => [new Foo(), { a: 1 }]);
  add('arrays', () => [[1, 2, 3], [1, 2, 3]]);
  add('array len', () => [[1, 2], [1, 2, 3]]);
  add('sparse', () => [[1, , 3], [1, undefined, 3]]);
  add('sparse both', () => [[1, , 3], [1, , 3]]);
  add('array extra', () => [Object.assign([1], { a: 1 }), [1]]);
  add('array symbol', () => [Object.assign([1], { [Symbol.for('s')]: 1 }), [1]]);
  add('symbol keys', () => [{ [Symbol.for('a')]: 1 }, { [Symbol.for('a')]: 1 }]);
  add('symbol keys diff', () => [{ [Symbol.for('a')]: 1 }, { [Symbol.for('a')]: 2 }]);
  add('symbol non-enum', () => [Object.defineProperty({}, Symbol.for('x'), { value: 1 }), {}]);
  add('dates', () => [new Date(0), new Date(0)]);
  add('dates diff', () => [new Date(0), new Date(1)]);
  add('date props', () => [Object.assign(new Date(0), { a: 1 }), new Date(0)]);
  add('regexps', () => [/a/g, /a/g]);
  add('regexps flags', () => [/a/g, /a/i]);
  add('regexp lastIndex', () => { const r = /a/g; r.lastIndex = 3; return [r, /a/g]; });
  add('maps', () => [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])]);
  add('maps obj keys', () => [new Map([[{ k: 1 }, 'a'], [{ k: 2 }, 'b']]), new Map([[{ k: 2 }, 'b'], [{ k: 1 }, 'a']])]);
  add('maps loose keys', () => [new Map([[1, 'a']]), new Map([['1', 'a']])]);
  add('maps diff', () => [new Map([[1, 2]]), new Map([[1, 3]])]);
  add('sets', () => [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])]);
  add('sets diff', () => [new Set([1, 2]), new Set([1, 3])]);
  add('sets loose', () => [new Set([1]), new Set(['1'])]);
  add('sets objects', () => [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])]);
  add('typed arrays', () => [new Uint8Array([1, 2]), new Uint8Array([1, 2])]);
  add('typed arrays diff type', () => [new Uint8Array([1]), new Int8Array([1])]);
  add('float -0', () => [new Float64Array([-0]), new Float64Array([0])]);
  add('float NaN', () => [new Float64Array([NaN]), new Float64Array([NaN])]);
  add('buffers', () => [new ArrayBuffer(2), new ArrayBuffer(2)]);
  add('buffers diff', () => [new Uint8Array([1]).buffer, new Uint8Array([2]).buffer]);
  add('shared vs plain buffer', () => [new ArrayBuffer(1), new SharedArrayBuffer(1)]);
  add('dataview', () => [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))]);
  add('errors', () => [new Error('a'), new Error('a')]);
  add('errors diff msg', () => [new Error('a'), new Error('b')]);
  add('errors diff type', () => [new Error('a'), new TypeError('a')]);
  add('errors cause', () => [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })]);
  add('errors cause same', () => [new Error('a', { cause: { x: 1 } }), new Error('a', { cause: { x: 1 } })]);
  add('aggregate', () => [new AggregateError([1], 'm'), new AggregateError([2], 'm')]);
  add('boxed', () => [new Number(1), new Number(1)]);
  add('boxed diff', () => [new Number(1), new Number(2)]);
  add('boxed -0', () => [new Number(-0), new Number(0)]);
  add('boxed string', () => [new String('a'), new String('a')]);
  add('boxed vs prim', () => [new Number(1), 1]);
  add('boxed symbol', () => { const s = Symbol(); return [Object(s), Object(s)]; });
  add('circular', () => { const a = { x: 1 }; a.a = a; const b = { x: 1 }; b.a = b; return [a, b]; });
  add('circular diff', () => { const a = { x: 1 }; a.a = a; const b = { x: 1 }; b.a = { x: 1, a: b }; return [a, b]; });
  add('circular arrays', () => { const a = [1]; a.push(a); const b = [1]; b.push(b); return [a, b]; });
  add('functions same', () => { const f = () => {}; return [f, f]; });
  add('functions diff', () => [() => {}, () => {}]);
  add('promises', () => [Promise.resolve(1), Promise.resolve(1)]);
  add('weakmaps', () => [new WeakMap(), new WeakMap()]);
  add('args vs array', () => [(function () { return arguments; })(1), [1]]);
  add('args', () => [(function () { return arguments; })(1), (function () { return arguments; })(1)]);
  add('urls', () => [new URL('http://a/'), new URL('http://a/')]);
  add('urls diff', () => [new URL('http://a/'), new URL('http://b/')]);
  add('non-enumerable', () => [Object.defineProperty({}, 'a', { value: 1 }), {}]);
  add('getter vs value', () => [{ get a() { return 1; } }, { a: 1 }]);
  add('undefined prop', () => [{ a: undefined }, {}]);
  add('nested map set', () => [new Map([['a', new Set([[1, 2]])]]), new Map([['a', new Set([[1, 2]])]])]);
  add('map undefined value', () => [new Map([[1, undefined]]), new Map([[2, undefined]])]);
  add('loose null key', () => [new Map([[null, 1]]), new Map([[undefined, 1]])]);
  add('set null', () => [new Set([null]), new Set([undefined])]);
  add('tag differ', () => [{ [Symbol.toStringTag]: 'A' }, {}]);
  add('boxed string extra', () => [Object.assign(new String('a'), { x: 1 }), new String('a')]);
  for (const [label, make] of cases) {
    checks++;
    const [a, b] = make();
    for (const fn of ['isDeepStrictEqual', 'isDeepEqual']) {
      const expected = nodeCmp[fn](a, b);
      const [c, d] = make();
      const actual = oursCmp[fn](c, d);
      if (expected !== actual) report('deepEqual', `${fn} ${label}`, expected, actual);
    }
  }
}

// Display widths decide how arrays of strings are put into columns. Node asks ICU; we use a
// table. Every code point is checked, behind a non-ASCII character so that the ICU path is taken.
function runStringWidths() {
  const nodeInspect = require('internal/util/inspect');
  let bad = 0;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const s = `\u00e9${String.fromCodePoint(cp)}`;
    const expected = nodeInspect.getStringWidth(s, false);
    const actual = ours.getStringWidth(s, false);
    if (expected !== actual) {
      bad++;
      if (bad <= 10) report('width', `U+${cp.toString(16)}`, expected, actual);
    }
  }
  checks++;
  for (const s of ['a\u0301', '\u1100\u1161', 'e\u0301\u0302x', '\u001b[31m日本\u001b[39m', '👨‍👩‍👧', '🇯🇵', 'ＡＢＣ', '\t\n']) {
    for (const strip of [true, false]) {
      checks++;
      const expected = nodeInspect.getStringWidth(s, strip);
      const actual = ours.getStringWidth(s, strip);
      if (expected !== actual) report('width', `${JSON.stringify(s)} strip=${strip}`, expected, actual);
    }
  }
}

// The "Received ..." part of argument errors describes the value through inspect.
function runErrorMessages() {
  const nodeErrors = require('internal/errors');
  const oursErrors = load('internal/errors');
  const values = [
    1, -0, NaN, Infinity, -Infinity, 1.5, 10n, 'short', 'x'.repeat(40), "it's", 'say "hi"', true, false,
    Symbol('s'), Symbol(), null, undefined, {}, [], new Map(), Object.create(null),
    Object.assign(Object.create(null), { a: 1, b: { c: [1, 2, 3] } }), function namedFn() {}, () => {},
    class K {}, new (class Local {})(), { constructor: null }, { constructor: { name: 'Fake' } },
    Object.create({ constructor: function () {} }), new Proxy({}, {}), /re/, new Date(0),
  ];
  const codes = [
    ['ERR_INVALID_ARG_TYPE', (v) => ['name', 'string', v]],
    ['ERR_INVALID_ARG_TYPE', (v) => ['opts.x', ['string', 'Buffer', 'null'], v]],
    ['ERR_INVALID_ARG_TYPE', (v) => ['cb', ['Function', 'AbortSignal', 'object'], v]],
    ['ERR_INVALID_ARG_VALUE', (v) => ['name', v]],
    ['ERR_INVALID_ARG_VALUE', (v) => ['opts.x', v, 'must be positive']],
    ['ERR_OUT_OF_RANGE', (v) => ['n', '>= 0', v]],
    ['ERR_INVALID_RETURN_VALUE', (v) => ['a string', 'fn', v]],
  ];
  for (const [code, args] of codes) {
    for (const v of values) {
      checks++;
      const describe = (errors) => {
        try {
          const e = new errors.codes[code](...args(v));
          const head = String(e.stack).split('\n')[0];
          const shown = util.inspect(e).split('\n').filter((l) => !l.startsWith('    at ')).join('\n');
          const own = Object.getOwnPropertyNames(e).join();
          const ctor = e.constructor === globalThis[e.name];
          return `${e.name}|${e.code}|${e.message}|${head}|${Object.keys(e)}|${own}|${ctor}|${e}|${shown}`;
        } catch (err) {
          return `THROWS ${err.message}`;
        }
      };
      const expected = describe(nodeErrors);
      const actual = describe(oursErrors);
      if (expected !== actual) report('errors', `${code} ${typeof v}`, expected, actual);
    }
  }
}

// Module namespace objects only come from import(), which is asynchronous.
async function runNamespaces() {
  if (DUMP) return;
  const sources = [
    'export const a = 1; export let b = [1, 2]; export function f() {} export default { d: 1 };',
    'export {};',
    'export const z = 1, y = "two", x = { deep: { deeper: { deepest: 1 } } };',
    'export class C {} export const s = Symbol("s"), n = null;',
  ];
  for (const source of sources) {
    const ns = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    for (const opts of [undefined, { showHidden: true }, { depth: 0 }, { colors: true }, { compact: false }, { sorted: true }]) {
      inspectCase('namespace', source, () => ns, opts);
      inspectCase('namespace', `nested ${source}`, () => ({ ns, list: [ns] }), opts);
    }
  }

  // Bindings in their temporal dead zone need a linked but unevaluated module, which only
  // vm.SourceTextModule gives (node --experimental-vm-modules).
  if (vm !== undefined && typeof vm.SourceTextModule === 'function') {
    const tdz = [
      'export const a = 1; export var b = 2; export let c = [1]; export class D {}',
      'export let longerBindingName = "x".repeat(100); export const other = { a: 1 };',
    ];
    for (const source of tdz) {
      const m = new vm.SourceTextModule(source);
      await m.link(() => 0);
      for (const opts of [undefined, { colors: true }, { compact: false }, { breakLength: 20 }, { showHidden: true }]) {
        inspectCase('namespace', `uninitialized ${source}`, () => m.namespace, opts);
      }
      await m.evaluate();
      inspectCase('namespace', `evaluated ${source}`, () => m.namespace, undefined);
    }
  } else {
    console.log('(run with --experimental-vm-modules to include namespaces with uninitialized bindings)');
  }
}

async function main() {
  process.noDeprecation = true;
  if (!DUMP) {
    runStringWidths();
    runErrorMessages();
  }
  await runNamespaces();
  runHandWritten();
  runLegacySignature();
  runApiSurface();
  runFormat();
  runUtilModule();
  if (!DUMP) runComparisons();
  runRandom();
  if (DUMP) return;
  console.log(`\n${checks} comparisons (plus all ${0x110000} code point widths), ${mismatches} mismatches`);
  for (const [group, n] of failedGroups) console.log(`  ${group}: ${n}`);
  process.exitCode = mismatches === 0 ? 0 : 1;
}

main();
