'use strict';
// readline.emitKeypressEvents: the key objects parsed from terminal input; the cursor helpers
// (cursorTo, moveCursor, clearLine, clearScreenDown) and readlinePromises.Readline: the escape
// sequences they write and when their callbacks and promises settle.
const readline = require('readline');
const { Readline } = require('readline/promises');
const { PassThrough, Writable } = require('stream');

const show = (s) => String(JSON.stringify(s)).replace(/\\u001b/g, '<ESC>');

async function keys() {
  const input = new PassThrough();
  readline.emitKeypressEvents(input);
  readline.emitKeypressEvents(input);
  input.on('keypress', (s, key) => {
    const { sequence, name, ctrl, meta, shift, code } = key;
    console.log(`  ${show(s)} -> ${show(sequence)} name=${name} ctrl=${ctrl} meta=${meta} shift=${shift}${code === undefined ? '' : ` code=${show(code)}`}`);
  });
  const sequences = [
    'a', 'Z', '5', '.', ' ', '\r', '\n', '\t', '\x7f', '\b', '\x01', '\x1a',
    '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1bOA', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~',
    '\x1b[2~', '\x1b[3~', '\x1b[5~', '\x1b[6~', '\x1bOP', '\x1b[15~', '\x1b[24~', '\x1b[1;5C',
    '\x1b[1;2A', '\x1b[3;3~', '\x1b[Z', '\x1b[200~', '\x1b[201~', '\x1bb', '\x1b\x1b[A', '\x1b[a',
    'é', '😀', 'ab', '\x1b[99x',
  ];
  for (const seq of sequences) {
    console.log(`write ${show(seq)}`);
    input.write(seq);
  }
  // A sequence split over two chunks is put back together.
  console.log('write split "<ESC>[" + "A"');
  input.write('\x1b[');
  input.write('A');
  // A throwing listener's error comes out of the write that fed the key.
  const thrower = () => {
    throw new Error('listener failed');
  };
  input.prependListener('keypress', thrower);
  try {
    input.write('q');
  } catch (err) {
    console.log('  thrown:', err.message);
  }
  input.removeListener('keypress', thrower);
  // Without keypress listeners the data is not decoded.
  input.removeAllListeners('keypress');
  console.log('data listeners without keypress listeners', input.listenerCount('data') > 0);
  input.write('x');
  console.log('data listeners after data', input.listenerCount('data'));
}

function sink() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, take: () => show(chunks.splice(0).join('|')) };
}

async function cursor() {
  const { stream, take } = sink();
  console.log('cursorTo(3)', readline.cursorTo(stream, 3), take());
  console.log('cursorTo(3, 4)', readline.cursorTo(stream, 3, 4), take());
  console.log('moveCursor(2, -3)', readline.moveCursor(stream, 2, -3), take());
  console.log('moveCursor(-2, 3)', readline.moveCursor(stream, -2, 3), take());
  console.log('moveCursor(0, 1)', readline.moveCursor(stream, 0, 1), take());
  console.log('clearLine(-1)', readline.clearLine(stream, -1), take());
  console.log('clearLine(1)', readline.clearLine(stream, 1), take());
  console.log('clearLine(0)', readline.clearLine(stream, 0), take());
  console.log('clearLine()', readline.clearLine(stream), take());
  console.log('clearScreenDown', readline.clearScreenDown(stream), take());

  const order = [];
  await new Promise((resolve) => {
    readline.cursorTo(stream, 1, () => order.push('cursorTo y as callback'));
    readline.cursorTo(stream, 1, 1, (err) => order.push(`cursorTo ${err}`));
    readline.moveCursor(stream, 1, 0, (err) => order.push(`moveCursor ${err}`));
    readline.moveCursor(stream, 0, 0, (err) => order.push(`moveCursor nothing ${err}`));
    readline.clearLine(stream, 0, (err) => order.push(`clearLine ${err}`));
    readline.clearScreenDown(stream, (err) => order.push(`clearScreenDown ${err}`));
    readline.clearScreenDown(null, (err) => order.push(`clearScreenDown null ${err}`));
    readline.cursorTo(stream, undefined, undefined, (err) => order.push(`cursorTo nothing ${err}`));
    order.push('sync');
    setTimeout(resolve, 5);
  });
  console.log('callbacks', order, take());

  const rl = new Readline(stream);
  console.log('chained', rl.cursorTo(0).moveCursor(1, 1).clearLine(0).clearScreenDown() === rl, take());
  console.log('commit', await rl.commit(), take());
  rl.cursorTo(5, 6).moveCursor(0, 0).moveCursor(-1, -1);
  console.log('rollback', rl.rollback() === rl, take());
  console.log('empty commit', await rl.commit(), take());

  const auto = new Readline(stream, { autoCommit: true });
  auto.clearLine(-1).clearLine(1).cursorTo(2, 3);
  console.log('autoCommit, same tick', take());
  await new Promise((resolve) => process.nextTick(resolve));
  console.log('autoCommit, next tick', take());
}

(async () => {
  console.log('-- keypress');
  await keys();
  console.log('-- cursor');
  await cursor();
})();
