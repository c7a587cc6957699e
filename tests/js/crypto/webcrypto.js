'use strict';
// The Web Crypto globals: globalThis.crypto and the node module's webcrypto and subtle, their
// classes, and crypto.subtle.digest with its rejections.
const nodeCrypto = require('crypto');

// The global is the module's webcrypto object.
console.log('globalThis.crypto === webcrypto', globalThis.crypto === nodeCrypto.webcrypto);
console.log('subtle === webcrypto.subtle', nodeCrypto.subtle === nodeCrypto.webcrypto.subtle);
console.log('globalThis.crypto.subtle === subtle', globalThis.crypto.subtle === nodeCrypto.subtle);
console.log('typeof randomUUID', typeof globalThis.crypto.randomUUID, typeof nodeCrypto.randomUUID);
console.log('typeof getRandomValues', typeof globalThis.crypto.getRandomValues, typeof nodeCrypto.getRandomValues);
console.log('typeof subtle.digest', typeof globalThis.crypto.subtle.digest);
const desc = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
console.log('globalThis.crypto is a getter', typeof desc.get, 'enumerable', desc.enumerable,
  'configurable', desc.configurable);

// Class names and tags.
console.log('toString(globalThis.crypto)', Object.prototype.toString.call(globalThis.crypto));
console.log('globalThis.crypto.constructor.name', globalThis.crypto.constructor.name);
console.log('toString(subtle)', Object.prototype.toString.call(globalThis.crypto.subtle));
console.log('subtle.constructor.name', globalThis.crypto.subtle.constructor.name);
console.log('toString(require("crypto"))', Object.prototype.toString.call(nodeCrypto));
console.log('typeof Crypto, SubtleCrypto', typeof Crypto, typeof SubtleCrypto);
console.log('instanceof Crypto', globalThis.crypto instanceof Crypto,
  'subtle instanceof SubtleCrypto', globalThis.crypto.subtle instanceof SubtleCrypto);
console.log('Crypto.prototype names', JSON.stringify(Object.getOwnPropertyNames(Crypto.prototype).sort()));
console.log('own names of globalThis.crypto', JSON.stringify(Object.getOwnPropertyNames(globalThis.crypto)));
for (const [name, C] of [['Crypto', Crypto], ['SubtleCrypto', SubtleCrypto]]) {
  try {
    new C();
    console.log(`new ${name}() succeeded`);
  } catch (e) {
    console.log(`new ${name}()`, '|', e.name, '|', e.code, '|', e.message);
  }
}

const hex = (ab) => Buffer.from(ab).toString('hex');

async function main() {
  // digest of 'abc' with each algorithm, the name as a string and as {name}, the data as an
  // ArrayBuffer, a Uint8Array and a DataView.
  const bytes = new Uint8Array([0x61, 0x62, 0x63]);
  for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) {
    const p = crypto.subtle.digest(alg, bytes.buffer);
    console.log(alg, 'returns a Promise', p instanceof Promise);
    const r = await p;
    console.log(alg, 'string name, ArrayBuffer', Object.prototype.toString.call(r), r.byteLength, hex(r));
    console.log(alg, '{name}, Uint8Array', hex(await crypto.subtle.digest({ name: alg }, bytes)));
    console.log(alg, 'string name, DataView', hex(await crypto.subtle.digest(alg, new DataView(bytes.buffer))));
  }
  // Names are case-insensitive.
  console.log('sha-256 lower case', hex(await crypto.subtle.digest('sha-256', bytes)));
  console.log('{name: "Sha-1"}', hex(await crypto.subtle.digest({ name: 'Sha-1' }, bytes)));
  // A view of part of a buffer hashes only that part.
  const wide = new Uint8Array([0, 0x61, 0x62, 0x63, 0]);
  console.log('subarray', hex(await crypto.subtle.digest('SHA-1', wide.subarray(1, 4))));
  console.log('DataView window', hex(await crypto.subtle.digest('SHA-1', new DataView(wide.buffer, 1, 3))));
  console.log('Buffer', hex(await crypto.subtle.digest('SHA-1', Buffer.from('abc'))));
  console.log('Uint16Array', hex(await crypto.subtle.digest('SHA-1', new Uint16Array([0x6261]))));
  console.log('empty', hex(await crypto.subtle.digest('SHA-256', new ArrayBuffer(0))));
  // The data is copied when digest is called: changing it afterwards does not matter.
  const mutable = new Uint8Array([0x61, 0x62, 0x63]);
  const pending = crypto.subtle.digest('SHA-1', mutable);
  mutable[0] = 0;
  console.log('data copied at call time', hex(await pending));
  // Each call gives a new ArrayBuffer.
  const a = await crypto.subtle.digest('SHA-1', bytes);
  const b = await crypto.subtle.digest('SHA-1', bytes);
  console.log('new buffer each time', a !== b, hex(a) === hex(b));

  // Failures reject the promise; nothing is thrown synchronously.
  const failures = [
    ['MD5', () => crypto.subtle.digest('MD5', bytes)],
    ['{name: "MD5"}', () => crypto.subtle.digest({ name: 'MD5' }, bytes)],
    ['SHA256 (no dash)', () => crypto.subtle.digest('SHA256', bytes)],
    ['SHA-224', () => crypto.subtle.digest('SHA-224', bytes)],
    ['5 as the algorithm', () => crypto.subtle.digest(5, bytes)],
    ['{} as the algorithm', () => crypto.subtle.digest({}, bytes)],
    ['string data', () => crypto.subtle.digest('SHA-256', 'abc')],
    ['array data', () => crypto.subtle.digest('SHA-256', [1, 2])],
    ['missing data', () => crypto.subtle.digest('SHA-256')],
    ['no arguments', () => crypto.subtle.digest()],
    ['wrong this', () => crypto.subtle.digest.call({}, 'SHA-256', bytes)],
  ];
  for (const [label, fn] of failures) {
    let p;
    try {
      p = fn();
    } catch (e) {
      console.log(label, 'threw synchronously', e.name, e.message);
      continue;
    }
    try {
      await p;
      console.log(label, 'resolved');
    } catch (e) {
      console.log(label, '| rejected |', e.name, '|', e.code, '|', e.message, '| DOMException', e instanceof DOMException);
    }
  }
}
main().then(() => console.log('done'));
