'use strict';
// Thousands of open/close, readFile/writeFile, stream and FileHandle cycles, sync, callback and
// promise forms, some failing: afterwards the process holds as many descriptors as before.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { pipeline } = require('stream/promises');

const openFds = () => fs.readdirSync('/proc/self/fd').length;
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'fd-cycles-'));
const file = path.join(dir, 'data.txt');
fs.writeFileSync(file, 'x'.repeat(100_000));
const before = openFds();

async function main() {
  for (let i = 0; i < 2000; i++) fs.closeSync(fs.openSync(file, 'r'));
  for (let i = 0; i < 500; i++) {
    try {
      fs.openSync(path.join(dir, 'missing', 'x'), 'r');
    } catch {}
  }
  for (let i = 0; i < 1000; i++) {
    await new Promise((resolve, reject) =>
      fs.open(file, 'r', (err, fd) => (err ? reject(err) : fs.close(fd, (e) => (e ? reject(e) : resolve())))),
    );
  }
  for (let i = 0; i < 1000; i++) await fsp.readFile(file);
  for (let i = 0; i < 500; i++) fs.writeFileSync(path.join(dir, 'w.txt'), 'abc');
  for (let i = 0; i < 1000; i++) {
    const fh = await fsp.open(file, 'r');
    await fh.read(Buffer.alloc(10), 0, 10, 0);
    await fh.close();
  }
  for (let i = 0; i < 200; i++) {
    await pipeline(fs.createReadStream(file), fs.createWriteStream(path.join(dir, 'copy.txt')));
  }
  for (let i = 0; i < 200; i++) {
    const s = fs.createReadStream(file);
    await new Promise((resolve) => {
      s.once('data', () => s.destroy());
      s.on('close', resolve);
    });
  }
  const after = openFds();
  console.log('descriptors back where they started:', after === before, after - before);
  fs.rmSync(dir, { recursive: true });
}

main();
