'use strict';
// The errors of bad arguments and misuse, with node's name, code and message.

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    const result = fn();
    if (result && typeof result.then === 'function') {
      return result.then(
        () => log(label, 'resolved'),
        (e) => log(label, 'rejected', e.name, e.code, e.message),
      );
    }
    log(label, 'no error');
  } catch (e) {
    log(label, e.name, e.code, e.message);
  }
}

(async () => {
  attempt('ReadableStream(null)', () => new ReadableStream(null));
  attempt('ReadableStream(1)', () => new ReadableStream(1));
  attempt('ReadableStream type', () => new ReadableStream({ type: 'other' }));
  attempt('ReadableStream strategy 1', () => new ReadableStream({}, 1));
  attempt('ReadableStream hwm -1', () => new ReadableStream({}, { highWaterMark: -1 }));
  attempt('ReadableStream pull not callable', () => new ReadableStream({ pull: 'x' }));
  attempt('ReadableStream(array source)', () => new ReadableStream([]));
  attempt('ReadableStream(function source)', () => new ReadableStream(() => {}));
  attempt('WritableStream(null)', () => new WritableStream(null));
  attempt('WritableStream type', () => new WritableStream({ type: 'bytes' }));
  attempt('WritableStream write not callable', () => new WritableStream({ write: 1 }));
  attempt('TransformStream(1)', () => new TransformStream(1));
  attempt('TransformStream transform not callable', () => new TransformStream({ transform: {} }));

  attempt('ReadableStreamDefaultReader({})', () => new ReadableStreamDefaultReader({}));
  attempt('ReadableStreamBYOBReader(rs)', () => new ReadableStreamBYOBReader(new ReadableStream()));
  attempt('WritableStreamDefaultWriter(1)', () => new WritableStreamDefaultWriter(1));

  // Methods and getters called on the wrong object.
  attempt('locked', () => Reflect.get(ReadableStream.prototype, 'locked', {}));
  await attempt('cancel', () => ReadableStream.prototype.cancel.call({}));
  attempt('getReader', () => ReadableStream.prototype.getReader.call({}));
  attempt('tee', () => ReadableStream.prototype.tee.call(1));
  await attempt('pipeTo', () => ReadableStream.prototype.pipeTo.call({}, new WritableStream()));
  await attempt('reader.read', () => ReadableStreamDefaultReader.prototype.read.call({}));
  await attempt('reader.closed', () => Reflect.get(ReadableStreamDefaultReader.prototype, 'closed', {}));
  await attempt('writable.abort', () => WritableStream.prototype.abort.call({}));
  attempt('writer.desiredSize', () => Reflect.get(WritableStreamDefaultWriter.prototype, 'desiredSize', {}));
  await attempt('writer.write', () => WritableStreamDefaultWriter.prototype.write.call({}, 1));
  attempt('transform.readable', () => Reflect.get(TransformStream.prototype, 'readable', {}));
  // These two fail inside the implementation, with the engine's own wording (node's too).
  for (const [label, fn] of [
    ['ReadableStream start not callable', () => new ReadableStream({ start: 1 })],
    ['controller.enqueue', () => ReadableStreamDefaultController.prototype.enqueue.call({}, 1)],
  ]) {
    try {
      fn();
    } catch (e) {
      log(label, e.name, e.code);
    }
  }

  // Controllers used after their stream is done.
  let ctl;
  new ReadableStream({
    start(c) {
      ctl = c;
    },
  });
  ctl.close();
  attempt('enqueue after close', () => ctl.enqueue(1));
  attempt('close twice', () => ctl.close());
  let bctl;
  new ReadableStream({
    type: 'bytes',
    start(c) {
      bctl = c;
    },
  });
  bctl.close();
  attempt('byte enqueue after close', () => bctl.enqueue(new Uint8Array(1)));
  attempt('byte close twice', () => bctl.close());

  // Readers and writers after release.
  const rs = new ReadableStream();
  const reader = rs.getReader();
  reader.releaseLock();
  await attempt('read after release', () => reader.read());
  await attempt('cancel after release', () => reader.cancel());
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.releaseLock();
  await attempt('write after release', () => writer.write(1));
  attempt('desiredSize after release', () => writer.desiredSize);
  await attempt('values() on locked', async () => {
    const locked = new ReadableStream();
    locked.getReader();
    for await (const chunk of locked) log(chunk);
  });
  attempt('pipeThrough(1)', () => new ReadableStream().pipeThrough(1));
  await attempt('pipeTo options', () => new ReadableStream().pipeTo(new WritableStream(), 1));
  await attempt('pipeTo signal', () => new ReadableStream().pipeTo(new WritableStream(), { signal: 1 }));

  // Streams can only be transferred, never copied; a locked one cannot be transferred either.
  attempt('structuredClone(ReadableStream)', () => structuredClone(new ReadableStream()));
  attempt('structuredClone({ ws })', () => structuredClone({ ws: new WritableStream() }));
  const lockedRs = new ReadableStream();
  lockedRs.getReader();
  attempt('transfer locked', () => structuredClone(lockedRs, { transfer: [lockedRs] }));
  const lockedTs = new TransformStream();
  lockedTs.writable.getWriter();
  attempt('transfer locked transform', () => structuredClone(lockedTs, { transfer: [lockedTs] }));
})();
