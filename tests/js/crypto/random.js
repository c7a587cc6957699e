'use strict';
// Random data: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues, and
// timingSafeEqual. Random values are never printed, only their shape.
const crypto = require('crypto');

function check(label, fn) {
  try {
    const r = fn();
    console.log(label, 'returned', typeof r === 'object' && r !== null ? r.constructor.name : r);
  } catch (e) {
    console.log(label, '|', e.name, '|', e.code, '|', e.message);
  }
}
// Whether every byte of a view is zero.
const allZero = (view) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength).every((b) => b === 0);
// Whether two draws of 32 bytes differ (the chance that they do not is 2**-256).
const differ = (a, b) => !Buffer.from(a).equals(Buffer.from(b));

// randomBytes, synchronous.
const rb = crypto.randomBytes(32);
console.log('randomBytes(32)', Buffer.isBuffer(rb), rb.length, allZero(rb));
console.log('two draws differ', differ(crypto.randomBytes(32), crypto.randomBytes(32)));
const rb0 = crypto.randomBytes(0);
console.log('randomBytes(0)', Buffer.isBuffer(rb0), rb0.length);
console.log('randomBytes(1000).length', crypto.randomBytes(1000).length);
console.log('pseudoRandomBytes is a function', typeof crypto.pseudoRandomBytes);

check('randomBytes(-1)', () => crypto.randomBytes(-1));
check('randomBytes("x")', () => crypto.randomBytes('x'));
check('randomBytes(2**31)', () => crypto.randomBytes(2 ** 31));
check('randomBytes(NaN)', () => crypto.randomBytes(NaN));
check('randomBytes()', () => crypto.randomBytes());
check('randomBytes(4, 5)', () => crypto.randomBytes(4, 5));
check('randomBytes(4, null)', () => crypto.randomBytes(4, null));
check('randomBytes(4, {})', () => crypto.randomBytes(4, {}));

// randomFillSync fills only the given range.
const fillBuf = Buffer.alloc(16);
const ret = crypto.randomFillSync(fillBuf, 4, 8);
console.log('randomFillSync returns its argument', ret === fillBuf);
console.log('bytes before offset untouched', allZero(fillBuf.subarray(0, 4)));
console.log('bytes after offset+size untouched', allZero(fillBuf.subarray(12)));
console.log('filled range is not all zero', !allZero(fillBuf.subarray(4, 12)));
const fillTail = Buffer.alloc(16);
crypto.randomFillSync(fillTail, 10);
console.log('offset only: head untouched', allZero(fillTail.subarray(0, 10)), 'tail filled', !allZero(fillTail.subarray(10)));
const fillAll = crypto.randomFillSync(Buffer.alloc(32));
console.log('no offset: filled', !allZero(fillAll));
const atEnd = Buffer.alloc(4);
crypto.randomFillSync(atEnd, 4);
console.log('offset == length fills nothing', allZero(atEnd));
const sizeZero = Buffer.alloc(4);
crypto.randomFillSync(sizeZero, 0, 0);
console.log('size 0 fills nothing', allZero(sizeZero));
// On typed arrays, offset and size count elements, not bytes.
const u32 = new Uint32Array(8);
crypto.randomFillSync(u32, 2, 4);
console.log('Uint32Array: elements 0-1 untouched', u32[0] === 0 && u32[1] === 0,
  'elements 6-7 untouched', u32[6] === 0 && u32[7] === 0,
  'elements 2-5 filled', !allZero(u32.subarray(2, 6)));
const f64 = crypto.randomFillSync(new Float64Array(4));
console.log('Float64Array', f64 instanceof Float64Array, f64.length);
// A DataView and an ArrayBuffer count bytes.
const dvBacking = new ArrayBuffer(16);
const dv = new DataView(dvBacking, 4, 8);
console.log('DataView returned', crypto.randomFillSync(dv, 2, 4) === dv);
console.log('DataView: only bytes 6-9 of the backing buffer filled',
  allZero(new Uint8Array(dvBacking, 0, 6)), allZero(new Uint8Array(dvBacking, 10)),
  !allZero(new Uint8Array(dvBacking, 6, 4)));
const ab = new ArrayBuffer(32);
console.log('ArrayBuffer returned', crypto.randomFillSync(ab) === ab, !allZero(new Uint8Array(ab)));

check('randomFillSync(buf, 17)', () => crypto.randomFillSync(Buffer.alloc(16), 17));
check('randomFillSync(buf, -1)', () => crypto.randomFillSync(Buffer.alloc(16), -1));
check('randomFillSync(buf, "x")', () => crypto.randomFillSync(Buffer.alloc(16), 'x'));
check('randomFillSync(buf, 10, 7)', () => crypto.randomFillSync(Buffer.alloc(16), 10, 7));
check('randomFillSync(buf, 0, -1)', () => crypto.randomFillSync(Buffer.alloc(16), 0, -1));
check('randomFillSync(u32, 2, 7)', () => crypto.randomFillSync(new Uint32Array(8), 2, 7));
check('randomFillSync(5)', () => crypto.randomFillSync(5));
check('randomFillSync("abc")', () => crypto.randomFillSync('abc'));
check('randomFill(buf)', () => crypto.randomFill(Buffer.alloc(4)));
check('randomFill(buf, 5, cb)', () => crypto.randomFill(Buffer.alloc(4), 5, () => {}));
check('randomFill(buf, 1, 5, cb)', () => crypto.randomFill(Buffer.alloc(4), 1, 5, () => {}));
check('randomFill(5, cb)', () => crypto.randomFill(5, () => {}));

// randomInt, synchronous: 1000 draws stay in range.
let inRange = true;
const seen = new Set();
for (let i = 0; i < 1000; i++) {
  const n = crypto.randomInt(10);
  if (!Number.isInteger(n) || n < 0 || n >= 10) inRange = false;
  seen.add(n);
}
console.log('randomInt(10) in [0, 10)', inRange, 'all 10 values seen', seen.size === 10);
inRange = true;
for (let i = 0; i < 1000; i++) {
  const n = crypto.randomInt(-5, 5);
  if (!Number.isInteger(n) || n < -5 || n >= 5) inRange = false;
}
console.log('randomInt(-5, 5) in [-5, 5)', inRange);
console.log('randomInt(7, 8)', crypto.randomInt(7, 8));
inRange = true;
for (let i = 0; i < 1000; i++) {
  const n = crypto.randomInt(2 ** 48 - 1);
  if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** 48 - 1) inRange = false;
}
console.log('randomInt(2**48 - 1) in range', inRange);

check('randomInt(5, 5)', () => crypto.randomInt(5, 5));
check('randomInt(6, 5)', () => crypto.randomInt(6, 5));
check('randomInt(0)', () => crypto.randomInt(0));
check('randomInt(-5)', () => crypto.randomInt(-5));
check('randomInt(1.5)', () => crypto.randomInt(1.5));
check('randomInt(2**53)', () => crypto.randomInt(2 ** 53));
check('randomInt(-(2**53), 0)', () => crypto.randomInt(-(2 ** 53), 0));
check('randomInt("5")', () => crypto.randomInt('5'));
check('randomInt()', () => crypto.randomInt());
check('randomInt(1, "x")', () => crypto.randomInt(1, 'x'));
check('randomInt(0, 2**48)', () => crypto.randomInt(0, 2 ** 48));
check('randomInt(0, 2**48 + 1)', () => crypto.randomInt(0, 2 ** 48 + 1));
check('randomInt(1, 2, "x")', () => crypto.randomInt(1, 2, 'x'));
check('randomInt(1, 2, 3)', () => crypto.randomInt(1, 2, 3));

// randomUUID: version 4, variant 10xx.
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let uuidsOk = true;
const uuids = new Set();
for (let i = 0; i < 200; i++) {
  const u = crypto.randomUUID();
  if (typeof u !== 'string' || !uuidRe.test(u)) uuidsOk = false;
  uuids.add(u);
}
console.log('randomUUID format', uuidsOk, 'all distinct', uuids.size === 200);
const noCache = crypto.randomUUID({ disableEntropyCache: true });
console.log('disableEntropyCache: true', uuidRe.test(noCache));
console.log('disableEntropyCache: false', uuidRe.test(crypto.randomUUID({ disableEntropyCache: false })));
console.log('empty options', uuidRe.test(crypto.randomUUID({})));
console.log('two calls differ', crypto.randomUUID() !== crypto.randomUUID());
console.log('webcrypto randomUUID', uuidRe.test(globalThis.crypto.randomUUID()));
check('randomUUID(5)', () => crypto.randomUUID(5));
check('randomUUID(null)', () => crypto.randomUUID(null));
check('randomUUID("x")', () => crypto.randomUUID('x'));
check('randomUUID({disableEntropyCache: 5})', () => crypto.randomUUID({ disableEntropyCache: 5 }));

// getRandomValues returns the same array, filled.
for (const [name, grv] of [
  ['crypto.getRandomValues', (a) => crypto.getRandomValues(a)],
  ['globalThis.crypto.getRandomValues', (a) => globalThis.crypto.getRandomValues(a)],
]) {
  const a = new Uint8Array(32);
  const r = grv(a);
  console.log(name, 'same array', r === a, 'filled', !allZero(a));
  const u16 = new Uint16Array(32768);
  console.log(name, 'Uint16Array of 65536 bytes', grv(u16) === u16);
  for (const T of [Int8Array, Int16Array, Int32Array, Uint32Array, Uint8ClampedArray,
    BigInt64Array, BigUint64Array]) {
    const t = new T(4);
    console.log(name, T.name, grv(t) === t);
  }
  console.log(name, 'empty', grv(new Uint8Array(0)).length);
}

// getRandomValues errors are DOMExceptions.
function checkDom(label, fn) {
  try {
    fn();
    console.log(label, 'returned');
  } catch (e) {
    console.log(label, '|', e.name, '|', e.code, '|', e.message, '| DOMException', e instanceof DOMException);
  }
}
checkDom('Uint8Array(65537)', () => globalThis.crypto.getRandomValues(new Uint8Array(65537)));
checkDom('Uint32Array(16385)', () => globalThis.crypto.getRandomValues(new Uint32Array(16385)));
checkDom('crypto.getRandomValues Uint8Array(65537)', () => crypto.getRandomValues(new Uint8Array(65537)));
checkDom('Float32Array', () => globalThis.crypto.getRandomValues(new Float32Array(2)));
checkDom('Float64Array', () => globalThis.crypto.getRandomValues(new Float64Array(2)));
checkDom('DataView', () => globalThis.crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
checkDom('ArrayBuffer', () => globalThis.crypto.getRandomValues(new ArrayBuffer(2)));
checkDom('Array', () => globalThis.crypto.getRandomValues([1, 2]));
checkDom('crypto.getRandomValues Float32Array', () => crypto.getRandomValues(new Float32Array(2)));
// With no argument the two differ: the webcrypto method checks its argument count.
checkDom('globalThis.crypto.getRandomValues()', () => globalThis.crypto.getRandomValues());
checkDom('crypto.getRandomValues()', () => crypto.getRandomValues());
// The webcrypto method needs its Crypto receiver; the module's one does not.
checkDom('webcrypto method detached', () => {
  const g = globalThis.crypto.getRandomValues;
  g(new Uint8Array(2));
});
checkDom('module function detached', () => {
  const g = crypto.getRandomValues;
  g(new Uint8Array(2));
});

// timingSafeEqual.
check('equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
check('unequal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
check('empty', () => crypto.timingSafeEqual(Buffer.alloc(0), Buffer.alloc(0)));
check('Uint16Array vs Buffer', () => crypto.timingSafeEqual(new Uint16Array([0x0201]), Buffer.from([1, 2])));
check('DataView vs Uint8Array', () => crypto.timingSafeEqual(new DataView(new ArrayBuffer(2)), new Uint8Array(2)));
check('ArrayBuffers', () => crypto.timingSafeEqual(new ArrayBuffer(2), new ArrayBuffer(2)));
check('different lengths', () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('abc')));
check('strings', () => crypto.timingSafeEqual('ab', 'ab'));
check('second a string', () => crypto.timingSafeEqual(Buffer.from('ab'), 'ab'));
check('no args', () => crypto.timingSafeEqual());

// Asynchronous forms. Callbacks that wait on the threadpool may finish in any order, so each
// records its result and they are all printed, in a fixed order, once the last one is in. Each
// runs after the synchronous code and after nextTick callbacks queued before it.
const order = [];
const results = {};
let outstanding = 0;
function expect(name) {
  outstanding++;
  return (values) => {
    results[name] = values;
    if (--outstanding === 0) {
      for (const key of Object.keys(results).sort()) console.log(key, '|', ...results[key]);
    }
  };
}

const doneBytes = expect('randomBytes(16, cb)');
crypto.randomBytes(16, (err, buf) => {
  order.push('randomBytes cb');
  doneBytes([err, Buffer.isBuffer(buf), buf.length, 'after sync code and nextTick',
    order.indexOf('sync end') < order.indexOf('randomBytes cb') &&
    order.indexOf('nextTick') < order.indexOf('randomBytes cb')]);
});
process.nextTick(() => order.push('nextTick'));
// With size 0 node calls back at once; only the arguments are checked.
const doneZero = expect('randomBytes(0, cb)');
crypto.randomBytes(0, (err, buf) => doneZero([err, Buffer.isBuffer(buf), buf.length]));

const asyncBuf = Buffer.alloc(16);
const doneFill = expect('randomFill(buf, 4, 8, cb)');
crypto.randomFill(asyncBuf, 4, 8, (err, buf) => {
  doneFill([err, 'same buffer', buf === asyncBuf, 'after sync code', order.includes('sync end'),
    'range only', allZero(asyncBuf.subarray(0, 4)) && allZero(asyncBuf.subarray(12)) &&
    !allZero(asyncBuf.subarray(4, 12))]);
});
const asyncU32 = new Uint32Array(4);
const doneFillTyped = expect('randomFill(u32, cb)');
crypto.randomFill(asyncU32, (err, buf) => {
  doneFillTyped([err, 'same array', buf === asyncU32, buf.length, 'after sync code', order.includes('sync end')]);
});
const asyncDv = new DataView(new ArrayBuffer(8));
const doneFillDv = expect('randomFill(dataview, 2, 4, cb)');
crypto.randomFill(asyncDv, 2, 4, (err, buf) => {
  doneFillDv([err, 'same view', buf === asyncDv, 'head and tail untouched',
    asyncDv.getUint16(0) === 0 && asyncDv.getUint16(6) === 0]);
});

const doneInts = expect('randomInt(3, 6, cb) x1000');
let pendingInts = 1000;
let cbInRange = true;
let cbSync = false;
for (let i = 0; i < 1000; i++) {
  crypto.randomInt(3, 6, (err, n) => {
    if (!order.includes('sync end')) cbSync = true;
    if (err !== undefined || !Number.isInteger(n) || n < 3 || n >= 6) cbInRange = false;
    if (--pendingInts === 0) doneInts(['all in [3, 6)', cbInRange, 'none before sync end', !cbSync]);
  });
}
const doneInt = expect('randomInt(10, cb)');
crypto.randomInt(10, (err, n) => {
  doneInt([err, 'in range', n >= 0 && n < 10, 'after sync code', order.includes('sync end')]);
});
order.push('sync end');
console.log('sync end');
