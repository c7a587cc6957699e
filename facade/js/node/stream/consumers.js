'use strict';
// stream/consumers: read a whole stream (or async iterable) into one value.
// https://nodejs.org/docs/latest-v20.x/api/webstreams.html#utility-consumers

const { getBuffer } = require('internal/streams/utils');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_NOT_IMPLEMENTED },
} = require('internal/streams/errors');

async function blob(stream) {
  if (typeof Blob !== 'function') throw new ERR_NOT_IMPLEMENTED('stream/consumers.blob (Blob)');
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Blob(chunks);
}

// The bytes of one chunk, as a Blob would take them: strings as UTF-8, ArrayBuffers and views
// as their bytes.
function bytesOf(chunk, index) {
  const Buffer = getBuffer();
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new ERR_INVALID_ARG_TYPE(
    `sources[${index}]`,
    ['string', 'ArrayBuffer', 'SharedArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
    chunk,
  );
}

async function arrayBuffer(stream) {
  if (typeof Blob === 'function') {
    const ret = await blob(stream);
    return ret.arrayBuffer();
  }
  const parts = [];
  for await (const chunk of stream) parts.push(chunk);
  let total = 0;
  const views = parts.map((chunk, i) => {
    const view = bytesOf(chunk, i);
    total += view.byteLength;
    return view;
  });
  const out = new Uint8Array(total);
  let offset = 0;
  for (const view of views) {
    out.set(view, offset);
    offset += view.byteLength;
  }
  return out.buffer;
}

async function buffer(stream) {
  return getBuffer().from(await arrayBuffer(stream));
}

// Decodes UTF-8 across chunk boundaries; strings are taken as they are.
async function text(stream) {
  let decode;
  let flush;
  if (typeof TextDecoder === 'function') {
    const dec = new TextDecoder();
    decode = (chunk) => dec.decode(chunk, { stream: true });
    flush = () => dec.decode(undefined, { stream: false });
  } else {
    const { StringDecoder } = require('string_decoder');
    const dec = new StringDecoder('utf8');
    decode = (chunk) => dec.write(ArrayBuffer.isView(chunk) ? chunk : new Uint8Array(chunk));
    flush = () => dec.end();
  }
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += decode(chunk);
  }
  str += flush();
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

module.exports = {
  arrayBuffer,
  blob,
  buffer,
  text,
  json,
};
