'use strict';
// The callback convenience methods and their util.promisify forms: round trips, the inputs they
// take, the `info` option, and errors for bad data. Each step waits for the one before.

const zlib = require('zlib');
const util = require('util');

const text = 'Hello, zlib! '.repeat(50);
const pairs = [
  ['deflate', 'inflate'],
  ['deflate', 'unzip'],
  ['gzip', 'gunzip'],
  ['gzip', 'unzip'],
  ['deflateRaw', 'inflateRaw'],
  ['brotliCompress', 'brotliDecompress'],
];

function errLine(err) {
  return `${err.name} ${err.code} ${err.errno} ${JSON.stringify(err.message)}`;
}

function callbackRoundTrip(c, d, input) {
  return new Promise((resolve) => {
    let sync = true;
    zlib[c](input, (err, packed) => {
      const asyncCall = !sync;
      zlib[d](packed, {}, (err2, out) => {
        console.log('callback', c, d, err, err2, asyncCall, Buffer.isBuffer(out), out.toString() === text);
        resolve();
      });
    });
    sync = false;
  });
}

(async () => {
  for (const [c, d] of pairs) await callbackRoundTrip(c, d, text);

  for (const [c, d] of pairs) {
    const packed = await util.promisify(zlib[c])(text);
    const out = await util.promisify(zlib[d])(packed);
    console.log('promisified', c, d, out.toString() === text);
  }

  // Inputs other than Buffer.
  const pgzip = util.promisify(zlib.gzip);
  const pgunzip = util.promisify(zlib.gunzip);
  const bytes = Buffer.from('abcdef');
  const inputs = {
    string: 'abcdef',
    Uint8Array: new Uint8Array(bytes),
    Uint16Array: new Uint16Array(new Uint8Array(bytes).buffer),
    Float64Array: new Float64Array([1.5]),
    DataView: new DataView(new Uint8Array(bytes).buffer),
    ArrayBuffer: new Uint8Array(bytes).buffer,
  };
  for (const [name, input] of Object.entries(inputs)) {
    const out = await pgunzip(await pgzip(input));
    console.log('input', name, out.toString('hex'));
  }
  const packedAB = new Uint8Array(zlib.gzipSync('decompress an ArrayBuffer')).buffer;
  console.log('ArrayBuffer in', (await pgunzip(packedAB)).toString());

  // Empty input.
  console.log('empty', (await pgunzip(await pgzip(''))).length);

  // info: true hands back the engine too.
  const info = await util.promisify(zlib.deflate)('with info', { info: true });
  console.log('info', Object.keys(info).join(), info.engine.constructor.name, info.engine.bytesWritten);
  const back = await util.promisify(zlib.inflate)(info.buffer, { info: true });
  console.log('info back', back.buffer.toString(), back.engine.constructor.name, back.engine._closed);
  const br = await util.promisify(zlib.brotliDecompress)(zlib.brotliCompressSync('brotli'), { info: true });
  console.log('brotli info', br.buffer.toString(), br.engine.constructor.name);

  // Errors arrive through the callback (and reject the promise). Truncation cuts into the
  // trailer, whatever the length of the compressed form.
  const truncated = (buf, n) => buf.subarray(0, buf.length - n);
  const bad = [
    ['inflate', Buffer.from('not deflate at all')],
    ['gunzip', Buffer.from('not gzip at all')],
    ['unzip', Buffer.from('not unzip at all')],
    ['inflateRaw', Buffer.from([0xff, 0xff])],
    ['gunzip', truncated(zlib.gzipSync(text), 1)],
    ['inflate', truncated(zlib.deflateSync(text), 4)],
    ['brotliDecompress', truncated(zlib.brotliCompressSync(text), 1)],
    ['gunzip', Buffer.alloc(0)],
  ];
  for (const [name, input] of bad) {
    await new Promise((resolve) => {
      zlib[name](input, (err, out) => {
        console.log('bad', name, errLine(err), out);
        resolve();
      });
    });
    try {
      await util.promisify(zlib[name])(input);
      console.log('bad promisified', name, 'resolved');
    } catch (err) {
      console.log('bad promisified', name, errLine(err));
    }
  }

  // A dictionary with the callback forms.
  const dictionary = Buffer.from('Hello, zlib!');
  const withDict = await util.promisify(zlib.deflate)(text, { dictionary });
  console.log('dictionary', (await util.promisify(zlib.inflate)(withDict, { dictionary })).toString() === text);
  try {
    await util.promisify(zlib.inflate)(withDict);
  } catch (err) {
    console.log('no dictionary', errLine(err));
  }
  try {
    await util.promisify(zlib.inflate)(withDict, { dictionary: Buffer.from('other') });
  } catch (err) {
    console.log('bad dictionary', errLine(err));
  }
  console.log('done');
})();
