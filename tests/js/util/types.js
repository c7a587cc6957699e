'use strict';
// util.types checks over a sample of values.
const util = require('util');

const samples = {
  number: 1,
  string: 'a',
  null: null,
  object: {},
  array: [],
  map: new Map(),
  set: new Set(),
  weakMap: new WeakMap(),
  weakSet: new WeakSet(),
  date: new Date(0),
  regexp: /x/,
  error: new Error('e'),
  typeError: new TypeError('t'),
  errorLike: Object.create(Error.prototype),
  promise: Promise.resolve(),
  thenable: { then() {} },
  uint8: new Uint8Array(1),
  uint8Clamped: new Uint8ClampedArray(1),
  int8: new Int8Array(1),
  uint16: new Uint16Array(1),
  int16: new Int16Array(1),
  uint32: new Uint32Array(1),
  int32: new Int32Array(1),
  float32: new Float32Array(1),
  float64: new Float64Array(1),
  bigInt64: new BigInt64Array(1),
  bigUint64: new BigUint64Array(1),
  fakeTyped: Object.create(Uint8Array.prototype),
  arrayBuffer: new ArrayBuffer(1),
  sharedArrayBuffer: new SharedArrayBuffer(1),
  dataView: new DataView(new ArrayBuffer(1)),
  proxy: new Proxy({}, {}),
  generatorFunction: function* g() {},
  asyncFunction: async () => {},
  asyncGeneratorFunction: async function* ag() {},
  plainFunction: function f() {},
  generatorObject: (function* g() {})(),
  mapIterator: new Map().keys(),
  setIterator: new Set().values(),
  arrayIterator: [][Symbol.iterator](),
  numberObject: new Number(1),
  stringObject: new String(''),
  booleanObject: new Boolean(true),
  bigIntObject: Object(1n),
  symbolObject: Object(Symbol()),
  argumentsObject: (function () {
    return arguments;
  })(),
};

const checks = Object.keys(util.types).sort();
console.log(checks.join(' '));
for (const check of checks) {
  const hits = Object.keys(samples).filter((name) => util.types[check](samples[name]));
  console.log(`${check}: ${hits.join(', ') || '-'}`);
}
