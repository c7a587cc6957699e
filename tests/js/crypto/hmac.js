'use strict';
// createHmac: known vectors (RFC 2202, RFC 4231), key types and lengths, digest encodings,
// digest after digest, errors, and the Hmac object as a Transform stream.
const crypto = require('crypto');
const { Transform, Readable, pipeline } = require('stream');

function check(label, fn) {
  try {
    const r = fn();
    console.log(label, 'returned', Buffer.isBuffer(r) ? `Buffer<${r.toString('hex')}>` : JSON.stringify(r));
  } catch (e) {
    console.log(label, '|', e.name, '|', e.code, '|', e.message);
  }
}
const hmacHex = (alg, key, data) => crypto.createHmac(alg, key).update(data).digest('hex');

// RFC 2202 test case 2 (md5 and sha1) and RFC 4231 test case 2 (sha224/256/384/512).
const key2 = 'Jefe';
const data2 = 'what do ya want for nothing?';
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
  console.log('Jefe', alg, hmacHex(alg, key2, data2));
}
// RFC 4231 test case 1: a 20-byte key of 0x0b.
const key1 = Buffer.alloc(20, 0x0b);
console.log('tc1 sha256', hmacHex('sha256', key1, 'Hi There'));
console.log('tc1 sha512', hmacHex('sha512', key1, 'Hi There'));
// RFC 4231 test case 6: a 131-byte key, longer than the block size, so it is hashed first.
const key6 = Buffer.alloc(131, 0xaa);
const data6 = 'Test Using Larger Than Block-Size Key - Hash Key First';
console.log('tc6 sha256', hmacHex('sha256', key6, data6));
console.log('tc6 sha512', hmacHex('sha512', key6, data6));
// RFC 2202 test case 6: an 80-byte key for md5 and sha1.
const key80 = Buffer.alloc(80, 0xaa);
console.log('rfc2202 tc6 md5', hmacHex('md5', key80, data6));
console.log('rfc2202 tc6 sha1', hmacHex('sha1', key80, data6));
// A key exactly the block size (64 for sha256) and one byte over.
console.log('64-byte key', hmacHex('sha256', Buffer.alloc(64, 1), 'x'));
console.log('65-byte key', hmacHex('sha256', Buffer.alloc(65, 1), 'x'));
// Other algorithms.
console.log('sha3-256', hmacHex('sha3-256', 'key', 'data'));
console.log('sha512-256', hmacHex('sha512-256', 'key', 'data'));
console.log('ripemd160', hmacHex('ripemd160', 'key', 'data'));
console.log('SHA256 upper', hmacHex('SHA256', 'key', 'data'));
console.log('RSA-SHA256', hmacHex('RSA-SHA256', 'key', 'data'));

// Key types: a string (utf8), a Buffer, a Uint8Array, a DataView and an ArrayBuffer with the
// same bytes all give the same result.
const kbytes = Buffer.from('k€y');
console.log('string key', hmacHex('sha256', 'k€y', 'data'));
console.log('Buffer key', hmacHex('sha256', kbytes, 'data'));
console.log('Uint8Array key', hmacHex('sha256', new Uint8Array(kbytes), 'data'));
console.log('DataView key', hmacHex('sha256', new DataView(new Uint8Array(kbytes).buffer), 'data'));
console.log('ArrayBuffer key', hmacHex('sha256', new Uint8Array(kbytes).buffer, 'data'));
// The options' encoding decodes a string key.
console.log('hex-encoded key', crypto.createHmac('sha256', '6b6579', { encoding: 'hex' }).update('data').digest('hex'));
console.log('same as key "key"', hmacHex('sha256', 'key', 'data'));
// Empty keys: a key of zero bytes pads to the same block as a key of zero-valued bytes.
console.log('empty string key', hmacHex('sha256', '', 'data'));
console.log('empty Buffer key', hmacHex('sha256', Buffer.alloc(0), 'data'));
console.log('3 zero bytes key', hmacHex('sha256', Buffer.alloc(3), 'data'));
console.log('empty key, empty data', hmacHex('sha1', '', ''));
console.log('no update', crypto.createHmac('md5', 'key').digest('hex'));

// Data: encodings and binary views.
const upd = (data, enc) => crypto.createHmac('sha1', 'key').update(data, enc).digest('hex');
console.log('data utf8', upd('héllo'));
console.log('data latin1', upd('héllo', 'latin1'));
console.log('data hex', upd('68656c6c6f', 'hex'));
console.log('data base64', upd('aGVsbG8=', 'base64'));
console.log('data Buffer', upd(Buffer.from('hello')));
console.log('data Uint16Array', upd(new Uint16Array([0x6568, 0x6c6c])));
console.log('multi-update', crypto.createHmac('sha1', 'key').update('he').update('llo').digest('hex'));

// Every digest encoding.
const mk = () => crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog');
const raw = mk().digest();
console.log('digest()', Buffer.isBuffer(raw), raw.length, raw.toString('hex'));
console.log('digest(hex)', mk().digest('hex'));
console.log('digest(base64)', mk().digest('base64'));
console.log('digest(base64url)', mk().digest('base64url'));
console.log('digest(latin1)', JSON.stringify(mk().digest('latin1')));
console.log('digest(buffer)', mk().digest('buffer').toString('hex'));
console.log('digest(bogus) is a Buffer', Buffer.isBuffer(mk().digest('bogus')));

// After digest, digest again returns an empty result instead of throwing; update throws.
const once = mk();
once.digest('hex');
check('digest again hex', () => once.digest('hex'));
check('digest again base64', () => once.digest('base64'));
check('digest again buffer', () => once.digest());
check('digest again length', () => once.digest().length);
check('update after digest', () => once.update('x'));

// update returns this.
const chain = crypto.createHmac('sha1', 'k');
console.log('update returns this', chain.update('a') === chain);

// Errors.
check('createHmac("bogus", "k")', () => crypto.createHmac('bogus', 'k'));
check('createHmac("", "k")', () => crypto.createHmac('', 'k'));
check('createHmac(5, "k")', () => crypto.createHmac(5, 'k'));
check('createHmac(undefined, "k")', () => crypto.createHmac(undefined, 'k'));
check('createHmac(null, "k")', () => crypto.createHmac(null, 'k'));
check('createHmac("sha1")', () => crypto.createHmac('sha1'));
check('createHmac("sha1", 5)', () => crypto.createHmac('sha1', 5));
check('createHmac("sha1", null)', () => crypto.createHmac('sha1', null));
check('createHmac("sha1", {})', () => crypto.createHmac('sha1', {}));
check('createHmac("sha1", [1])', () => crypto.createHmac('sha1', [1]));
check('createHmac("sha1", true)', () => crypto.createHmac('sha1', true));
check('update(5)', () => crypto.createHmac('sha1', 'k').update(5));
check('update(null)', () => crypto.createHmac('sha1', 'k').update(null));
check('update()', () => crypto.createHmac('sha1', 'k').update());

// Hmac as a constructor and a stream.
const viaCall = crypto.Hmac('sha1', 'key');
console.log('Hmac() without new', viaCall instanceof crypto.Hmac, viaCall.update('x').digest('hex'));
const hm = crypto.createHmac('sha1', 'key');
console.log('instanceof Hmac', hm instanceof crypto.Hmac, 'instanceof Hash', hm instanceof crypto.Hash);
console.log('instanceof Transform', hm instanceof Transform);
console.log('has copy', typeof hm.copy);

const s1 = crypto.createHmac('sha256', 'key');
s1.write('The quick brown fox ');
s1.end('jumps over the lazy dog');
const r1 = s1.read();
console.log('write/end/read', Buffer.isBuffer(r1), r1 && r1.toString('hex'));

const s2 = crypto.createHmac('md5', 'key');
s2.setEncoding('hex');
s2.on('data', (chunk) => console.log('data event', chunk));
s2.on('end', () => {
  console.log('end event');
  const s3 = crypto.createHmac('sha1', 'key');
  pipeline(Readable.from([Buffer.from('he'), 'llo']), s3, (err) => {
    console.log('pipeline done', err);
    console.log('pipeline digest', s3.read().toString('hex'));
  });
});
s2.end('hello');
