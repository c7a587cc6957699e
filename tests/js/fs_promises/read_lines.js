'use strict';
// filehandle.readLines([options]): a readline Interface over filehandle.createReadStream, with
// crlfDelay Infinity, so a \r\n split across chunks is one line break.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const readline = require('readline');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
const file = path.join(dir, 'lines.txt');
fs.writeFileSync(file, 'first\r\nsecond\nthird\r\rfifth ✓\r\n\r\nlast');

(async () => {
  {
    const fh = await fsp.open(file);
    const rl = fh.readLines();
    console.log('crlfDelay', rl.crlfDelay, 'terminal', rl.terminal);
    console.log('is a readline Interface', rl instanceof Object.getPrototypeOf(readline.Interface));
    console.log('readline.Interface (legacy) instance', rl instanceof readline.Interface);
    console.log('question', typeof rl.question);
    const lines = [];
    for await (const line of rl) lines.push(line);
    console.log('lines', lines);
    // The read stream closes the handle when it ends.
    await new Promise((resolve) => setImmediate(resolve));
    console.log('fd after reading', fh.fd);
  }

  {
    const fh = await fsp.open(file);
    const lines = [];
    for await (const line of fh.readLines({ highWaterMark: 1 })) lines.push(line);
    console.log('1-byte chunks', lines);
  }

  {
    const fh = await fsp.open(file);
    const lines = [];
    for await (const line of fh.readLines({ start: 7, end: 20 })) lines.push(line);
    console.log('start and end', lines);
  }

  {
    const fh = await fsp.open(file);
    const lines = [];
    const rl = fh.readLines({ encoding: 'latin1' });
    rl.on('line', (line) => lines.push(line));
    await new Promise((resolve) => rl.on('close', resolve));
    console.log('latin1', JSON.stringify(lines[4]));
  }

  {
    const fh = await fsp.open(file);
    const lines = [];
    for await (const line of fh.readLines({ autoClose: false })) lines.push(line);
    console.log('autoClose false', lines.length, 'open', fh.fd !== -1);
    await fh.close();
    console.log('closed', fh.fd);
  }

  {
    const big = path.join(dir, 'big.txt');
    const expected = [];
    for (let i = 0; i < 3000; i++) expected.push(`${i}:${'y'.repeat(i % 50)}`);
    fs.writeFileSync(big, expected.join('\r\n'));
    const fh = await fsp.open(big);
    let count = 0;
    let wrong = 0;
    for await (const line of fh.readLines()) {
      if (line !== expected[count]) wrong++;
      count++;
    }
    console.log('big file', count, 'lines', wrong, 'wrong');
  }

  {
    const fh = await fsp.open(file);
    await fh.close();
    try {
      fh.readLines();
      console.log('closed handle: no error');
    } catch (err) {
      console.log('closed handle:', err.name, err.code, err.message);
    }
  }

  console.log('readLines is a method', typeof fsp.FileHandle === 'undefined' || 'readLines' in fsp.FileHandle.prototype);
  fs.rmSync(dir, { recursive: true });
})();
