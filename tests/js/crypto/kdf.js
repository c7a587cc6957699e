'use strict';
// Key derivation: pbkdf2 (RFC 6070 vectors), hkdf (RFC 5869 vectors) and scrypt (RFC 7914
// vectors), sync and with callbacks, and their argument errors.
const crypto = require('crypto');

function check(label, fn) {
  try {
    const r = fn();
    let shown;
    if (Buffer.isBuffer(r)) shown = `Buffer<${r.toString('hex')}>`;
    else if (r instanceof ArrayBuffer) shown = `ArrayBuffer<${Buffer.from(r).toString('hex')}>`;
    else shown = JSON.stringify(r);
    console.log(label, 'returned', shown);
  } catch (e) {
    console.log(label, '|', e.name, '|', e.code, '|', e.message);
  }
}
const hexOf = (ab) => Buffer.from(ab).toString('hex');

// pbkdf2Sync: RFC 6070 (HMAC-SHA1).
const p1 = crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1');
console.log('pbkdf2Sync returns a Buffer', Buffer.isBuffer(p1), p1.length);
console.log('rfc6070 c=1', p1.toString('hex'));
console.log('rfc6070 c=2', crypto.pbkdf2Sync('password', 'salt', 2, 20, 'sha1').toString('hex'));
console.log('rfc6070 c=4096', crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'));
console.log('rfc6070 long', crypto.pbkdf2Sync('passwordPASSWORDpassword',
  'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1').toString('hex'));
console.log('rfc6070 nul', crypto.pbkdf2Sync('pass\0word', 'sa\0lt', 4096, 16, 'sha1').toString('hex'));
// The same inputs with sha256 and sha512, and a key longer than one hash block.
console.log('sha256 c=1', crypto.pbkdf2Sync('password', 'salt', 1, 32, 'sha256').toString('hex'));
console.log('sha256 c=4096', crypto.pbkdf2Sync('password', 'salt', 4096, 32, 'sha256').toString('hex'));
console.log('sha256 dkLen 40', crypto.pbkdf2Sync('password', 'salt', 2, 40, 'sha256').toString('hex'));
console.log('sha512 c=1', crypto.pbkdf2Sync('password', 'salt', 1, 64, 'sha512').toString('hex'));
console.log('sha512 c=1000', crypto.pbkdf2Sync('password', 'salt', 1000, 64, 'sha512').toString('hex'));
console.log('md5', crypto.pbkdf2Sync('password', 'salt', 10, 16, 'md5').toString('hex'));
console.log('SHA256 upper', crypto.pbkdf2Sync('password', 'salt', 1, 8, 'SHA256').toString('hex'));
console.log('keylen 0', crypto.pbkdf2Sync('password', 'salt', 1, 0, 'sha1').length);
// Password and salt as binary views; an ArrayBuffer is accepted too.
console.log('Buffer inputs', crypto.pbkdf2Sync(Buffer.from('password'), Buffer.from('salt'), 1, 20, 'sha1').toString('hex'));
console.log('Uint8Array/DataView inputs', crypto.pbkdf2Sync(new Uint8Array(Buffer.from('password')),
  new DataView(new Uint8Array(Buffer.from('salt')).buffer), 1, 20, 'sha1').toString('hex'));
console.log('ArrayBuffer inputs', crypto.pbkdf2Sync(new Uint8Array(Buffer.from('password')).buffer,
  new Uint8Array(Buffer.from('salt')).buffer, 1, 20, 'sha1').toString('hex'));
console.log('empty password and salt', crypto.pbkdf2Sync('', '', 1, 20, 'sha1').toString('hex'));

// pbkdf2 errors.
check('pbkdf2Sync bad digest', () => crypto.pbkdf2Sync('p', 's', 1, 10, 'bogus'));
check('pbkdf2 bad digest', () => crypto.pbkdf2('p', 's', 1, 10, 'bogus', () => {}));
check('pbkdf2Sync no digest', () => crypto.pbkdf2Sync('p', 's', 1, 10));
check('pbkdf2Sync null digest', () => crypto.pbkdf2Sync('p', 's', 1, 10, null));
check('pbkdf2Sync keylen -1', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
check('pbkdf2 keylen -1', () => crypto.pbkdf2('p', 's', 1, -1, 'sha1', () => {}));
check('pbkdf2Sync keylen 1.5', () => crypto.pbkdf2Sync('p', 's', 1, 1.5, 'sha1'));
check('pbkdf2Sync keylen "1"', () => crypto.pbkdf2Sync('p', 's', 1, '1', 'sha1'));
check('pbkdf2Sync keylen 2**31', () => crypto.pbkdf2Sync('p', 's', 1, 2 ** 31, 'sha1'));
check('pbkdf2Sync iterations 0', () => crypto.pbkdf2Sync('p', 's', 0, 10, 'sha1'));
check('pbkdf2 iterations 0', () => crypto.pbkdf2('p', 's', 0, 10, 'sha1', () => {}));
check('pbkdf2Sync iterations -1', () => crypto.pbkdf2Sync('p', 's', -1, 10, 'sha1'));
check('pbkdf2Sync iterations 1.5', () => crypto.pbkdf2Sync('p', 's', 1.5, 10, 'sha1'));
check('pbkdf2Sync iterations "1"', () => crypto.pbkdf2Sync('p', 's', '1', 10, 'sha1'));
check('pbkdf2 missing cb', () => crypto.pbkdf2('p', 's', 1, 10, 'sha1'));
check('pbkdf2 cb 5', () => crypto.pbkdf2('p', 's', 1, 10, 'sha1', 5));
check('pbkdf2 cb in digest position', () => crypto.pbkdf2('p', 's', 1, 10, () => {}));
check('pbkdf2Sync password 5', () => crypto.pbkdf2Sync(5, 's', 1, 10, 'sha1'));
check('pbkdf2Sync salt null', () => crypto.pbkdf2Sync('p', null, 1, 10, 'sha1'));
check('pbkdf2Sync salt {}', () => crypto.pbkdf2Sync('p', {}, 1, 10, 'sha1'));

// hkdfSync: RFC 5869 test case 1 (sha256). The result is an ArrayBuffer.
const ikm1 = Buffer.alloc(22, 0x0b);
const salt1 = Buffer.from('000102030405060708090a0b0c', 'hex');
const info1 = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
const okm1 = crypto.hkdfSync('sha256', ikm1, salt1, info1, 42);
console.log('hkdfSync returns', Object.prototype.toString.call(okm1), okm1 instanceof ArrayBuffer, okm1.byteLength);
console.log('rfc5869 tc1', hexOf(okm1));
// RFC 5869 test case 3: empty salt and info.
console.log('rfc5869 tc3', hexOf(crypto.hkdfSync('sha256', ikm1, '', '', 42)));
console.log('rfc5869 tc3, Buffer salt/info', hexOf(crypto.hkdfSync('sha256', ikm1, Buffer.alloc(0), Buffer.alloc(0), 42)));
// RFC 5869 test case 4 (sha1).
console.log('rfc5869 tc4 sha1', hexOf(crypto.hkdfSync('sha1', Buffer.alloc(11, 0x0b),
  Buffer.from('000102030405060708090a0b0c', 'hex'), Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42)));
console.log('string inputs', hexOf(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)));
console.log('sha512', hexOf(crypto.hkdfSync('sha512', 'key', 'salt', 'info', 16)));
console.log('SHA256 upper', hexOf(crypto.hkdfSync('SHA256', 'key', 'salt', 'info', 16)));
console.log('empty key', hexOf(crypto.hkdfSync('sha256', '', 'salt', 'info', 16)));
console.log('length 0', crypto.hkdfSync('sha256', 'key', 'salt', 'info', 0).byteLength);
console.log('max length 255*32', crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32).byteLength);
console.log('info of 1024 bytes', hexOf(crypto.hkdfSync('sha256', 'key', 'salt', Buffer.alloc(1024), 8)));

check('hkdfSync bad digest', () => crypto.hkdfSync('bogus', 'key', 'salt', 'info', 10));
check('hkdfSync digest 5', () => crypto.hkdfSync(5, 'key', 'salt', 'info', 10));
check('hkdfSync length 255*32+1', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32 + 1));
check('hkdfSync length -1', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', -1));
check('hkdfSync length "1"', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', '1'));
check('hkdfSync info of 1025 bytes', () => crypto.hkdfSync('sha256', 'key', 'salt', Buffer.alloc(1025), 10));
check('hkdfSync key 5', () => crypto.hkdfSync('sha256', 5, 'salt', 'info', 10));
check('hkdfSync salt 5', () => crypto.hkdfSync('sha256', 'key', 5, 'info', 10));
check('hkdfSync info 5', () => crypto.hkdfSync('sha256', 'key', 'salt', 5, 10));
check('hkdf missing cb', () => crypto.hkdf('sha256', 'key', 'salt', 'info', 10));
check('hkdf bad digest', () => crypto.hkdf('bogus', 'key', 'salt', 'info', 10, () => {}));

// scryptSync: RFC 7914 section 12 vectors, and small N.
const s1 = crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 });
console.log('scryptSync returns a Buffer', Buffer.isBuffer(s1), s1.length);
console.log('rfc7914 #1', s1.toString('hex'));
console.log('rfc7914 #2', crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log('rfc7914 #3', crypto.scryptSync('pleaseletmein', 'SodiumChloride', 64, { N: 16384, r: 8, p: 1 }).toString('hex'));
// The long option names mean the same as N, r and p.
console.log('cost/blockSize/parallelization', crypto.scryptSync('', '', 64,
  { cost: 16, blockSize: 1, parallelization: 1 }).toString('hex'));
console.log('N 16 r 2 p 3', crypto.scryptSync('pw', 'salt', 32, { N: 16, r: 2, p: 3 }).toString('hex'));
// Defaults are N 16384, r 8, p 1; options given as 0 take the default.
const dflt = crypto.scryptSync('pw', 'salt', 16).toString('hex');
console.log('defaults', dflt);
console.log('N 0 r 0 p 0 mean the defaults', crypto.scryptSync('pw', 'salt', 16, { N: 0, r: 0, p: 0 }).toString('hex') === dflt);
console.log('keylen 0', crypto.scryptSync('pw', 'salt', 0).length);
console.log('Buffer inputs', crypto.scryptSync(Buffer.from('pw'), Buffer.from('salt'), 16, { N: 16 }).toString('hex'));
// maxmem: the memory needed is 128 * p * r + 128 * r * (N + 2) bytes.
console.log('maxmem exactly enough', crypto.scryptSync('pw', 'salt', 16, { N: 1024, r: 8, maxmem: 1051648 }).length);

// Invalid N is checked before the memory limits below: node puts OpenSSL's last error in the
// message, and a memory limit error would otherwise linger into these messages.
check('scryptSync N 15', () => crypto.scryptSync('pw', 'salt', 16, { N: 15 }));
check('scryptSync N 1', () => crypto.scryptSync('pw', 'salt', 16, { N: 1 }));
check('scryptSync N 1.5', () => crypto.scryptSync('pw', 'salt', 16, { N: 1.5 }));
check('scryptSync N "x"', () => crypto.scryptSync('pw', 'salt', 16, { N: 'x' }));
check('scryptSync cost 15', () => crypto.scryptSync('pw', 'salt', 16, { cost: 15 }));
check('scrypt N 15', () => crypto.scrypt('pw', 'salt', 16, { N: 15 }, () => {}));
check('scryptSync r -1', () => crypto.scryptSync('pw', 'salt', 16, { r: -1 }));
check('scryptSync blockSize "x"', () => crypto.scryptSync('pw', 'salt', 16, { blockSize: 'x' }));
check('scryptSync parallelization -1', () => crypto.scryptSync('pw', 'salt', 16, { parallelization: -1 }));
check('scryptSync N and cost', () => crypto.scryptSync('pw', 'salt', 16, { N: 16, cost: 16 }));
check('scryptSync r and blockSize', () => crypto.scryptSync('pw', 'salt', 16, { r: 1, blockSize: 1 }));
check('scryptSync p and parallelization', () => crypto.scryptSync('pw', 'salt', 16, { p: 1, parallelization: 1 }));
check('scryptSync maxmem one byte short', () => crypto.scryptSync('pw', 'salt', 16, { N: 1024, r: 8, maxmem: 1051647 }));
check('scryptSync N 2**15 r 8 over the 32 MiB default', () => crypto.scryptSync('pw', 'salt', 16, { N: 2 ** 15, r: 8 }));
check('scryptSync p 2**30', () => crypto.scryptSync('pw', 'salt', 16, { N: 16, r: 1, p: 2 ** 30 }));
check('scryptSync maxmem -1', () => crypto.scryptSync('pw', 'salt', 16, { maxmem: -1 }));
check('scryptSync maxmem "x"', () => crypto.scryptSync('pw', 'salt', 16, { maxmem: 'x' }));
check('scryptSync keylen -1', () => crypto.scryptSync('pw', 'salt', -1));
check('scryptSync keylen "1"', () => crypto.scryptSync('pw', 'salt', '1'));
check('scryptSync password 5', () => crypto.scryptSync(5, 'salt', 16));
check('scrypt missing cb', () => crypto.scrypt('pw', 'salt', 16));
check('scrypt options but no cb', () => crypto.scrypt('pw', 'salt', 16, { N: 16 }));
// The memory limit is checked before scrypt starts, so it throws rather than calling back.
check('scrypt maxmem short', () => crypto.scrypt('pw', 'salt', 16, { N: 1024, r: 8, maxmem: 1024 }, () => {}));

// The callback forms, run one after another so the output order is fixed.
const steps = [
  (next) => crypto.pbkdf2('password', 'salt', 1, 20, 'sha1', (err, key) => {
    console.log('pbkdf2 cb rfc6070 c=1', err, Buffer.isBuffer(key), key.toString('hex'));
    next();
  }),
  (next) => crypto.pbkdf2('password', 'salt', 4096, 32, 'sha256', (err, key) => {
    console.log('pbkdf2 cb sha256', err, key.toString('hex'));
    next();
  }),
  (next) => crypto.pbkdf2(Buffer.from('password'), 'salt', 1, 64, 'sha512', (err, key) => {
    console.log('pbkdf2 cb sha512', err, key.toString('hex'));
    next();
  }),
  (next) => crypto.hkdf('sha256', ikm1, salt1, info1, 42, (err, key) => {
    console.log('hkdf cb rfc5869 tc1', err, key instanceof ArrayBuffer, hexOf(key));
    next();
  }),
  (next) => crypto.scrypt('', '', 64, { N: 16, r: 1, p: 1 }, (err, key) => {
    console.log('scrypt cb rfc7914 #1', err, Buffer.isBuffer(key), key.toString('hex'));
    next();
  }),
  (next) => crypto.scrypt('pw', 'salt', 16, (err, key) => {
    console.log('scrypt cb without options equals the defaults', err, key.toString('hex') === dflt);
    next();
  }),
];
function next() {
  const step = steps.shift();
  if (step) step(next);
}
next();
console.log('sync end');
