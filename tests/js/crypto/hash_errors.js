'use strict';
// The errors of createHash, Hash methods and crypto.hash(): name, code and message, and the
// extra properties of OpenSSL errors.
const crypto = require('crypto');

function check(label, fn) {
  try {
    const r = fn();
    let shown;
    if (Buffer.isBuffer(r)) shown = `Buffer(${r.length})`;
    else if (typeof r === 'object' && r !== null) shown = r.constructor.name;
    else shown = JSON.stringify(r);
    console.log(label, 'returned', shown);
  } catch (e) {
    console.log(label, '|', e.name, '|', e.code, '|', e.message);
  }
}

// Unknown algorithms: a plain Error with no code.
check('createHash("bogus")', () => crypto.createHash('bogus'));
check('createHash("")', () => crypto.createHash(''));
check('createHash("sha_256")', () => crypto.createHash('sha_256'));
check('createHash("sha256 ")', () => crypto.createHash('sha256 '));
try {
  crypto.createHash('bogus');
} catch (e) {
  console.log('unknown: instanceof Error', e instanceof Error, 'constructor', e.constructor.name,
    'own keys', JSON.stringify(Object.keys(e)), "'code' in e", 'code' in e);
}
check('new Hash("bogus")', () => new crypto.Hash('bogus'));
check('hash("bogus", "x")', () => crypto.hash('bogus', 'x'));

// Algorithm names that are not strings.
check('createHash()', () => crypto.createHash());
check('createHash(5)', () => crypto.createHash(5));
check('createHash(null)', () => crypto.createHash(null));
check('createHash({})', () => crypto.createHash({}));
check('createHash(Symbol)', () => crypto.createHash(Symbol('sha1')));
check('createHash(new String("sha1"))', () => crypto.createHash(new String('sha1')));
check('hash(5, "x")', () => crypto.hash(5, 'x'));

// Data that is neither a string nor a buffer view.
const h = () => crypto.createHash('sha1');
check('update()', () => h().update());
check('update(5)', () => h().update(5));
check('update({})', () => h().update({}));
check('update(null)', () => h().update(null));
check('update(undefined)', () => h().update(undefined));
check('update(true)', () => h().update(true));
check('update([1, 2])', () => h().update([1, 2]));
check('update(ArrayBuffer)', () => h().update(new ArrayBuffer(4)));
check('update(5n)', () => h().update(5n));
check('hash("sha1")', () => crypto.hash('sha1'));
check('hash("sha1", 5)', () => crypto.hash('sha1', 5));
check('hash("sha1", null)', () => crypto.hash('sha1', null));

// String encodings: an unknown input encoding falls back to utf8.
check('update("abc", "bogus")', () => h().update('abc', 'bogus').digest('hex'));
check('update("abc", "utf8")', () => h().update('abc', 'utf8').digest('hex'));

// Using the hash after digest.
const done = h().update('abc');
done.digest();
check('digest twice', () => done.digest());
check('digest twice hex', () => done.digest('hex'));
check('update after digest', () => done.update('x'));
check('copy after digest', () => done.copy());
check('update after digest, then digest', () => {
  const x = h();
  x.digest();
  try { x.update('a'); } catch { /* reported above */ }
  return x.digest('hex');
});

// An unknown digest encoding.
check('digest("bogus")', () => h().update('abc').digest('bogus'));
check('digest(5)', () => h().update('abc').digest(5));
check('digest(null)', () => h().update('abc').digest(null));

// crypto.hash() output encoding.
check('hash("sha1", "x", "bogus")', () => crypto.hash('sha1', 'x', 'bogus'));
check('hash("sha1", "x", 5)', () => crypto.hash('sha1', 'x', 5));
check('hash("sha1", "x", null)', () => crypto.hash('sha1', 'x', null));
check('hash("sha1", "x", "latin1")', () => crypto.hash('sha1', 'x', 'latin1').length);

// outputLength validation.
const xof = (outputLength) => () => crypto.createHash('shake256', { outputLength }).digest('hex');
check('outputLength -1', xof(-1));
check('outputLength 1.5', xof(1.5));
check('outputLength NaN', xof(NaN));
check('outputLength Infinity', xof(Infinity));
check('outputLength 2**32', xof(2 ** 32));
check('outputLength "3"', xof('3'));
check('outputLength null', xof(null));
check('outputLength 3n', xof(3n));
check('outputLength 2', xof(2));
check('copy outputLength -1', () => crypto.createHash('shake128').copy({ outputLength: -1 }));

// outputLength on a hash that is not an XOF: only its own digest length is accepted.
check('sha256 outputLength 32', () => crypto.createHash('sha256', { outputLength: 32 }).digest('hex'));
check('sha256 outputLength 16', () => crypto.createHash('sha256', { outputLength: 16 }));
check('sha256 outputLength 0', () => crypto.createHash('sha256', { outputLength: 0 }));
check('sha256 outputLength 64', () => crypto.createHash('sha256', { outputLength: 64 }));
check('sha1 outputLength -1', () => crypto.createHash('sha1', { outputLength: -1 }));
try {
  crypto.createHash('sha256', { outputLength: 5 });
} catch (e) {
  console.log('not XOF: own keys', JSON.stringify(Object.keys(e)));
  console.log('not XOF: library', e.library, '| reason', e.reason);
}
