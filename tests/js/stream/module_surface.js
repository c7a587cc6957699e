'use strict';
// What require('stream') and its submodules expose.

const stream = require('stream');

const log = (...args) => console.log(...args);

log('keys', Object.keys(stream).join(','));
log('is Stream', typeof stream, stream === stream.Stream, stream.Readable.Readable === stream.Readable);
log('promises keys', Object.keys(require('stream/promises')).join(','));
log('node: prefix', require('node:stream') === stream);
log('classes', [stream.Readable, stream.Writable, stream.Duplex, stream.Transform, stream.PassThrough].map((c) => c.name).join(','));
log('inheritance', Object.getPrototypeOf(stream.Readable) === stream, Object.getPrototypeOf(stream.Duplex) === stream.Readable, Object.getPrototypeOf(stream.Transform) === stream.Duplex);
log('static', ['from', 'fromWeb', 'toWeb', 'wrap'].map((k) => typeof stream.Readable[k]).join(','), typeof stream.Duplex.from, typeof stream.Writable.fromWeb);
log('legacy Stream is an EventEmitter', new stream() instanceof require('events'), typeof stream.prototype.pipe);
log(
  'Readable methods',
  ['push', 'unshift', 'read', 'pipe', 'unpipe', 'wrap', 'pause', 'resume', 'isPaused', 'setEncoding', 'destroy', 'iterator'].every(
    (m) => typeof stream.Readable.prototype[m] === 'function',
  ),
);
log(
  'Writable methods',
  ['write', 'end', 'cork', 'uncork', 'setDefaultEncoding', 'destroy'].every((m) => typeof stream.Writable.prototype[m] === 'function'),
);
log('state classes', typeof stream.Readable.ReadableState, typeof stream.Writable.WritableState);
log('helpers', stream._isUint8Array(new Uint8Array(1)), stream._isUint8Array(Buffer.alloc(1)), stream._isUint8Array([]), stream._isArrayBufferView(new DataView(new ArrayBuffer(1))));
const b = stream._uint8ArrayToBuffer(new Uint8Array([1, 2]));
log('to buffer', Buffer.isBuffer(b), b.length);
const r = new stream.Readable({ read() {} });
log('event names preset hidden', JSON.stringify(r.eventNames()));
r.on('data', () => {});
log('event names', JSON.stringify(r.eventNames()));
log('async iterator', typeof stream.Readable.prototype[Symbol.asyncIterator]);
