'use strict';
// Operations on zlib streams while they run: flush() (zlib and Brotli), params() and reset().
// What was flushed is checked by decompressing it, not by its bytes.

const zlib = require('zlib');

const { log, collect, runSteps } = require('./steps');

const steps = [
  // flush(): the output so far decompresses to everything written so far.
  (next) => {
    const deflate = zlib.createDeflate();
    const chunks = [];
    deflate.on('data', (c) => chunks.push(c));
    const soFar = () => zlib.inflateSync(Buffer.concat(chunks), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
    deflate.write('first part, ');
    deflate.flush(() => {
      log('flush 1', JSON.stringify(soFar()));
      deflate.write('second part');
      deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        log('flush 2', JSON.stringify(soFar()));
        deflate.on('end', () => {
          log('flush end', JSON.stringify(zlib.inflateSync(Buffer.concat(chunks)).toString()));
          // flush() once finished calls back on the next tick.
          deflate.flush(() => {
            log('flush after end');
            next();
          });
        });
        deflate.end();
      });
    });
  },
  // params() between writes.
  (next) => {
    const deflate = zlib.createDeflate({ level: 1 });
    collect(deflate, (out) => {
      log('params result', zlib.inflateSync(out).toString());
      next();
    });
    deflate.write('written at level 1; ');
    deflate.params(9, zlib.constants.Z_FILTERED, () => {
      log('params callback', deflate._level, deflate._strategy);
      deflate.write('written at level 9; ');
      // The same values again: nothing to flush, the callback comes on the next tick.
      deflate.params(9, zlib.constants.Z_FILTERED, () => {
        log('params unchanged');
        deflate.end('the end');
      });
    });
  },
  // reset() before writing; reset() of a closed stream.
  (next) => {
    const inflate = zlib.createInflate();
    log('reset', inflate.reset());
    collect(inflate, (out) => {
      log('after reset', out.toString());
      inflate.on('close', () => {
        try {
          inflate.reset();
        } catch (err) {
          log('reset closed', err.code);
        }
        next();
      });
    });
    inflate.end(zlib.deflateSync('inflated after reset'));
  },
  // reset() of an inflate stream forgets the header it had read: a new stream follows.
  (next) => {
    const inflate = zlib.createInflate();
    collect(inflate, (out) => {
      log('inflate reset', JSON.stringify(out.toString()));
      next();
    });
    inflate.write(zlib.deflateSync('dropped').subarray(0, 2), () => {
      inflate.reset();
      inflate.end(zlib.deflateSync('kept'));
    });
  },
  // Brotli stream with a flush in the middle.
  (next) => {
    const br = zlib.createBrotliCompress();
    const chunks = [];
    br.on('data', (c) => chunks.push(c));
    br.write('brotli part one, ');
    br.flush(() => {
      const soFar = zlib.brotliDecompressSync(Buffer.concat(chunks),
                                              { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
      log('brotli flush', JSON.stringify(soFar.toString()));
      br.end('part two', () => {
        br.on('end', () => {
          log('brotli end', JSON.stringify(zlib.brotliDecompressSync(Buffer.concat(chunks)).toString()));
          next();
        });
      });
    });
  },
];

runSteps(steps);
