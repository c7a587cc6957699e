'use strict';
// Making Buffers: alloc and its fills, allocUnsafe and the pool, every form of Buffer.from,
// Buffer.of, copyBytesFrom, concat, compare, equals, isBuffer, isEncoding, byteLength.
const { Buffer, SlowBuffer } = require('buffer');

const show = (b) => `${b.constructor.name}(${b.length}) ${b.toString('hex')}`;
const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};

// alloc with every kind of fill.
console.log(show(Buffer.alloc(0)), show(Buffer.alloc(3)), show(Buffer.alloc(5, 'ab')), show(Buffer.alloc(5, 0x101)), show(Buffer.alloc(4, -1)));
console.log(show(Buffer.alloc(7, 'YWJj', 'base64')), show(Buffer.alloc(5, 'a1b', 'hex')), show(Buffer.alloc(5, '€')), show(Buffer.alloc(6, 'é', 'latin1')), show(Buffer.alloc(5, 'é', 'ucs2')));
console.log(show(Buffer.alloc(5, Buffer.from([1, 2]))), show(Buffer.alloc(5, new Uint8Array([9]))), show(Buffer.alloc(3, '')), show(Buffer.alloc(3, 1.7)), show(Buffer.alloc(3, true)), show(Buffer.alloc(3, null)));
console.log(show(Buffer.alloc(4, new Uint16Array([0x0102]))), show(Buffer.alloc(3, 'abcdef')), show(Buffer.alloc(2.9)));
attempt('alloc(-1)', () => Buffer.alloc(-1));
attempt('alloc("5")', () => Buffer.alloc('5'));
attempt('alloc(NaN)', () => Buffer.alloc(NaN));
attempt('alloc(2 ** 33)', () => Buffer.alloc(2 ** 33));
attempt('alloc(3, "zz", "hex")', () => Buffer.alloc(3, 'zz', 'hex'));
attempt('alloc(3, "a", "bogus")', () => Buffer.alloc(3, 'a', 'bogus'));
attempt('alloc(3, Buffer.alloc(0))', () => Buffer.alloc(3, Buffer.alloc(0)));
attempt('allocUnsafe(-5)', () => Buffer.allocUnsafe(-5));
attempt('allocUnsafeSlow({})', () => Buffer.allocUnsafeSlow({}));

// allocUnsafe: lengths, and small ones come from the shared pool (a bigger ArrayBuffer).
console.log(Buffer.poolSize, Buffer.allocUnsafe(10).length, Buffer.allocUnsafe(0).length, Buffer.allocUnsafeSlow(10).length);
console.log(Buffer.allocUnsafe(10).buffer.byteLength === Buffer.poolSize, Buffer.allocUnsafe(5000).buffer.byteLength, Buffer.allocUnsafeSlow(10).buffer.byteLength, Buffer.alloc(10).buffer.byteLength);
console.log(Buffer.from('pooled').buffer.byteLength === Buffer.poolSize, Buffer.allocUnsafe(1).byteOffset % 8);
const slow = SlowBuffer(4);
console.log(slow.length, Buffer.isBuffer(slow), slow instanceof Buffer);

// Buffer.from: strings, arrays, array-likes, typed arrays (copied), ArrayBuffers (shared).
console.log(show(Buffer.from('héllo')), show(Buffer.from('68656c6c6f', 'hex')), show(Buffer.from('')), show(Buffer.from([1, 256, -1, 3.7, '4', 'x', null])));
console.log(show(Buffer.from({ length: 3, 0: 7, 1: 8 })), show(Buffer.from({ length: 'x' })), show(Buffer.from(new Uint16Array([1, 0x1ff, 3]))), show(Buffer.from(new Float32Array([1.5, 300]))));
console.log(show(Buffer.from({ type: 'Buffer', data: [1, 2, 3] })), show(Buffer.from(new String('str'))), show(Buffer.from({ valueOf: () => 'vo' })), show(Buffer.from({ [Symbol.toPrimitive]: () => 'tp' })));
const ab = new ArrayBuffer(8);
const shared = Buffer.from(ab, 2, 4);
new Uint8Array(ab)[3] = 0x33;
console.log(show(shared), shared.byteOffset, shared.buffer === ab, show(Buffer.from(ab)), show(Buffer.from(ab, 6)), show(Buffer.from(ab, '1', '2')), show(Buffer.from(ab, NaN)));
const copied = new Uint8Array([1, 2, 3]);
const fromCopy = Buffer.from(copied);
copied[0] = 9;
console.log(show(fromCopy), fromCopy.buffer === copied.buffer);
const buf = Buffer.from('copy me');
const bufCopy = Buffer.from(buf);
buf[0] = 0x43;
console.log(bufCopy.toString(), buf.toString());
attempt('from(ab, 9)', () => Buffer.from(ab, 9));
attempt('from(ab, 2, 7)', () => Buffer.from(ab, 2, 7));
// A negative offset is left to the typed array constructor, whose message is the engine's own.
try {
  Buffer.from(ab, -1);
} catch (e) {
  console.log('from(ab, -1)', e.code, e.name);
}
for (const bad of [undefined, null, 5, true, Symbol('s'), () => {}, {}]) {
  attempt(`from(${typeof bad === 'symbol' ? 'symbol' : typeof bad === 'function' ? 'function' : JSON.stringify(bad)})`, () => Buffer.from(bad));
}
attempt('from("x", "utf9")', () => Buffer.from('x', 'utf9'));

// Buffer() and new Buffer() still work (the deprecation warning goes to stderr once).
console.log(show(Buffer(3)), show(new Buffer('ab')), show(Buffer([1, 2])), show(new Buffer('6162', 'hex')));
attempt('Buffer(3, "utf8")', () => Buffer(3, 'utf8'));

// Buffer.of and copyBytesFrom.
console.log(show(Buffer.of()), show(Buffer.of(1, 2, 300, -1)), Buffer.of(1) instanceof Buffer);
const u16 = new Uint16Array([0x0102, 0x0304, 0x0506]);
console.log(show(Buffer.copyBytesFrom(u16)), show(Buffer.copyBytesFrom(u16, 1)), show(Buffer.copyBytesFrom(u16, 1, 1)), show(Buffer.copyBytesFrom(u16, 5)), show(Buffer.copyBytesFrom(u16, 0, 10)), show(Buffer.copyBytesFrom(new Float64Array([1]))));
attempt('copyBytesFrom([])', () => Buffer.copyBytesFrom([1]));
attempt('copyBytesFrom(u16, -1)', () => Buffer.copyBytesFrom(u16, -1));
attempt('copyBytesFrom(u16, 0, 1.5)', () => Buffer.copyBytesFrom(u16, 0, 1.5));
attempt('copyBytesFrom(u16, "1")', () => Buffer.copyBytesFrom(u16, '1'));

// concat.
const parts = [Buffer.from('ab'), new Uint8Array([0x63]), Buffer.alloc(0), Buffer.from('def')];
console.log(show(Buffer.concat(parts)), show(Buffer.concat(parts, 4)), show(Buffer.concat(parts, 8)), show(Buffer.concat([])), show(Buffer.concat([], 3)), show(Buffer.concat([Buffer.from('x')])));
attempt('concat("x")', () => Buffer.concat('x'));
attempt('concat([1])', () => Buffer.concat([Buffer.from('a'), 1]));
attempt('concat([], -1)', () => Buffer.concat([Buffer.from('a')], -1));
attempt('concat([], 1.5)', () => Buffer.concat([Buffer.from('a')], 1.5));
attempt('concat(["a"])', () => Buffer.concat(['a']));

// compare and equals.
const a = Buffer.from('abc');
const pairs = [['abc', 'abc'], ['abc', 'abd'], ['abd', 'abc'], ['ab', 'abc'], ['abc', 'ab'], ['', ''], ['', 'a'], ['\xff', '\x01']];
for (const [x, y] of pairs) {
  const bx = Buffer.from(x, 'latin1');
  const by = Buffer.from(y, 'latin1');
  console.log('compare', JSON.stringify(x), JSON.stringify(y), Buffer.compare(bx, by), bx.compare(by), bx.equals(by));
}
console.log([Buffer.from('c'), Buffer.from('a'), Buffer.from('b'), Buffer.from('aa')].sort(Buffer.compare).map(String).join(','));
console.log(a.equals(new Uint8Array([0x61, 0x62, 0x63])), Buffer.compare(a, new Uint8Array([0x61])), a.equals(a));
attempt('compare(a, "abc")', () => Buffer.compare(a, 'abc'));
attempt('compare("abc", a)', () => Buffer.compare('abc', a));
attempt('equals("abc")', () => a.equals('abc'));

// isBuffer, isEncoding, byteLength.
console.log(Buffer.isBuffer(a), Buffer.isBuffer(new Uint8Array(2)), Buffer.isBuffer('a'), Buffer.isBuffer(null), Buffer.isBuffer(Object.create(Buffer.prototype)));
console.log(['utf8', 'UTF-8', 'hex', 'binary', 'ucs2', 'utf16le', 'base64url', 'latin1', 'ascii', 'utf-16be', 'nope', '', null, 1, undefined].map((e) => `${e}:${Buffer.isEncoding(e)}`).join(' '));
console.log(Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('YWJj', 'base64'), Buffer.byteLength('ab', 'ucs2'), Buffer.byteLength('ab', 'nope'));
attempt('byteLength(5)', () => Buffer.byteLength(5));
attempt('byteLength()', () => Buffer.byteLength());

// The class itself.
console.log(typeof Buffer, Buffer.name, Buffer.length, Object.getPrototypeOf(Buffer) === Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, a instanceof Uint8Array, a.constructor === Buffer);
console.log(Buffer.from(a.map((x) => x + 1)).toString(), a.map((x) => x + 1) instanceof Buffer, a.filter((x) => x > 0x61).toString());
class MyBuffer extends Buffer {}
const mine = MyBuffer.from('sub');
console.log(mine.constructor.name, mine instanceof Buffer, mine.toString());
