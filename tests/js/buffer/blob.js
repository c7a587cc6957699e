'use strict';
// Blob and File (not stream(): actorjs has no web streams), atob and btoa (DOMException
// InvalidCharacterError), isUtf8, isAscii, transcode, and the module's constants.
const buffer = require('buffer');
const util = require('util');

const { Blob, File, Buffer } = buffer;
const report = (label, e) => console.log(label, e.code, e.name, e.message, e instanceof DOMException);

async function blobs() {
  const b = new Blob(['héllo', ' ', Buffer.from('wör'), new Uint16Array([0x6c64]), new Blob(['!'])], { type: 'Text/Plain' });
  console.log(b.size, b.type, util.inspect(b), Object.prototype.toString.call(b), b instanceof Blob, Blob === globalThis.Blob);
  console.log(JSON.stringify(await b.text()), Buffer.from(await b.arrayBuffer()).toString('hex'), (await b.arrayBuffer()) instanceof ArrayBuffer);
  for (const args of [[], [1], [1, 3], [-4], [-4, -1], [3, 1], [0, 100], [-100, 2], [undefined, -1], [0, 5, 'X/Y'], [0, 5, 'bad\u00e9']]) {
    const s = b.slice(...args);
    console.log('slice', JSON.stringify(args), s.size, JSON.stringify(s.type), JSON.stringify(await s.text()));
  }
  const nested = b.slice(2, 10).slice(1, 4);
  console.log(nested.size, await nested.text());

  // Sources are copied when the blob is made.
  const bytes = new Uint8Array([0x61, 0x62]);
  const copied = new Blob([bytes, bytes.buffer]);
  bytes[0] = 0x7a;
  console.log(await copied.text(), copied.size);

  // Type: lower-cased, dropped if it holds anything but printable ASCII.
  for (const type of ['', 'TEXT/HTML', 'a\u0000b', 'caf\u00e9', 'x; charset=UTF-8', 5, null]) {
    console.log('type', JSON.stringify(type), JSON.stringify(new Blob([], { type }).type));
  }
  // Line endings.
  console.log(JSON.stringify(await new Blob(['a\r\nb\nc\r'], { endings: 'native' }).text()), JSON.stringify(await new Blob(['a\r\nb'], { endings: 'transparent' }).text()));
  // Other sources are converted to strings.
  console.log(await new Blob([1, null, undefined, { toString: () => 'obj' }, [2, 3]]).text());
  console.log(new Blob().size, JSON.stringify(await new Blob().text()), new Blob([]).type, (await new Blob([]).arrayBuffer()).byteLength);
  // A BOM is dropped by text(), invalid UTF-8 replaced.
  console.log(JSON.stringify(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42])]).text()));
  if (typeof Blob.prototype.bytes === 'function') console.log(await new Blob(['xy']).bytes());


  for (const [label, fn] of [
    ['new Blob("str")', () => new Blob('str')],
    ['new Blob(null)', () => new Blob(null)],
    ['new Blob({})', () => new Blob({})],
    ['new Blob([], 5)', () => new Blob([], 5)],
    ['endings', () => new Blob([], { endings: 'bogus' })],
  ]) {
    try {
      fn();
      console.log(label, 'ok');
    } catch (e) {
      report(label, e);
    }
  }
  try {
    Blob.prototype.slice.call({});
  } catch (e) {
    report('slice.call', e);
  }
  try {
    Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({});
  } catch (e) {
    report('size.call', e);
  }
  await Blob.prototype.text.call({}).catch((e) => report('text.call', e));
  await Blob.prototype.arrayBuffer.call({}).catch((e) => report('arrayBuffer.call', e));
  console.log(Object.keys(Blob.prototype), Object.getOwnPropertyNames(Blob.prototype).sort());
}

async function files() {
  const f = new File(['abc', 'def'], 'name.txt', { type: 'Text/Plain', lastModified: 42 });
  console.log(f.name, f.size, f.type, f.lastModified, f instanceof Blob, f instanceof File, await f.text(), Object.prototype.toString.call(f));
  console.log(util.inspect(f), File === globalThis.File);
  const now = Date.now();
  const g = new File([], 'x');
  console.log(g.size, g.type, typeof g.lastModified, g.lastModified >= now - 1000, g.slice(0, 0) instanceof File);
  for (const lastModified of ['7', null, 'x', 1.5, true, -1]) {
    console.log('lastModified', JSON.stringify(lastModified), new File([], 'f', { lastModified }).lastModified);
  }
  console.log(new File([], 5).name, new File([], null).name, new File([], { toString: () => 'obj' }).name);
  try {
    new File([]);
  } catch (e) {
    report('new File([])', e);
  }
  try {
    new File();
  } catch (e) {
    report('new File()', e);
  }
}

function base64() {
  for (const s of ['', 'YQ==', 'YQ', 'YWI=', 'YWJj', ' Y W\tJ\nj\f', 'YQ=\n=', '4pyTIMOgIGxhIG1vZGU=', 'Pz8/', 'AAAA']) {
    console.log('atob', JSON.stringify(s), JSON.stringify(atob(s)));
  }
  for (const s of ['Y', 'YQ===', 'YQ=a', '-_-_', 'Y\u00e9Q=', '=YQ', 'YWJjZ', 'YQ=x=', 'Y=Q=', 'a===', '\u00a0YQ==']) {
    try {
      console.log('atob', JSON.stringify(s), JSON.stringify(atob(s)));
    } catch (e) {
      report(`atob ${JSON.stringify(s)}`, e);
    }
  }
  console.log(JSON.stringify(atob(null)), JSON.stringify(atob(12)), JSON.stringify(atob([])), atob === buffer.atob, btoa === buffer.btoa);
  for (const s of ['', 'a', 'ab', 'abc', '\u00ff\u00fe', '\u0000', 'hello world', 12, null, undefined, true]) {
    console.log('btoa', JSON.stringify(s) ?? 'undefined', btoa(s));
  }
  for (const s of ['\u0100', '€', '😀', 'a\ud800']) {
    try {
      btoa(s);
    } catch (e) {
      report(`btoa ${JSON.stringify(s)}`, e);
    }
  }
  try {
    atob(undefined);
  } catch (e) {
    report('atob(undefined)', e);
  }
  try {
    atob();
  } catch (e) {
    report('atob()', e);
  }
  try {
    btoa();
  } catch (e) {
    report('btoa()', e);
  }
  // The DOMException itself.
  try {
    atob('!');
  } catch (e) {
    console.log(e.code, e.name, e instanceof Error, Object.prototype.toString.call(e), e.constructor.name, String(e));
  }
}

function validation() {
  const { isUtf8, isAscii, transcode, constants, kMaxLength, kStringMaxLength } = buffer;
  for (const bytes of [[], [0x41], [0xc3, 0xa9], [0xff], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0x7f], [0x80], [0xc0, 0x80]]) {
    const u = new Uint8Array(bytes);
    console.log('validate', Buffer.from(u).toString('hex'), isUtf8(u), isAscii(u), isUtf8(u.buffer), isAscii(Buffer.from(u)));
  }
  console.log(isUtf8(new Uint16Array([0x4141])), isAscii(new DataView(new ArrayBuffer(2)).buffer), isUtf8(Buffer.from('héllo').subarray(1, 2)), isUtf8(Buffer.from('héllo').subarray(1, 3)));
  for (const bad of ['abc', null, [], {}]) {
    try {
      isUtf8(bad);
    } catch (e) {
      report('isUtf8', e);
    }
    try {
      isAscii(bad);
    } catch (e) {
      report('isAscii', e);
    }
  }

  // transcode between utf8, ucs2, latin1 and ascii.
  const source = Buffer.from('aé€😀');
  for (const [from, to] of [['utf8', 'ucs2'], ['utf8', 'latin1'], ['utf8', 'ascii'], ['utf8', 'utf8'], ['utf8', 'utf16le']]) {
    console.log('transcode', from, to, transcode(source, from, to).toString('hex'));
  }
  const ucs2 = Buffer.from('aé€', 'ucs2');
  console.log(transcode(ucs2, 'ucs2', 'utf8').toString(), transcode(ucs2, 'ucs2', 'latin1').toString('hex'), transcode(Buffer.from('caf\xe9', 'latin1'), 'latin1', 'utf8').toString(), transcode(Buffer.from('abc'), 'ascii', 'ucs2').toString('hex'));
  console.log(transcode(Buffer.alloc(0), 'utf8', 'ucs2').length, transcode(Buffer.from('x'), 'binary', 'utf8').toString(), transcode(new Uint8Array([0x41]), 'latin1', 'ucs2').toString('hex'));
  // Default-ignorable code points the target cannot hold are dropped, not replaced.
  const ignorable = Buffer.from('a\u00ad\u200b\u202c\ufeff\ufff0\ufff9\u2028b', 'ucs2');
  console.log(transcode(ignorable, 'ucs2', 'latin1').toString('hex'), transcode(ignorable, 'ucs2', 'ascii').toString('hex'), transcode(Buffer.from('\u200bx'), 'utf8', 'latin1').toString('hex'));
  // A trailing odd byte of UTF-16.
  for (const hex of ['4100e2', 'e2', '3dd841', '3dd8']) {
    const odd = Buffer.from(hex, 'hex');
    const results = ['utf8', 'latin1', 'ucs2'].map((to) => {
      try {
        return transcode(odd, 'ucs2', to).toString('hex');
      } catch (e) {
        return e.code;
      }
    });
    console.log('odd', hex, results.join(' '));
  }
  for (const [src, from, to] of [['x', 'utf8', 'hex'], ['x', 'base64', 'utf8'], ['x', 'bogus', 'utf8']]) {
    try {
      transcode(Buffer.from(src), from, to);
    } catch (e) {
      console.log('transcode', from, to, e.code, e.name, e.message);
    }
  }
  try {
    transcode('x', 'utf8', 'ucs2');
  } catch (e) {
    report('transcode string', e);
  }

  console.log(kMaxLength, kStringMaxLength, constants, constants.MAX_LENGTH === kMaxLength, constants.MAX_STRING_LENGTH === kStringMaxLength, Object.isFrozen(constants));
  console.log(Object.keys(buffer).sort().join(','));
  console.log(typeof buffer.resolveObjectURL, buffer.resolveObjectURL('blob:nodedata:missing'), buffer.SlowBuffer.name);
}

blobs()
  .then(files)
  .then(base64)
  .then(validation)
  .catch((e) => console.log('unexpected', e));
