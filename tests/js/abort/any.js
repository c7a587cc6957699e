'use strict';
// AbortSignal.any(): a signal that aborts with the first of its sources.

const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    fn();
    log(label, '-> no error');
  } catch (err) {
    log(label, '-> threw', err.name, err.code, err.message);
  }
}

// Aborts with the first source's reason; later aborts do not change it.
{
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  log('initially:', any.aborted, any instanceof AbortSignal);
  any.addEventListener('abort', (event) => log('any fired:', event.type, event.isTrusted, any.reason));
  b.abort('from b');
  a.abort('from a');
  log('reason:', any.reason);
}

// Order: a source's listeners run before its dependants are aborted (node 20), and dependants
// fire in creation order; a chained any() fires after the one it depends on.
{
  const controller = new AbortController();
  const first = AbortSignal.any([controller.signal]);
  const second = AbortSignal.any([controller.signal]);
  const chained = AbortSignal.any([first]);
  const order = [];
  controller.signal.addEventListener('abort', () => {
    order.push(`source (dependants aborted: ${first.aborted}/${second.aborted}/${chained.aborted})`);
  });
  first.addEventListener('abort', () => order.push('first'));
  second.addEventListener('abort', () => order.push('second'));
  chained.addEventListener('abort', () => order.push('chained'));
  controller.abort();
  log('order:', order.join(' | '));
  log('same reason object:', first.reason === controller.signal.reason, chained.reason === controller.signal.reason);
}

// Already aborted inputs: the result is aborted at once with the first aborted input's reason.
{
  const any = AbortSignal.any([new AbortController().signal, AbortSignal.abort('first'), AbortSignal.abort('second')]);
  log('already aborted input:', any.aborted, any.reason);
  const ac = new AbortController();
  ac.abort();
  log('aborted controller input:', AbortSignal.any([ac.signal]).reason.name);
}

// No inputs: never aborts.
{
  const none = AbortSignal.any([]);
  log('empty:', none.aborted, none.reason);
  const ofEmpty = AbortSignal.any([none]);
  log('any of an empty any:', ofEmpty.aborted);
}

// The same source twice, and a timeout source.
{
  const ac = new AbortController();
  const twice = AbortSignal.any([ac.signal, ac.signal]);
  let fired = 0;
  twice.addEventListener('abort', () => fired++);
  ac.abort();
  log('same source twice fires once:', fired);
}

// Validation.
{
  attempt('any()', () => AbortSignal.any());
  attempt('any(null)', () => AbortSignal.any(null));
  attempt('any("x")', () => AbortSignal.any('x'));
  attempt('any([1])', () => AbortSignal.any([1]));
  attempt('any([signal, undefined])', () => AbortSignal.any([AbortSignal.abort(), undefined]));
  attempt('any([signal, null])', () => AbortSignal.any([new AbortController().signal, null]));
  attempt('any([{}])', () => AbortSignal.any([{}]));
}
