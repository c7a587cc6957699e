'use strict';
// Writable properties through a stream's life.

const { Writable } = require('stream');

const log = (...args) => console.log(...args);

function props(w, label) {
  log(
    label,
    JSON.stringify({
      writable: w.writable,
      writableEnded: w.writableEnded,
      writableFinished: w.writableFinished,
      writableLength: w.writableLength,
      writableNeedDrain: w.writableNeedDrain,
      writableCorked: w.writableCorked,
      writableHighWaterMark: w.writableHighWaterMark,
      writableObjectMode: w.writableObjectMode,
      writableAborted: w.writableAborted,
      destroyed: w.destroyed,
      closed: w.closed,
      errored: w.errored ? w.errored.message : w.errored,
    }),
  );
}

(async () => {
  const held = [];
  const w = new Writable({
    highWaterMark: 2,
    write(c, e, cb) {
      held.push(cb);
    },
  });
  props(w, 'new');
  w.write('ab');
  props(w, 'after write');
  w.cork();
  w.write('c');
  props(w, 'corked');
  w.uncork();
  held.shift()();
  await new Promise((resolve) => setImmediate(resolve));
  props(w, 'after cb');
  held.shift()();
  w.end();
  props(w, 'after end');
  await new Promise((resolve) => w.on('finish', resolve));
  props(w, 'finish');
  await new Promise((resolve) => w.on('close', resolve));
  props(w, 'close');

  const w2 = new Writable({ objectMode: true, write(c, e, cb) {} });
  props(w2, 'objectMode');
  w2.on('error', () => {});
  w2.destroy(new Error('bye'));
  props(w2, 'destroyed with error');
  await new Promise((resolve) => w2.on('close', resolve));
  props(w2, 'closed');

  log('instanceof', new Writable() instanceof Writable, new (require('stream').Duplex)() instanceof Writable);
  log('callable without new', Writable() instanceof Writable);
  const state = w._writableState;
  log('state', state.objectMode, state.ended, state.finished, state.pendingcb, state.bufferedRequestCount, state.getBuffer().length);
})();
