'use strict';
// indexOf, lastIndexOf and includes: string, number and buffer needles, positive, negative and
// odd offsets, every encoding (utf16le matches whole code units only), empty needles.
const { Buffer } = require('buffer');

const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};

const b = Buffer.from('abcdef abcdef €uro');
const offsets = [undefined, 0, 1, 3, 7, 8, -1, -3, -11, -100, 100, 17, 18, 1.5, -1.5, NaN, null, true, {}, [], 2 ** 40, -(2 ** 40)];
const label = (o) => (typeof o === 'string' ? `'${o}'` : Array.isArray(o) ? '[]' : typeof o === 'object' && o !== null ? '{}' : String(o));
for (const needle of ['abc', 'a', 'f', 'def', '€', 'uro', '', 'zzz', 'abcdef abcdef €uro!']) {
  const row = offsets.map((o) => `${b.indexOf(needle, o)}/${b.lastIndexOf(needle, o)}`);
  console.log(JSON.stringify(needle), row.join(' '), b.includes(needle), b.includes(needle, 10));
}
for (const needle of [0x61, 97.9, 0x61 + 256, -159, 0x82, 0, 'a'.charCodeAt(0) + 1]) {
  const row = offsets.map((o) => `${b.indexOf(needle, o)}/${b.lastIndexOf(needle, o)}`);
  console.log(needle, row.join(' '), b.includes(needle));
}
for (const needle of [Buffer.from('cde'), new Uint8Array([0x20, 0x61]), Buffer.alloc(0), Buffer.from('€'), b]) {
  const row = offsets.slice(0, 12).map((o) => `${b.indexOf(needle, o)}/${b.lastIndexOf(needle, o)}`);
  console.log(needle.toString('hex'), row.join(' '), b.includes(needle));
}

// Encodings: the needle is encoded first; the offset may be skipped in favour of the encoding.
const hay = Buffer.from('0123456789abcdef0123', 'latin1');
console.log(hay.indexOf('3334', 'hex'), hay.indexOf('3334', 0, 'hex'), hay.lastIndexOf('3334', 'hex'), hay.indexOf('MzQ1', 'base64'), hay.indexOf('MzQ1', 5, 'base64'), hay.indexOf('abc', 'latin1'), hay.indexOf('abc', 'ascii'), hay.includes('6162', 'hex'), hay.indexOf('zz', 'hex'));
const latin = Buffer.from('caf\xe9 caf\xe9', 'latin1');
console.log(latin.indexOf('é', 'latin1'), latin.indexOf('é'), latin.lastIndexOf('\xe9', 'binary'), latin.indexOf('afé', 2, 'latin1'));

// UTF-16: matches only at even positions.
const u = Buffer.from('abcaXbXc', 'utf16le');
for (const [needle, off] of [['a', undefined], ['a', 1], ['a', 2], ['a', 3], ['bc', 0], ['Xc', -4], ['c', -1], ['', 3], ['', 100], ['zz', 0], ['ca', 0]]) {
  console.log('ucs2', JSON.stringify(needle), off, u.indexOf(needle, off, 'ucs2'), u.lastIndexOf(needle, off, 'utf16le'), u.includes(needle, off, 'utf-16le'));
}
const odd = Buffer.from([0x61, 0x00, 0x00, 0x62, 0x00, 0x62, 0x00]);
console.log(odd.indexOf('b', 'ucs2'), odd.lastIndexOf('b', 'ucs2'), odd.indexOf(Buffer.from('b\0'), 0, 'ucs2'), odd.indexOf('\u6200', 'ucs2'), odd.indexOf('\u6200'));
// A buffer needle missing from an odd-length haystack is reported at the last whole unit.
const missing = [];
for (const o of [undefined, 0, 1, 2, 4, 6, -1, -2, -7, -8]) missing.push(`${o}:${odd.indexOf(Buffer.from([0x62, 0]), o, 'ucs2')}/${odd.lastIndexOf(Buffer.from([0x62, 0]), o, 'ucs2')}`);
console.log(missing.join(' '));
// An odd-length buffer needle is searched for without its last byte.
const units = Buffer.from('808080808080c0c08080', 'hex');
console.log(units.indexOf(Buffer.from('808080', 'hex'), 4, 'ucs2'), units.lastIndexOf(Buffer.from('808080', 'hex'), 4, 'ucs2'), Buffer.from('80c08080c08080b8', 'hex').lastIndexOf(Buffer.from('80c08080b8', 'hex'), 2, 'ucs2'), Buffer.from('abcd', 'ucs2').indexOf(Buffer.from('c\0d'), 0, 'ucs2'));
console.log(Buffer.from('x', 'ucs2').indexOf('x', 'ucs2'), Buffer.from([0x78]).indexOf('x', 'ucs2'), Buffer.from('😀😀', 'ucs2').lastIndexOf('😀', 'ucs2'));

// Empty haystacks and needles.
const empty = Buffer.alloc(0);
console.log(empty.indexOf(''), empty.lastIndexOf(''), empty.indexOf('a'), empty.indexOf(0), empty.indexOf(Buffer.alloc(0)), empty.includes(''), empty.indexOf('', 5), Buffer.from('abc').indexOf('', 5), Buffer.from('abc').lastIndexOf('', -10));

// Longer haystacks (long needles take another search path in node).
const long = Buffer.from(`${'ab'.repeat(500)}needle${'cd'.repeat(500)}needle`);
console.log(long.indexOf('needle'), long.lastIndexOf('needle'), long.indexOf('needle', 1007), long.indexOf(`${'ab'.repeat(40)}needle`), long.lastIndexOf('abab', 100), long.indexOf(Buffer.from('dn')), long.indexOf('needle', -6));

// Searching other views through Buffer.prototype.
console.log(Buffer.prototype.indexOf.call(new Uint8Array([1, 2, 3]), 2), Buffer.prototype.includes.call(new Uint8Array([1, 2, 3]), Buffer.from([3])));

// Errors.
attempt('indexOf({})', () => b.indexOf({}));
attempt('indexOf(true)', () => b.indexOf(true));
attempt('indexOf(undefined)', () => b.indexOf(undefined));
attempt('indexOf(null)', () => b.indexOf(null));
attempt('indexOf(1n)', () => b.indexOf(1n));
attempt('indexOf("a", 0, "bogus")', () => b.indexOf('a', 0, 'bogus'));
attempt('lastIndexOf("a", "bogus")', () => b.lastIndexOf('a', 'bogus'));
attempt('indexOf(buffer, 0, "bogus")', () => b.indexOf(Buffer.from('a'), 0, 'bogus'));
attempt('includes([])', () => b.includes([]));
attempt('indexOf.call("x")', () => Buffer.prototype.indexOf.call('x', 'x'));
