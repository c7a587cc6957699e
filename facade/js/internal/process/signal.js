'use strict';
// process.on(<signal name>): the first listener for a signal starts catching it, the last one
// removed gives it its default disposition (node's internal/process/signal). Catching never
// keeps the process alive.

const { signals } = require('internal/process');
const { ErrnoException } = require('internal/errors');
const { op_signal_init, op_signal_start, op_signal_stop } = internalBinding('signal_wrap');

// The signals caught, by name; a number may have two names (SIGIO and SIGPOLL).
const caught = new Map();
let initialised = false;

function onsignal(signo) {
  for (const [name, number] of caught) {
    if (number === signo) process.emit(name, name, signo);
  }
}

function isSignal(event) {
  return typeof event === 'string' && signals[event] !== undefined;
}

function startListeningIfSignal(type) {
  if (!isSignal(type) || caught.has(type)) return;
  if (!initialised) {
    op_signal_init(onsignal);
    initialised = true;
  }
  const signo = signals[type];
  const err = op_signal_start(signo);
  if (err) throw new ErrnoException(err, 'uv_signal_start');
  caught.set(type, signo);
}

function stopListeningIfSignal(type) {
  if (!caught.has(type) || process.listenerCount(type) !== 0) return;
  const signo = caught.get(type);
  caught.delete(type);
  for (const number of caught.values()) if (number === signo) return;
  op_signal_stop(signo);
}

module.exports = { startListeningIfSignal, stopListeningIfSignal };
