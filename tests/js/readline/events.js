'use strict';
// readline without a terminal: the order of 'line', 'pause', 'resume' and 'close', what
// pause/resume/close/write do, and the properties an Interface has.
const readline = require('readline');
const { PassThrough, Readable } = require('stream');

function watch(rl, label) {
  for (const name of ['line', 'pause', 'resume', 'close', 'history', 'SIGINT']) {
    rl.on(name, (arg) => console.log(`${label} ${name}${arg === undefined ? '' : ` ${JSON.stringify(arg)}`}`));
  }
}

function step(name, fn) {
  return new Promise((resolve) => {
    console.log(`-- ${name}`);
    fn(resolve);
  });
}

(async () => {
  await step('PassThrough: lines, end, close', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    watch(rl, 'rl');
    console.log('terminal', rl.terminal, 'line', JSON.stringify(rl.line), 'cursor', rl.cursor);
    console.log('crlfDelay', rl.crlfDelay, 'historySize', rl.historySize, 'prompt', JSON.stringify(rl.getPrompt()));
    console.log('closed', rl.closed, 'paused', rl.paused, 'input flowing', input.readableFlowing);
    input.write('one\ntw');
    input.write('o\n');
    input.end('three');
    rl.on('close', () => {
      console.log('after close: closed', rl.closed, 'paused', rl.paused, 'listeners on input', input.listenerCount('data'));
      done();
    });
  });

  await step('Readable.from and the legacy positional arguments', (done) => {
    const rl = readline.createInterface(Readable.from(['a\nb', '\nc\n']), null);
    watch(rl, 'rl');
    console.log('instanceof readline.Interface', rl instanceof readline.Interface);
    console.log('instanceof EventEmitter', rl instanceof require('events'));
    rl.on('close', done);
  });

  await step('pause and resume', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    watch(rl, 'rl');
    console.log('pause returns', rl.pause() === rl, 'input paused', input.isPaused());
    console.log('second pause returns', rl.pause());
    input.write('while paused\n');
    setTimeout(() => {
      console.log('resume returns', rl.resume() === rl, 'input paused', input.isPaused());
      console.log('second resume returns', rl.resume());
      setTimeout(() => {
        rl.close();
        console.log('close again', rl.close());
        done();
      }, 5);
    }, 5);
  });

  await step('write without a terminal feeds lines', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, terminal: false });
    watch(rl, 'rl');
    rl.pause();
    rl.write('typed\nhalf');
    rl.write(' done\n');
    rl.write(Buffer.from('from a buffer\n'));
    rl.write(undefined);
    rl.close();
    done();
  });

  await step('prompt without a terminal', (done) => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.setEncoding('utf8');
    const rl = readline.createInterface({ input, output, prompt: '$ ' });
    watch(rl, 'rl');
    console.log('getPrompt', JSON.stringify(rl.getPrompt()));
    rl.prompt();
    rl.setPrompt('> ');
    rl.prompt(true);
    rl.pause();
    rl.prompt();
    console.log('output', JSON.stringify(output.read()));
    rl.close();
    done();
  });

  await step('the input ends without data', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    watch(rl, 'rl');
    input.end();
    rl.on('close', done);
  });

  await step('input errors come out of the interface', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    rl.on('error', (err) => {
      console.log('rl error', err.message);
      rl.close();
      done();
    });
    input.destroy(new Error('boom'));
  });

  await step('line listeners see the interface as this', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    rl.on('line', function (line) {
      console.log('this is rl', this === rl, line);
    });
    rl.on('close', done);
    input.end('x\n');
  });

  await step('an AbortSignal closes the interface', (done) => {
    const controller = new AbortController();
    const input = new PassThrough();
    const rl = readline.createInterface({ input, signal: controller.signal });
    watch(rl, 'rl');
    input.write('before abort\n');
    setTimeout(() => {
      controller.abort();
      console.log('closed after abort', rl.closed);
      done();
    }, 5);
  });

  await step('an aborted signal closes on the next tick', (done) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, signal: AbortSignal.abort() });
    watch(rl, 'rl');
    console.log('closed right away', rl.closed);
    process.nextTick(() => {
      console.log('closed on next tick', rl.closed);
      done();
    });
  });
})();
