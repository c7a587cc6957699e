'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy: their size functions, highWaterMark, how
// streams use them, their shape and their errors.

const util = require('util');
const log = (...args) => console.log(...args);

const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
const count = new CountQueuingStrategy({ highWaterMark: 2 });
log(bytes, count, util.inspect(count, { depth: -1 }));
log('highWaterMark', bytes.highWaterMark, count.highWaterMark);
log('sizes', bytes.size(new Uint8Array(5)), bytes.size({ byteLength: 7 }), count.size('anything'), count.size());
log('shared size', bytes.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size);
log('size name', bytes.size.name, count.size.name, bytes.size.length, count.size.length);
log('tags', Object.prototype.toString.call(bytes), Object.prototype.toString.call(count));
log('proto keys', Object.keys(ByteLengthQueuingStrategy.prototype), Object.keys(CountQueuingStrategy.prototype));
log('highWaterMark kept as given', new CountQueuingStrategy({ highWaterMark: '3' }).highWaterMark);

// In a stream: desiredSize counts bytes or chunks.
new ReadableStream(
  {
    start(c) {
      c.enqueue(new Uint8Array(10));
      log('byte-length desiredSize', c.desiredSize);
    },
  },
  bytes,
);
new ReadableStream(
  {
    start(c) {
      c.enqueue('a');
      log('count desiredSize', c.desiredSize);
    },
  },
  count,
);

for (const make of [
  () => new ByteLengthQueuingStrategy(),
  () => new CountQueuingStrategy({}),
  () => new CountQueuingStrategy(1),
  () => Reflect.get(CountQueuingStrategy.prototype, 'highWaterMark', {}),
  () => Reflect.get(ByteLengthQueuingStrategy.prototype, 'size', {}),
  () => new ReadableStream({}, { highWaterMark: NaN }),
  () => new ReadableStream({}, { size: 1 }),
]) {
  try {
    make();
    log('no error');
  } catch (e) {
    log(e.name, e.code, e.message);
  }
}
