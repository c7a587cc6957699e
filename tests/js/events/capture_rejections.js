'use strict';
// EventEmitter captureRejections: rejected promises returned by listeners.

const EventEmitter = require('events');
const { setTimeout: delay } = require('timers/promises');

const log = (...args) => console.log(...args);

async function main() {
  log('captureRejectionSymbol:', EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'));
  log('default captureRejections:', EventEmitter.captureRejections);

  // Routed to 'error', a tick after the rejection.
  {
    const e = new EventEmitter({ captureRejections: true });
    e.on('thing', async (value) => {
      throw new Error(`failed on ${value}`);
    });
    e.on('error', (err) => log('error event:', err.message));
    log('emit returns:', e.emit('thing', 'first'));
    process.nextTick(() => log('a tick after emit'));
    await delay(1);
  }

  // Routed to the rejection method when the emitter has one, with the event's arguments.
  {
    const e = new EventEmitter({ captureRejections: true });
    e[EventEmitter.captureRejectionSymbol] = (err, event, ...args) => {
      log('rejection method:', err.message, String(event), JSON.stringify(args));
    };
    e.on('thing', async () => {
      throw new Error('to the method');
    });
    e.emit('thing', 1, 2);
    await delay(1);
  }

  // A thenable with a throwing `then` getter: the error goes to 'error' synchronously.
  {
    const e = new EventEmitter({ captureRejections: true });
    e.on('error', (err) => log('sync error event:', err.message));
    e.on('thing', () => ({
      get then() {
        throw new Error('then getter');
      },
    }));
    e.emit('thing');
    log('after emit with bad thenable');
  }

  // Without captureRejections the returned promise is left alone.
  {
    const e = new EventEmitter();
    let caught = null;
    e.on('thing', () => {
      const p = Promise.reject(new Error('not captured'));
      p.catch((err) => {
        caught = err.message;
      });
      return p;
    });
    e.on('error', () => log('must not be called'));
    e.emit('thing');
    await delay(1);
    log('left alone, caught by the listener itself:', caught);
  }

  // A rejecting 'error' listener: capturing is off while 'error' is emitted, so no loop.
  {
    const e = new EventEmitter({ captureRejections: true });
    let errorCalls = 0;
    e.on('error', async (err) => {
      errorCalls++;
      log('error listener call', errorCalls, err.message);
    });
    e.on('thing', async () => {
      throw new Error('once');
    });
    e.emit('thing');
    await delay(5);
    log('error listener calls:', errorCalls);
  }

  // The global default applies to emitters created afterwards.
  {
    EventEmitter.captureRejections = true;
    const e = new EventEmitter();
    EventEmitter.captureRejections = false;
    const f = new EventEmitter();
    e.on('error', (err) => log('global default captured:', err.message));
    e.on('x', async () => {
      throw new Error('global');
    });
    e.emit('x');
    f.on('x', () => Promise.resolve('fine'));
    f.emit('x');
    await delay(1);
  }

  log('done');
}

main();
