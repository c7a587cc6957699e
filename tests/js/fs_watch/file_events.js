'use strict';
// fs.watch on a file reports its own basename; `encoding` decides the filename's type
// ('buffer' gives a Buffer, other encodings convert the name). Each phase prints the distinct
// (eventType, filename) pairs it saw, sorted, as inotify may merge or repeat events.

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorjs-watch-file-'));
const at = (...names) => path.join(dir, ...names);

const show = (filename) =>
  Buffer.isBuffer(filename) ? `<Buffer ${filename.toString('hex')}>` : `${typeof filename} ${filename}`;

function collect(watcher) {
  const events = [];
  watcher.on('change', (eventType, filename) => events.push(`${eventType} ${show(filename)}`));
  return events;
}

// Runs `action`, then waits until every watcher in `watched` saw an event (or 2 s passed), then
// 100 ms more for further events to settle.
function phase(watched, action) {
  return new Promise((resolve) => {
    for (const events of watched) events.length = 0;
    action();
    const start = Date.now();
    const poll = setInterval(() => {
      if (watched.every((events) => events.length > 0) || Date.now() - start > 2000) {
        clearInterval(poll);
        setTimeout(resolve, 100);
      }
    }, 10);
  });
}

const print = (name, events) => console.log(`${name}: ${[...new Set(events)].sort().join(', ') || '(none)'}`);

(async () => {
  fs.writeFileSync(at('watched.txt'), 'a');
  const onFile = fs.watch(at('watched.txt'));
  const fileEvents = collect(onFile);
  await phase([fileEvents], () => fs.appendFileSync(at('watched.txt'), 'b'));
  print('file, append', fileEvents);
  await phase([fileEvents], () => fs.utimesSync(at('watched.txt'), 1, 1));
  print('file, utimes', fileEvents);
  onFile.close();

  const encodings = ['buffer', 'hex', 'base64', 'latin1', 'utf8'];
  const watchers = encodings.map((encoding) => fs.watch(dir, { encoding }));
  const lists = watchers.map(collect);
  await phase(lists, () => fs.writeFileSync(at('café.txt'), 'x'));
  encodings.forEach((encoding, i) => print(`encoding ${encoding}`, lists[i]));
  for (const w of watchers) w.close();

  // A string option is the encoding.
  const asString = fs.watch(dir, 'buffer');
  const stringEvents = collect(asString);
  await phase([stringEvents], () => fs.unlinkSync(at('café.txt')));
  print("options 'buffer'", stringEvents);
  asString.close();

  // Renaming a watched file reports 'rename' with the name it was watched under.
  fs.writeFileSync(at('moved.txt'), 'a');
  const onMoved = fs.watch(at('moved.txt'), { persistent: true });
  const movedEvents = collect(onMoved);
  await phase([movedEvents], () => fs.renameSync(at('moved.txt'), at('moved2.txt')));
  print('file, renamed', movedEvents);
  onMoved.close();

  fs.rmSync(dir, { recursive: true });
})();
