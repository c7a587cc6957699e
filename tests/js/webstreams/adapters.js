'use strict';
// Readable/Writable/Duplex .toWeb and .fromWeb, stream/consumers over web streams, pipeline()
// into a web stream, compose() and Duplex.from() with web streams, and how errors and
// cancellation cross between the two kinds.

const { Readable, Writable, Duplex, PassThrough, pipeline, compose } = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');
const consumers = require('stream/consumers');

const log = (...args) => console.log(...args);

async function collect(readable) {
  const out = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}

(async () => {
  {
    // Readable.toWeb: bytes come as Uint8Arrays (copies), objects as they are.
    const bytes = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('c')], { objectMode: false }));
    const chunks = await collect(bytes);
    log('bytes', chunks.map((c) => `${c.constructor.name}:${Buffer.from(c).toString()}`));
    const objects = Readable.toWeb(Readable.from([{ a: 1 }, 'two']));
    log('objects', await collect(objects));
    const withStrategy = Readable.toWeb(new Readable({ read() {} }), { strategy: new CountQueuingStrategy({ highWaterMark: 5 }) });
    log('strategy', withStrategy);
  }

  {
    // Cancelling the web side destroys the node stream with the reason.
    const node = new Readable({ read() {} });
    node.on('close', () => log('node readable closed, destroyed', node.destroyed));
    node.on('error', (e) => log('node readable error', e));
    const web = Readable.toWeb(node);
    await web.cancel('no more');
    await new Promise((resolve) => setImmediate(resolve));
  }

  {
    // A node error errors the web stream.
    const node = new Readable({ read() {} });
    const web = Readable.toWeb(node);
    const reading = web
      .getReader()
      .read()
      .catch((e) => log('web read error', e.message));
    node.destroy(new Error('node failed'));
    await reading;
  }

  {
    // Readable.fromWeb with an encoding and in object mode.
    const text = Readable.fromWeb(ReadableStream.from([new TextEncoder().encode('hé'), new TextEncoder().encode('llo')]), {
      encoding: 'utf8',
    });
    log('fromWeb text', await collect(text));
    const objs = Readable.fromWeb(ReadableStream.from([1, { two: 2 }]), { objectMode: true });
    log('fromWeb objects', objs.readableObjectMode, await collect(objs));
    // Destroying the node stream cancels the web one.
    const web = new ReadableStream({
      cancel(reason) {
        log('web source cancel', reason?.message);
      },
    });
    const node = Readable.fromWeb(web);
    node.on('error', () => {});
    node.destroy(new Error('stop reading'));
    await new Promise((resolve) => setImmediate(resolve));
  }

  {
    // Writable.toWeb honours the node stream's backpressure.
    const written = [];
    const node = new Writable({
      highWaterMark: 3,
      write(chunk, encoding, callback) {
        written.push(chunk.toString());
        setImmediate(callback);
      },
      final(callback) {
        log('node final');
        callback();
      },
    });
    const web = Writable.toWeb(node);
    const writer = web.getWriter();
    log('web desiredSize', writer.desiredSize);
    await writer.write(new TextEncoder().encode('one'));
    await writer.write(new TextEncoder().encode('two'));
    await writer.close();
    log('written', written, 'finished', node.writableFinished);
    // Aborting the web side destroys the node stream.
    const node2 = new Writable({ write(c, e, cb) { cb(); } });
    node2.on('error', (e) => log('node writable error', e));
    const web2 = Writable.toWeb(node2);
    await web2.abort('abandon');
    log('node2 destroyed', node2.destroyed);
  }

  {
    // Writable.fromWeb: strings are encoded unless decodeStrings is false.
    const got = [];
    const web = new WritableStream({
      write(chunk) {
        got.push(typeof chunk === 'string' ? `string:${chunk}` : `${chunk.constructor.name}:${Buffer.from(chunk).toString()}`);
      },
      close() {
        log('web sink closed', got);
      },
    });
    const node = Writable.fromWeb(web);
    node.write('abc');
    node.write(Buffer.from('def'));
    node.write('6869', 'hex');
    await new Promise((resolve) => node.end(resolve));
    const raw = [];
    const node2 = Writable.fromWeb(new WritableStream({ write: (c) => raw.push(c) }), { decodeStrings: false });
    await new Promise((resolve) => node2.end('kept', resolve));
    log('decodeStrings false', raw);
    // A web sink error destroys the node stream.
    const failing = Writable.fromWeb(
      new WritableStream({
        write() {
          throw new Error('web sink failed');
        },
      }),
    );
    failing.on('error', (e) => log('node writable error', e.message));
    failing.write('x');
    await new Promise((resolve) => failing.on('close', resolve));
  }

  {
    // Duplex.toWeb and Duplex.fromWeb.
    const duplex = new PassThrough();
    const { readable, writable } = Duplex.toWeb(duplex);
    const writer = writable.getWriter();
    writer.write(new TextEncoder().encode('through'));
    writer.close();
    log('duplex toWeb', (await collect(readable)).map((c) => Buffer.from(c).toString()));

    const echo = new TransformStream({
      transform(chunk, c) {
        c.enqueue(`echo:${new TextDecoder().decode(chunk)}`);
      },
    });
    const d = Duplex.fromWeb(echo, { encoding: 'utf8' });
    d.end('hi');
    log('duplex fromWeb', await collect(d));
  }

  {
    // stream/consumers read web streams.
    log('text', await consumers.text(ReadableStream.from(['a', 'b'])));
    log('json', await consumers.json(ReadableStream.from([new TextEncoder().encode('{"k":'), '1}'])));
    const buf = await consumers.buffer(ReadableStream.from([new Uint8Array([104, 105])]));
    log('buffer', Buffer.isBuffer(buf), buf.toString());
    log('arrayBuffer', (await consumers.arrayBuffer(ReadableStream.from([new Uint8Array(3)]))).byteLength);
    log('blob', await consumers.blob(ReadableStream.from(['x', 'yz'])));
  }

  {
    // pipeline() between node and web streams.
    const sinkChunks = [];
    const sink = new WritableStream({
      write(chunk) {
        sinkChunks.push(chunk);
      },
    });
    await new Promise((resolve) =>
      pipeline(Readable.from(['p1', 'p2']), sink, (err) => {
        log('pipeline to web', err, sinkChunks);
        resolve();
      }),
    );
    const upper = new TransformStream({
      transform(chunk, c) {
        c.enqueue(String(chunk).toUpperCase());
      },
    });
    const out = [];
    await pipelinePromise(ReadableStream.from(['q', 'r']), upper, new Writable({
      objectMode: true,
      write(chunk, e, cb) {
        out.push(chunk);
        cb();
      },
    }));
    log('pipeline web to node', out);
  }

  {
    // compose() and Duplex.from() with web streams.
    const composed = compose(
      new TransformStream({
        transform(chunk, c) {
          c.enqueue(`[${chunk}]`);
        },
      }),
      new PassThrough({ objectMode: true }),
    );
    composed.end('c1');
    log('compose', await collect(composed));
    const fromReadable = Duplex.from(ReadableStream.from(['d1', 'd2']));
    log('Duplex.from(ReadableStream)', fromReadable.readable, fromReadable.writable, await collect(fromReadable));
    const fromWritableChunks = [];
    const fromWritable = Duplex.from(new WritableStream({ write: (c) => fromWritableChunks.push(c) }));
    log('Duplex.from(WritableStream)', fromWritable.readable, fromWritable.writable);
    await new Promise((resolve) => fromWritable.end('w1', resolve));
    log('written through', fromWritableChunks.map((c) => Buffer.from(c).toString()));
  }

  // Bad arguments.
  for (const [name, fn] of [
    ['Readable.toWeb', () => Readable.toWeb({})],
    ['Readable.fromWeb', () => Readable.fromWeb(new Readable())],
    ['Readable.fromWeb encoding', () => Readable.fromWeb(new ReadableStream(), { encoding: 'nope' })],
    ['Writable.toWeb', () => Writable.toWeb('x')],
    ['Writable.fromWeb', () => Writable.fromWeb({})],
    ['Duplex.toWeb', () => Duplex.toWeb(new Readable())],
    ['Duplex.fromWeb', () => Duplex.fromWeb({ readable: new ReadableStream() })],
  ]) {
    try {
      fn();
      log(name, 'no error');
    } catch (e) {
      log(name, e.name, e.code, e.message);
    }
  }
})();
