'use strict';
// The synchronous convenience methods: round trips through every format, the input types they
// take, bytesWritten, the `info` option, and Unzip telling gzip from deflate. Compressed bytes
// are engine-specific, so only decompressed results are printed.

const zlib = require('zlib');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
const pairs = [
  ['deflateSync', 'inflateSync'],
  ['deflateSync', 'unzipSync'],
  ['gzipSync', 'gunzipSync'],
  ['gzipSync', 'unzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['brotliCompressSync', 'brotliDecompressSync'],
];

for (const [c, d] of pairs) {
  const packed = zlib[c](text);
  const out = zlib[d](packed);
  console.log(c, '->', d, Buffer.isBuffer(packed), Buffer.isBuffer(out), out.toString() === text);
}

// The input may be a string, a Buffer, any TypedArray, a DataView or an ArrayBuffer.
const bytes = Buffer.from('typed input');
const inputs = {
  string: 'typed input',
  Buffer: bytes,
  Uint8Array: new Uint8Array(bytes),
  Uint16Array: new Uint16Array(new Uint8Array([...bytes, 0]).buffer),
  DataView: new DataView(new Uint8Array(bytes).buffer),
  ArrayBuffer: new Uint8Array(bytes).buffer,
};
for (const [name, input] of Object.entries(inputs)) {
  const out = zlib.inflateSync(zlib.deflateSync(input));
  console.log('input', name, JSON.stringify(out.toString()));
}
// Decompression takes the same types.
const packed = zlib.gzipSync('from an ArrayBuffer');
const copy = new Uint8Array(packed).buffer;
console.log(zlib.gunzipSync(copy).toString(), zlib.gunzipSync(new DataView(copy)).toString());

// Empty input round-trips to an empty Buffer.
for (const [c, d] of pairs) {
  const out = zlib[d](zlib[c](''));
  console.log('empty', c, out.length, Buffer.isBuffer(out));
}

// Options that change the compressed form but not what comes back out.
const optionSets = [
  { level: 0 },
  { level: 1 },
  { level: 9 },
  { level: zlib.constants.Z_DEFAULT_COMPRESSION },
  { strategy: zlib.constants.Z_HUFFMAN_ONLY },
  { strategy: zlib.constants.Z_RLE },
  { strategy: zlib.constants.Z_FIXED },
  { strategy: zlib.constants.Z_FILTERED },
  { windowBits: 9 },
  { windowBits: 15, memLevel: 1 },
  { memLevel: 9 },
  { chunkSize: 64 },
  { chunkSize: 1024 * 1024 },
];
for (const opts of optionSets) {
  const results = [
    zlib.inflateSync(zlib.deflateSync(text, opts)).toString() === text,
    zlib.gunzipSync(zlib.gzipSync(text, opts)).toString() === text,
    zlib.inflateRawSync(zlib.deflateRawSync(text, opts)).toString() === text,
  ];
  console.log(JSON.stringify(opts), results.join(' '));
}
// windowBits 8 is taken (as 9) by deflate and raw deflate.
console.log('windowBits 8', zlib.inflateSync(zlib.deflateSync(text, { windowBits: 8 })).toString() === text,
            zlib.inflateRawSync(zlib.deflateRawSync(text, { windowBits: 8 })).toString() === text);

// Brotli options.
const { constants } = zlib;
for (const params of [
  { [constants.BROTLI_PARAM_QUALITY]: 0 },
  { [constants.BROTLI_PARAM_QUALITY]: 11 },
  { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  { [constants.BROTLI_PARAM_LGWIN]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
]) {
  const out = zlib.brotliDecompressSync(zlib.brotliCompressSync(text, { params }));
  console.log('brotli', JSON.stringify(params), out.toString() === text);
}

// bytesWritten counts the input consumed.
const info = zlib.gzipSync(text, { info: true });
console.log('info keys', Object.keys(info).join(), info.engine.constructor.name);
console.log('engine bytesWritten', info.engine.bytesWritten, '_closed', info.engine._closed);
const back = zlib.gunzipSync(info.buffer, { info: true });
console.log('gunzip info', back.buffer.toString() === text, back.engine.constructor.name,
            back.engine.bytesWritten === info.buffer.length);
const br = zlib.brotliDecompressSync(zlib.brotliCompressSync('brotli info'), { info: true });
console.log('brotli info', br.buffer.toString(), br.engine.constructor.name);

// Unzip detects the gzip or zlib header.
console.log('unzip gzip', zlib.unzipSync(zlib.gzipSync('was gzip')).toString());
console.log('unzip deflate', zlib.unzipSync(zlib.deflateSync('was deflate')).toString());

// Large input spanning many output chunks.
const big = Buffer.alloc(300000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 8)) & 0xff;
const bigOut = zlib.inflateSync(zlib.deflateSync(big), { chunkSize: 128 });
console.log('big', bigOut.length, bigOut.equals(big));
const quick = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
const bigBr = zlib.brotliDecompressSync(zlib.brotliCompressSync(big, quick), { chunkSize: 128 });
console.log('big brotli', bigBr.equals(big));

// The legacy _processChunk without a callback is the sync path.
const engine = new zlib.Gunzip();
console.log('_processChunk', engine._processChunk(zlib.gzipSync('legacy'), zlib.constants.Z_FINISH).toString());
