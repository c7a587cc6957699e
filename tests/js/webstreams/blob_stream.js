'use strict';
// Blob.prototype.stream(): a byte stream giving one Uint8Array per part the Blob was made of
// (slices and nested Blobs keep their parts), readable with either reader, and consumable as
// text.

const consumers = require('stream/consumers');
const log = (...args) => console.log(...args);
const show = (u8) => `${u8.constructor.name}(${u8.byteLength})"${Buffer.from(u8).toString()}"`;

async function chunks(blob) {
  const out = [];
  for await (const chunk of blob.stream()) out.push(show(chunk));
  return out;
}

(async () => {
  const blob = new Blob(['hello ', 'world', new Uint8Array([33])]);
  const rs = blob.stream();
  log(rs, rs instanceof ReadableStream);
  log('parts', await chunks(blob));
  log('empty', await chunks(new Blob([])));
  log('empty parts skipped', await chunks(new Blob(['', 'a', '', 'b'])));
  log('slice', await chunks(blob.slice(3, 9)));
  log('nested', await chunks(new Blob([blob.slice(0, 2), 'mid', new Blob(['x', 'y'])])));
  log('file', await chunks(new File(['f1', 'f2'], 'name.txt')));
  log('a fresh stream each call', blob.stream() !== blob.stream());

  {
    const reader = blob.stream().getReader({ mode: 'byob' });
    const parts = [];
    for (;;) {
      const { value, done } = await reader.read(new Uint8Array(4));
      if (done) break;
      parts.push(show(value));
    }
    log('byob', parts);
  }

  {
    const reader = new Blob(['abc', 'def']).stream().getReader();
    log('first', show((await reader.read()).value));
    await reader.cancel();
    log('after cancel', await reader.read());
  }

  log('text', await consumers.text(new Blob(['€'.repeat(3)]).stream()));
  const big = new Blob([new Uint8Array(100000).fill(1)]);
  let total = 0;
  for await (const chunk of big.stream()) total += chunk.byteLength;
  log('big', total);
  try {
    Blob.prototype.stream.call({});
  } catch (e) {
    log('bad this', e.name, e.code, e.message);
  }
})();
