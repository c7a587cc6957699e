'use strict';
// The errors of the buffer module for bad arguments: code, name, message, and the shape of the
// error objects (own keys, toString, the stack's first line).
const buffer = require('buffer');

const { Buffer } = buffer;
function check(label, fn) {
  try {
    const r = fn();
    console.log(label, 'returned', typeof r === 'object' && r !== null ? r.constructor.name : r);
  } catch (e) {
    console.log(label, '|', e.code, '|', e.name, '|', e.message);
  }
}

const b = Buffer.from('abcdef');
const cases = [
  ['Buffer.alloc()', () => Buffer.alloc()],
  ['Buffer.alloc(-0.5)', () => Buffer.alloc(-0.5)],
  ['Buffer.alloc(1.5)', () => Buffer.alloc(1.5).length],
  ['Buffer.alloc(Infinity)', () => Buffer.alloc(Infinity)],
  ['Buffer.alloc(null)', () => Buffer.alloc(null)],
  ['Buffer.alloc(1n)', () => Buffer.alloc(1n)],
  ['Buffer.alloc(2, "x", 5)', () => Buffer.alloc(2, 'x', 5)],
  ['Buffer.allocUnsafe("1")', () => Buffer.allocUnsafe('1')],
  ['Buffer.from()', () => Buffer.from()],
  ['Buffer.from(Symbol)', () => Buffer.from(Symbol.iterator)],
  ['Buffer.from(new Number(5))', () => Buffer.from(new Number(5))],
  ['Buffer.from(Object.create(null))', () => Buffer.from(Object.create(null))],
  ['Buffer.from({length: -1})', () => Buffer.from({ length: -1 }).length],
  ['Buffer.from("a", "utf-16")', () => Buffer.from('a', 'utf-16')],
  ['Buffer.from(new ArrayBuffer(2), 3)', () => Buffer.from(new ArrayBuffer(2), 3)],
  ['Buffer.from(new ArrayBuffer(2), 0, 3)', () => Buffer.from(new ArrayBuffer(2), 0, 3)],
  ['Buffer.concat()', () => Buffer.concat()],
  ['Buffer.concat([b], "2")', () => Buffer.concat([b], '2')],
  ['Buffer.concat([{}])', () => Buffer.concat([{}])],
  ['Buffer.concat([new Uint16Array(2)])', () => Buffer.concat([new Uint16Array(2)])],
  ['Buffer.compare()', () => Buffer.compare()],
  ['Buffer.byteLength({})', () => Buffer.byteLength({})],
  ['Buffer.byteLength(5, "utf8")', () => Buffer.byteLength(5, 'utf8')],
  ['Buffer.copyBytesFrom()', () => Buffer.copyBytesFrom()],
  ['Buffer.copyBytesFrom(new DataView(new ArrayBuffer(1)))', () => Buffer.copyBytesFrom(new DataView(new ArrayBuffer(1)))],
  ['b.compare()', () => b.compare()],
  ['b.compare("abc")', () => b.compare('abc')],
  ['b.compare(b, -1)', () => b.compare(b, -1)],
  ['b.compare(b, 0, 7)', () => b.compare(b, 0, 7)],
  ['b.compare(b, 0, 6, -1)', () => b.compare(b, 0, 6, -1)],
  ['b.compare(b, 0, 6, 0, 7)', () => b.compare(b, 0, 6, 0, 7)],
  ['b.compare(b, "1")', () => b.compare(b, '1')],
  ['b.compare(b, 1.5)', () => b.compare(b, 1.5)],
  ['b.compare(b, 7)', () => b.compare(b, 7)],
  ['b.compare(b, 0, 0, 7)', () => b.compare(b, 0, 0, 7)],
  ['b.equals()', () => b.equals()],
  ['b.equals({})', () => b.equals({})],
  ['b.toString("")', () => b.toString('')],
  ['b.toString(5)', () => b.toString(5)],
  ['b.toString({})', () => b.toString({})],
  ['b.write()', () => b.write()],
  ['b.write(null)', () => b.write(null)],
  ['b.write("a", 7)', () => b.write('a', 7)],
  ['b.write("a", NaN)', () => b.write('a', NaN)],
  ['b.write("a", 0, NaN)', () => b.write('a', 0, NaN)],
  ['b.write("a", 0, 2, null)', () => b.write('a', 0, 2, null)],
  ['b.fill("a", 0, 7)', () => b.fill('a', 0, 7)],
  ['b.fill("a", -1)', () => b.fill('a', -1)],
  ['b.fill("a", "utf9")', () => b.fill('a', 'utf9')],
  ['b.fill("", "hex")', () => b.fill('', 'hex')],
  ['b.fill("1", "hex")', () => b.fill('1', 'hex')],
  ['b.fill("x", 0, 6, "base64")', () => b.fill('x', 0, 6, 'base64')],
  ['b.fill("a", 3, 1)', () => b.fill('a', 3, 1).toString()],
  ['b.copy()', () => b.copy()],
  ['b.copy({})', () => b.copy({})],
  ['b.copy(b, "x")', () => b.copy(Buffer.alloc(1), 'x')],
  ['b.indexOf()', () => b.indexOf()],
  ['b.indexOf(() => {})', () => b.indexOf(() => {})],
  ['b.lastIndexOf(Symbol)', () => b.lastIndexOf(Symbol.iterator)],
  ['b.includes("a", 0, "nope")', () => b.includes('a', 0, 'nope')],
  ['b.swap16.call({})', () => Buffer.prototype.swap16.call({})],
  ['b.readUInt8(6)', () => b.readUInt8(6)],
  ['b.readUInt8(-0)', () => b.readUInt8(-0)],
  ['b.readInt16LE(5)', () => b.readInt16LE(5)],
  ['b.readUInt32BE(3)', () => b.readUInt32BE(3)],
  ['b.readBigInt64LE()', () => b.readBigInt64LE()],
  ['b.readDoubleBE(0)', () => b.readDoubleBE(0)],
  ['b.readIntLE(0, 7)', () => b.readIntLE(0, 7)],
  ['b.readUIntBE(1, 6)', () => b.readUIntBE(1, 6)],
  ['b.writeUInt8(1, 6)', () => b.writeUInt8(1, 6)],
  ['b.writeUInt8(256, 0)', () => b.writeUInt8(256, 0)],
  ['b.writeUInt8(256, 6)', () => b.writeUInt8(256, 6)],
  ['b.writeInt16BE(1, "0")', () => b.writeInt16BE(1, '0')],
  ['b.writeInt32LE(2 ** 31, 9)', () => b.writeInt32LE(2 ** 31, 9)],
  ['b.writeUInt32LE(1, 3)', () => b.writeUInt32LE(1, 3)],
  ['b.writeFloatBE(1, 3)', () => b.writeFloatBE(1, 3)],
  ['b.writeDoubleLE(1)', () => b.writeDoubleLE(1)],
  ['b.writeBigUInt64LE(1n)', () => b.writeBigUInt64LE(1n)],
  ['b.writeIntBE(1, 0, 0)', () => b.writeIntBE(1, 0, 0)],
  ['b.writeUIntLE(2 ** 48, 0, 6)', () => b.writeUIntLE(2 ** 48, 0, 6)],
  ['b.writeIntLE(-(2 ** 47) - 1, 0, 6)', () => b.writeIntLE(-(2 ** 47) - 1, 0, 6)],
  ['b.writeUIntBE(1, 1, 6)', () => b.writeUIntBE(1, 1, 6)],
  ['b.utf8Slice.call({})', () => Buffer.prototype.utf8Slice.call({})],
  ['b.utf8Write.call({}, "a")', () => Buffer.prototype.utf8Write.call({}, 'a')],
  ['b.hexWrite("a", 7)', () => b.hexWrite('a', 7)],
  ['b.latin1Slice(7)', () => b.latin1Slice(7)],
  ['b.latin1Slice(2, 1)', () => b.latin1Slice(2, 1)],
  ['b.ucs2Slice(0, 7)', () => b.ucs2Slice(0, 7)],
  ['buffer.transcode(b, "utf8")', () => buffer.transcode(b, 'utf8')],
  ['buffer.INSPECT_MAX_BYTES = NaN', () => { buffer.INSPECT_MAX_BYTES = NaN; }],
  ['new buffer.Blob([], { endings: 5 })', () => new buffer.Blob([], { endings: 5 })],
];
for (const [label, fn] of cases) check(label, fn);
buffer.INSPECT_MAX_BYTES = 50;

// What the error objects look like.
const samples = [
  () => Buffer.alloc(-1),
  () => Buffer.from(5),
  () => b.toString('bogus'),
  () => b.readUInt8(10),
  () => b.readDoubleLE(0),
  () => Buffer.from(new ArrayBuffer(1), 2),
  () => Buffer.alloc(3).swap16(),
  () => b.utf8Slice(0, 100),
  () => atob('#'),
];
for (const fn of samples) {
  try {
    fn();
  } catch (e) {
    console.log(Object.keys(e), String(e), '|', e.stack.split('\n')[0], '|', e instanceof TypeError, e instanceof RangeError, Object.prototype.hasOwnProperty.call(e, 'message'));
  }
}
