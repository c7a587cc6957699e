'use strict';
// TextEncoder and TextDecoder: labels, BOM handling, fatal mode, streaming, encodeInto, errors.
const util = require('util');
const { Buffer } = require('buffer');
console.log(new TextDecoder(), new TextEncoder());
console.log(TextDecoder === util.TextDecoder, TextEncoder === util.TextEncoder);
const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €😀'), enc.encode(), enc.encode('\ud800x'));
const dest = new Uint8Array(5);
console.log(enc.encodeInto('a€😀', dest), dest);
for (const label of ['utf8', 'UTF-8', ' unicode-1-1-utf-8 ', 'utf-16le', 'utf-16', 'latin1', 'ascii', 'windows-1252', 'iso-8859-2', 'big5', 'shift_jis', 'euc-kr', 'gbk', 'utf-16be']) {
  try {
    const d = new TextDecoder(label);
    console.log(JSON.stringify(label), d.encoding, d.fatal, d.ignoreBOM);
  } catch (e) {
    console.log(JSON.stringify(label), e.name, e.code, e.message);
  }
}
for (const bad of ['nope', 'replacement', '']) {
  try { new TextDecoder(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const d = new TextDecoder();
console.log(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).length);
console.log(d.decode(new Uint8Array([0xff, 0x41, 0xe2, 0x82])), d.decode(), d.decode(new ArrayBuffer(2)), d.decode(new DataView(new Uint8Array([0x41, 0x42]).buffer)));
console.log(d.decode(Buffer.from('buffer text')), d.decode(new Uint16Array([0x4241])));
const s = new TextDecoder();
console.log(JSON.stringify([s.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), s.decode(new Uint8Array([0xac]), { stream: true }), s.decode(new Uint8Array([0xf0]), { stream: true }), s.decode()]));
try { new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
try { d.decode('string'); } catch (e) { console.log(e.name, e.code, e.message); }
try { d.decode(new Uint8Array(1), 5); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([0x41, 0, 0x3d, 0xd8, 0, 0xde])), new TextDecoder('latin1').decode(new Uint8Array([0x41, 0xe9])));
console.log(new TextDecoder('shift_jis').decode(new Uint8Array([0x82, 0xa0])), new TextDecoder('gbk').decode(new Uint8Array([0xc4, 0xe3])));
console.log(Object.prototype.toString.call(d), Object.prototype.toString.call(enc));
try { TextDecoder.prototype.decode.call({}, new Uint8Array(1)); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextEncoder().encodeInto('x', []); } catch (e) { console.log(e.name, e.code, e.message); }
const streamed = new TextDecoder();
streamed.decode(new Uint8Array([0x41]), { stream: true });
for (const bad of [5, 'x']) {
  try { streamed.decode(new Uint8Array(1), bad); } catch (e) { console.log(e.name, e.code, e.message); }
  try { streamed.decode(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(JSON.stringify(streamed.decode(new Uint8Array([0x42]), null)));
