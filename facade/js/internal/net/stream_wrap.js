'use strict';
// The stream handles under node:net, with the interface of node's `stream_wrap`, `tcp_wrap` and
// `pipe_wrap` bindings so that net.js reads as node's does. A handle is a number in the `net`
// binding (a socket or server actor); calls return 0 or a negative errno, and what happens
// later (connected, bytes, writes done, connections, closed) arrives through one dispatch
// function, as events for the handle with that number.

const binding = internalBinding('net');
const { Buffer } = require('buffer');
const {
  currentFrame,
  exchangeFrame,
  symbols: { owner_symbol, async_context_frame },
} = require('internal/async_hooks');

// Node's streamBaseState fields.
const kReadBytesOrError = 0;
const kArrayBufferOffset = 1;
const kBytesWritten = 2;
const kLastWriteWasAsync = 3;
const streamBaseState = new Int32Array(5);

// Event kinds, as the binding numbers them.
const CONNECT = 1;
const READ = 2;
const WRITE = 3;
const SHUTDOWN = 4;
const CONNECTION = 5;
const CLOSE = 6;

const UV_ECANCELED = -125;

const kId = Symbol('kId');
const kConnectReq = Symbol('kConnectReq');
const kRequests = Symbol('kRequests');
const kCloseCallback = Symbol('kCloseCallback');
const kClosing = Symbol('kClosing');
const kRefed = Symbol('kRefed');
const kUserBuffer = Symbol('kUserBuffer');
const kStopped = Symbol('kStopped');
const kHeld = Symbol('kHeld');
const kLastRequest = Symbol('kLastRequest');

const handles = new Map();
let nextRequest = 0;
let nextAsyncId = 1;

// Runs what the handle `id` reports. The host calls it once per event and goes back to no async
// context frame after it, so it makes current the frame of the handle, or, for a request's
// completion, of the request (node's AsyncWrap resources: the socket or server, and each
// connect, write or shutdown).
function dispatch(id, kind, a, b) {
  const handle = handles.get(id);
  if (handle === undefined) return;
  if (handle[async_context_frame] !== undefined) exchangeFrame(handle[async_context_frame]);
  switch (kind) {
    case CONNECT: {
      const req = handle[kConnectReq];
      handle[kConnectReq] = null;
      if (req?.[async_context_frame] !== undefined) exchangeFrame(req[async_context_frame]);
      if (req && !handle[kClosing]) req.oncomplete(a, handle, req, true, true);
      break;
    }
    case READ:
      if (handle[kClosing]) break;
      if (a > 0) handle.bytesRead += a;
      if (handle[kUserBuffer] !== null) {
        deliverToUserBuffer(handle, a > 0 ? new Uint8Array(b, 0, a) : a);
        break;
      }
      streamBaseState[kReadBytesOrError] = a;
      streamBaseState[kArrayBufferOffset] = 0;
      handle.onread(a > 0 ? b : undefined);
      break;
    case WRITE:
    case SHUTDOWN: {
      const req = handle[kRequests].get(a);
      if (req === undefined) break;
      handle[kRequests].delete(a);
      if (req[async_context_frame] !== handle[async_context_frame]) exchangeFrame(req[async_context_frame]);
      if (kind === WRITE) handle.writeQueueSize -= req.bytes;
      req.oncomplete(b);
      break;
    }
    case CONNECTION:
      if (handle[kClosing]) {
        if (a > 0) binding.op_net_close(a, false);
        break;
      }
      if (a < 0) {
        handle.onconnection(a);
      } else {
        // As node's, the accepted socket is made outside the server's frame (before the
        // callback), so its own callbacks start with none.
        const frame = exchangeFrame(undefined);
        const client = new handle.constructor(0, a);
        exchangeFrame(frame);
        handle.onconnection(0, client);
      }
      break;
    case CLOSE: {
      // The actor may close by itself (both directions finished, or an error); the handle stays
      // until JS closes it, and answers still on their way reach it.
      if (!handle[kClosing]) break;
      handles.delete(id);
      // As libuv: requests still pending when a handle closes are cancelled, then the close
      // callback runs.
      const pending = handle[kRequests];
      handle[kRequests] = new Map();
      for (const req of pending.values()) req.oncomplete(UV_ECANCELED);
      const cb = handle[kCloseCallback];
      handle[kCloseCallback] = null;
      if (typeof cb === 'function') cb.call(handle);
      break;
    }
  }
}

// `onread: { buffer, callback }`: each chunk is copied into the user's buffer, in as many reads
// as it takes (libuv reads at most the buffer's size at a time); onread may return the buffer
// for the next read. What arrives while reading is stopped (bytes, or the end of the stream)
// waits for the next readStart, as it would in the kernel.
function deliverToUserBuffer(handle, item) {
  if (handle[kStopped] || handle[kHeld].length > 0) {
    handle[kHeld].push(item);
    return;
  }
  const rest = readInto(handle, item);
  if (rest !== undefined) handle[kHeld].push(rest);
}

function releaseHeld(handle) {
  while (handle[kHeld].length > 0 && !handle[kStopped] && !handle[kClosing]) {
    const rest = readInto(handle, handle[kHeld].shift());
    if (rest !== undefined) handle[kHeld].unshift(rest);
  }
}

// Hands `item` (bytes, or an end-of-stream or error code) to onread; returns what is left if
// reading stopped part way.
function readInto(handle, item) {
  if (typeof item === 'number') {
    streamBaseState[kReadBytesOrError] = item;
    handle.onread(undefined);
    return undefined;
  }
  let at = 0;
  while (at < item.length && !handle[kClosing]) {
    if (handle[kStopped]) return item.subarray(at);
    const target = handle[kUserBuffer];
    const n = Math.min(target.length, item.length - at);
    target.set(item.subarray(at, at + n), 0);
    at += n;
    streamBaseState[kReadBytesOrError] = n;
    streamBaseState[kArrayBufferOffset] = 0;
    // As node's C++ side: a buffer onread returns is the one the next read goes into.
    const next = handle.onread(undefined);
    if (next instanceof Uint8Array) handle[kUserBuffer] = next;
  }
  return undefined;
}

binding.op_net_init(dispatch);

function toBuffer(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
}

class LibuvStreamWrap {
  constructor(id) {
    this[kId] = id === undefined ? binding.op_net_open() : id;
    this[kConnectReq] = null;
    this[kRequests] = new Map();
    this[kCloseCallback] = null;
    this[kClosing] = false;
    this[kRefed] = true;
    this[kUserBuffer] = null;
    this[kStopped] = true;
    this[kHeld] = [];
    this[kLastRequest] = -1;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.writeQueueSize = 0;
    this.reading = false;
    this.onread = null;
    this.asyncId = nextAsyncId++;
    this[async_context_frame] = currentFrame();
    handles.set(this[kId], this);
  }

  get fd() {
    return -1;
  }

  getAsyncId() {
    return this.asyncId;
  }

  getProviderType() {
    return 0;
  }

  readStart() {
    this[kStopped] = false;
    if (this[kHeld].length > 0) {
      const { setImmediate } = require('internal/timers');
      setImmediate(releaseHeld, this);
    }
    return binding.op_net_read(this[kId], true);
  }

  readStop() {
    this[kStopped] = true;
    return binding.op_net_read(this[kId], false);
  }

  // A write the kernel takes at once completes synchronously (req.async false, no oncomplete),
  // as libuv's uv_try_write; otherwise req.oncomplete(status) follows.
  #write(req, data) {
    const request = nextRequest++;
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
    const r = binding.op_net_write(this[kId], request, data);
    streamBaseState[kBytesWritten] = bytes;
    streamBaseState[kLastWriteWasAsync] = r === 0 ? 1 : 0;
    if (r < 0) return r;
    this.bytesWritten += bytes;
    if (r === 0) {
      this.writeQueueSize += bytes;
      // Without a request (writeBuffer(null, ...)) the caller makes one only now that the
      // write stays pending, and hands it to adoptPendingWrite.
      if (req === null) this[kLastRequest] = request;
      else this[kRequests].set(request, req);
    }
    if (req !== null) {
      req.bytes = bytes;
      req.async = r === 0;
    }
    return 0;
  }

  writeBuffer(req, buffer) {
    return this.#write(req, buffer);
  }

  // The request for the write that writeBuffer(null, buffer) left pending: its completion goes
  // to req.oncomplete as any other's.
  adoptPendingWrite(req) {
    req.bytes = streamBaseState[kBytesWritten];
    req.async = true;
    this[kRequests].set(this[kLastRequest], req);
  }

  writev(req, chunks, allBuffers) {
    const list = [];
    if (allBuffers) {
      for (let i = 0; i < chunks.length; i++) list.push(chunks[i]);
    } else {
      for (let i = 0; i < chunks.length; i += 2) list.push(toBuffer(chunks[i], chunks[i + 1]));
    }
    return this.#write(req, list);
  }

  writeUtf8String(req, string) {
    return this.#write(req, Buffer.from(string, 'utf8'));
  }

  writeAsciiString(req, string) {
    return this.#write(req, Buffer.from(string, 'ascii'));
  }

  writeLatin1String(req, string) {
    return this.#write(req, Buffer.from(string, 'latin1'));
  }

  writeUcs2String(req, string) {
    return this.#write(req, Buffer.from(string, 'ucs2'));
  }

  shutdown(req) {
    const request = nextRequest++;
    const err = binding.op_net_shutdown(this[kId], request);
    if (err === 0) this[kRequests].set(request, req);
    return err;
  }

  useUserBuffer(buffer) {
    this[kUserBuffer] = buffer;
  }

  setBlocking() {
    return 0;
  }

  close(cb) {
    this.#close(false, cb);
  }

  reset(cb) {
    this.#close(true, cb);
    return 0;
  }

  #close(reset, cb) {
    if (this[kClosing]) return;
    this[kClosing] = true;
    this[kCloseCallback] = cb;
    if (!binding.op_net_close(this[kId], reset)) {
      // Nothing left to close natively: the callback runs in a later turn, as node's does.
      const { setImmediate } = require('internal/timers');
      setImmediate(() => dispatch(this[kId], CLOSE));
    }
  }

  ref() {
    this[kRefed] = true;
    binding.op_net_ref(this[kId], true);
  }

  unref() {
    this[kRefed] = false;
    binding.op_net_ref(this[kId], false);
  }

  hasRef() {
    return this[kRefed] && !this[kClosing];
  }

  // Connects to an IP literal and port, or (port undefined) a Unix socket path.
  _connect(req, address, port) {
    // The host name the socket asked for, so that a grant by name covers the address it became.
    const host = this[owner_symbol]?._host;
    const err = binding.op_net_connect(this[kId], address, port === undefined ? -1 : port, host);
    if (err === 0) this[kConnectReq] = req;
    return err;
  }

  _bind(address, port, reusePort = false) {
    return binding.op_net_bind(this[kId], address, port === undefined ? -1 : port, reusePort);
  }

  _listen(backlog, ipv6Only, reusePort = false) {
    return binding.op_net_listen(this[kId], ipv6Only, backlog, reusePort);
  }

  _openIpc() {
    return binding.op_net_open_ipc(this[kId]);
  }

  _setTypeOfService(tos) {
    return binding.op_net_set_tos(this[kId], tos);
  }

  _getTypeOfService() {
    return binding.op_net_get_tos(this[kId]);
  }

  _setNoDelay(enable) {
    return binding.op_net_set_no_delay(this[kId], enable);
  }

  _setKeepAlive(enable, initialDelay) {
    return binding.op_net_set_keep_alive(this[kId], enable, initialDelay);
  }

  _address(peer, out) {
    const a = binding.op_net_address(this[kId], peer);
    if (!Array.isArray(a)) return -22;
    out.address = a[0];
    out.family = a[1];
    out.port = a[2];
    return 0;
  }
}

class WriteWrap {
  constructor() {
    this.handle = null;
    this.oncomplete = null;
    this.bytes = 0;
    this.buffer = null;
    this.async = false;
    this[async_context_frame] = currentFrame();
  }
}

class ShutdownWrap {
  constructor() {
    this.handle = null;
    this.oncomplete = null;
    this.callback = null;
    this[async_context_frame] = currentFrame();
  }
}

// What kind of handle an fd is: 'TCP', 'PIPE', 'FILE', 'TTY' or 'UNKNOWN', as node's
// guessHandleType. Numbers past stdio are the program's own fds (files it opened).
function guessHandleType(fd) {
  if (fd >= 0 && fd <= 2) {
    const kind = internalBinding('stdio').op_stdio_kind(fd);
    return { tty: 'TTY', file: 'FILE', pipe: 'PIPE' }[kind] ?? 'UNKNOWN';
  }
  try {
    return require('fs').fstatSync(fd).isFile() ? 'FILE' : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

// The number of a handle in the net binding (child_process gives a Pipe's to the spawn op).
function handleId(handle) {
  return handle[kId];
}

module.exports = {
  handleId,
  LibuvStreamWrap,
  WriteWrap,
  ShutdownWrap,
  kReadBytesOrError,
  kArrayBufferOffset,
  kBytesWritten,
  kLastWriteWasAsync,
  streamBaseState,
  guessHandleType,
};
