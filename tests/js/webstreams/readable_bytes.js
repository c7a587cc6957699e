'use strict';
// Byte streams: ReadableByteStreamController, the BYOB reader reading into the caller's views,
// byobRequest.respond/respondWithNewView, autoAllocateChunkSize, and a default reader on a byte
// stream. Only the views the reads give back are looked at (the buffers handed in are
// transferred).

const log = (...args) => console.log(...args);
const show = (view) => `${view.constructor.name}(${view.byteLength})[${Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).join(',')}]`;

(async () => {
  {
    // Enqueued chunks fill the BYOB reads, split or joined to fit the views.
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        log('controller', c.constructor.name, 'byobRequest', c.byobRequest, 'desiredSize', c.desiredSize);
        c.enqueue(new Uint8Array([1, 2, 3, 4, 5]));
        c.enqueue(new Uint8Array([6, 7]));
        c.close();
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    log('reader', reader.constructor.name);
    let r = await reader.read(new Uint8Array(3));
    log('read 3', show(r.value), r.done);
    r = await reader.read(new Uint8Array(10));
    log('read 10', show(r.value), r.done);
    r = await reader.read(new Uint16Array(2));
    log('read u16', r.value.constructor.name, r.value.byteLength, r.done);
    r = await reader.read(new DataView(new ArrayBuffer(4)));
    log('read dataview', r.value.constructor.name, r.done);
  }

  {
    // The source answers each read through byobRequest.
    let calls = 0;
    const rs = new ReadableStream({
      type: 'bytes',
      pull(c) {
        calls++;
        const req = c.byobRequest;
        const { view } = req;
        log('pull', calls, 'request view', view.constructor.name, view.byteOffset, view.byteLength);
        if (calls === 1) {
          view[0] = 10;
          view[1] = 11;
          req.respond(2);
        } else if (calls === 2) {
          const fresh = new Uint8Array(view.buffer, view.byteOffset, 1);
          fresh[0] = 12;
          req.respondWithNewView(fresh);
        } else {
          c.close();
          req.respond(0);
        }
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    log('respond', show((await reader.read(new Uint8Array(4))).value));
    log('respondWithNewView', show((await reader.read(new Uint8Array(4))).value));
    const end = await reader.read(new Uint8Array(4));
    log('end', show(end.value), end.done);
  }

  {
    // autoAllocateChunkSize gives default readers a byobRequest too.
    const rs = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 8,
      pull(c) {
        const { view } = c.byobRequest;
        log('auto view', view.byteLength);
        view.fill(7, 0, 3);
        c.byobRequest.respond(3);
        c.close();
      },
    });
    const reader = rs.getReader();
    const { value } = await reader.read();
    log('auto read', show(value));
    log('auto done', (await reader.read()).done);
  }

  {
    // A default reader on a byte stream gets the enqueued chunks as Uint8Arrays.
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        c.enqueue(new Uint8Array([9, 8]));
        c.enqueue(new Uint16Array([0x0101]));
        c.close();
      },
    });
    const chunks = [];
    for await (const chunk of rs) chunks.push(show(chunk));
    log('default reader', chunks);
  }

  {
    // Errors of the byte controller and the BYOB reader.
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        for (const bad of [new Uint8Array(0), 'str']) {
          try {
            c.enqueue(bad);
          } catch (e) {
            log('enqueue', e.name, e.code, e.message);
          }
        }
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    for (const view of [undefined, new Uint8Array(0), {}]) {
      await reader.read(view).catch((e) => log('read', e.name, e.code, e.message));
    }
    try {
      new ReadableStream().getReader({ mode: 'byob' });
    } catch (e) {
      log('byob on default', e.name, e.code, e.message);
    }
    try {
      new ReadableStream().getReader({ mode: 'nope' });
    } catch (e) {
      log('bad mode', e.name, e.code, e.message);
    }
    try {
      new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 });
    } catch (e) {
      log('autoAllocateChunkSize 0', e.name, e.code, e.message);
    }
    try {
      new ReadableStream({ type: 'bytes' }, { size() {} });
    } catch (e) {
      log('size on bytes', e.name, e.code, e.message);
    }
  }
})();
