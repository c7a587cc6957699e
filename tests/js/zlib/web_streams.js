// CompressionStream and DecompressionStream, the web streams over zlib: round trips in each
// format, decompressing node-made gzip, bad formats, corrupt input and how they print.
const { inspect } = require('util');

async function collect(readable) {
  const chunks = [];
  for await (const c of readable) chunks.push(c);
  return Buffer.concat(chunks);
}

async function roundTrip(format, text) {
  const cs = new CompressionStream(format);
  const ds = new DecompressionStream(format);
  const writer = cs.writable.getWriter();
  writer.write(new TextEncoder().encode(text.slice(0, 10)));
  writer.write(new TextEncoder().encode(text.slice(10)));
  writer.close();
  const out = await collect(cs.readable.pipeThrough(ds));
  console.log(format, out.toString() === text, out.length);
}

async function main() {
  console.log(typeof CompressionStream, typeof DecompressionStream);
  console.log(CompressionStream === require('stream/web').CompressionStream);
  console.log(Object.prototype.toString.call(new CompressionStream('gzip')));
  for (const f of ['gzip', 'deflate', 'deflate-raw']) await roundTrip(f, 'hello web streams '.repeat(50));

  // Made by node: zlib.gzipSync('made by node\n').toString('base64')
  const gz = Buffer.from('H4sIAAAAAAAAA8tNTElVSKpUyMtPSeUCAJl4Or4NAAAA', 'base64');
  const ds = new DecompressionStream('gzip');
  const w = ds.writable.getWriter();
  w.write(gz);
  w.close();
  console.log(JSON.stringify((await collect(ds.readable)).toString()));

  for (const bad of ['brotli', 'GZIP', undefined, 1]) {
    try {
      new CompressionStream(bad);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  try {
    Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get.call({});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  const corrupt = new DecompressionStream('deflate');
  const cw = corrupt.writable.getWriter();
  cw.write(new TextEncoder().encode('not deflate data')).catch(() => {});
  cw.close().catch(() => {});
  try {
    await collect(corrupt.readable);
  } catch (e) {
    console.log('corrupt:', e.code, e.errno, e.message);
  }

  console.log(inspect(new DecompressionStream('gzip'), { depth: 0 }));
}
main();
