'use strict';
// The `worker_threads` module: https://nodejs.org/docs/latest-v20.x/api/worker_threads.html
//
// actorjs runs one thread of JavaScript, so this is the main thread's view of the module:
// isMainThread, threadId 0, no parent port or worker data, and the environment data map.
// Starting a Worker or opening a MessageChannel / BroadcastChannel throws ERR_NOT_IMPLEMENTED;
// the functions that take a MessagePort reject anything, as there can be no port.

const EventEmitter = require('events');
const {
  codes: {
    ERR_CONSTRUCT_CALL_INVALID,
    ERR_CONSTRUCT_CALL_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
    ERR_WORKER_MESSAGING_FAILED,
    ERR_WORKER_MESSAGING_SAME_THREAD,
  },
  errorWithCode,
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

const isMainThread = true;
const threadId = 0;
const resourceLimits = {};
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const environmentData = new Map();

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

class Worker extends EventEmitter {
  constructor(filename, options = undefined) {
    const { isURL } = require('internal/url');
    if (typeof filename !== 'string' && !isURL(filename)) {
      throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
    }
    throw new ERR_NOT_IMPLEMENTED('worker_threads.Worker');
  }
}

// As in node, ports are only made by a MessageChannel, never by calling MessagePort.
function MessagePort() {
  throw new ERR_CONSTRUCT_CALL_INVALID();
}

// A plain function, as node's native constructor inspects.
function MessageChannel() {
  if (new.target === undefined) {
    throw new ERR_CONSTRUCT_CALL_REQUIRED();
  }
  throw new ERR_NOT_IMPLEMENTED('worker_threads.MessageChannel');
}

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    throw new ERR_NOT_IMPLEMENTED('worker_threads.BroadcastChannel');
  }
}

// Node's native layer words this check its own way.
function invalidPort() {
  return errorWithCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
}

// eslint-disable-next-line no-unused-vars
function moveMessagePortToContext(port, contextifiedSandbox) {
  throw invalidPort();
}

// eslint-disable-next-line no-unused-vars
function receiveMessageOnPort(port) {
  throw invalidPort();
}

const untransferable = new WeakSet();

function markAsUntransferable(obj) {
  // Primitives are never transferred anyway.
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  untransferable.add(obj);
}

// With no other thread, every destination but this thread is missing.
async function postMessageToThread(destination, value, transferList, timeout) {
  if (typeof transferList === 'number' && typeof timeout === 'undefined') {
    timeout = transferList;
    transferList = [];
  }
  if (typeof timeout !== 'undefined') validateNumber(timeout, 'timeout', 0);
  if (destination === threadId) throw new ERR_WORKER_MESSAGING_SAME_THREAD();
  throw new ERR_WORKER_MESSAGING_FAILED();
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits,
  postMessageToThread,
  threadId,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
