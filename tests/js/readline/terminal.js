'use strict';
// readline with `terminal: true` over PassThrough streams (not TTYs, which node allows): keys
// drive the line editor and the output gets node's escape sequences; history, kill ring, undo,
// completion, ctrl+c / ctrl+d, and questions.
process.env.TERM = 'xterm';
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');

const show = (s) => String(JSON.stringify(s)).replace(/\\u001b/g, '<ESC>');

function make(options = {}, flavour = readline, events = ['line', 'history', 'close', 'pause', 'resume', 'SIGINT', 'SIGTSTP']) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  const rl = flavour.createInterface({ input, output, terminal: true, ...options });
  for (const name of events) {
    rl.on(name, (arg) => console.log(`  event ${name}${arg === undefined ? '' : ` ${show(arg)}`}`));
  }
  const flush = (label) => console.log(`  ${label}: line=${show(rl.line)} cursor=${rl.cursor} out=${show(output.read() ?? '')}`);
  return { input, output, rl, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

(async () => {
  {
    console.log('-- typing and editing');
    const { input, rl, flush } = make({ prompt: '> ' });
    console.log('  terminal', rl.terminal, 'cursor', rl.cursor, 'historyIndex', rl.historyIndex);
    rl.prompt();
    flush('prompt');
    input.write('hello');
    flush('typed');
    input.write('\x1b[D\x1b[D');
    flush('left left');
    input.write('X');
    flush('insert');
    input.write('\x01');
    flush('ctrl+a');
    input.write('\x05');
    flush('ctrl+e');
    input.write('\x7f');
    flush('backspace');
    input.write('\x1b[H\x1b[3~');
    flush('home delete');
    input.write(' world');
    input.write('\x17');
    flush('ctrl+w');
    input.write('\x15');
    flush('ctrl+u');
    input.write('\x19');
    flush('ctrl+y');
    input.write('\x1f');
    flush('undo');
    input.write('\x1e');
    flush('redo');
    input.write('\r');
    flush('return');
    input.write('second line\n');
    flush('enter');
    input.write('a\r\nb\r');
    flush('crlf');
    console.log('  history', rl.history);
    rl.close();
    flush('closed');
  }

  {
    console.log('-- history navigation');
    const { input, rl, flush } = make({ history: ['gamma', 'beta', 'alpha'], removeHistoryDuplicates: true });
    input.write('\x1b[A');
    flush('up');
    input.write('\x1b[A\x1b[A\x1b[A');
    flush('up x3');
    input.write('\x1b[B');
    flush('down');
    input.write('\x0e\x0e\x0e');
    flush('ctrl+n x3');
    input.write('b\x1b[A');
    flush('substring search');
    input.write('\r');
    flush('return');
    console.log('  history', rl.history);
    rl.close();
  }

  {
    console.log('-- history size and sensitive lines');
    const { input, rl } = make({ historySize: 2 });
    rl.on('history', (history) => {
      if (history[0] === 'secret') history.shift();
    });
    input.write('one\rtwo\rsecret\rthree\r   \r');
    console.log('  history', rl.history);
    rl.close();
  }

  {
    console.log('-- word movement and deletion');
    const { input, flush, rl } = make({ prompt: '' });
    input.write('foo bar.baz qux');
    input.write('\x1bb');
    flush('meta+b');
    input.write('\x1b[1;5D');
    flush('ctrl+left');
    input.write('\x1bf');
    flush('meta+f');
    input.write('\x1bd');
    flush('meta+d');
    input.write('\x1b\x7f');
    flush('meta+backspace');
    input.write('\x0b');
    flush('ctrl+k');
    input.write('\x02\x06');
    flush('ctrl+b ctrl+f');
    input.write('\x04');
    flush('ctrl+d mid-line');
    rl.close();
  }

  {
    console.log('-- ctrl+c and ctrl+d');
    const { input, rl, flush } = make();
    rl.once('SIGINT', () => console.log('  handler ran'));
    input.write('abc\x03');
    flush('ctrl+c with listener');
    rl.removeAllListeners('SIGINT');
    input.write('\x03');
    flush('ctrl+c without listener');
    console.log('  closed', rl.closed);

    const second = make();
    second.input.write('\x04');
    console.log('  ctrl+d on an empty line closed', second.rl.closed);
  }

  {
    console.log('-- tab completion');
    const completer = (line) => {
      const words = ['help', 'hello', 'exit'];
      const hits = words.filter((w) => w.startsWith(line));
      return [hits.length ? hits : words, line];
    };
    const { input, rl, flush } = make({ completer, prompt: '' });
    input.write('he');
    input.write('\t');
    await tick();
    flush('tab');
    input.write('\t');
    await tick();
    flush('tab tab');
    input.write('\x15e\t');
    await tick();
    flush('unique');
    rl.close();

    const cb = make({ completer: (line, callback) => callback(null, [['xyz'], line]), prompt: '' });
    cb.input.write('x\t');
    await tick();
    cb.flush('callback completer');
    cb.rl.close();

    const failure = new Error('no completions');
    failure.stack = 'Error: no completions (stack left out)';
    const failing = make({ completer: (line, callback) => callback(failure), prompt: '' });
    failing.input.write('x\t');
    await tick();
    failing.flush('failing completer');
    failing.rl.close();

    const pasted = make({ completer, prompt: '' });
    pasted.input.write('a\tb');
    pasted.flush('tab inside a pasted chunk');
    pasted.rl.close();
  }

  {
    console.log('-- write() and keys');
    const { rl, flush } = make({ prompt: '$ ' });
    rl.write('abc');
    rl.write(null, { ctrl: true, name: 'a' });
    rl.write('Z');
    flush('write');
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write('\n');
    flush('write newline');
    console.log('  cursor pos', rl.getCursorPos());
    rl.close();
  }

  {
    console.log('-- question in terminal mode');
    const { input, rl, flush } = make({ prompt: 'P ' });
    rl.question('Name? ', (answer) => console.log('  answer', show(answer)));
    flush('asked');
    input.write('Bob\r');
    flush('answered');
    const controller = new AbortController();
    rl.question('Cancel? ', { signal: controller.signal }, () => console.log('  never'));
    input.write('partial');
    controller.abort();
    await tick();
    flush('cancelled');
    rl.close();
  }

  {
    console.log('-- readline/promises question rejected by ctrl+c and ctrl+d');
    const a = make({}, readlinePromises, ['close']);
    const pa = a.rl.question('C? ');
    a.input.write('\x03');
    await pa.catch((err) => console.log('  rejected', err.name, err.code, err.message));
    const d = make({}, readlinePromises, ['close']);
    const pd = d.rl.question('D? ');
    d.input.write('\x04');
    await pd.catch((err) => console.log('  rejected', err.name, err.code, err.message));
  }

  {
    console.log('-- wide characters and the end of input');
    const { input, rl, flush } = make({ prompt: '' });
    input.write('日本😀');
    flush('wide');
    console.log('  cursor pos', rl.getCursorPos());
    input.write('\x1b[D');
    flush('left over a surrogate pair');
    input.end();
    await tick();
    console.log('  closed', rl.closed);
  }

  {
    console.log('-- TERM=dumb: no redrawing, only return, enter, ctrl+c and ctrl+d');
    process.env.TERM = 'dumb';
    const { input, rl, flush } = make({ prompt: '$ ' });
    rl.prompt();
    flush('prompt');
    input.write('ab\x1b[Dc');
    flush('typed with a left arrow');
    input.write('\r\n');
    flush('return');
    input.write('\x03');
    console.log('  ctrl+c with a SIGINT listener: closed', rl.closed);
    rl.close();
    process.env.TERM = 'xterm';
  }

  {
    console.log('-- a lone escape waits for escapeCodeTimeout');
    const { input, rl } = make({ escapeCodeTimeout: 20 });
    input.on('keypress', (s, key) => console.log('  keypress', show(s), key.name, key.meta));
    input.write('\x1b');
    await new Promise((resolve) => setTimeout(resolve, 60));
    rl.close();
  }
})();
