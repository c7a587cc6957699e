// A first script for actorjs: the same code runs under node.
//
//   cargo run --release -p boa_host --bin actorjs -- examples/hello.js
const fs = require('fs/promises');
const path = require('path');
const { EventEmitter } = require('events');

async function main() {
  const dir = await fs.mkdtemp(path.join(process.env.TMPDIR || '/tmp', 'hello-'));
  const file = path.join(dir, 'greeting.txt');
  await fs.writeFile(file, `hello from ${process.release.name === 'node' ? 'a Node-compatible runtime' : 'somewhere'}\n`);
  const text = await fs.readFile(file, 'utf8');
  const { size } = await fs.stat(file);
  process.stdout.write(text);
  console.log(`${file.slice(dir.length + 1)} holds ${size} bytes`);
  await fs.rm(dir, { recursive: true });

  const ticker = new EventEmitter();
  ticker.on('tick', (n) => console.log(`tick ${n}`));
  for (let n = 1; n <= 3; n++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ticker.emit('tick', n);
  }
  console.log('done');
}

main();
