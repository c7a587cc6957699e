'use strict';
// Every encoding Buffer knows, both ways: names, round trips, lenient decoding of bad input
// (partial hex, base64 whitespace and padding, invalid UTF-8, lone surrogates), byteLength.
const { Buffer } = require('buffer');

const show = (b) => `${b.length}:${b.toString('hex')}`;
const sample = 'aé€😀\u0000\u007f\u0080\u00ff';
const encodings = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'UCS2', 'latin1', 'binary', 'LATIN1', 'ascii', 'ASCII', 'base64', 'base64url', 'hex', 'HEX'];
for (const enc of encodings) {
  const b = Buffer.from(sample, enc);
  console.log(enc, Buffer.isEncoding(enc), show(b), JSON.stringify(b.toString(enc)), Buffer.byteLength(sample, enc));
}
for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const s = all.toString(enc);
  console.log(enc, s.length, JSON.stringify(s.slice(120, 140)), Buffer.byteLength(s, enc));
  if (enc !== 'utf8' && enc !== 'ascii') console.log('  round trip', Buffer.from(s, enc).equals(all));
}

// ascii and latin1 keep only the low byte of each code unit; ascii decoding clears the top bit.
console.log(show(Buffer.from('\u0141\u20ac\uffff', 'latin1')), show(Buffer.from('\u0141\u20ac', 'ascii')));
console.log(JSON.stringify(Buffer.from([0x41, 0xc1, 0xff, 0x80]).toString('ascii')), JSON.stringify(Buffer.from([0x41, 0xc1, 0xff]).toString('latin1')));

// hex: case-insensitive, stops at the first pair that is not hex; an odd last digit is dropped.
for (const s of ['00ff', 'ABcd', 'abc', 'a', '', 'zz11', '11zz22', '1g2233', 'ff ff', '0x12', '12345']) {
  console.log('hex', JSON.stringify(s), show(Buffer.from(s, 'hex')), Buffer.byteLength(s, 'hex'));
}

// base64: whitespace and bad characters skipped, padding optional, data after '=' ignored,
// base64url characters accepted as well (and the other way round).
for (const s of ['aGVsbG8=', 'aGVsbG8', 'aGVs bG8=', 'aGVs\nbG8\r\n=', 'aGVsbG8==', 'aGVsbG8=garbage', 'aGVsbG8===', '=', '==aGk', 'YQ', 'YQ=', 'YQ==', 'Y', 'YW', 'YWI', 'YWJj', '-_-_', '+/+/', '!!!!YWJj', 'YW*Jj', '', '    ']) {
  console.log('base64', JSON.stringify(s), show(Buffer.from(s, 'base64')), show(Buffer.from(s, 'base64url')), Buffer.byteLength(s, 'base64'), Buffer.byteLength(s, 'base64url'));
}
for (const n of [0, 1, 2, 3, 4, 5, 6]) {
  const b = Buffer.from('\xfb\xff\xbf\xfe\x00\x10'.slice(0, n), 'latin1');
  console.log('encode', n, b.toString('base64'), b.toString('base64url'));
}

// UTF-8 decoding replaces each maximal invalid subsequence with U+FFFD.
const bad = [
  [0xff], [0xc0, 0x80], [0xc2], [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xf0, 0x9f, 0x98], [0xf0, 0x9f, 0x98, 0x80],
  [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80, 0x80, 0x41],
  [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xc1, 0xbf], [0xfe, 0xfe, 0xff, 0xff], [0xef, 0xbb, 0xbf, 0x41],
];
for (const bytes of bad) {
  const s = Buffer.from(bytes).toString();
  console.log('utf8', Buffer.from(bytes).toString('hex'), JSON.stringify(s), [...s].map((c) => c.codePointAt(0).toString(16)).join(','));
}

// Lone surrogates become U+FFFD (ef bf bd) in UTF-8 and stay as they are in UTF-16.
for (const s of ['\ud800', '\udc00', 'a\ud83dz', '\ud83d\ude00', '\ude00\ud83d', '\ud800\ud800\udc00']) {
  console.log('surrogate', JSON.stringify(s), show(Buffer.from(s)), show(Buffer.from(s, 'utf16le')), Buffer.byteLength(s), Buffer.byteLength(s, 'ucs2'));
}
console.log(JSON.stringify(Buffer.from([0x3d, 0xd8, 0x41, 0x00]).toString('utf16le')), JSON.stringify(Buffer.from([0x41, 0x00, 0x42]).toString('utf16le')));

// Unknown encodings.
for (const enc of ['utf32', 'latin-1', 'utf16', 'base-64', 'Utf-16LE', 'bInArY', 'uCs-2']) {
  console.log('isEncoding', enc, Buffer.isEncoding(enc));
  try {
    console.log('  from', show(Buffer.from('ab', enc)));
  } catch (e) {
    console.log('  from', e.code, e.name, e.message);
  }
  try {
    console.log('  toString', Buffer.from('ab').toString(enc));
  } catch (e) {
    console.log('  toString', e.code, e.name, e.message);
  }
}
for (const enc of [undefined, null, '', 0, 1, false, true, {}, []]) {
  let from;
  try {
    from = show(Buffer.from('hi', enc));
  } catch (e) {
    from = `${e.code}: ${e.message}`;
  }
  let str;
  try {
    str = Buffer.from('hi').toString(enc);
  } catch (e) {
    str = `${e.code}: ${e.message}`;
  }
  console.log('encoding', JSON.stringify(enc) ?? String(enc), Buffer.isEncoding(enc), from, str, Buffer.byteLength('hé', enc));
}

// byteLength of non-strings, and of odd base64 lengths.
console.log(Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new DataView(new ArrayBuffer(5))), Buffer.byteLength(Buffer.alloc(4)));
console.log(Buffer.byteLength('😀😀'), Buffer.byteLength('😀😀', 'latin1'), Buffer.byteLength('aaa=', 'base64'), Buffer.byteLength('aa==', 'base64'), Buffer.byteLength('a', 'base64'));

// Large strings: decode/encode well past the pool.
const big = 'x€'.repeat(5000);
const bigBuf = Buffer.from(big);
console.log(bigBuf.length, bigBuf.toString() === big, Buffer.from(bigBuf.toString('base64'), 'base64').equals(bigBuf), Buffer.from(bigBuf.toString('hex'), 'hex').equals(bigBuf));
