'use strict';
// createHash: every supported algorithm, input types and encodings, digest encodings, copy(),
// the one-shot crypto.hash(), and the Hash object as a Transform stream.
const crypto = require('crypto');
const { Transform, Readable, pipeline } = require('stream');

// Known digests of '' and 'abc' for each algorithm.
const algorithms = [
  'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160', 'shake128', 'shake256',
];
for (const alg of algorithms) {
  console.log(alg, "''", crypto.createHash(alg).digest('hex'));
  console.log(alg, "'abc'", crypto.createHash(alg).update('abc').digest('hex'));
}

// XOF output lengths.
for (const alg of ['shake128', 'shake256']) {
  for (const outputLength of [0, 1, 5, 32, 100]) {
    console.log(alg, 'outputLength', outputLength,
      JSON.stringify(crypto.createHash(alg, { outputLength }).update('abc').digest('hex')));
  }
  console.log(alg, 'outputLength undefined',
    crypto.createHash(alg, { outputLength: undefined }).update('abc').digest('hex'));
}
// A non-XOF hash accepts its own digest length.
console.log('sha256 outputLength 32', crypto.createHash('sha256', { outputLength: 32 }).update('abc').digest('hex'));
console.log('md5 outputLength 16', crypto.createHash('md5', { outputLength: 16 }).update('abc').digest('hex'));
// Options that are not objects are ignored.
console.log('options null', crypto.createHash('sha1', null).update('abc').digest('hex'));
console.log('options 5', crypto.createHash('sha1', 5).update('abc').digest('hex'));

// Names are case-insensitive, and OpenSSL aliases work.
console.log('SHA256', crypto.createHash('SHA256').update('abc').digest('hex'));
console.log('Sha1', crypto.createHash('Sha1').update('abc').digest('hex'));
console.log('MD5', crypto.createHash('MD5').update('abc').digest('hex'));
console.log('RSA-SHA256', crypto.createHash('RSA-SHA256').update('abc').digest('hex'));
console.log('RSA-SHA1', crypto.createHash('RSA-SHA1').update('abc').digest('hex'));
console.log('sha-256', crypto.createHash('sha-256').update('abc').digest('hex'));
console.log('SHA3-256', crypto.createHash('SHA3-256').update('abc').digest('hex'));

// Multiple updates equal one update of the concatenation.
const multi = crypto.createHash('sha256');
multi.update('a');
multi.update('');
multi.update('bc');
console.log('multi-update', multi.digest('hex'));

// Large input: 1 MiB of a repeated pattern, in one update and in 4 KiB chunks.
const pattern = Buffer.from('0123456789abcdef');
const big = Buffer.alloc(1024 * 1024);
for (let i = 0; i < big.length; i += pattern.length) pattern.copy(big, i);
console.log('1MiB sha256', crypto.createHash('sha256').update(big).digest('hex'));
console.log('1MiB md5', crypto.createHash('md5').update(big).digest('hex'));
console.log('1MiB sha512', crypto.createHash('sha512').update(big).digest('hex'));
const chunked = crypto.createHash('sha256');
for (let i = 0; i < big.length; i += 4096) chunked.update(big.subarray(i, i + 4096));
console.log('1MiB sha256 chunked', chunked.digest('hex'));
console.log('1MiB string sha1', crypto.createHash('sha1').update(big.toString('latin1')).digest('hex'));

// String input encodings.
const hex = (s, enc) => crypto.createHash('sha256').update(s, enc).digest('hex');
console.log('no encoding', hex('héllo wörld €'));
console.log('utf8', hex('héllo wörld €', 'utf8'));
console.log('utf-8', hex('héllo wörld €', 'utf-8'));
console.log('latin1', hex('héllo wörld €', 'latin1'));
console.log('binary', hex('héllo wörld €', 'binary'));
console.log('ascii', hex('héllo', 'ascii'));
console.log('hex', hex('616263', 'hex'));
console.log('base64', hex('YWJj', 'base64'));
console.log('base64url', hex('_-8', 'base64url'));
console.log('utf16le', hex('abc', 'utf16le'));
console.log('emoji', hex('😀 \u{1F600}'));
console.log('lone surrogate', hex('\ud800'));
console.log('nul', hex('\0'));
console.log('abc as Buffer equals abc as string',
  hex(Buffer.from('abc')) === hex('abc'));

// Binary inputs: Buffer, Uint8Array, DataView, and the bytes of a Uint16Array.
console.log('Buffer', crypto.createHash('sha1').update(Buffer.from([1, 2, 3, 4])).digest('hex'));
console.log('Uint8Array', crypto.createHash('sha1').update(new Uint8Array([1, 2, 3, 4])).digest('hex'));
console.log('DataView', crypto.createHash('sha1').update(new DataView(new Uint8Array([0, 1, 2, 3, 4, 5]).buffer, 1, 4)).digest('hex'));
console.log('Uint16Array', crypto.createHash('sha1').update(new Uint16Array([0x0201, 0x0403])).digest('hex'));
console.log('subarray', crypto.createHash('sha1').update(new Uint8Array([9, 1, 2, 3, 4, 9]).subarray(1, 5)).digest('hex'));
console.log('Float64Array', crypto.createHash('sha1').update(new Float64Array([1.5])).digest('hex'));
// An encoding given with a Buffer is ignored.
console.log('Buffer with hex encoding', crypto.createHash('sha1').update(Buffer.from([1, 2, 3, 4]), 'hex').digest('hex'));

// digest() output forms.
const d = () => crypto.createHash('sha1').update('abc');
const raw = d().digest();
console.log('digest()', Buffer.isBuffer(raw), raw.length, raw.toString('hex'));
console.log('digest(hex)', d().digest('hex'));
console.log('digest(base64)', d().digest('base64'));
console.log('digest(base64url)', d().digest('base64url'));
console.log('digest(latin1)', JSON.stringify(d().digest('latin1')));
console.log('digest(binary)', JSON.stringify(d().digest('binary')));
const asBuffer = d().digest('buffer');
console.log('digest(buffer)', Buffer.isBuffer(asBuffer), asBuffer.toString('hex'));
console.log('digest(undefined)', Buffer.isBuffer(d().digest(undefined)));
console.log('digest(HEX)', d().digest('HEX'));

// copy(): the copy carries the state so far, and the two diverge afterwards.
const orig = crypto.createHash('sha256').update('ab');
const copy = orig.copy();
console.log('copy is a Hash', copy instanceof crypto.Hash, copy !== orig);
orig.update('c');
copy.update('d');
console.log('orig abc', orig.digest('hex'));
console.log('copy abd', copy.digest('hex'));
const c2 = crypto.createHash('md5').update('x');
const c3 = c2.copy();
console.log('copy then digest both', c2.digest('hex') === c3.digest('hex'));
// A copy of an XOF takes its own outputLength option.
const xof = crypto.createHash('shake128', { outputLength: 5 }).update('abc');
console.log('xof copy outputLength 8', xof.copy({ outputLength: 8 }).digest('hex'));
console.log('xof original', xof.digest('hex'));

// update() returns the hash itself, so calls chain.
const chain = crypto.createHash('sha1');
console.log('update returns this', chain.update('a') === chain);
console.log('chained', crypto.createHash('sha1').update('a').update('b').update('c').digest('hex'));

// crypto.hash(): one-shot, hex by default.
console.log('hash sha1', crypto.hash('sha1', 'abc'));
console.log('hash md5 base64', crypto.hash('md5', 'abc', 'base64'));
console.log('hash sha256 base64url', crypto.hash('sha256', 'abc', 'base64url'));
const hb = crypto.hash('sha256', Buffer.from('abc'), 'buffer');
console.log('hash buffer', Buffer.isBuffer(hb), hb.toString('hex'));
console.log('hash Uint8Array', crypto.hash('sha1', new Uint8Array([97, 98, 99])));
console.log('hash empty', crypto.hash('sha1', ''));
console.log('hash SHA512 upper', crypto.hash('SHA512', 'abc').slice(0, 32));

// Hash as a constructor and a stream.
const viaCall = crypto.Hash('sha1');
console.log('Hash() without new', viaCall instanceof crypto.Hash, viaCall.update('abc').digest('hex'));
const viaNew = new crypto.Hash('sha1');
console.log('new Hash', viaNew instanceof crypto.Hash);
const h = crypto.createHash('sha1');
console.log('instanceof Hash', h instanceof crypto.Hash);
console.log('instanceof Transform', h instanceof Transform);
console.log('typeof update/digest/copy', typeof h.update, typeof h.digest, typeof h.copy);

// Streaming: write/end then read the digest as a Buffer.
const s1 = crypto.createHash('sha256');
s1.write('a');
s1.end('b');
const r1 = s1.read();
console.log('write/end/read', Buffer.isBuffer(r1), r1 && r1.toString('hex'));

// setEncoding makes read() return a string.
const s2 = crypto.createHash('sha256');
s2.setEncoding('hex');
s2.write('ab');
s2.end();
console.log('setEncoding hex read', s2.read());

// 'readable' and 'data' events; these come asynchronously.
const s3 = crypto.createHash('md5');
s3.on('readable', () => {
  const chunk = s3.read();
  if (chunk !== null) console.log('readable event', chunk.toString('hex'));
});
s3.end('abc');

const s4 = crypto.createHash('sha1');
s4.setEncoding('base64');
s4.on('data', (chunk) => console.log('data event', typeof chunk, chunk));
s4.on('end', () => {
  console.log('end event');
  // pipeline: Readable.from into a Hash, the digest read after it finishes.
  const s5 = crypto.createHash('sha256');
  pipeline(Readable.from(['a', 'b', 'c']), s5, (err) => {
    console.log('pipeline done', err);
    console.log('pipeline digest', s5.read().toString('hex'));
  });
});
s4.write(Buffer.from('a'));
s4.write('bc');
s4.end();

// Shared memory hashes like any other bytes.
{
  const shared = new Uint8Array(new SharedArrayBuffer(6));
  shared.set([1, 2, 3, 4, 5, 6]);
  console.log('shared', crypto.createHash('sha1').update(shared.subarray(1, 4)).digest('hex'));
  console.log('shared pbkdf2', crypto.pbkdf2Sync(new SharedArrayBuffer(4), 'salt', 2, 8, 'sha256').toString('hex'));
}

// The digest a hash stream pushes at its end leaves the caller's digest() to answer once more:
// the same digest for a hash, an empty one for an HMAC.
{
  const h = crypto.createHash('sha256');
  h.on('data', (d) => {
    console.log('stream end digest', d.toString('hex').slice(0, 16));
    console.log('digest() after it', h.digest('hex').slice(0, 16));
    try {
      h.digest();
    } catch (e) {
      console.log('digest() again', e.code);
    }
  });
  h.end('abc');
  const m = crypto.createHmac('sha256', 'k');
  m.on('data', () => console.log('hmac digest() after stream end', JSON.stringify(m.digest('hex'))));
  m.end('abc');
}
