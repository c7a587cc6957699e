'use strict';
// ReadableStream with a default controller: start, pull on demand with the highWaterMark,
// desiredSize, cancel, readers and their lock, tee, async iteration and ReadableStream.from.

const log = (...args) => console.log(...args);

(async () => {
  {
    // start() enqueues; pull() is called while the queue is below the highWaterMark.
    let pulls = 0;
    let ctl;
    const rs = new ReadableStream(
      {
        start(c) {
          ctl = c;
          log('start', typeof c.enqueue, c.desiredSize);
          c.enqueue('s');
        },
        pull(c) {
          pulls++;
          log('pull', pulls, 'desiredSize', c.desiredSize);
          if (pulls <= 3) c.enqueue(`p${pulls}`);
          else c.close();
        },
      },
      { highWaterMark: 2 },
    );
    await new Promise((resolve) => setImmediate(resolve));
    log('after start: pulls', pulls, 'desiredSize', ctl.desiredSize, 'locked', rs.locked);
    const reader = rs.getReader();
    log('locked', rs.locked);
    for (;;) {
      const { value, done } = await reader.read();
      log('read', value, done);
      if (done) break;
    }
    log('desiredSize after close', ctl.desiredSize);
    await reader.closed;
    log('closed resolved');
    reader.releaseLock();
    log('locked after release', rs.locked);
  }

  {
    // cancel() reaches the source with the reason; queued chunks are dropped.
    const rs = new ReadableStream({
      start(c) {
        c.enqueue(1);
        c.enqueue(2);
      },
      cancel(reason) {
        log('source cancel', reason);
        return new Promise((resolve) => setImmediate(resolve));
      },
    });
    const reader = rs.getReader();
    log('first', await reader.read());
    log('cancel result', await reader.cancel('enough'));
    log('read after cancel', await reader.read());
  }

  {
    // controller.error() rejects pending and later reads; closed rejects too.
    let ctl;
    const rs = new ReadableStream({
      start(c) {
        ctl = c;
      },
    });
    const reader = rs.getReader();
    const pending = reader.read();
    ctl.error(new Error('boom'));
    await pending.catch((e) => log('pending read rejected', e.message));
    await reader.read().catch((e) => log('later read rejected', e.message));
    await reader.closed.catch((e) => log('closed rejected', e.message));
    log('desiredSize when errored', ctl.desiredSize);
  }

  {
    // A pull that throws errors the stream.
    const rs = new ReadableStream({
      pull() {
        throw new TypeError('pull failed');
      },
    });
    await rs
      .getReader()
      .read()
      .catch((e) => log('pull error', e.name, e.message));
  }

  {
    // Two readers cannot hold one stream; releaseLock with a pending read rejects it.
    const rs = new ReadableStream();
    const reader = rs.getReader();
    try {
      rs.getReader();
    } catch (e) {
      log('second reader', e.name, e.code, e.message);
    }
    const pending = reader.read();
    reader.releaseLock();
    await pending.catch((e) => log('released read', e.name, e.code, e.message));
    await reader.closed.catch((e) => log('released closed', e.code));
  }

  {
    // tee(): both branches see every chunk; cancelling both cancels the source with both reasons.
    const rs = new ReadableStream({
      start(c) {
        c.enqueue('a');
        c.enqueue('b');
        c.close();
      },
    });
    const [left, right] = rs.tee();
    log('source locked after tee', rs.locked);
    const seen = [];
    for await (const chunk of left) seen.push(`L${chunk}`);
    for await (const chunk of right) seen.push(`R${chunk}`);
    log('tee', seen.join(' '));

    const src = new ReadableStream({
      cancel(reason) {
        log('tee source cancel', reason);
      },
    });
    const [b1, b2] = src.tee();
    // The first cancel settles only once both branches are cancelled.
    const first = b1.cancel('r1').then(() => log('first cancel settled'));
    await new Promise((resolve) => setImmediate(resolve));
    log('one branch cancelled');
    await b2.cancel('r2');
    await first;
  }

  {
    // Async iteration: break cancels the stream unless preventCancel is set.
    const make = (name) =>
      new ReadableStream({
        pull(c) {
          c.enqueue(name);
        },
        cancel() {
          log(name, 'cancelled');
        },
      });
    const rs1 = make('s1');
    for await (const chunk of rs1) {
      log('got', chunk);
      break;
    }
    log('s1 locked', rs1.locked);
    const rs2 = make('s2');
    for await (const chunk of rs2.values({ preventCancel: true })) {
      log('got', chunk);
      break;
    }
    log('s2 locked', rs2.locked, 'still readable', (await rs2.getReader().read()).value);
  }

  {
    // ReadableStream.from: sync and async iterables, and its errors.
    const fromArray = [];
    for await (const v of ReadableStream.from([1, 2, 3])) fromArray.push(v);
    log('from array', fromArray);
    async function* gen() {
      yield 'x';
      yield 'y';
    }
    const fromGen = [];
    for await (const v of ReadableStream.from(gen())) fromGen.push(v);
    log('from generator', fromGen);
    const fromString = [];
    for await (const v of ReadableStream.from('hi')) fromString.push(v);
    log('from string', fromString);
    try {
      ReadableStream.from(42);
    } catch (e) {
      log('from 42', e.name, e.code, e.message);
    }
  }
})();
