'use strict';
// events.on(): an async iterator over an emitter's events.

const { EventEmitter, on } = require('events');

const log = (...args) => console.log(...args);

async function main() {
  // Events emitted before anyone reads are buffered; other event names are ignored.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data');
    log('listeners:', e.listenerCount('data'), e.listenerCount('error'));
    e.emit('data', 1);
    e.emit('other', 'ignored');
    e.emit('data', 2, 'b');
    const seen = [];
    for await (const args of iterator) {
      seen.push(JSON.stringify(args));
      if (seen.length === 2) break;
    }
    log('buffered:', seen.join(' '));
    log('listeners after break:', e.listenerCount('data'), e.listenerCount('error'));
  }

  // Reads waiting for events are resolved in order.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data');
    const first = iterator.next();
    const second = iterator.next();
    e.emit('data', 'a');
    e.emit('data', 'b');
    log('waiting reads:', JSON.stringify(await first), JSON.stringify(await second));
    log('return():', JSON.stringify(await iterator.return()));
    log('next() after return:', JSON.stringify(await iterator.next()));
    e.emit('data', 'late');
    log('no listeners left:', e.listenerCount('data'));
  }

  // An 'error' event rejects the next read, then the iterator is done.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data');
    e.emit('data', 'before');
    e.emit('error', new Error('broken'));
    log('value before the error:', JSON.stringify(await iterator.next()));
    try {
      await iterator.next();
    } catch (err) {
      log('then the error:', err.message);
    }
    log('then done:', JSON.stringify(await iterator.next()));
  }

  // An error while a read is pending rejects that read.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data');
    const pending = iterator.next();
    const alsoPending = iterator.next();
    e.emit('error', new Error('while waiting'));
    try {
      await pending;
    } catch (err) {
      log('pending read rejected:', err.message);
    }
    log('second pending read:', JSON.stringify(await alsoPending));
  }

  // throw(err) ends the iteration like an error; it wants an Error.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data');
    try {
      iterator.throw('not an error');
    } catch (err) {
      log('throw(non-error):', err.name, err.code, err.message);
    }
    log('throw(error) returns:', iterator.throw(new Error('stop')));
    try {
      await iterator.next();
    } catch (err) {
      log('next() after throw:', err.message);
    }
    log('listeners after throw:', e.listenerCount('data'), e.listenerCount('error'));
  }

  // The close option ends the iteration on the named events.
  {
    const e = new EventEmitter();
    const iterator = on(e, 'data', { close: ['end', 'finish'] });
    log('close listeners:', e.listenerCount('end'), e.listenerCount('finish'));
    e.emit('data', 1);
    e.emit('end');
    e.emit('data', 2);
    const seen = [];
    for await (const [value] of iterator) seen.push(value);
    log('until close:', seen.join(','), 'listeners:', e.listenerCount('data'), e.listenerCount('end'));
  }

  // An AbortSignal ends it with an AbortError.
  {
    const e = new EventEmitter();
    const ac = new AbortController();
    const iterator = on(e, 'data', { signal: ac.signal });
    const read = iterator.next();
    ac.abort('reason');
    try {
      await read;
    } catch (err) {
      log('aborted:', err.name, err.code, err.message, err.cause);
    }
    try {
      on(e, 'data', { signal: ac.signal });
    } catch (err) {
      log('already aborted:', err.name, err.code);
    }
  }

  // Watermarks: the emitter is paused above highWaterMark and resumed below lowWaterMark.
  {
    const e = new EventEmitter();
    e.pause = () => log('  pause()');
    e.resume = () => log('  resume()');
    const iterator = on(e, 'data', { highWaterMark: 2, lowWaterMark: 1 });
    for (let i = 1; i <= 4; i++) {
      log('emit', i);
      e.emit('data', i);
    }
    for (let i = 1; i <= 4; i++) {
      const { value } = await iterator.next();
      log('read', JSON.stringify(value));
    }
    await iterator.return();
  }

  // Argument errors are thrown synchronously.
  for (const [label, args] of [
    ['not an emitter', [{}, 'x']],
    ['bad signal', [new EventEmitter(), 'x', { signal: 'nope' }]],
    ['highWaterMark 0', [new EventEmitter(), 'x', { highWaterMark: 0 }]],
    ['lowWaterMark string', [new EventEmitter(), 'x', { lowWaterMark: '1' }]],
    ['highWaterMark 1.5', [new EventEmitter(), 'x', { highWaterMark: 1.5 }]],
  ]) {
    try {
      on(...args);
      log(label, 'did not throw');
    } catch (err) {
      log(`${label}:`, err.name, err.code, err.message);
    }
  }

  // An EventTarget source gets no 'error' listener and yields [event].
  {
    const target = new EventTarget();
    const iterator = on(target, 'tick');
    target.dispatchEvent(new Event('tick'));
    const { value } = await iterator.next();
    log('EventTarget value:', value.length, value[0].type);
    await iterator.return();
  }

  log('done');
}

main();
