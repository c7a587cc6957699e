'use strict';
// readline argument errors: createInterface options, the cursor helpers and the Readline class,
// with node's codes and messages.
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough, Readable } = require('stream');

function attempt(label, fn) {
  try {
    const result = fn();
    console.log(`${label}: ok`, typeof result === 'boolean' ? result : typeof result);
    if (result && typeof result.close === 'function') result.close();
  } catch (err) {
    console.log(`${label}: ${err.name} [${err.code}] ${err.message}`);
  }
}

const input = () => new PassThrough();

attempt('completer not a function', () => readline.createInterface({ input: input(), completer: 'x' }));
attempt('completer positional', () => readline.createInterface(input(), null, 5));
attempt('history not an array', () => readline.createInterface({ input: input(), history: 'x' }));
attempt('historySize negative', () => readline.createInterface({ input: input(), historySize: -1 }));
attempt('historySize NaN', () => readline.createInterface({ input: input(), historySize: NaN }));
attempt('historySize string', () => readline.createInterface({ input: input(), historySize: '5' }));
attempt('tabSize 0', () => readline.createInterface({ input: input(), tabSize: 0 }));
attempt('tabSize 1.5', () => readline.createInterface({ input: input(), tabSize: 1.5 }));
attempt('tabSize string', () => readline.createInterface({ input: input(), tabSize: '4' }));
attempt('escapeCodeTimeout NaN', () => readline.createInterface({ input: input(), escapeCodeTimeout: NaN }));
attempt('escapeCodeTimeout string', () => readline.createInterface({ input: input(), escapeCodeTimeout: '5' }));
attempt('signal not a signal', () => readline.createInterface({ input: input(), signal: 'x' }));
// Without an input stream the constructor fails calling input.on; the message is the engine's.
for (const [label, options] of [['no input', {}], ['input without on', { input: {} }]]) {
  try {
    readline.createInterface(options);
  } catch (err) {
    console.log(`${label}: ${err.name}`);
  }
}
attempt('promises: history not an array', () => readlinePromises.createInterface({ input: input(), history: {} }));
attempt('without new', () => readline.Interface(input()));
attempt('valid options', () =>
  readline.createInterface({
    input: input(),
    history: ['a'],
    historySize: 0,
    tabSize: 4,
    escapeCodeTimeout: 10,
    crlfDelay: 200,
    prompt: '',
    removeHistoryDuplicates: true,
  }),
);

const out = new PassThrough();
out.setEncoding('latin1');
attempt('cursorTo NaN x', () => readline.cursorTo(out, NaN));
attempt('cursorTo NaN y', () => readline.cursorTo(out, 1, NaN));
attempt('cursorTo row without column', () => readline.cursorTo(out, undefined, 2));
attempt('cursorTo string column', () => readline.cursorTo(out, '1', 2));
attempt('cursorTo bad callback', () => readline.cursorTo(out, 1, 2, 'cb'));
attempt('cursorTo without numbers', () => readline.cursorTo(out));
attempt('cursorTo null stream', () => readline.cursorTo(null, 1));
attempt('moveCursor bad callback', () => readline.moveCursor(out, 1, 1, 5));
attempt('moveCursor zero', () => readline.moveCursor(out, 0, 0));
attempt('clearLine bad callback', () => readline.clearLine(out, 0, {}));
attempt('clearLine undefined stream', () => readline.clearLine(undefined, 0));
attempt('clearScreenDown bad callback', () => readline.clearScreenDown(out, 'x'));
attempt('clearScreenDown null stream', () => readline.clearScreenDown(null));
console.log('nothing written', out.read());

attempt('Readline without a stream', () => new readlinePromises.Readline());
attempt('Readline over a Readable', () => new readlinePromises.Readline(Readable.from([])));
attempt('Readline autoCommit not boolean', () => new readlinePromises.Readline(out, { autoCommit: 1 }));
attempt('Readline cursorTo string', () => new readlinePromises.Readline(out).cursorTo('1'));
attempt('Readline cursorTo float y', () => new readlinePromises.Readline(out).cursorTo(1, 1.5));
attempt('Readline moveCursor string', () => new readlinePromises.Readline(out).moveCursor('1', 0));
attempt('Readline moveCursor zero skips checks', () => new readlinePromises.Readline(out).moveCursor(0, null));
attempt('Readline clearLine 2', () => new readlinePromises.Readline(out).clearLine(2));
attempt('Readline clearLine missing', () => new readlinePromises.Readline(out).clearLine());

const rl = readline.createInterface({ input: input() });
attempt('write after close', () => {
  rl.close();
  rl.write('x\n');
});
attempt('question after close', () => rl.question('q', () => {}));
