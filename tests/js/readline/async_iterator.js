'use strict';
// `for await (const line of rl)`: every line arrives, also those emitted before the consumer
// waits; breaking out stops the iteration; an input error rejects it; the iterator is created
// once per interface.
const readline = require('readline');
const { PassThrough, Readable } = require('stream');

(async () => {
  {
    const rl = readline.createInterface({ input: Readable.from(['a\nb\n', 'c', '\nd']) });
    const it = rl[Symbol.asyncIterator]();
    console.log('same iterator', it === rl[Symbol.asyncIterator](), 'self-iterable', it[Symbol.asyncIterator]() === it);
    console.log('proto is AsyncIterator', Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.prototype);
    const lines = [];
    for await (const line of rl) lines.push(line);
    console.log('Readable.from:', lines, 'closed', rl.closed);
  }

  {
    // Lines emitted in one burst before the loop awaits are buffered, not lost.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const lines = [];
    const loop = (async () => {
      for await (const line of rl) lines.push(line);
    })();
    input.write('1\n2\n3\n');
    input.write('4\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
    input.end('5\n6');
    await loop;
    console.log('PassThrough:', lines);
  }

  {
    // break calls return(): the loop ends; the interface stays open until closed.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    setTimeout(() => input.write('first\nsecond\nthird\n'), 1);
    for await (const line of rl) {
      console.log('got', line);
      if (line === 'second') break;
    }
    console.log('after break: closed', rl.closed, 'line listeners', rl.listenerCount('line'));
    const next = await rl[Symbol.asyncIterator]().next();
    console.log('next after break', next);
    rl.close();
  }

  {
    // close() ends the iteration after the buffered lines.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    setTimeout(() => {
      input.write('x\ny\n');
      rl.close();
      input.write('after close\n');
    }, 1);
    const lines = [];
    for await (const line of rl) lines.push(line);
    console.log('closed by close():', lines);
  }

  {
    // An input error rejects the pending next().
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    setTimeout(() => input.write('before error\n'), 1);
    setTimeout(() => input.destroy(new Error('read failed')), 5);
    const lines = [];
    try {
      for await (const line of rl) lines.push(line);
      console.log('no error');
    } catch (err) {
      console.log('iteration error:', err.message, lines);
    }
  }

  {
    // As in node, lines that a PassThrough emits before the iterator exists go to 'line'
    // listeners only: the iterator starts listening when it is created.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    input.write('early\n');
    const lines = [];
    const loop = (async () => {
      for await (const line of rl) lines.push(line);
    })();
    input.end('late\n');
    await loop;
    console.log('created after a write:', lines);
  }

  {
    // An empty input ends at once.
    const rl = readline.createInterface({ input: Readable.from([]) });
    let count = 0;
    for await (const line of rl) count += line.length + 1;
    console.log('empty input lines', count);
  }

  {
    // throw() takes an Error, rejects the pending read and ends the iteration; the buffer's
    // watermarks are node's (low 1, high 1024).
    const rl = readline.createInterface({ input: new PassThrough() });
    const it = rl[Symbol.asyncIterator]();
    try {
      it.throw('x');
    } catch (err) {
      console.log('throw(string):', err.code, err.message);
    }
    const pending = it.next();
    console.log('throw(error) returns', it.throw(new Error('thrown in')));
    await pending.catch((err) => console.log('pending read rejected:', err.message));
    console.log('then', await it.next());
    const watermark = it[Symbol.for('nodejs.watermarkData')];
    console.log('watermark', watermark.size, watermark.low, watermark.high, watermark.isPaused);
    rl.close();
  }

  {
    // readline/promises interfaces iterate the same way.
    const rl = require('readline/promises').createInterface({ input: Readable.from(['p\nq']) });
    const lines = [];
    for await (const line of rl) lines.push(line);
    console.log('readline/promises:', lines);
  }
})();
