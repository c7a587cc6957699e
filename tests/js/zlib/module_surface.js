'use strict';
// The shape of the zlib module: its exports, the constants and codes, the legacy constants on
// the module itself, the class hierarchy, and crc32.

const zlib = require('zlib');
const { Transform } = require('stream');

console.log(Object.keys(zlib).sort().join('\n'));
console.log('own names', Object.getOwnPropertyNames(zlib).length);

// The constants, in node's order (ZLIB_VERNUM is the version of the zlib library in use).
const { constants } = zlib;
console.log('constants', Object.keys(constants).length);
for (const [key, value] of Object.entries(constants)) {
  console.log(`  ${key} = ${key === 'ZLIB_VERNUM' ? typeof value : value}`);
}
const cdesc = Object.getOwnPropertyDescriptor(zlib, 'constants');
console.log('constants descriptor', cdesc.enumerable, cdesc.configurable, cdesc.writable);

// zlib.codes maps both ways and is frozen.
console.log('codes', JSON.stringify(zlib.codes), Object.isFrozen(zlib.codes));
console.log('codes[-3]', zlib.codes[-3], zlib.codes.Z_NEED_DICT);

// The zlib constants, but not the Brotli ones, are also (non-enumerable) module properties.
const legacy = Object.getOwnPropertyNames(zlib).filter((k) => /^[A-Z_]+$/.test(k) && k in constants);
console.log('legacy', legacy.length, zlib.Z_OK, zlib.Z_BEST_COMPRESSION, zlib.DEFLATE, 'BROTLI_DECODE' in zlib);
const ldesc = Object.getOwnPropertyDescriptor(zlib, 'Z_SYNC_FLUSH');
console.log('legacy descriptor', ldesc.enumerable, ldesc.writable, ldesc.configurable);
const gdesc = Object.getOwnPropertyDescriptor(zlib, 'createGzip');
console.log('createGzip descriptor', gdesc.enumerable, gdesc.configurable, gdesc.writable);

// The classes.
const names = ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
               'BrotliCompress', 'BrotliDecompress'];
for (const name of names) {
  const stream = zlib[`create${name}`]();
  const chain = [];
  for (let p = Object.getPrototypeOf(stream); p && p !== Transform.prototype; p = Object.getPrototypeOf(p)) {
    chain.push(p.constructor.name);
  }
  console.log(name, zlib[name].name, zlib[name].length, stream instanceof Transform,
              stream instanceof zlib[name], chain.join(' < '), stream._closed,
              typeof stream.params, stream.bytesWritten);
  stream.close();
}

// bytesRead is a deprecated alias of bytesWritten.
process.noDeprecation = true;
const gz = zlib.gzipSync('bytes', { info: true }).engine;
console.log('bytesRead', gz.bytesRead, gz.bytesWritten);
gz.bytesRead = 42;
console.log('bytesRead set', gz.bytesWritten);

// crc32.
console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from('hello')), zlib.crc32(''), zlib.crc32(Buffer.alloc(0)));
console.log('crc32 running', zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'));
console.log('crc32 value', zlib.crc32('abc', 0), zlib.crc32('abc', 1), zlib.crc32('abc', 0xffffffff));
console.log('crc32 utf8', zlib.crc32('héllo wörld €'), zlib.crc32(Buffer.from('héllo wörld €')));
console.log('crc32 views', zlib.crc32(new Uint8Array([1, 2, 3, 4])), zlib.crc32(new Uint16Array([0x0201, 0x0403])),
            zlib.crc32(new DataView(new Uint8Array([1, 2, 3, 4]).buffer)));
const big = Buffer.alloc(100000, 'abcdefghijklmnopqrstuvwxyz');
console.log('crc32 big', zlib.crc32(big), zlib.crc32(big.subarray(50000), zlib.crc32(big.subarray(0, 50000))));
for (const [label, args] of [
  ['number', [123]],
  ['undefined', []],
  ['ArrayBuffer', [new ArrayBuffer(4)]],
  ['value -1', ['a', -1]],
  ['value 2**32', ['a', 2 ** 32]],
  ['value 1.5', ['a', 1.5]],
  ['value string', ['a', '1']],
]) {
  try {
    console.log('crc32', label, zlib.crc32(...args));
  } catch (err) {
    console.log('crc32', label, err.name, err.code, JSON.stringify(err.message));
  }
}
