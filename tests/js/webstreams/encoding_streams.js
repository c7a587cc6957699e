'use strict';
// TextEncoderStream and TextDecoderStream: characters and bytes split across chunks, options,
// and their shape.

const util = require('util');
const log = (...args) => console.log(...args);

async function run(transform, chunks) {
  const writer = transform.writable.getWriter();
  const out = [];
  const reading = (async () => {
    for await (const chunk of transform.readable) out.push(chunk);
  })();
  for (const chunk of chunks) writer.write(chunk);
  writer.close();
  await reading;
  return out;
}

(async () => {
  {
    const enc = new TextEncoderStream();
    log(enc.encoding, Object.prototype.toString.call(enc));
    // A surrogate pair split between two chunks is encoded once both halves are there; a lone
    // half at the end becomes U+FFFD.
    const out = await run(enc, ['a€', '\ud83d', '\ude00', '', 42, '\ud800']);
    log(out.map((u8) => `${u8.constructor.name}[${Array.from(u8).join(',')}]`));
  }

  {
    const dec = new TextDecoderStream();
    log(dec.encoding, dec.fatal, dec.ignoreBOM);
    const euro = new Uint8Array([0xe2, 0x82, 0xac]);
    const out = await run(dec, [new Uint8Array([0xef, 0xbb, 0xbf, 0x68]), euro.subarray(0, 1), euro.subarray(1), new Uint8Array([0xe2])]);
    log(JSON.stringify(out));
  }

  {
    const dec = new TextDecoderStream('utf-16le', { ignoreBOM: true });
    log(dec.encoding, dec.ignoreBOM);
    log(JSON.stringify(await run(dec, [new Uint8Array([0x68, 0x00, 0x69]), new Uint8Array([0x00])])));
    log(JSON.stringify(await run(new TextDecoderStream('latin1'), [new Uint8Array([0xe9, 0x41])])));
  }

  {
    // fatal: a bad sequence errors the stream.
    const dec = new TextDecoderStream('utf-8', { fatal: true });
    const writer = dec.writable.getWriter();
    const reading = dec.readable
      .getReader()
      .read()
      .catch((e) => log('fatal read', e.name, e.code, e.message));
    await writer.write(new Uint8Array([0xff])).catch((e) => log('fatal write', e.name, e.code));
    await reading;
  }

  {
    // Chunks must be buffer sources.
    const dec = new TextDecoderStream();
    const reading = dec.readable
      .getReader()
      .read()
      .catch((e) => log('bad chunk read', e.name, e.code));
    await dec.writable
      .getWriter()
      .write('text')
      .catch((e) => log('bad chunk write', e.name, e.code));
    await reading;
  }

  try {
    new TextDecoderStream('no-such-encoding');
  } catch (e) {
    log('unknown encoding', e.name, e.code, e.message);
  }
  try {
    Reflect.get(TextEncoderStream.prototype, 'readable', {});
  } catch (e) {
    log('bad this', e.name, e.code, e.message);
  }

  log(util.inspect(new TextEncoderStream(), { depth: 0 }));
  log(util.inspect(new TextDecoderStream('utf-16be', { fatal: true }), { depth: 0 }));
  // Piping text through an encoder and a decoder gives it back.
  const roundTrip = ReadableStream.from(['hé', 'llo ', '🙂'])
    .pipeThrough(new TextEncoderStream())
    .pipeThrough(new TextDecoderStream());
  let text = '';
  for await (const chunk of roundTrip) text += chunk;
  log('round trip', text);
})();
