'use strict';
// Decompression of fixed inputs recorded from node: every format, gzip with several members,
// trailing zero padding or trailing garbage, dictionaries, and truncated or corrupt data.

const zlib = require('zlib');

const b64 = (s) => Buffer.from(s, 'base64');
// 'The quick brown fox jumps over the lazy dog. ' three times.
const GZIP = b64('H4sIAAAAAAAAAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwihmWIAWAAeAIcAAAA=');
const DEFLATE = b64('eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIoZliAPk8MHY=');
const RAW = b64('C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCKGZYgA=');
const BROTLI = b64('G4YAiCwOeNPQlV2XELsXK6nK0JLMjK1BXObyNsgZnp4Ke4MNOHBIIG8kuUGnFc4cHieqKTjCofs0GA==');
// The same text deflated with the dictionary 'quick brown fox lazy dog'.
const DICT_DEFLATE = b64('eLtypQkNC8lIVShEk8sqzS0oVsgvSy1SKMlIhSvVU6CdYgD5PDB2');
// gzip of 'first member\n', of 'second member\n' and of ''.
const M1 = b64('H4sIAAAAAAAAA0vLLCouUchNzU1KLeICAKf0hQoNAAAA');
const M2 = b64('H4sIAAAAAAAAAytOTc7PS1HITc1NSi3iAgA2GEsODgAAAA==');
const EMPTY_GZIP = b64('H4sIAAAAAAAAAwMAAAAAAAAAAAA=');

function show(label, fn) {
  try {
    const out = fn();
    console.log(label, JSON.stringify(out.toString()));
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, err.errno, JSON.stringify(err.message),
                Object.keys(err).join());
  }
}

show('gunzip', () => zlib.gunzipSync(GZIP));
show('unzip gzip', () => zlib.unzipSync(GZIP));
show('inflate', () => zlib.inflateSync(DEFLATE));
show('unzip deflate', () => zlib.unzipSync(DEFLATE));
show('inflateRaw', () => zlib.inflateRawSync(RAW));
show('brotli', () => zlib.brotliDecompressSync(BROTLI));
show('empty gzip', () => zlib.gunzipSync(EMPTY_GZIP));

// Members are decompressed one after the other, by gunzip and unzip alike.
show('two members', () => zlib.gunzipSync(Buffer.concat([M1, M2])));
show('three members unzip', () => zlib.unzipSync(Buffer.concat([M1, EMPTY_GZIP, M2])));
// Zero bytes after a member are padding; anything else must be another member.
show('zero padding', () => zlib.gunzipSync(Buffer.concat([M1, Buffer.alloc(10)])));
show('padding then member', () => zlib.gunzipSync(Buffer.concat([M1, Buffer.alloc(3), M2])));
show('trailing garbage', () => zlib.gunzipSync(Buffer.concat([M1, Buffer.from('garbage!!')])));
show('trailing magic byte', () => zlib.gunzipSync(Buffer.concat([M1, Buffer.from([0x1f])])));
show('trailing magic', () => zlib.gunzipSync(Buffer.concat([M1, Buffer.from([0x1f, 0x8b])])));
// Inflate stops at the end of its stream and ignores what follows.
show('inflate + junk', () => zlib.inflateSync(Buffer.concat([DEFLATE, Buffer.from('junk')])));
show('inflateRaw + junk', () => zlib.inflateRawSync(Buffer.concat([RAW, Buffer.from('junk')])));

// Truncated input.
show('truncated gzip', () => zlib.gunzipSync(GZIP.subarray(0, GZIP.length - 5)));
show('gzip header only', () => zlib.gunzipSync(GZIP.subarray(0, 10)));
show('truncated deflate', () => zlib.inflateSync(DEFLATE.subarray(0, 20)));
show('truncated raw', () => zlib.inflateRawSync(RAW.subarray(0, 20)));
show('truncated brotli', () => zlib.brotliDecompressSync(BROTLI.subarray(0, 20)));
for (const name of ['gunzipSync', 'inflateSync', 'inflateRawSync', 'unzipSync', 'brotliDecompressSync']) {
  show(`empty ${name}`, () => zlib[name](Buffer.alloc(0)));
}

// Corrupt input.
show('inflate text', () => zlib.inflateSync(Buffer.from('hello world')));
show('gunzip text', () => zlib.gunzipSync(Buffer.from('hello world')));
show('unzip text', () => zlib.unzipSync(Buffer.from('hello world')));
show('inflate gzip', () => zlib.inflateSync(GZIP));
show('gunzip deflate', () => zlib.gunzipSync(DEFLATE));
show('inflateRaw bad block', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])));
const badCrc = Buffer.from(M1);
badCrc[badCrc.length - 8] ^= 1;
show('gzip bad crc', () => zlib.gunzipSync(badCrc));
const badLen = Buffer.from(M1);
badLen[badLen.length - 4] ^= 1;
show('gzip bad length', () => zlib.gunzipSync(badLen));
const badAdler = Buffer.from(DEFLATE);
badAdler[badAdler.length - 1] ^= 1;
show('deflate bad adler', () => zlib.inflateSync(badAdler));
show('brotli text', () => zlib.brotliDecompressSync(Buffer.from('hello world')));

// Dictionaries.
const dictionary = Buffer.from('quick brown fox lazy dog');
show('dictionary', () => zlib.inflateSync(DICT_DEFLATE, { dictionary }));
show('dictionary as ArrayBuffer', () => zlib.inflateSync(DICT_DEFLATE, { dictionary: new Uint8Array(dictionary).buffer }));
show('missing dictionary', () => zlib.inflateSync(DICT_DEFLATE));
show('wrong dictionary', () => zlib.inflateSync(DICT_DEFLATE, { dictionary: Buffer.from('wrong') }));
show('unneeded dictionary', () => zlib.inflateSync(DEFLATE, { dictionary }));
