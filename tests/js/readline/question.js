'use strict';
// rl.question in callback form (readline) and promise form (readline/promises and
// util.promisify), over PassThrough input and output: the query is written, the next line is
// the answer, the prompt comes back, and an AbortSignal cancels.
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { promisify } = require('util');
const { PassThrough } = require('stream');

function pair() {
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  return { input, output, written: () => JSON.stringify(output.read() ?? '') };
}

function describe(err) {
  return `${err.name} ${err.code} ${err.message}${err.cause === undefined ? '' : ` cause=${err.cause}`}`;
}

(async () => {
  {
    console.log('-- callback question');
    const { input, output, written } = pair();
    const rl = readline.createInterface({ input, output, prompt: 'P> ' });
    rl.on('line', (line) => console.log('line event', line));
    await new Promise((resolve) => {
      rl.question('What is your name? ', (answer) => {
        console.log('answer', JSON.stringify(answer), 'prompt now', JSON.stringify(rl.getPrompt()));
        resolve();
      });
      console.log('prompt while asking', JSON.stringify(rl.getPrompt()));
      input.write('Ada\nnext line\n');
    });
    await new Promise((resolve) => setImmediate(resolve));
    console.log('written', written());

    // A second question while one is pending only re-prompts; the first callback gets the answer.
    const answers = [];
    rl.question('first? ', (a) => answers.push(`first:${a}`));
    rl.question('second? ', (a) => answers.push(`second:${a}`));
    input.write('only\n');
    await new Promise((resolve) => setImmediate(resolve));
    console.log('answers', answers, 'written', written());

    // No callback: nothing is asked.
    rl.question('ignored? ');
    console.log('written without callback', written());
    rl.close();
    try {
      rl.question('closed? ', () => {});
    } catch (err) {
      console.log('after close:', describe(err));
    }
  }

  {
    console.log('-- callback question with a signal');
    const { input, output, written } = pair();
    const rl = readline.createInterface({ input, output });
    rl.on('line', (line) => console.log('line event', line));
    const controller = new AbortController();
    rl.question('Cancel me? ', { signal: controller.signal }, (answer) => console.log('never', answer));
    controller.abort();
    await new Promise((resolve) => setImmediate(resolve));
    input.write('goes to line\n');
    await new Promise((resolve) => setImmediate(resolve));
    console.log('written', written());

    rl.question('Pre-aborted? ', { signal: AbortSignal.abort() }, () => console.log('never'));
    console.log('written for an aborted signal', written());

    rl.question('Answered? ', { signal: new AbortController().signal }, (a) => console.log('answered', a));
    input.write('yes\n');
    await new Promise((resolve) => setImmediate(resolve));
    try {
      rl.question('bad signal', { signal: 'nope' }, () => {});
    } catch (err) {
      console.log('bad signal:', describe(err));
    }
    rl.close();
  }

  {
    console.log('-- util.promisify(rl.question)');
    const { input, output, written } = pair();
    const rl = readline.createInterface({ input, output });
    const question = promisify(rl.question).bind(rl);
    const p = question('Promised? ');
    input.write('sure\n');
    console.log('answer', await p, 'written', written());
    const controller = new AbortController();
    const p2 = question('Abort? ', { signal: controller.signal });
    controller.abort('why');
    await p2.then(
      (a) => console.log('resolved', a),
      (err) => console.log('rejected', describe(err)),
    );
    await question('Pre-aborted? ', { signal: AbortSignal.abort('early') }).catch((err) =>
      console.log('rejected', describe(err)),
    );
    rl.close();
  }

  {
    console.log('-- readline/promises');
    const { input, output, written } = pair();
    const rl = readlinePromises.createInterface({ input, output });
    console.log('instanceof promises Interface', rl instanceof readlinePromises.Interface);
    console.log('same as readline.promises', readline.promises === readlinePromises);
    const p = rl.question('Promise name? ');
    input.write('Grace\n');
    console.log('answer', JSON.stringify(await p), 'written', written());

    const controller = new AbortController();
    const p2 = rl.question('Will abort? ', { signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    await p2.catch((err) => console.log('rejected', describe(err)));
    console.log('written', written());
    input.write('after abort\n');

    await rl.question('Pre-aborted? ', { signal: AbortSignal.abort() }).catch((err) => console.log('rejected', describe(err)));
    await rl.question('bad', { signal: {} }).catch((err) => console.log('rejected', describe(err)));
    rl.close();
    await rl.question('closed? ').catch((err) => console.log('after close:', describe(err)));
  }

  {
    console.log('-- readline/promises: the input ends before the answer');
    const { input, output } = pair();
    const rl = readlinePromises.createInterface({ input, output });
    const p = rl.question('Ends? ');
    let settled = 'pending';
    p.then(
      (a) => (settled = `resolved ${a}`),
      (err) => (settled = `rejected ${describe(err)}`),
    );
    rl.on('close', () => console.log('close'));
    input.end('partial');
    await new Promise((resolve) => setTimeout(resolve, 5));
    console.log('question', settled);
  }
})();
