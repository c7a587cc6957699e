'use strict';
// events.once(): a promise for the next event.

const { EventEmitter, once } = require('events');

const log = (...args) => console.log(...args);

function describe(err) {
  return `${err.name} ${err.code} ${JSON.stringify(err.message)}${'cause' in err ? ` cause=${String(err.cause)}` : ''}`;
}

async function main() {
  // Resolves with the array of arguments, and cleans up its listeners.
  {
    const e = new EventEmitter();
    const p = once(e, 'ready');
    log('listeners while waiting:', e.listenerCount('ready'), e.listenerCount('error'));
    e.emit('ready', 1, 'two');
    log('listeners after the event:', e.listenerCount('ready'), e.listenerCount('error'));
    log('resolved with:', JSON.stringify(await p));
  }

  // Rejects with an 'error' event that comes first.
  {
    const e = new EventEmitter();
    const p = once(e, 'ready');
    const boom = new Error('boom');
    e.emit('error', boom);
    try {
      await p;
    } catch (err) {
      log('rejected with the error:', err === boom, 'listeners left:', e.listenerCount('ready'), e.listenerCount('error'));
    }
  }

  // Waiting for 'error' itself resolves with it.
  {
    const e = new EventEmitter();
    const p = once(e, 'error');
    e.emit('error', new Error('expected'));
    const [err] = await p;
    log('once(error) resolved:', err.message);
  }

  // Timing relative to other microtasks and ticks.
  {
    const e = new EventEmitter();
    const order = [];
    const p = once(e, 'go').then(() => order.push('once resolved'));
    e.emit('go');
    Promise.resolve().then(() => order.push('microtask 1')).then(() => order.push('microtask 2'))
      .then(() => order.push('microtask 3')).then(() => order.push('microtask 4'));
    process.nextTick(() => order.push('tick'));
    await p;
    await new Promise((resolve) => setImmediate(resolve));
    log('order:', order.join(' | '));
  }

  // AbortSignal: already aborted, aborted while waiting, and after the event.
  {
    const e = new EventEmitter();
    try {
      await once(e, 'x', { signal: AbortSignal.abort('early') });
    } catch (err) {
      log('pre-aborted:', describe(err), 'listeners:', e.listenerCount('x'));
    }

    const ac = new AbortController();
    const p = once(e, 'x', { signal: ac.signal });
    ac.abort(new Error('later'));
    try {
      await p;
    } catch (err) {
      log('aborted while waiting:', err.name, err.code, err.message, err.cause.message,
        'listeners:', e.listenerCount('x'), e.listenerCount('error'));
    }

    const ac2 = new AbortController();
    const p2 = once(e, 'x', { signal: ac2.signal });
    e.emit('x', 'value');
    ac2.abort();
    log('event before abort:', JSON.stringify(await p2));
  }

  // A stopImmediatePropagation() by another abort listener does not prevent the rejection.
  {
    const e = new EventEmitter();
    const ac = new AbortController();
    ac.signal.addEventListener('abort', (event) => event.stopImmediatePropagation());
    const p = once(e, 'x', { signal: ac.signal });
    ac.abort();
    try {
      await p;
    } catch (err) {
      log('rejected despite stopImmediatePropagation:', err.name);
    }
  }

  // Invalid arguments reject (once() is async).
  for (const options of [{ signal: 1 }, { signal: {} }, { signal: null }]) {
    try {
      await once(new EventEmitter(), 'x', options);
    } catch (err) {
      log('invalid signal:', describe(err));
    }
  }
  try {
    await once({}, 'x');
  } catch (err) {
    log('invalid emitter:', describe(err));
  }

  // An EventTarget: resolves with [event]; 'error' events are not special there.
  {
    const target = new EventTarget();
    const p = once(target, 'ping');
    target.dispatchEvent(new Event('ping'));
    const [event] = await p;
    log('EventTarget event:', event.type, event instanceof Event);

    const ac = new AbortController();
    const p2 = once(target, 'never', { signal: ac.signal });
    ac.abort();
    try {
      await p2;
    } catch (err) {
      log('EventTarget aborted:', err.name);
    }
    // The listener is gone: a later event does not matter.
    log('dispatch after abort:', target.dispatchEvent(new Event('never')));
  }

  // An object with both interfaces is treated as an EventEmitter.
  {
    const e = new EventEmitter();
    e.addEventListener = () => log('must not use addEventListener');
    const p = once(e, 'both');
    e.emit('both', 'emitter');
    log('prefers on():', JSON.stringify(await p));
  }

  log('done');
}

main();
