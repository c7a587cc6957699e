'use strict';
// timers/promises: setTimeout and setImmediate resolve with their value; the setInterval async
// iterator yields until the loop breaks; scheduler.wait and scheduler.yield; AbortSignal
// cancellation rejects with an AbortError whose cause is the signal's reason.

const log = (s) => console.log(s);
const timersPromises = require('timers/promises');
const { setTimeout: sleep, setImmediate: immediate, setInterval: every, scheduler } = timersPromises;

log(`same module through node: and timers.promises: ${require('node:timers/promises') === timersPromises && require('timers').promises === timersPromises}`);

function describe(err) {
  return `${err.name} ${err.code}${err.cause !== undefined ? ` cause=${err.cause instanceof Error ? err.cause.name : err.cause}` : ''}`;
}

async function main() {
  log(`setTimeout value: ${await sleep(2, 'slept')}`);
  log(`setTimeout without value: ${await sleep(1)}`);
  log(`setImmediate value: ${await immediate('imm')}`);

  let n = 0;
  for await (const v of every(2, 'tick')) {
    n++;
    log(`interval ${n}: ${v}`);
    if (n === 3) break;
  }

  log(`scheduler.wait: ${await scheduler.wait(2)}`);
  log(`scheduler.yield: ${await scheduler.yield()}`);

  // Aborted before the call.
  const ac1 = new AbortController();
  ac1.abort();
  await sleep(1, 'x', { signal: ac1.signal }).then(
    () => log('resolved (wrong)'),
    (err) => log(`pre-aborted setTimeout: ${describe(err)}`),
  );
  await immediate('x', { signal: ac1.signal }).catch((err) => log(`pre-aborted setImmediate: ${describe(err)}`));

  // Aborted while waiting, with a reason.
  const ac2 = new AbortController();
  const pending = sleep(1000, 'x', { signal: ac2.signal });
  setTimeout(() => ac2.abort('stop'), 2);
  await pending.catch((err) => log(`aborted setTimeout: ${describe(err)}`));

  const ac3 = new AbortController();
  const pendingImm = immediate('x', { signal: ac3.signal });
  ac3.abort(new RangeError('why'));
  await pendingImm.catch((err) => log(`aborted setImmediate: ${describe(err)}`));

  // The interval iterator ends with an AbortError when its signal aborts.
  const ac4 = new AbortController();
  let count = 0;
  try {
    for await (const v of every(2, 'v', { signal: ac4.signal })) {
      count++;
      if (count === 2) ac4.abort();
      void v;
    }
  } catch (err) {
    log(`interval aborted after ${count}: ${describe(err)}`);
  }

  const ac5 = new AbortController();
  const waiting = scheduler.wait(1000, { signal: ac5.signal });
  ac5.abort();
  await waiting.catch((err) => log(`scheduler.wait aborted: ${describe(err)}`));

  // Argument validation rejects (it does not throw).
  const bad = sleep(1, 'x', { signal: 'nope' });
  log(`bad signal returns a promise: ${bad instanceof Promise}`);
  await bad.catch((err) => log(`bad signal: ${err.name} ${err.code}`));
  await sleep(1, 'x', { ref: 'yes' }).catch((err) => log(`bad ref: ${err.name} ${err.code}`));
  await sleep(1, 'x', null).catch((err) => log(`bad options: ${err.name} ${err.code}`));

  // An unref'd promise timer does not keep the process alive.
  sleep(10000, 'never', { ref: false }).then(() => log('unref sleep resolved (wrong)'));
  log('main done');
}

main();
process.on('exit', () => log('exit'));
