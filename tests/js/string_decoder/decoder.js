'use strict';
// StringDecoder: every encoding, characters split across writes (UTF-8 of 2, 3 and 4 bytes,
// UTF-16 code units and surrogate pairs, base64 groups), end() with and without a final chunk,
// invalid input, the lastChar/lastNeed/lastTotal state, and errors.
const { StringDecoder } = require('string_decoder');
const util = require('util');

const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
const q = (s) => JSON.stringify(s);

// Decodes `bytes` cut into the given chunk sizes, printing each write's result and end()'s.
function run(encoding, bytes, sizes) {
  const d = new StringDecoder(encoding);
  const out = [];
  let pos = 0;
  for (const size of sizes) {
    out.push(d.write(Buffer.from(bytes.slice(pos, pos + size))));
    pos += size;
  }
  if (pos < bytes.length) out.push(d.write(Buffer.from(bytes.slice(pos))));
  out.push(d.end());
  console.log(encoding, Buffer.from(bytes).toString('hex'), JSON.stringify(sizes), out.map(q).join(' '));
}

const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];
const utf8 = [0x61, 0xc3, 0xa9, ...euro, ...smile, 0x62];
for (const sizes of [[], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [2, 2, 2, 2, 2], [3, 4], [5, 1, 1]]) {
  run('utf8', utf8, sizes);
}
// Invalid and truncated UTF-8.
for (const [bytes, sizes] of [
  [[0xff, 0x41], [1]], [[0xe2, 0x82], []], [[0xe2, 0x82], [1]], [[0xe2, 0x41], [1]], [[0xe2, 0x82, 0x41], [2]],
  [[0xf0, 0x9f, 0x98], [1, 1]], [[0xf0, 0x9f, 0x41, 0x42], [2]], [[0x80, 0x80, 0x41], [1]], [[0xc3, 0xc3, 0xa9], [1]],
  [[0xed, 0xa0, 0x80], [1]], [[0xf8, 0x88, 0x80], [2]], [[0xc0, 0xaf], [1]], [[0xe2], [1]], [[0xf0], []], [[0x41, 0xf0, 0x9f], []],
]) {
  run('utf8', bytes, sizes);
}

// UTF-16LE: half units and surrogate pairs across writes.
const utf16 = [...Buffer.from('a€😀b', 'utf16le')];
for (const sizes of [[], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1], [3], [4], [5], [6], [7], [2, 3, 1]]) {
  run('utf16le', utf16, sizes);
}
run('ucs2', [0x3d, 0xd8], []);
run('ucs2', [0x3d, 0xd8, 0x00], []);
run('utf-16le', [0x3d, 0xd8, 0x41, 0x00], [2]);
run('UTF16LE', [0x00, 0xde, 0x41], [1]);
run('ucs2', [0x3d, 0xd8, 0x3d, 0xd8, 0x00, 0xde], [2, 2]);

// base64 and base64url keep whole 3-byte groups back until they are complete.
const bytes6 = [0xfb, 0xff, 0xbf, 0x01, 0x02, 0x03, 0x04];
for (const enc of ['base64', 'base64url']) {
  for (const sizes of [[], [1], [2], [1, 1, 1, 1], [4], [5], [1, 5]]) run(enc, bytes6, sizes);
}
// hex, latin1, ascii decode each chunk on its own.
for (const enc of ['hex', 'latin1', 'binary', 'ascii']) {
  run(enc, [0x41, 0xe9, 0xff, 0x80, 0x00], [1, 2]);
}

// end() with a final chunk, and a decoder reused after end().
for (const enc of ['utf8', 'utf16le', 'base64', 'hex']) {
  const d = new StringDecoder(enc);
  const first = d.write(Buffer.from([0xe2, 0x82]));
  const last = d.end(Buffer.from([0xac, 0x41]));
  const again = d.write(Buffer.from([0x42, 0x00]));
  console.log('end', enc, q(first), q(last), q(again), q(d.end()), q(d.end()));
}
const cut = new StringDecoder('utf8');
console.log(q(cut.write(Buffer.from([0xe2]))), q(cut.end(Buffer.from([0x82]))), q(cut.end()));

// Strings pass through write(); other views are decoded by their bytes.
const sd = new StringDecoder();
console.log(sd.encoding, q(sd.write('as is')), q(sd.write(new Uint8Array([0x68, 0x69]))), q(sd.write(new Uint16Array([0x6968]))), q(sd.write(new DataView(new Uint8Array([0x6f, 0x6b]).buffer))), q(sd.write(Buffer.alloc(0))), q(sd.end(Buffer.alloc(0))));
console.log(q(new StringDecoder('utf8').end('x')), q(new StringDecoder('hex').write('zz')));

// Encoding names.
for (const enc of [undefined, null, '', 'utf8', 'UTF-8', 'ucs2', 'ucs-2', 'utf16le', 'latin1', 'BINARY', 'base64', 'base64url', 'hex', 'ascii', 'Utf8']) {
  attempt(`new StringDecoder(${q(enc) ?? 'undefined'}).encoding`, () => new StringDecoder(enc).encoding);
}
for (const enc of ['utf16', 'utf-32', 'nope', 1, {}, true]) {
  attempt(`new StringDecoder(${q(enc)})`, () => new StringDecoder(enc));
}

// The state, as node exposes it.
const st = new StringDecoder('utf8');
st.write(Buffer.from([0xf0, 0x9f]));
console.log(st.lastNeed, st.lastTotal, st.lastChar.subarray(0, 2), st.lastChar.length, Buffer.isBuffer(st.lastChar));
st.write(Buffer.from([0x98]));
console.log(st.lastNeed, st.lastTotal, st.lastChar.subarray(0, 3));
console.log(q(st.write(Buffer.from([0x80]))), st.lastNeed);
const st16 = new StringDecoder('utf16le');
st16.write(Buffer.from([0x3d, 0xd8, 0x00]));
console.log(st16.lastNeed, st16.lastTotal, st16.lastChar.subarray(0, 3));
const st64 = new StringDecoder('base64');
st64.write(Buffer.from([1, 2, 3, 4]));
console.log(st64.lastNeed, st64.lastTotal, st64.lastChar.subarray(0, 1));
const sthex = new StringDecoder('hex');
sthex.write(Buffer.from([1, 2, 3]));
console.log(sthex.lastNeed, sthex.lastTotal);
// text(buf, offset) forgets a pending character and decodes from offset.
const tx = new StringDecoder('utf8');
tx.write(Buffer.from([0xe2]));
console.log(q(tx.text(Buffer.from('xy€'), 1)), q(tx.text(Buffer.from([0x41, 0xe2, 0x82]), 0)), tx.lastNeed, q(tx.end()));
console.log(Object.keys(new StringDecoder('utf8')), Object.keys(StringDecoder.prototype));
console.log(util.inspect(new StringDecoder('base64')).split('\n').filter((l) => !l.includes('Symbol(')).join(' '));

// Bad arguments.
for (const bad of [1, null, {}, [], true]) {
  attempt(`write(${q(bad)})`, () => new StringDecoder().write(bad));
  attempt(`end(${q(bad)})`, () => new StringDecoder().end(bad));
}
attempt('write.call({})', () => StringDecoder.prototype.write.call({}, Buffer.from('a')));
// end() on something else fails on the missing state, with the engine's own message.
try {
  StringDecoder.prototype.end.call({});
} catch (e) {
  console.log('end.call({})', e.code, e.name);
}

// Large inputs with characters split at every chunk boundary.
const text = 'ab€😀é'.repeat(200);
for (const enc of ['utf8', 'utf16le', 'base64', 'hex']) {
  const all = Buffer.from(text, enc === 'utf16le' ? 'utf16le' : 'utf8');
  const d = new StringDecoder(enc);
  let got = '';
  for (let i = 0; i < all.length; i += 7) got += d.write(all.subarray(i, i + 7));
  got += d.end();
  console.log('chunks', enc, got === all.toString(enc), got.length);
}
