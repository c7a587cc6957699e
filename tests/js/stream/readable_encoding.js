'use strict';
// setEncoding: strings out, multi-byte characters split across chunks, encodings other than utf8.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  const euro = Buffer.from('€uro');
  {
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    log('encoding', r.readableEncoding);
    r.push(euro.subarray(0, 1));
    r.push(euro.subarray(1, 2));
    r.push(euro.subarray(2));
    r.push(null);
    const out = [];
    r.on('data', (d) => out.push(JSON.stringify(d)));
    await new Promise((resolve) => r.on('end', resolve));
    log('chunks', out.join(' '));
  }
  {
    // Encoding set after data was buffered re-decodes the buffer.
    const r = new Readable({ read() {} });
    r.push(Buffer.from('abc'));
    r.push(Buffer.from('def'));
    r.setEncoding('hex');
    log('length', r.readableLength, 'read', r.read());
  }
  {
    // Constructor option, and read(n) counting characters.
    const r = new Readable({ encoding: 'utf8', read() {} });
    r.push('héllo wörld');
    log('read(3)', JSON.stringify(r.read(3)), 'length', r.readableLength);
    log('rest', JSON.stringify(r.read()));
  }
  {
    // base64 keeps partial groups until the end.
    const r = new Readable({ read() {} });
    r.setEncoding('base64');
    r.push(Buffer.from('ab'));
    r.push(Buffer.from('cde'));
    r.push(null);
    const out = [];
    r.on('data', (d) => out.push(d));
    await new Promise((resolve) => r.on('end', resolve));
    log('base64', out.join('|'));
  }
  {
    // Strings pushed with an encoding become Buffers without one set.
    const r = new Readable({ read() {} });
    r.push('68656c6c6f', 'hex');
    log('hex push', r.read().toString());
    const r2 = new Readable({ read() {}, defaultEncoding: 'base64' });
    r2.push('aGk=');
    log('default base64', r2.read().toString());
  }
  {
    // An incomplete character at the end is flushed on end.
    const r = new Readable({ encoding: 'utf8', read() {} });
    r.push(euro.subarray(0, 2));
    r.push(null);
    r.on('data', (d) => log('tail', JSON.stringify(d)));
    await new Promise((resolve) => r.on('end', resolve));
  }
  {
    const r = new Readable({ read() {} });
    try {
      r.setEncoding('nope');
    } catch (e) {
      log('bad encoding', e.code, e.message);
    }
  }
})();
