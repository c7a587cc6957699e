'use strict';
// cork/uncork and _writev: buffered writes are delivered together.

const { Writable } = require('stream');

const log = (...args) => console.log(...args);

function make(withWritev) {
  const opts = {
    write(chunk, enc, cb) {
      log('_write', chunk.toString());
      process.nextTick(cb);
    },
  };
  if (withWritev) {
    opts.writev = function (chunks, cb) {
      log('_writev', chunks.length, chunks.map((c) => `${c.chunk.toString()}:${c.encoding}`).join(','), 'allBuffers', chunks.allBuffers);
      process.nextTick(cb);
    };
  }
  return new Writable(opts);
}

(async () => {
  {
    const w = make(true);
    w.cork();
    w.write('a', () => log('cb a'));
    w.write('b', () => log('cb b'));
    log('corked', w.writableCorked, 'buffered', w.writableBuffer.length, 'length', w.writableLength);
    w.uncork();
    log('after uncork corked', w.writableCorked);
    w.write('c');
    w.write('d');
    w.end(() => log('end cb'));
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // Nested corks need as many uncorks; end() uncorks fully.
    const w = make(true);
    w.cork();
    w.cork();
    w.write('x');
    w.uncork();
    log('still corked', w.writableCorked);
    w.write('y');
    w.end('z');
    log('corked after end', w.writableCorked);
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // Without _writev, buffered chunks go one by one.
    const w = make(false);
    w.cork();
    w.write('1');
    w.write('2');
    w.write('3');
    process.nextTick(() => w.uncork());
    w.end();
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // Writes while one is in flight are batched to _writev.
    const w = make(true);
    w.write('first');
    w.write('second');
    w.write('third', 'latin1');
    w.end();
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // Only _writev given: single writes go through it too.
    const w = new Writable({
      writev(chunks, cb) {
        log('writev only', chunks.map((c) => c.chunk.toString()).join(','));
        cb();
      },
    });
    w.write('solo');
    w.end();
    await new Promise((resolve) => w.on('finish', resolve));
    log('finish');
  }
  log('--');
  {
    // decodeStrings false: allBuffers is false when a string is buffered.
    const w = new Writable({
      decodeStrings: false,
      write(c, e, cb) {
        process.nextTick(cb);
      },
      writev(chunks, cb) {
        log('writev', chunks.map((c) => typeof c.chunk).join(','), chunks.allBuffers);
        cb();
      },
    });
    w.cork();
    w.write('s');
    w.write(Buffer.from('b'));
    w.uncork();
    await new Promise((resolve) => setImmediate(resolve));
  }
})();
