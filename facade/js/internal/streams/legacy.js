'use strict';
// The old `Stream` class (an EventEmitter with a minimal pipe), base of every stream class and
// the value of require('stream') itself.

const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

// Adds `fn` before any other listener, for emitters that predate prependListener too.
function prependListener(emitter, event, fn) {
  if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
  if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
  else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
  else emitter._events[event] = [fn, emitter._events[event]];
}

// The pipe of pre-streams2 streams: pause on a full destination, resume on its 'drain', end
// (or destroy) the destination with the source.
Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;

  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);

  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);

  // process.stdout and process.stderr are never ended by a pipe.
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }

  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }

  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  // An error on either side unhooks the pipe; with no other listener it is rethrown.
  function onerror(er) {
    cleanup();
    if (EE.listenerCount(this, 'error') === 0) this.emit('error', er);
  }
  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);

  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);

  dest.emit('pipe', source);
  return dest;
};

// Streams preallocate their common event slots; names whose slot is empty are not listed.
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  const events = this._events;
  if (events == null) return names;
  for (const key of Reflect.ownKeys(events)) {
    const listener = events[key];
    if (typeof listener === 'function' || (Array.isArray(listener) && listener.length > 0)) names.push(key);
  }
  return names;
};

module.exports = { Stream, prependListener };
