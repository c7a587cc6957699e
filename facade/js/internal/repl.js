'use strict';
// A small REPL: reads a line, evaluates it as a script in the global scope, prints the result
// with util.inspect. Between lines the event loop runs (timers, I/O), because each line is read
// from the check phase of a new loop turn.
// Node docs: https://nodejs.org/docs/latest-v20.x/api/repl.html

const { op_stdio_read_line_sync } = internalBinding('stdio');
const { op_script_run } = internalBinding('modules');
const { inspect } = require('internal/util/inspect');

function start() {
  process.stdout.write(`Welcome to actorjs v${process.versions.actorjs} (Node.js ${process.version} API).\n` +
    'Type ".help" for more information.\n');
  const loop = () => {
    process.stdout.write('> ');
    const line = op_stdio_read_line_sync();
    if (line === null || line.trim() === '.exit') {
      process.stdout.write('\n');
      return;
    }
    const code = line.trim();
    if (code === '.help') {
      process.stdout.write('.exit     Exit the REPL\n.help     Print this help message\n');
    } else if (code !== '') {
      try {
        const result = op_script_run(code, 'REPL');
        globalThis._ = result;
        process.stdout.write(`${inspect(result, { colors: !!process.stdout.isTTY })}\n`);
      } catch (err) {
        process.stdout.write(`Uncaught ${inspect(err)}\n`);
      }
    }
    setImmediate(loop);
  };
  setImmediate(loop);
}

module.exports = { start };
