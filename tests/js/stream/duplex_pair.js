'use strict';
// stream.duplexPair: two connected sides.

const { duplexPair, Duplex } = require('stream');

const log = (...args) => console.log(...args);

(async () => {
  const [a, b] = duplexPair();
  log('sides', a instanceof Duplex, b instanceof Duplex, a !== b);
  b.on('data', (d) => log('b got', d.toString()));
  a.on('data', (d) => log('a got', d.toString()));
  b.on('end', () => log('b end'));
  a.write('ping', () => log('ping written'));
  b.write('pong', () => log('pong written'));
  a.end(() => log('a finished'));
  await new Promise((resolve) => b.on('end', resolve));
  b.end();
  await new Promise((resolve) => a.on('end', resolve));
  log('a end');

  const [c, d] = duplexPair({ objectMode: true });
  d.on('data', (x) => log('object', JSON.stringify(x)));
  c.write({ n: 1 });
  c.write([2]);
  c.end();
  await new Promise((resolve) => d.on('end', resolve));
  log('objects done');

  // Backpressure: the writer's callback waits until the other side reads.
  const [e, f] = duplexPair({ highWaterMark: 2 });
  log('write', e.write('abc', () => log('abc cb')));
  await new Promise((resolve) => setTimeout(resolve, 2));
  log('before read, f length', f.readableLength);
  log('read', f.read().toString());
  await new Promise((resolve) => setTimeout(resolve, 2));
})();
