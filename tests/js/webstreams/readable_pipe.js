'use strict';
// pipeTo and pipeThrough: chunks in order, closing, and the prevent* options and signal that
// decide what happens to the other side when one side ends, errors or is aborted.

const log = (...args) => console.log(...args);

function source(chunks, name = 'source') {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
    cancel(reason) {
      log(name, 'cancel', reason instanceof Error ? reason.message : reason);
    },
  });
}

function sink(name = 'sink') {
  const written = [];
  const ws = new WritableStream({
    write(chunk) {
      written.push(chunk);
    },
    close() {
      log(name, 'close', written);
    },
    abort(reason) {
      log(name, 'abort', reason instanceof Error ? reason.message : reason, written);
    },
  });
  return ws;
}

(async () => {
  await source(['a', 'b', 'c']).pipeTo(sink());
  log('piped');

  // preventClose leaves the destination open for more writes.
  const open = sink('open');
  await source(['x']).pipeTo(open, { preventClose: true });
  const writer = open.getWriter();
  await writer.write('y');
  await writer.close();

  // An erroring source aborts the destination unless preventAbort.
  const failing = () =>
    new ReadableStream({
      start(c) {
        c.enqueue('first');
        c.error(new Error('source failed'));
      },
    });
  await failing()
    .pipeTo(sink('aborted'))
    .catch((e) => log('pipeTo rejected', e.message));
  const kept = sink('kept');
  await failing()
    .pipeTo(kept, { preventAbort: true })
    .catch((e) => log('pipeTo rejected', e.message, 'kept locked', kept.locked));

  // An erroring destination cancels the source unless preventCancel.
  const badSink = () =>
    new WritableStream({
      write() {
        throw new Error('sink failed');
      },
    });
  await source(['1', '2'], 'cancelled-source')
    .pipeTo(badSink())
    .catch((e) => log('pipeTo rejected', e.message));
  await source(['1', '2'], 'kept-source')
    .pipeTo(badSink(), { preventCancel: true })
    .catch((e) => log('pipeTo rejected', e.message));

  // A signal aborts the pipe: the source is cancelled and the sink aborted with its reason.
  {
    const ac = new AbortController();
    const rs = new ReadableStream({
      pull(c) {
        c.enqueue('tick');
        return new Promise((resolve) => setImmediate(resolve));
      },
      cancel(reason) {
        log('signal source cancel', reason.name);
      },
    });
    let count = 0;
    const ws = new WritableStream({
      write() {
        if (++count === 2) ac.abort();
      },
      abort(reason) {
        log('signal sink abort', reason.name, reason.message);
      },
    });
    await rs.pipeTo(ws, { signal: ac.signal }).catch((e) => log('pipeTo rejected', e.name, e.code));
  }

  // An already-aborted signal.
  {
    const ac = new AbortController();
    ac.abort('early');
    await source(['z'], 'early-source')
      .pipeTo(sink('early-sink'), { signal: ac.signal })
      .catch((e) => log('pipeTo rejected', e));
  }

  // pipeThrough returns the transform's readable side and locks the source.
  const upper = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk.toUpperCase());
    },
  });
  const src = source(['p', 'q']);
  const out = src.pipeThrough(upper);
  log('pipeThrough locked', src.locked, out === upper.readable);
  const seen = [];
  for await (const chunk of out) seen.push(chunk);
  log('pipeThrough', seen);

  // A { readable, writable } pair that is not a TransformStream works too.
  const pair = new TransformStream();
  const fromPair = source(['r']).pipeThrough({ readable: pair.readable, writable: pair.writable });
  log('pair', (await fromPair.getReader().read()).value);

  // Locked streams are refused.
  const locked = source([]);
  locked.getReader();
  await locked.pipeTo(sink()).catch((e) => log('locked source', e.name, e.code, e.message));
  try {
    locked.pipeThrough(new TransformStream());
  } catch (e) {
    log('locked pipeThrough', e.name, e.code, e.message);
  }
  const lockedSink = new WritableStream();
  lockedSink.getWriter();
  await source([]).pipeTo(lockedSink).catch((e) => log('locked sink', e.name, e.code, e.message));
  await source([])
    .pipeTo({})
    .catch((e) => log('not a stream', e.name, e.code, e.message));
})();
