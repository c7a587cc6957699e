'use strict';
// The numeric read and write methods: every width and byte order, the variable-width ones with
// byteLength 1 to 6, BigInt and floating point, return values, and the errors for bad offsets,
// values and byte lengths.
const { Buffer } = require('buffer');

const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};

const src = Buffer.from([0x01, 0x82, 0xf3, 0x04, 0xa5, 0x76, 0xe7, 0xff, 0x08, 0x90]);
for (const name of ['UInt8', 'Int8', 'UInt16LE', 'UInt16BE', 'Int16LE', 'Int16BE', 'UInt32LE', 'UInt32BE', 'Int32LE', 'Int32BE', 'FloatLE', 'FloatBE', 'DoubleLE', 'DoubleBE', 'BigUInt64LE', 'BigUInt64BE', 'BigInt64LE', 'BigInt64BE']) {
  const values = [];
  for (let off = 0; off <= 2; off++) values.push(src[`read${name}`](off));
  console.log(`read${name}`, values.map(String).join(' '), src[`read${name}`]() === values[0]);
}
for (const name of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE']) {
  const values = [];
  for (let len = 1; len <= 6; len++) values.push(src[`read${name}`](1, len), src[`read${name}`](4, len));
  console.log(`read${name}`, values.join(' '));
}
// The lower-case aliases are the same functions.
console.log(Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.writeUintBE === Buffer.prototype.writeUIntBE, Buffer.prototype.readBigUint64LE === Buffer.prototype.readBigUInt64LE);

const writes = [
  ['UInt8', [0, 255, 128, 1.9]],
  ['Int8', [-128, 127, -1, 0]],
  ['UInt16LE', [0, 65535, 0x1234]],
  ['UInt16BE', [0, 65535, 0x1234]],
  ['Int16LE', [-32768, 32767, -2]],
  ['Int16BE', [-32768, 32767, -2]],
  ['UInt32LE', [0, 0xffffffff, 0x12345678]],
  ['UInt32BE', [0, 0xffffffff, 0x12345678]],
  ['Int32LE', [-0x80000000, 0x7fffffff, -3]],
  ['Int32BE', [-0x80000000, 0x7fffffff, -3]],
  ['FloatLE', [0, -0, 1.5, -2.25e-10, Infinity, -Infinity, NaN, 3.4028234663852886e38, 1e-45, 16777217, 1e39]],
  ['FloatBE', [0, -0, 1.5, -2.25e-10, Infinity, NaN, 1e-46]],
  ['DoubleLE', [0, -0, Math.PI, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, NaN, 2 ** 53 + 1]],
  ['DoubleBE', [0, -0, Math.PI, -Number.MAX_VALUE, Number.MIN_VALUE, -Infinity]],
  ['BigUInt64LE', [0n, 2n ** 64n - 1n, 0x0102030405060708n]],
  ['BigUInt64BE', [0n, 2n ** 64n - 1n, 0x0102030405060708n]],
  ['BigInt64LE', [-(2n ** 63n), 2n ** 63n - 1n, -1n, 0x0102030405060708n]],
  ['BigInt64BE', [-(2n ** 63n), 2n ** 63n - 1n, -1n]],
];
for (const [name, values] of writes) {
  for (const v of values) {
    const b = Buffer.alloc(10, 0xaa);
    const ret = b[`write${name}`](v, 1);
    console.log(`write${name}`, String(v), ret, b.toString('hex'), String(b[`read${name}`](1)));
  }
}
for (const name of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE']) {
  for (let len = 1; len <= 6; len++) {
    const max = 2 ** (8 * len);
    const values = name.startsWith('U') ? [0, max - 1, Math.floor(max / 3)] : [-(max / 2), max / 2 - 1, -1, -Math.floor(max / 5)];
    for (const v of values) {
      const b = Buffer.alloc(8);
      const ret = b[`write${name}`](v, 1, len);
      console.log(`write${name}`, len, v, ret, b.toString('hex'), b[`read${name}`](1, len));
    }
  }
}
// Values are coerced with ToNumber; fractions are truncated for integers.
for (const v of ['12', '0x10', true, null, undefined, [], '1e2', 3.99, -0.5, '']) {
  const b = Buffer.alloc(4);
  attempt(`coerce ${JSON.stringify(v) ?? 'undefined'}`, () => [b.writeUInt16LE(v), b.writeInt16BE(v, 2), b.toString('hex')].join(' '));
}
attempt('float string', () => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE('1.25');
  b.writeFloatBE('x', 4);
  return b.toString('hex');
});

// Offsets: must be integer numbers within the buffer.
const b4 = Buffer.alloc(4);
for (const off of [-1, 1.5, 4, 3, '1', null, NaN, Infinity, 2 ** 32, {}, 1n]) {
  const label = typeof off === 'bigint' ? '1n' : typeof off === 'string' ? `'${off}'` : String(off);
  attempt(`readUInt8(${label})`, () => b4.readUInt8(off));
  attempt(`readUInt16LE(${label})`, () => b4.readUInt16LE(off));
  attempt(`readInt32BE(${label})`, () => b4.readInt32BE(off));
  attempt(`readFloatLE(${label})`, () => b4.readFloatLE(off));
  attempt(`writeUInt16BE(1, ${label})`, () => b4.writeUInt16BE(1, off));
  attempt(`writeInt8(1, ${label})`, () => b4.writeInt8(1, off));
  attempt(`writeDoubleBE(1, ${label})`, () => b4.writeDoubleBE(1, off));
}
for (const off of [0, 1, -1, 0.5]) {
  attempt(`readBigInt64LE(${off}) of 8`, () => Buffer.alloc(8).readBigInt64LE(off));
  attempt(`readBigUInt64BE(${off}) of 9`, () => Buffer.alloc(9).readBigUInt64BE(off));
  attempt(`readDoubleLE(${off}) of 9`, () => Buffer.alloc(9).readDoubleLE(off));
}
// A buffer shorter than the type.
for (const name of ['readUInt16LE', 'readInt32BE', 'readFloatBE', 'readDoubleLE', 'readBigUInt64LE']) {
  attempt(`${name} of 1`, () => Buffer.alloc(1)[name](0));
  attempt(`${name} of 0`, () => Buffer.alloc(0)[name]());
}
attempt('writeUInt32LE of 2', () => Buffer.alloc(2).writeUInt32LE(1, 0));
attempt('writeBigInt64BE of 7', () => Buffer.alloc(7).writeBigInt64BE(1n, 0));
attempt('writeFloatLE of 3', () => Buffer.alloc(3).writeFloatLE(1, 0));
attempt('readUIntLE of 2', () => Buffer.alloc(2).readUIntLE(0, 3));
attempt('writeIntBE of 5', () => Buffer.alloc(5).writeIntBE(1, 0, 6));

// Values out of range.
for (const [name, v] of [['UInt8', 256], ['UInt8', -1], ['Int8', 128], ['Int8', -129], ['UInt16LE', 65536], ['Int16BE', -32769], ['UInt32BE', 2 ** 32], ['UInt32LE', -1], ['Int32LE', 2 ** 31], ['Int32BE', -(2 ** 31) - 1]]) {
  attempt(`write${name}(${v})`, () => Buffer.alloc(4)[`write${name}`](v));
}
for (const [name, len, v] of [['UIntLE', 1, 256], ['UIntBE', 3, 2 ** 24], ['UIntLE', 5, 2 ** 40], ['UIntBE', 6, -1], ['IntLE', 2, 32768], ['IntBE', 5, -(2 ** 39) - 1], ['IntLE', 6, 2 ** 47], ['IntBE', 4, 2 ** 31]]) {
  attempt(`write${name}(${v}, 0, ${len})`, () => Buffer.alloc(8)[`write${name}`](v, 0, len));
}
for (const [name, v] of [['BigUInt64LE', -1n], ['BigUInt64BE', 2n ** 64n], ['BigInt64LE', 2n ** 63n], ['BigInt64BE', -(2n ** 63n) - 1n]]) {
  attempt(`write${name}(${v})`, () => Buffer.alloc(8)[`write${name}`](v));
}
attempt('writeBigInt64LE(1)', () => Buffer.alloc(8).writeBigInt64LE(1));
attempt('writeBigUInt64BE("1")', () => Buffer.alloc(8).writeBigUInt64BE('1'));

// byteLength: an integer from 1 to 6.
for (const len of [0, 7, 1.5, -1, '2', undefined, null, NaN]) {
  const label = typeof len === 'string' ? `'${len}'` : String(len);
  attempt(`readUIntLE(0, ${label})`, () => Buffer.alloc(8).readUIntLE(0, len));
  attempt(`readIntBE(0, ${label})`, () => Buffer.alloc(8).readIntBE(0, len));
  attempt(`writeUIntBE(1, 0, ${label})`, () => Buffer.alloc(8).writeUIntBE(1, 0, len));
  attempt(`writeIntLE(1, 0, ${label})`, () => Buffer.alloc(8).writeIntLE(1, 0, len));
}
attempt('readUIntBE()', () => Buffer.alloc(8).readUIntBE());
attempt('readIntLE(undefined, 2)', () => Buffer.alloc(8).readIntLE(undefined, 2));
attempt('writeUIntLE(1, undefined, 2)', () => Buffer.alloc(8).writeUIntLE(1, undefined, 2));

// The methods work on any Uint8Array viewed as a Buffer, and on subarrays with an offset.
const backing = Buffer.from([9, 9, 1, 2, 3, 4, 9]);
const sub = backing.subarray(2, 6);
console.log(sub.readUInt32BE(0), sub.writeUInt16LE(0xbeef, 2), backing.toString('hex'));
console.log(Buffer.prototype.readUInt16BE.call(new Uint8Array([1, 2]), 0));
