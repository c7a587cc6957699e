'use strict';
// The web stream classes as globals (lazy, non-enumerable, as in node 20), as stream/web's
// exports, and how util.inspect and Object.prototype.toString show their objects.

const util = require('util');
const web = require('stream/web');
const log = (...args) => console.log(...args);

const names = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
];
for (const name of names) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  log(name, d.enumerable, d.configurable, typeof d.get, typeof d.set, globalThis[name] === web[name]);
}
log('node:stream/web', require('node:stream/web') === web);
log('enumerable globals unchanged', Object.keys(globalThis).filter((k) => /Stream|Strategy/.test(k)));
globalThis.ReadableStream = 'replaced';
log('assignable', globalThis.ReadableStream);
globalThis.ReadableStream = web.ReadableStream;

// Classes a program cannot construct.
for (const name of [
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStreamDefaultController',
  'WritableStreamDefaultController',
]) {
  try {
    new web[name]();
  } catch (e) {
    log(name, e.name, e.code, e.message);
  }
}

let rsController;
let byteController;
let wsController;
let tsController;
const rs = new ReadableStream({
  start(c) {
    rsController = c;
  },
});
const bytes = new ReadableStream({
  type: 'bytes',
  start(c) {
    byteController = c;
  },
});
const ws = new WritableStream({
  start(c) {
    wsController = c;
  },
});
const ts = new TransformStream({
  start(c) {
    tsController = c;
  },
});
const reader = rs.getReader();
const byob = bytes.getReader({ mode: 'byob' });
byob.read(new Uint8Array(2));
const writer = ws.getWriter();
const objects = [rs, reader, rsController, bytes, byob, byteController, byteController.byobRequest, ws, writer, wsController, ts, tsController];
for (const o of objects) {
  log(Object.prototype.toString.call(o), util.inspect(o));
}
log(util.inspect({ nested: { deeper: { rs } } }));
log(util.inspect(ts, { depth: 0 }));
log(util.inspect([rs], { depth: -1 }));
rsController.close();
wsController.error(new Error('x'));
log(util.inspect(rs), util.inspect(ws));
log(util.inspect(rs, { colors: true }));

// The prototypes' shape.
for (const C of [ReadableStream, WritableStream, TransformStream, ReadableStreamDefaultReader, WritableStreamDefaultWriter]) {
  log(C.name, C.length, Object.keys(C.prototype), Object.getOwnPropertyNames(C.prototype).length);
}
log('asyncIterator is values', ReadableStream.prototype[Symbol.asyncIterator] === ReadableStream.prototype.values);
log('static from', Object.keys(ReadableStream));
