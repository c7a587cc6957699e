'use strict';
// fs.promises.watch: an async iterator of { eventType, filename }, ended by an AbortSignal (an
// AbortError with the signal's reason as `cause`) or by leaving the loop, which closes the
// watch. Each action below makes exactly one inotify event, and the next action waits for it.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-promises-'));
const at = (...names) => path.join(dir, ...names);
fs.writeFileSync(at('f.txt'), 'x');
fs.mkdirSync(at('sub'));

function timeout(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function main() {
  const watch = fs.promises.watch;
  console.log('fs.promises.watch is fs/promises watch:', watch === require('fs/promises').watch);

  const ac = new AbortController();
  const iterator = watch(dir, { signal: ac.signal });
  console.log(Object.prototype.toString.call(iterator), iterator[Symbol.asyncIterator]() === iterator);
  const actions = [
    () => fs.mkdirSync(at('d')),
    () => fs.chmodSync(at('f.txt'), 0o600),
    () => fs.rmdirSync(at('d')),
    () => fs.unlinkSync(at('f.txt')),
  ];
  setTimeout(() => actions.shift()(), 20);
  try {
    for await (const event of iterator) {
      console.log(event);
      if (actions.length) actions.shift()();
      else setTimeout(() => ac.abort(new Error('enough')), 20);
    }
    console.log('loop ended without an error');
  } catch (err) {
    console.log('loop ended:', err.name, err.code, err.message, Object.keys(err));
    console.log('  cause:', err.cause?.message);
  }
  console.log('after abort:', await iterator.next());

  // Aborting while a step waits.
  const ac2 = new AbortController();
  const waiting = watch(dir, { signal: ac2.signal }).next();
  setTimeout(() => ac2.abort(), 20);
  try {
    await waiting;
  } catch (err) {
    console.log('abort while waiting:', err.name, err.cause?.name);
  }

  // Leaving the loop closes the watch.
  const hex = watch(dir, { encoding: 'hex', persistent: true });
  setTimeout(() => fs.mkdirSync(at('e')), 20);
  for await (const event of hex) {
    console.log('hex:', event);
    break;
  }
  console.log('after break:', await hex.next());

  // return() before any step.
  const unused = watch(dir);
  console.log('return first:', await unused.return('value'), await unused.next());

  // A recursive watch names entries by their path under the directory.
  const recursive = watch(dir, { recursive: true });
  setTimeout(() => fs.mkdirSync(at('sub', 'inner')), 20);
  const first = await Promise.race([recursive.next(), timeout(2000).then(() => 'timed out')]);
  console.log('recursive:', first);
  await recursive.return();

  fs.rmSync(dir, { recursive: true });
}

main();
