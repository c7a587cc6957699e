'use strict';
// AbortSignal.timeout(): aborted by a timer with a TimeoutError; the timer does not keep the
// process alive. Steps run one after the other so no two timers race.

const { once } = require('events');

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    fn();
    log(label, '-> no error');
  } catch (err) {
    log(label, '-> threw', err.name, err.code, err.message);
  }
}

async function main() {
  // The timeout timers are unref'd: keep the process alive while the steps wait on them.
  const keepAlive = setInterval(() => {}, 1000);

  // Validation.
  attempt('timeout(-1)', () => AbortSignal.timeout(-1));
  attempt('timeout("1")', () => AbortSignal.timeout('1'));
  attempt('timeout(1.5)', () => AbortSignal.timeout(1.5));
  attempt('timeout(2 ** 32)', () => AbortSignal.timeout(2 ** 32));
  attempt('timeout()', () => AbortSignal.timeout());

  // A zero delay still fires asynchronously.
  {
    const zero = AbortSignal.timeout(0);
    log('zero timeout right after creation:', zero.aborted, zero.reason);
    await once(zero, 'abort');
    log('zero timeout fired:', zero.aborted, zero.reason.name);
  }

  // The event and the reason.
  {
    const signal = AbortSignal.timeout(5);
    signal.addEventListener('abort', (event) => {
      const { reason } = signal;
      log('timeout fired:', event.isTrusted, signal.aborted, reason instanceof DOMException, reason.name,
        reason.message, reason.code);
    });
    await once(signal, 'abort');
    log('after the abort event');
  }

  // Ordered with ordinary timers: a 5 ms signal aborts before a 60 ms timer runs.
  {
    const signal = AbortSignal.timeout(5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    log('60 ms later the 5 ms signal is aborted:', signal.aborted);
  }

  // Combined with any().
  {
    const combined = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5)]);
    await once(combined, 'abort');
    log('any() with a timeout fired:', combined.reason.name);
  }

  // A long timeout does not hold the process open, even with a listener: the exit handler runs
  // long before it would fire.
  clearInterval(keepAlive);
  const long = AbortSignal.timeout(60 * 60 * 1000);
  long.addEventListener('abort', () => log('must not fire'));
  process.on('exit', () => log('exit: long timeout aborted?', long.aborted));
  log('end of main');
}

main();
