'use strict';
// Buffer.prototype beyond numbers and search: slice/subarray (shared memory), toString ranges,
// toJSON, swap16/32/64, write with offsets and encodings, copy (overlapping too), fill,
// iteration, and util.inspect of Buffers with INSPECT_MAX_BYTES.
const buffer = require('buffer');
const util = require('util');

const { Buffer } = buffer;
const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};

// slice and subarray share memory and clamp their bounds.
const base = Buffer.from('0123456789');
for (const [s, e] of [[], [2], [2, 5], [-3], [-3, -1], [5, 2], [0, 100], [-100, 3], [1.9, 4.2], ['2', '4'], [NaN, NaN], [undefined, 3], [null, null], [Infinity], [-Infinity, 2]]) {
  console.log('slice', JSON.stringify([s, e]), base.slice(s, e).toString(), base.subarray(s, e).toString());
}
const view = base.subarray(2, 5);
view[0] = 0x78;
console.log(base.toString(), view.byteOffset - base.byteOffset, view.buffer === base.buffer, Buffer.isBuffer(view), base.slice(1, 3) instanceof Buffer);
base[2] = 0x32;

// toString over ranges and encodings.
const text = Buffer.from('héllo wörld');
for (const args of [[], ['utf8'], ['utf8', 1], ['utf8', 1, 3], ['utf8', 2, 3], ['latin1', 0, 4], ['hex', -5, 2], ['base64', 3], ['ascii', 0, 100], ['utf8', 5, 2], ['utf8', '1', '4'], ['utf8', NaN, NaN], ['utf8', 1.7, 4.9], ['ucs2', 0, 5], [undefined, 1], ['UTF8', 0, 2]]) {
  console.log('toString', JSON.stringify(args), JSON.stringify(text.toString(...args)));
}
attempt('toString("bogus")', () => text.toString('bogus'));
attempt('toString(null)', () => text.toString(null));
console.log(JSON.stringify(text.toLocaleString()), text.toLocaleString === text.toString, String(Buffer.from('abc')), `${Buffer.from([0xe2, 0x82, 0xac])}`);
console.log(text.latin1Slice(0, 3), text.hexSlice(1, 3), text.utf8Slice(), text.ucs2Slice(0, 2), text.base64Slice(0, 3), text.asciiSlice(1, 2));
attempt('utf8Slice(3, 100)', () => text.utf8Slice(3, 100));
attempt('hexSlice(-1)', () => text.hexSlice(-1));

// toJSON.
console.log(JSON.stringify(Buffer.from('hi')), JSON.stringify({ b: Buffer.alloc(0) }), JSON.stringify(Buffer.from([0, 255]).toJSON()));
console.log(Buffer.from(JSON.parse(JSON.stringify(Buffer.from('round')))).toString());

// swap16/32/64 (in place; the same buffer is returned).
for (const [name, len] of [['swap16', 4], ['swap32', 8], ['swap64', 16], ['swap16', 3], ['swap32', 6], ['swap64', 12], ['swap16', 0]]) {
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) b[i] = i;
  attempt(`${name}(${len})`, () => {
    const r = b[name]();
    return `${r === b} ${b.toString('hex')}`;
  });
}
const big = Buffer.alloc(1024);
for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
console.log(big.swap16().readUInt16BE(1000), big.swap32().readUInt32BE(512), big.swap64().readBigUInt64BE(256));
console.log(Buffer.from('abcdefgh').subarray(1, 5).swap16().toString(), Buffer.prototype.swap16.call(new Uint8Array([1, 2])));

// write: offsets, lengths, encodings, partial characters.
const w = Buffer.alloc(10);
const writeCases = [
  ['abc'], ['abc', 2], ['abc', 8], ['abcdef', 6, 2], ['€€€', 0], ['€', 8], ['abc', 'latin1'], ['6162zz63', 'hex'],
  ['6162', 4, 'hex'], ['YWJjZA==', 1, 'base64'], ['YWJj', 1, 2, 'base64url'], ['é', 9, 'ucs2'], ['éé', 0, 3, 'ucs2'],
  ['abc', 10], ['abc', 0, 0], ['xyz', 1, 100], ['😀', 7], ['\u00ff\u0100', 'ascii'], ['a', 3.0],
];
for (const args of writeCases) {
  w.fill(0);
  attempt(`write ${JSON.stringify(args)}`, () => `${w.write(...args)} ${w.toString('hex')}`);
}
for (const args of [[1], ['a', -1], ['a', 11], ['a', 1.5], ['a', '1'], ['a', 0, -1], ['a', 0, 1.5], ['a', 0, 1, 'bogus'], ['a', 'bogus'], ['a', 0, 11]]) {
  attempt(`write ${JSON.stringify(args)}`, () => w.write(...args));
}
console.log(w.utf8Write('hey', 1), w.latin1Write('\xff', 0), w.hexWrite('abcd', 8), w.ucs2Write('z', 4), w.base64Write('QQ==', 6), w.asciiWrite('q', 7, 1), w.toString('hex'));
attempt('utf8Write(1)', () => w.utf8Write(1));
attempt('latin1Write("a", 11)', () => w.latin1Write('a', 11));
attempt('hexWrite("a", -1)', () => w.hexWrite('a', -1));

// copy: ranges, clamping, overlapping copies within one buffer.
const src = Buffer.from('abcdefghij');
for (const args of [[], [2], [0, 3], [0, 3, 6], [8, 0, 5], [0, 0, 100], [0, 5, 2], [20], [0, 10], [0, '2', '4'], [0, NaN, 3], [1.5, 0.5, 3.9]]) {
  const t = Buffer.alloc(10, '.');
  attempt(`copy ${JSON.stringify(args)}`, () => `${src.copy(t, ...args)} ${t}`);
}
for (const [t, s, e] of [[2, 0, 5], [0, 2, 7], [1, 0, 9], [0, 0, 10]]) {
  const b = Buffer.from('0123456789');
  console.log('overlap', t, s, e, b.copy(b, t, s, e), b.toString());
}
const shared = Buffer.from('0123456789');
console.log('subarray overlap', shared.copy(shared.subarray(3), 0, 0, 6), shared.toString());
console.log(Buffer.from('xy').copy(new Uint8Array(3), 1), Buffer.prototype.copy.call(new Uint8Array([1, 2]), Buffer.alloc(2)));
attempt('copy("x")', () => src.copy('x'));
attempt('copy(t, -1)', () => src.copy(Buffer.alloc(2), -1));
attempt('copy(t, 0, -1)', () => src.copy(Buffer.alloc(2), 0, -1));
attempt('copy(t, 0, 11)', () => src.copy(Buffer.alloc(2), 0, 11));
attempt('copy(t, 0, 0, -1)', () => src.copy(Buffer.alloc(2), 0, 0, -1));

// fill.
const f = Buffer.alloc(8);
for (const args of [[0x41], ['ab'], ['ab', 1], ['ab', 1, 4], ['ab', 'latin1'], ['6162', 'hex'], ['€', 2], [Buffer.from('xyz'), 3, 7], [257], [-1, 7], ['abc', 2, 4, 'ucs2'], ['', 1], [1.9], ['YQ', 'base64'], ['a', 8], [0, 0, 8]]) {
  f.fill(0);
  attempt(`fill ${JSON.stringify(args)}`, () => `${f.fill(...args) === f} ${f.toString('hex')}`);
}
for (const args of [['a', -1], ['a', 0, 9], ['a', 1.5], ['a', '1'], ['zz', 'hex'], ['a', 0, 1, 'bogus'], ['a', 0, 1, 1], [{}, 0], [Buffer.alloc(0)]]) {
  attempt(`fill ${JSON.stringify(args)}`, () => f.fill(...args).toString('hex'));
}

// Iteration.
const it = Buffer.from('abc');
console.log([...it], [...it.keys()], [...it.values()], JSON.stringify([...it.entries()]), it[Symbol.iterator] === it.values);
let count = 0;
for (const byte of Buffer.from([5, 6])) count += byte;
console.log(count, Array.from(Buffer.from('hi')), Object.keys(Buffer.from('ab')));

// parent, offset, equals, length.
const p = Buffer.from(new ArrayBuffer(16), 4, 8);
console.log(p.parent === p.buffer, p.offset, p.byteOffset, p.length, p.byteLength, Buffer.from('a').equals(Buffer.from('a')), Buffer.alloc(3).equals(Buffer.alloc(4)));

// util.inspect of Buffers.
console.log(util.inspect(Buffer.from('hello')), util.inspect(Buffer.alloc(0)), util.inspect(Buffer.alloc(60, 1)));
console.log(util.inspect(Buffer.alloc(51)), util.inspect(Buffer.alloc(52)));
const withProps = Buffer.from('ab');
withProps.extra = 'property';
withProps[Symbol('s')] = 1;
console.log(util.inspect(withProps), util.inspect(withProps, { showHidden: true }).includes('extra'));
const emptyWithProps = Buffer.alloc(0);
emptyWithProps.x = 1;
console.log(util.inspect(emptyWithProps), util.inspect({ nested: { buf: Buffer.from('n') } }), util.inspect([Buffer.from('a')], { depth: 0 }));
console.log(buffer.INSPECT_MAX_BYTES);
buffer.INSPECT_MAX_BYTES = 4;
console.log(util.inspect(Buffer.from('abcdefgh')), util.inspect(Buffer.from('abcde')), util.inspect(Buffer.from('abcd')));
buffer.INSPECT_MAX_BYTES = 0;
console.log(util.inspect(Buffer.from('abc')), util.inspect(Buffer.from('a')));
attempt('INSPECT_MAX_BYTES = -1', () => {
  buffer.INSPECT_MAX_BYTES = -1;
});
attempt('INSPECT_MAX_BYTES = "5"', () => {
  buffer.INSPECT_MAX_BYTES = '5';
});
buffer.INSPECT_MAX_BYTES = 50;
console.log(Buffer.from('x').inspect(), typeof Buffer.prototype[util.inspect.custom]);
class Sub extends Buffer {}
console.log(util.inspect(Object.setPrototypeOf(Buffer.from('s'), Sub.prototype)), util.format('%s|%j|%o', Buffer.from('f'), Buffer.from('j'), Buffer.from('o')));
console.log(util.inspect(new Uint8Array(3)), util.inspect(Buffer.from('q').buffer).split('\n')[0]);
