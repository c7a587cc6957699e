'use strict';
// What node:child_process stands on: https://nodejs.org/docs/latest-v20.x/api/child_process.html
//
// Port of node v20's lib/internal/child_process.js. ChildProcess drives a Process handle, which
// has the interface of node's `process_wrap` binding (spawn, kill, ref, unref, close, onexit,
// pid) over the ops of internalBinding('process_wrap'); its 'pipe' stdio are Pipe handles of
// internal/net/pipe_wrap, wrapped in a net.Socket once the child runs. spawnSync builds node's
// `spawn_sync` result from op_spawn_sync.
//
// An 'ipc' stdio is a Pipe handle over a socketpair, as libuv's; setupChannel gives the child
// process object (and, in a forked child, `process`) send(), disconnect() and 'message' over it,
// with node's 'json' serialization (newline-separated JSON). Left out, with ERR_NOT_IMPLEMENTED:
// sending handles over the channel and the 'advanced' serialization (V8's serializer). Also
// left out: diagnostics_channel, and net handles as stdio (the binding cannot give a child the
// descriptor under one yet).

const { currentFrame, exchangeFrame } = require('internal/async_hooks');
const { ErrnoException, codes } = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_HANDLE_TYPE,
  ERR_IPC_CHANNEL_CLOSED,
  ERR_IPC_DISCONNECTED,
  ERR_IPC_ONE_PIPE,
  ERR_IPC_SYNC_FORK,
  ERR_MISSING_ARGS,
  ERR_NOT_IMPLEMENTED,
  ERR_UNKNOWN_SIGNAL,
} = codes;
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const EventEmitter = require('events');
const net = require('net');
const { Buffer } = require('buffer');
const { inspect } = require('internal/util/inspect');
const { isArrayBufferView } = require('internal/util/types');
const { signals } = require('os').constants;
const { Pipe, constants: PipeConstants } = require('internal/net/pipe_wrap');
const { TCP } = require('internal/net/tcp_wrap');
const { owner_symbol } = require('internal/async_hooks').symbols;
const { toOpPath } = require('internal/fs/utils');

const { UV_EACCES, UV_EAGAIN, UV_EINVAL, UV_EMFILE, UV_ENFILE, UV_ENOENT, UV_ENOSYS, UV_ESRCH } =
  internalBinding('uv');

let signalsToNamesMapping;
function getSignalsToNamesMapping() {
  if (signalsToNamesMapping !== undefined) return signalsToNamesMapping;
  // The first name of a number wins (SIGABRT over SIGIOT, SIGIO over SIGPOLL), as node's
  // signo_string answers.
  signalsToNamesMapping = { __proto__: null };
  for (const key in signals) {
    if (signalsToNamesMapping[signals[key]] === undefined) signalsToNamesMapping[signals[key]] = key;
  }
  return signalsToNamesMapping;
}

// Node's internal/util convertToValidSignal: a signal name or number to its number.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && getSignalsToNamesMapping()[signal]) return signal;

  if (typeof signal === 'string') {
    const signalName = signals[signal.toUpperCase()];
    if (signalName) return signalName;
  }

  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// The name node gives a signal number ('' for none or one it does not know).
function signalName(signo) {
  return (signo > 0 && getSignalsToNamesMapping()[signo]) || '';
}

// The stdio of getValidStdio as op_process_spawn and op_spawn_sync take them.
function stdioForOp(stdio, sync) {
  const { handleId } = sync ? {} : require('internal/net/stream_wrap');
  return stdio.map((stream) => {
    switch (stream.type) {
      case 'ignore':
        return ['ignore'];
      case 'pipe':
      case 'overlapped':
        return sync ? ['pipe'] : ['pipe', handleId(stream.handle)];
      case 'inherit':
        return ['inherit'];
      default:
        return ['fd', stream.fd | 0];
    }
  });
}

// The arguments of spawn as node's bindings read them from the options: argv entries and
// environment pairs become strings (a hole is 'undefined'), and uid and gid count when they are
// int32. process_wrap takes a cwd that is a non-empty string and ignores any other; spawn_sync
// takes any cwd given, as a string.
function spawnArgsForOp(options, sync) {
  const args = [];
  if (options.args !== undefined) {
    for (let i = 0; i < options.args.length; i++) args.push(`${options.args[i]}`);
  }
  let envPairs;
  if (Array.isArray(options.envPairs)) {
    envPairs = [];
    for (let i = 0; i < options.envPairs.length; i++) envPairs.push(`${options.envPairs[i]}`);
  }
  let cwd;
  if (sync) {
    if (options.cwd != null) cwd = isArrayBufferView(options.cwd) ? toOpPath(options.cwd) : `${options.cwd}`;
  } else if (typeof options.cwd === 'string' && options.cwd.length > 0) {
    cwd = options.cwd;
  }
  const uid = options.uid === (options.uid | 0) ? options.uid : undefined;
  const gid = options.gid === (options.gid | 0) ? options.gid : undefined;
  return { args, cwd, envPairs, detached: Boolean(options.detached), uid, gid };
}

const kId = Symbol('kId');
const kLive = Symbol('kLive');

// Node's `process_wrap` Process handle. `pid` is set when a spawn succeeds; `onexit(exitCode,
// signalCode)` runs once when the child exits, with node's arguments (signalCode the signal's
// name, or ''), unless the handle was closed first. The native handle is gone after the exit.
class Process {
  constructor() {
    this[kId] = undefined;
    this[kLive] = false;
    this.onexit = null;
  }

  spawn(options) {
    const { op_process_spawn } = internalBinding('process_wrap');
    const { args, cwd, envPairs, detached, uid, gid } = spawnArgsForOp(options, false);
    const stdio = stdioForOp(options.stdio, false);
    // The exit is reported in the async context frame of the spawn, as node's handle does.
    const frame = currentFrame();
    const onexit = (exitCode, signo) => {
      if (!this[kLive]) return;
      if (frame !== undefined) exchangeFrame(frame);
      this[kLive] = false;
      this.onexit(exitCode, signalName(signo));
    };
    const r = op_process_spawn(options.file, args, cwd, envPairs, stdio, detached, uid, gid, onexit);
    if (typeof r === 'number') return r;
    this[kId] = r[0];
    this[kLive] = true;
    this.pid = r[1];
    return 0;
  }

  kill(signal) {
    if (!this[kLive]) return UV_ESRCH;
    return internalBinding('process_wrap').op_process_kill(this[kId], signal);
  }

  ref() {
    if (this[kLive]) internalBinding('process_wrap').op_process_ref(this[kId], true);
  }

  unref() {
    if (this[kLive]) internalBinding('process_wrap').op_process_ref(this[kId], false);
  }

  close() {
    if (this[kLive]) internalBinding('process_wrap').op_process_close(this[kId]);
    this[kLive] = false;
  }
}

function stdioStringToArray(stdio, channel) {
  const options = [];

  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      options.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      options.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }

  if (channel) options.push(channel);

  return options;
}

function ChildProcess() {
  EventEmitter.call(this);

  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;

  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  this._handle = new Process();
  this._handle[owner_symbol] = this;

  this._handle.onexit = (exitCode, signalCode) => {
    if (signalCode) {
      this.signalCode = signalCode;
    } else {
      this.exitCode = exitCode;
    }

    if (this.stdin) {
      this.stdin.destroy();
    }

    this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? 'spawn ' + this.spawnfile : 'spawn';
      const err = new ErrnoException(exitCode, syscall);

      if (this.spawnfile) err.path = this.spawnfile;

      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }

    // Streams nobody read from are drained, so that they end and 'close' can follow. This waits
    // a tick: a listener of 'exit' may still want to start reading the output.
    process.nextTick(flushStdio, this);

    maybeClose(this);
  };
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

function flushStdio(subprocess) {
  const stdio = subprocess.stdio;

  if (stdio == null) return;

  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable) {
      continue;
    }
    stream.resume();
  }
}

function createSocket(pipe, readable) {
  return net.Socket({ handle: pipe, readable });
}

// There are no TTY or UDP handles under node:net here.
function getHandleWrapType(stream) {
  if (stream instanceof Pipe) return 'pipe';
  if (stream instanceof TCP) return 'tcp';

  return false;
}

ChildProcess.prototype.spawn = function (options) {
  let i = 0;

  validateObject(options, 'options');

  // If no `stdio` option was given - use default
  let stdio = options.stdio || 'pipe';

  stdio = getValidStdio(stdio, false);

  const ipc = stdio.ipc;
  const ipcFd = stdio.ipcFd;
  stdio = options.stdio = stdio.stdio;

  validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';

  if (ipc !== undefined) {
    if (serialization === 'advanced') {
      ipc.close();
      throw new ERR_NOT_IMPLEMENTED("The 'advanced' serialization of child_process");
    }
    // Let child process know about opened IPC channel
    if (options.envPairs === undefined) options.envPairs = [];
    else validateArray(options.envPairs, 'options.envPairs');

    options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
    options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
  }

  validateString(options.file, 'options.file');
  this.spawnfile = options.file;

  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }

  const err = this._handle.spawn(options);

  // Run-time errors should emit an error, not throw an exception.
  if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE || err === UV_ENOENT) {
    process.nextTick(onErrorNT, this, err);

    // There is no point in continuing when we've hit EMFILE or ENFILE
    // because we won't be able to set up the stdio file descriptors.
    if (err === UV_EMFILE || err === UV_ENFILE) return err;
  } else if (err) {
    // Close all opened fds on error
    for (i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (stream.type === 'pipe') {
        stream.handle.close();
      }
    }

    this._handle.close();
    this._handle = null;
    throw new ErrnoException(err, 'spawn');
  } else {
    process.nextTick(onSpawnNT, this);
  }

  this.pid = this._handle.pid;

  for (i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (stream.type === 'ignore') continue;

    if (stream.ipc) {
      this._closesNeeded++;
      continue;
    }

    if (stream.handle) {
      stream.socket = createSocket(this.pid !== 0 ? stream.handle : null, i > 0);

      if (i > 0 && this.pid !== 0) {
        this._closesNeeded++;
        stream.socket.on('close', () => {
          maybeClose(this);
        });
      }
    }
  }

  this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
  this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
  this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;

  this.stdio = [];

  for (i = 0; i < stdio.length; i++) this.stdio.push(stdio[i].socket === undefined ? null : stdio[i].socket);

  // Add .send() method and start listening for IPC data
  if (ipc !== undefined) setupChannel(this, ipc, serialization);

  return err;
};

function onErrorNT(self, err) {
  self._handle.onexit(err);
}

function onSpawnNT(self) {
  self.emit('spawn');
}

ChildProcess.prototype.kill = function (sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);

  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      /* Success. */
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      /* Already dead. */
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      /* The underlying platform doesn't support this signal. */
      throw new ErrnoException(err, 'kill');
    } else {
      /* Other error, almost certainly EPERM. */
      this.emit('error', new ErrnoException(err, 'kill'));
    }
  }

  /* Kill didn't succeed. */
  return false;
};

ChildProcess.prototype[Symbol.dispose] = function () {
  if (!this.killed) {
    this.kill();
  }
};

ChildProcess.prototype.ref = function () {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function () {
  if (this._handle) this._handle.unref();
};

function getValidStdio(stdio, sync) {
  // Replace shortcut with an array
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }

  // At least 3 stdio will be created. Pushing (not concat() of a new Array) keeps the array
  // dense, as reduce() skips holes.
  while (stdio.length < 3) stdio.push(undefined);

  let ipc;
  let ipcFd;

  // Translate stdio into the handles and fds the binding takes
  stdio = stdio.reduce((acc, stdio, i) => {
    function cleanup() {
      for (let i = 0; i < acc.length; i++) {
        if ((acc[i].type === 'pipe' || acc[i].type === 'ipc') && acc[i].handle) acc[i].handle.close();
      }
    }

    // Defaults
    if (stdio == null) {
      stdio = i < 3 ? 'pipe' : 'ignore';
    }

    if (stdio === 'ignore') {
      acc.push({ type: 'ignore' });
    } else if (stdio === 'pipe' || stdio === 'overlapped' || (typeof stdio === 'number' && stdio < 0)) {
      const a = {
        type: stdio === 'overlapped' ? 'overlapped' : 'pipe',
        readable: i === 0,
        writable: i !== 0,
      };

      if (!sync) a.handle = new Pipe(PipeConstants.SOCKET);

      acc.push(a);
    } else if (stdio === 'ipc') {
      if (sync || ipc !== undefined) {
        // Cleanup previously created pipes
        cleanup();
        if (!sync) throw new ERR_IPC_ONE_PIPE();
        else throw new ERR_IPC_SYNC_FORK();
      }

      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;

      acc.push({
        type: 'pipe',
        handle: ipc,
        ipc: true,
      });
    } else if (stdio === 'inherit') {
      acc.push({
        type: 'inherit',
        fd: i,
      });
    } else if (typeof stdio === 'number' || typeof stdio.fd === 'number') {
      acc.push({
        type: 'fd',
        fd: typeof stdio === 'number' ? stdio : stdio.fd,
      });
    } else if (
      getHandleWrapType(stdio) ||
      getHandleWrapType(stdio.handle) ||
      getHandleWrapType(stdio._handle)
    ) {
      cleanup();
      throw new ERR_NOT_IMPLEMENTED('A net.Socket or stream handle as child_process stdio');
    } else if (isArrayBufferView(stdio) || typeof stdio === 'string') {
      if (!sync) {
        cleanup();
        throw new codes.ERR_INVALID_SYNC_FORK_INPUT(inspect(stdio));
      }
    } else {
      // Cleanup
      cleanup();
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }

    return acc;
  }, []);

  return { stdio, ipc, ipcFd };
}

// ---- IPC channels (node's setupChannel, without handle passing) ----

const kChannelHandle = Symbol('kChannelHandle');
const kPendingMessages = Symbol('kPendingMessages');
const kJSONBuffer = Symbol('kJSONBuffer');
const kStringDecoder = Symbol('kStringDecoder');

// Keeps the channel ref'd while someone listens for messages or a write is in flight, unless the
// program set the channel's ref itself.
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) {
      this.#channel.ref();
    }
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

// Node's 'json' serialization: one JSON text per line.
const jsonSerialization = {
  initMessageChannel(channel) {
    channel[kJSONBuffer] = '';
    channel[kStringDecoder] = undefined;
  },

  *parseChannelMessages(channel, readData) {
    if (readData.length === 0) return;

    if (channel[kStringDecoder] === undefined) {
      const { StringDecoder } = require('string_decoder');
      channel[kStringDecoder] = new StringDecoder('utf8');
    }
    const chunks = channel[kStringDecoder].write(readData).split('\n');
    const numCompleteChunks = chunks.length - 1;
    // Last line does not have trailing linebreak
    const incompleteChunk = chunks[numCompleteChunks];
    if (numCompleteChunks === 0) {
      channel[kJSONBuffer] += incompleteChunk;
    } else {
      chunks[0] = channel[kJSONBuffer] + chunks[0];
      for (let i = 0; i < numCompleteChunks; i++) yield JSON.parse(chunks[i]);
      channel[kJSONBuffer] = incompleteChunk;
    }
    channel.buffering = channel[kJSONBuffer].length !== 0;
  },

  writeChannelMessage(channel, req, message) {
    const string = JSON.stringify(message) + '\n';
    return channel.writeUtf8String(req, string);
  },
};

const channelDeprecationMsg = '_channel is deprecated. Use ChildProcess.channel instead.';

function setupChannel(target, channel, serializationMode) {
  const {
    WriteWrap,
    kArrayBufferOffset,
    kLastWriteWasAsync,
    kReadBytesOrError,
    streamBaseState,
  } = require('internal/net/stream_wrap');
  const { deprecate } = require('internal/util');
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;

  Object.defineProperty(target, '_channel', {
    __proto__: null,
    get: deprecate(() => {
      return target.channel;
    }, channelDeprecationMsg, 'DEP0129'),
    set: deprecate((val) => {
      target.channel = val;
    }, channelDeprecationMsg, 'DEP0129'),
    configurable: true,
    enumerable: false,
  });

  target._handleQueue = null;
  target._pendingMessage = null;

  if (serializationMode !== 'json') {
    throw new ERR_NOT_IMPLEMENTED(`The '${serializationMode}' serialization of child_process`);
  }
  const { initMessageChannel, parseChannelMessages, writeChannelMessage } = jsonSerialization;

  initMessageChannel(channel);
  channel.onread = function (arrayBuffer) {
    if (arrayBuffer) {
      const nread = streamBaseState[kReadBytesOrError];
      const offset = streamBaseState[kArrayBufferOffset];
      const pool = new Uint8Array(arrayBuffer, offset, nread);

      for (const message of parseChannelMessages(channel, pool)) {
        handleMessage(message, undefined, isInternal(message));
      }
    } else {
      this.buffering = false;
      target.disconnect();
      channel.onread = nop;
      channel.close();
      target.channel = null;
      maybeClose(target);
    }
  };

  // Handles sent with a message would arrive as 'NODE_HANDLE' internal messages; this channel
  // carries none (see send()), so only a NACK answers one.
  target.on('internalMessage', function (message) {
    if (message.cmd === 'NODE_HANDLE') target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
  });

  target.on('newListener', function () {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount('message')) return;

      const messages = target.channel[kPendingMessages];
      const { length } = messages;
      if (!length) return;

      for (let i = 0; i < length; i++) {
        Reflect.apply(target.emit, target, messages[i]);
      }

      target.channel[kPendingMessages] = [];
    });
  });

  target.send = function (message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }

    options = { swallowErrors: false, ...options };

    if (this.connected) {
      return this._send(message, handle, options, callback);
    }
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function (message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');

    // Non-serializable messages should not reach the remote end point.
    if (
      typeof message !== 'string' &&
      typeof message !== 'object' &&
      typeof message !== 'number' &&
      typeof message !== 'boolean'
    ) {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }

    // Support legacy function signature
    if (typeof options === 'boolean') {
      options = { swallowErrors: options };
    }

    if (handle) {
      // Node sends sockets, servers and their native handles (and dgram sockets) this way.
      if (
        !(handle instanceof net.Socket) &&
        !(handle instanceof net.Server) &&
        !(handle instanceof TCP) &&
        !(handle instanceof Pipe)
      ) {
        throw new ERR_INVALID_HANDLE_TYPE();
      }
      throw new ERR_NOT_IMPLEMENTED('Sending a handle over an IPC channel');
    }

    const req = new WriteWrap();

    const err = writeChannelMessage(channel, req, message);
    const wasAsyncWrite = streamBaseState[kLastWriteWasAsync];

    if (err === 0) {
      if (wasAsyncWrite) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else if (!options.swallowErrors) {
      const ex = new ErrnoException(err, 'write');
      if (typeof callback === 'function') {
        process.nextTick(callback, ex);
      } else {
        process.nextTick(() => this.emit('error', ex));
      }
    }

    /* If the primary is > 2 read() calls behind, please stop sending. */
    return channel.writeQueueSize < 65536 * 2;
  };

  // `connected` is false once disconnect() was asked for; `channel` is null once the channel is
  // actually closed.
  target.connected = true;

  target.disconnect = function () {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }

    // Do not allow any new messages to be written.
    this.connected = false;

    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function () {
    // This marks the fact that the channel is actually disconnected.
    this.channel = null;
    this[kChannelHandle] = null;

    let fired = false;
    function finish() {
      if (fired) return;
      fired = true;

      channel.close();
      target.emit('disconnect');
    }

    // If a message is being read, then wait for it to complete.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);

      return;
    }

    process.nextTick(finish);
  };

  function emit(event, message, handle) {
    if ('internalMessage' === event || target.listenerCount('message')) {
      target.emit(event, message, handle);
      return;
    }

    target.channel[kPendingMessages].push([event, message, handle]);
  }

  function handleMessage(message, handle, internal) {
    if (!target.channel) return;

    const eventName = internal ? 'internalMessage' : 'message';

    process.nextTick(emit, eventName, message, handle);
  }

  channel.readStart();
  return control;
}

const INTERNAL_PREFIX = 'NODE_';
function isInternal(message) {
  return (
    message !== null &&
    typeof message === 'object' &&
    typeof message.cmd === 'string' &&
    message.cmd.length > INTERNAL_PREFIX.length &&
    message.cmd.slice(0, INTERNAL_PREFIX.length) === INTERNAL_PREFIX
  );
}

function nop() {}

function maybeClose(subprocess) {
  subprocess._closesGot++;

  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

// Node's spawn_sync binding: runs the child to its end and answers
// { error?, status, signal, output, pid }, each output a Buffer of what a pipe the child
// writes to carried (null for other stdio, stdin's pipe included).
function spawnSyncBinding(options) {
  const { op_spawn_sync } = internalBinding('process_wrap');
  const { args, cwd, envPairs, detached, uid, gid } = spawnArgsForOp(options, true);
  const stdio = options.stdio;
  const isPipe = (stream) => stream.type === 'pipe' || stream.type === 'overlapped';
  // The binding feeds stdin only, the one stdio the options can give input to.
  let input;
  if (stdio.length > 0 && isPipe(stdio[0]) && stdio[0].input != null) {
    const view = stdio[0].input;
    input = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  // As in node's SyncProcessRunner, a timeout or maxBuffer of 0 is none.
  const timeout = typeof options.timeout === 'number' ? options.timeout : 0;
  const killSignal = typeof options.killSignal === 'number' ? options.killSignal : signals.SIGTERM;
  const { maxBuffer } = options;
  const limit = maxBuffer > 0 && maxBuffer !== Infinity ? maxBuffer : undefined;
  const raw = op_spawn_sync(
    options.file,
    args,
    cwd,
    envPairs,
    stdioForOp(stdio, true),
    detached,
    uid,
    gid,
    input,
    timeout,
    killSignal,
    limit,
  );

  const result = {};
  if (raw.error) result.error = raw.error;
  const started = raw.pid > 0;
  result.status = started && raw.status != null && !(raw.signal > 0) ? raw.status : null;
  result.signal = raw.signal > 0 ? signalName(raw.signal) : null;
  if (started && raw.output) {
    result.output = stdio.map((stream, i) => {
      const data = raw.output[i];
      return isPipe(stream) && stream.writable && data != null ? Buffer.from(data) : null;
    });
  } else {
    result.output = null;
  }
  result.pid = raw.pid;
  return result;
}

function spawnSync(options) {
  const result = spawnSyncBinding(options);

  if (result.output && options.encoding && options.encoding !== 'buffer') {
    for (let i = 0; i < result.output.length; i++) {
      if (!result.output[i]) continue;
      result.output[i] = result.output[i].toString(options.encoding);
    }
  }

  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];

  if (result.error) {
    result.error = new ErrnoException(result.error, 'spawnSync ' + options.file);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }

  return result;
}

module.exports = {
  ChildProcess,
  kChannelHandle,
  codes,
  setupChannel,
  convertToValidSignal,
  getValidStdio,
  stdioStringToArray,
  spawnSync,
};
