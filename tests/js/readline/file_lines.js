'use strict';
// readline over fs.createReadStream: every line of a file comes out once and in order, whatever
// the chunk boundaries (a small highWaterMark splits \r\n pairs and multi-byte characters), and
// `for await` over a file larger than the iterator's buffer loses nothing.
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
const small = path.join(dir, 'small.txt');
fs.writeFileSync(small, 'alpha\nbeta\r\ngamma\rdelta\n\nünïcødé ✓ 😀\r\n\r\nlast line without newline');

function readAll(label, options) {
  return new Promise((resolve) => {
    const events = [];
    const rl = readline.createInterface({ input: fs.createReadStream(small, options), crlfDelay: Infinity });
    rl.on('line', (line) => events.push(`line ${JSON.stringify(line)}`));
    rl.on('pause', () => events.push('pause'));
    rl.on('close', () => {
      events.push('close');
      console.log(`${label}:`);
      for (const e of events) console.log(`  ${e}`);
      resolve();
    });
  });
}

async function bigFile() {
  const big = path.join(dir, 'big.txt');
  const lines = [];
  for (let i = 0; i < 5000; i++) lines.push(`line ${i} ${'x'.repeat(i % 37)}`);
  fs.writeFileSync(big, `${lines.join('\n')}\n`);

  const rl = readline.createInterface({ input: fs.createReadStream(big), crlfDelay: Infinity });
  let count = 0;
  let mismatches = 0;
  for await (const line of rl) {
    if (line !== lines[count]) mismatches++;
    count++;
  }
  console.log('for await over big file:', count, 'lines,', mismatches, 'mismatches');

  // A slow consumer: the iterator pauses the input past its buffer and resumes it when drained.
  const rl2 = readline.createInterface({ input: fs.createReadStream(big), crlfDelay: Infinity });
  let resumes = 0;
  rl2.on('resume', () => resumes++);
  count = 0;
  for await (const line of rl2) {
    if (count % 1000 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    if (line !== lines[count]) mismatches++;
    count++;
  }
  console.log('slow consumer:', count, 'lines,', mismatches, 'mismatches, resumed', resumes > 0);
}

(async () => {
  await readAll('default chunks');
  await readAll('3-byte chunks', { highWaterMark: 3 });
  await readAll('1-byte chunks', { highWaterMark: 1 });
  await readAll('utf8 encoding set on the stream', { encoding: 'utf8', highWaterMark: 2 });
  await bigFile();
  fs.rmSync(dir, { recursive: true });
  console.log('removed', fs.existsSync(dir));
})();
