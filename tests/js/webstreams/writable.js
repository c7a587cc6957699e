'use strict';
// WritableStream: writes reach the sink one at a time and in order, desiredSize and ready
// reflect backpressure, close waits for queued writes, abort and controller.error end it.

const log = (...args) => console.log(...args);
const tick = () => new Promise((resolve) => setImmediate(resolve));

(async () => {
  {
    // A slow sink and a highWaterMark of 2: the writer sees backpressure build and drain.
    const pending = [];
    const ws = new WritableStream(
      {
        start(c) {
          log('start', c.constructor.name, typeof c.error, c.signal.aborted);
        },
        write(chunk) {
          log('sink write', chunk);
          return new Promise((resolve) => pending.push(resolve));
        },
        close() {
          log('sink close');
        },
      },
      { highWaterMark: 2 },
    );
    const writer = ws.getWriter();
    log('locked', ws.locked, 'desiredSize', writer.desiredSize);
    const writes = ['a', 'b', 'c'].map((chunk) => writer.write(chunk).then(() => log('write settled', chunk)));
    log('after 3 writes desiredSize', writer.desiredSize);
    let ready = false;
    writer.ready.then(() => {
      ready = true;
    });
    await tick();
    log('ready while full', ready);
    while (pending.length || writes.length) {
      await tick();
      const resolve = pending.shift();
      if (!resolve) break;
      resolve();
      await tick();
      log('desiredSize', writer.desiredSize, 'ready', ready);
    }
    await Promise.all(writes);
    await writer.close();
    await writer.closed;
    log('closed; desiredSize', writer.desiredSize);
    writer.releaseLock();
    log('locked after release', ws.locked);
  }

  {
    // abort(): queued writes are rejected, the sink's abort gets the reason, signal fires.
    let controller;
    let unblock;
    const ws = new WritableStream({
      start(c) {
        controller = c;
        c.signal.addEventListener('abort', () => log('signal abort', c.signal.reason));
      },
      write(chunk) {
        log('sink write', chunk);
        return new Promise((resolve) => {
          unblock = resolve;
        });
      },
      abort(reason) {
        log('sink abort', reason);
      },
    });
    const writer = ws.getWriter();
    const first = writer.write(1).then(() => log('first write done'));
    const second = writer.write(2).catch((e) => log('queued write rejected', e));
    await tick();
    const aborted = writer.abort('stop').then(() => log('abort resolved'));
    unblock();
    await Promise.all([first, second, aborted]);
    await writer.closed.catch((e) => log('closed rejected', e));
    log('controller signal aborted', controller.signal.aborted);
  }

  {
    // controller.error() errors the stream; the sink sees no more writes.
    let controller;
    const ws = new WritableStream({
      start(c) {
        controller = c;
      },
      write(chunk) {
        log('never', chunk);
      },
    });
    const writer = ws.getWriter();
    controller.error(new Error('sink broke'));
    await writer.write('x').catch((e) => log('write rejected', e.message));
    await writer.closed.catch((e) => log('closed rejected', e.message));
    log('desiredSize errored', writer.desiredSize);
  }

  {
    // A sink whose write throws errors the stream; close afterwards rejects.
    const ws = new WritableStream({
      write() {
        throw new RangeError('bad chunk');
      },
    });
    const writer = ws.getWriter();
    await writer.write('x').catch((e) => log('write threw', e.name, e.message));
    await writer.close().catch((e) => log('close after error', e.name, e.message));
  }

  {
    // WritableStream.prototype.close/abort without a writer, and on a locked stream.
    const ws = new WritableStream({
      close() {
        log('closed directly');
      },
    });
    await ws.close();
    const locked = new WritableStream();
    locked.getWriter();
    await locked.close().catch((e) => log('close locked', e.name, e.code, e.message));
    await locked.abort().catch((e) => log('abort locked', e.name, e.code, e.message));
    try {
      locked.getWriter();
    } catch (e) {
      log('second writer', e.name, e.code, e.message);
    }
  }

  {
    // The size() of a strategy counts each chunk; an invalid size errors the stream.
    const ws = new WritableStream({}, { highWaterMark: 10, size: (chunk) => chunk.length });
    const writer = ws.getWriter();
    writer.write('abcd');
    log('desiredSize after 4 units', writer.desiredSize);
    await writer.write('ok');
    const bad = new WritableStream({}, { size: () => -1 });
    await bad
      .getWriter()
      .write('x')
      .catch((e) => log('negative size', e.name, e.code, e.message));
  }
})();
