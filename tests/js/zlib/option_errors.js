'use strict';
// Argument and option checks: chunkSize, level, windowBits, memLevel, strategy, flush flags,
// dictionary, maxOutputLength (ERR_BUFFER_TOO_LARGE), Brotli params, params() and the inputs.

const zlib = require('zlib');

function show(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', out && out.constructor ? out.constructor.name : out);
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, JSON.stringify(err.message));
  }
}

const options = {
  'chunkSize 10': { chunkSize: 10 },
  'chunkSize 64': { chunkSize: 64 },
  'chunkSize string': { chunkSize: '1024' },
  'chunkSize Infinity': { chunkSize: Infinity },
  'chunkSize NaN': { chunkSize: NaN },
  'level 10': { level: 10 },
  'level -2': { level: -2 },
  'level string': { level: '1' },
  'level -Infinity': { level: -Infinity },
  'level NaN': { level: NaN },
  'windowBits 7': { windowBits: 7 },
  'windowBits 16': { windowBits: 16 },
  'windowBits 0': { windowBits: 0 },
  'memLevel 0': { memLevel: 0 },
  'memLevel 10': { memLevel: 10 },
  'strategy 5': { strategy: 5 },
  'strategy -1': { strategy: -1 },
  'flush 6': { flush: 6 },
  'flush Z_SYNC_FLUSH': { flush: zlib.constants.Z_SYNC_FLUSH },
  'finishFlush -1': { finishFlush: -1 },
  'maxOutputLength 0': { maxOutputLength: 0 },
  'maxOutputLength huge': { maxOutputLength: 2 ** 33 },
  'dictionary string': { dictionary: 'dict' },
  'dictionary number': { dictionary: 1 },
  'encoding ignored': { encoding: 'hex', objectMode: true },
};
for (const [label, opts] of Object.entries(options)) {
  show(`Deflate ${label}`, () => zlib.createDeflate(opts));
}
// windowBits 0 means "from the header" when inflating; gzip needs at least 9.
show('Inflate windowBits 0', () => zlib.createInflate({ windowBits: 0 }));
show('Gunzip windowBits 0', () => zlib.createGunzip({ windowBits: 0 }));
show('InflateRaw windowBits 0', () => zlib.createInflateRaw({ windowBits: 0 }));
show('Gzip windowBits 8', () => zlib.createGzip({ windowBits: 8 }));
show('DeflateRaw windowBits 8', () => zlib.createDeflateRaw({ windowBits: 8 }));
show('sync level 10', () => zlib.deflateSync('x', { level: 10 }));
// The constructors work with and without `new`.
show('Gzip()', () => zlib.Gzip());
show('new Gzip()', () => new zlib.Gzip());
show('BrotliCompress()', () => zlib.BrotliCompress());

// Brotli parameters.
const { constants } = zlib;
const brotli = {
  'unknown key': { foo: 1 },
  'negative key': { '-1': 1 },
  'large key': { 1000: 1 },
  'string value': { [constants.BROTLI_PARAM_QUALITY]: '5' },
  'boolean value': { [constants.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING]: true },
  'quality 5': { [constants.BROTLI_PARAM_QUALITY]: 5 },
};
for (const [label, params] of Object.entries(brotli)) {
  show(`Brotli ${label}`, () => zlib.createBrotliCompress({ params }));
}
show('Brotli flush 4', () => zlib.createBrotliCompress({ flush: constants.BROTLI_OPERATION_EMIT_METADATA }));
show('Brotli flush 5', () => zlib.createBrotliCompress({ flush: 5 }));
show('Brotli chunkSize 1', () => zlib.createBrotliDecompress({ chunkSize: 1 }));

// Inputs.
show('gzipSync number', () => zlib.gzipSync(123));
show('gzipSync null', () => zlib.gzipSync(null));
show('gzipSync object', () => zlib.gzipSync({}));
show('gzip no callback', () => zlib.gzip('x'));
show('gzip callback string', () => zlib.gzip('x', {}, 'cb'));

// params() checks its arguments first.
const d = zlib.createDeflate();
show('params level 11', () => d.params(11, 0));
show('params strategy 9', () => d.params(1, 9));
show('params level string', () => d.params('1', 0));
d.close();

// maxOutputLength: the output may not grow past it.
const text = 'abcdefghij'.repeat(100);
const packed = zlib.deflateSync(text);
show('inflateSync maxOutputLength 10', () => zlib.inflateSync(packed, { maxOutputLength: 10 }));
show('inflateSync maxOutputLength 1000', () => zlib.inflateSync(packed, { maxOutputLength: 1000 }));
show('inflateSync maxOutputLength 999', () => zlib.inflateSync(packed, { maxOutputLength: 999 }));
show('brotli maxOutputLength 5', () => zlib.brotliDecompressSync(zlib.brotliCompressSync(text), { maxOutputLength: 5 }));
zlib.inflate(packed, { maxOutputLength: 10 }, (err, out) => {
  console.log('inflate callback', err.name, err.code, JSON.stringify(err.message), out);
  zlib.inflate(packed, { maxOutputLength: 1000 }, (err2, out2) => {
    console.log('inflate callback 1000', err2, out2.length);
  });
});
