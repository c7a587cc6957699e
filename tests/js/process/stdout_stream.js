// process.stdout is a stream.Writable: pipe and pipeline into it, corked writes, encodings,
// callbacks; destroy() leaves it usable (node never closes stdio).
const { Readable, Writable } = require('stream');
const out = process.stdout;

console.log(out instanceof Writable, out.writable, out._isStdio, out.fd, out.isTTY);
console.log(out.writableLength, out.writableHighWaterMark, out.writableObjectMode, out.writableCorked);

out.write('with callback\n', (err) => console.log('write callback', err));
out.write(Buffer.from('a buffer\n'));
out.write(new Uint8Array([0x75, 0x38, 0x0a]));
out.write('68657820656e636f64656420737472696e670a', 'hex');
out.setDefaultEncoding('base64');
out.write(Buffer.from('default encoding base64\n').toString('base64'));
out.setDefaultEncoding('utf8');

out.cork();
out.write('corked 1\n');
out.write('corked 2\n');
console.log('corked length', out.writableLength, out.writableCorked);
out.uncork();
console.log('after uncork', out.writableLength);

for (const bad of [undefined, 42, {}]) {
  try {
    out.write(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  out.write(null);
} catch (e) {
  console.log(e.name, e.code, e.message);
}

Readable.from(['piped 1\n', 'piped 2\n']).pipe(out);
// A pipe into stdout never ends it.
setTimeout(() => {
  console.log('still writable', out.writable, out.writableEnded);
  out.destroy();
  console.log('destroyed', out.destroyed);
  out.write('written after destroy\n');
}, 20);
