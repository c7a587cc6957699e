'use strict';
// Line endings without a terminal: \n, \r\n and a lone \r each end a line; a \r\n split across
// two chunks ends one line when the \n comes within crlfDelay ms (100 at least), two otherwise.
const readline = require('readline');
const { PassThrough } = require('stream');

function collect(label, chunks, options = {}) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, ...options });
    const lines = [];
    rl.on('line', (line) => lines.push(line));
    rl.on('close', () => {
      console.log(`${label}: ${JSON.stringify(lines)} (crlfDelay ${rl.crlfDelay})`);
      resolve();
    });
    (async () => {
      for (const chunk of chunks) {
        if (typeof chunk === 'number') await new Promise((r) => setTimeout(r, chunk));
        else input.write(chunk);
      }
      input.end();
    })();
  });
}

(async () => {
  await collect('mixed endings in one chunk', ['a\nb\r\nc\rd\r\re\n\r\nf']);
  await collect('\\r\\r\\n', ['x\r\r\ny']);
  await collect('split \\r | \\n', ['one\r', '\ntwo\n']);
  await collect('split \\r | \\n twice', ['one\r', '\n', 'two\r', '\nthree']);
  await collect('split \\r | \\nrest', ['one\r', '\nrest\r', '\n']);
  await collect('lone \\r at the end', ['one\r']);
  await collect('\\r then text', ['one\r', 'two\n']);
  await collect('\\r then \\n\\n', ['one\r', '\n\n']);
  await collect('empty lines', ['\n\n\r\n\r\r']);
  await collect('\\n after a long pause', ['one\r', 250, '\ntwo'], { crlfDelay: 100 });
  await collect('\\n after a pause within crlfDelay', ['one\r', 20, '\ntwo'], { crlfDelay: 5000 });
  await collect('crlfDelay Infinity', ['one\r', 20, '\ntwo'], { crlfDelay: Infinity });
  await collect('crlfDelay below the minimum', ['a\r', '\nb'], { crlfDelay: 10 });
  await collect('crlfDelay 0 means the default', ['a\r', '\nb'], { crlfDelay: 0 });
  await collect('multi-byte character split across chunks', [Buffer.from([0xe2, 0x9c]), Buffer.from([0x93, 0x0a])]);
  await collect('string chunks', ['é\n', 'ü']);
})();
