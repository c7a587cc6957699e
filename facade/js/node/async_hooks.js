'use strict';
// node:async_hooks: AsyncLocalStorage and AsyncResource.
// https://nodejs.org/docs/latest-v20.x/api/async_hooks.html
//
// Both sit on the async context frame, as in node 24 (`--experimental-async-context-frame`,
// later the default) rather than on hooks: a frame is an immutable Map from each
// AsyncLocalStorage to its store. Whatever schedules a callback (a promise reaction, a tick, a
// timer or immediate, an I/O request, a socket or server) keeps the frame current then, and the
// callback runs in it, so a store reaches everything that descends from `run()`.
//
// There are no async hooks: createHook, executionAsyncId, triggerAsyncId and
// executionAsyncResource throw ERR_NOT_IMPLEMENTED rather than answer wrongly. An
// AsyncResource's triggerAsyncId defaults to the resource whose scope is running, or 1 (the
// main script) outside any.

const {
  codes: { ERR_INVALID_ASYNC_ID, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { deprecate, kEmptyObject } = require('internal/util');
const { validateFunction, validateString } = require('internal/validators');
const {
  currentFrame,
  exchangeFrame,
  newAsyncId,
  symbols: { async_id_symbol, trigger_async_id_symbol, async_context_frame },
} = require('internal/async_hooks');

// A frame with `storage`'s store set to `store` (or taken out, for undefined) over the current
// one.
function frameWith(storage, store) {
  const frame = new Map(currentFrame());
  if (store === undefined) frame.delete(storage);
  else frame.set(storage, store);
  return frame.size === 0 ? undefined : frame;
}

// Runs `callback` with `storage`'s store set to `store`. As node's run(): afterwards the storage
// has its store from before again, while what the callback entered into other storages
// (enterWith) stays.
function runWithStore(storage, store, callback, args) {
  const prior = currentFrame()?.get(storage);
  exchangeFrame(frameWith(storage, store));
  try {
    return Reflect.apply(callback, null, args);
  } finally {
    exchangeFrame(frameWith(storage, prior));
  }
}

// The resource whose runInAsyncScope is running, for the default triggerAsyncId.
let scopeAsyncId = 1;

class AsyncResource {
  constructor(type, opts = kEmptyObject) {
    validateString(type, 'type');

    let triggerAsyncId = opts;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts.triggerAsyncId === undefined ? scopeAsyncId : opts.triggerAsyncId;
    }

    // Unlike emitInitScript, AsyncResource doesn't supports null as the
    // triggerAsyncId.
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }

    this[async_context_frame] = currentFrame();
    this[async_id_symbol] = newAsyncId();
    this[trigger_async_id_symbol] = triggerAsyncId;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prior = exchangeFrame(this[async_context_frame]);
    const priorId = scopeAsyncId;
    scopeAsyncId = this[async_id_symbol];
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      scopeAsyncId = priorId;
      exchangeFrame(prior);
    }
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[async_id_symbol];
  }

  triggerAsyncId() {
    return this[trigger_async_id_symbol];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      'length': {
        __proto__: null,
        configurable: true,
        enumerable: false,
        value: fn.length,
        writable: false,
      },
      'asyncResource': {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get: deprecate(function() {
          return self;
        }, 'The asyncResource property on bound functions is deprecated', 'DEP0172'),
        set: deprecate(function(val) {
          self = val;
        }, 'The asyncResource property on bound functions is deprecated', 'DEP0172'),
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn, thisArg);
  }
}

class AsyncLocalStorage {
  constructor() {
    // node 20's own properties, so an instance prints the same.
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncLocalStorage.bind((cb, ...args) => cb(...args));
  }

  // getStore() answers undefined until the next run() or enterWith().
  disable() {
    this.enabled = false;
  }

  _enable() {
    this.enabled = true;
  }

  enterWith(store) {
    this._enable();
    exchangeFrame(frameWith(this, store));
  }

  run(store, callback, ...args) {
    // Avoid creation of an AsyncResource if store is already active
    if (Object.is(store, this.getStore())) {
      return Reflect.apply(callback, null, args);
    }
    this._enable();
    return runWithStore(this, store, callback, args);
  }

  exit(callback, ...args) {
    if (!this.enabled) {
      return Reflect.apply(callback, null, args);
    }
    return runWithStore(this, undefined, callback, args);
  }

  getStore() {
    if (this.enabled) return currentFrame()?.get(this);
  }
}

function notImplemented(name) {
  return {
    [name]() {
      throw new ERR_NOT_IMPLEMENTED(`async_hooks.${name}`);
    },
  }[name];
}

const providers = {
  __proto__: null,
};
[
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
  'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
  'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP',
  'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE',
  'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP',
  'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST',
  'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST',
  'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP',
  'VERIFYREQUEST',
].forEach((name, i) => {
  providers[name] = i;
});

module.exports = {
  // Public API
  AsyncLocalStorage,
  createHook: notImplemented('createHook'),
  executionAsyncId: notImplemented('executionAsyncId'),
  triggerAsyncId: notImplemented('triggerAsyncId'),
  executionAsyncResource: notImplemented('executionAsyncResource'),
  asyncWrapProviders: Object.freeze(providers),
  // Embedder API
  AsyncResource,
};
