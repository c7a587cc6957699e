'use strict';
// unshift puts data back in front of the buffer; with an encoding, strings stay strings.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  const r = new Readable({ read() {} });
  r.push('world');
  const head = r.read(2);
  log('read', head.toString());
  r.unshift(head);
  r.unshift('hello ');
  log('length', r.readableLength);
  log('all', r.read().toString());

  const s = new Readable({ encoding: 'utf8', read() {} });
  s.push('bar');
  s.unshift('foo');
  log('with encoding', JSON.stringify(s.read()));

  // unshift of an empty chunk does nothing; of null ends the stream.
  const t = new Readable({ read() {} });
  t.push('x');
  log('unshift empty', t.unshift(''), t.readableLength);
  t.unshift(null);
  t.on('data', (d) => log('data', d.toString()));
  t.on('end', () => log('end after unshift(null)'));
  await new Promise((resolve) => t.on('close', resolve));

  // Parsing a header out of the stream and giving the rest back.
  const src = new Readable({ read() {} });
  src.push('HEAD|body-part-1');
  src.push('|body-part-2');
  src.push(null);
  src.once('readable', () => {
    const data = src.read().toString();
    const idx = data.indexOf('|');
    log('header', data.slice(0, idx));
    src.unshift(Buffer.from(data.slice(idx + 1)));
    src.on('data', (d) => log('rest', d.toString()));
    src.on('end', () => log('rest end'));
  });
})();
