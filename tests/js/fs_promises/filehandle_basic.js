// FileHandle: open, read/write in every signature, stat, truncate, sync, close and its event.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');

(async () => {
  const file = path.join(tmp, 'a.txt');
  const fh = await fsp.open(file, 'w+');
  console.log('fd is number', typeof fh.fd === 'number', fh.fd > 2);
  console.log('own keys', Object.keys(fh));
  console.log('write buffer', await fh.write(Buffer.from('hello world')));
  console.log('write string', await fh.write('!!', null, 'utf8'));
  console.log('write string at', await fh.write('HE', 0));
  console.log('write hex', await fh.write('4142', 13, 'hex'));
  console.log('write offset/length', await fh.write(Buffer.from('0123456789'), 2, 3, 15));
  console.log('write options', await fh.write(Buffer.from('xyz'), { offset: 1, length: 2, position: 18 }));
  console.log('write empty', await fh.write(Buffer.alloc(0)));
  console.log('writev', await fh.writev([Buffer.from('[a]'), Buffer.from('[b]')], 20));

  console.log('read default', await fh.read());
  const buf = Buffer.alloc(8);
  console.log('read buf', await fh.read(buf, 0, 5, 0));
  console.log('read buf options', await fh.read(buf, { offset: 2, length: 3, position: 6 }));
  console.log('read options', await fh.read({ buffer: Buffer.alloc(4), position: 1 }));
  console.log('read options length', await fh.read({ buffer: Buffer.alloc(10), offset: 4, length: 2, position: 0 }));
  console.log('read zero length', await fh.read(Buffer.alloc(4), 0, 0, 0));
  console.log('read past end', await fh.read(Buffer.alloc(4), 0, 4, 1000));
  const a = Buffer.alloc(3);
  const b = Buffer.alloc(4);
  console.log('readv', await fh.readv([a, b], 0), a.toString(), b.toString());
  const u16 = new Uint16Array(2);
  console.log('read into Uint16Array', (await fh.read(u16, 0, 4, 0)).bytesRead, Buffer.from(u16.buffer).toString());

  console.log('readFile', JSON.stringify(await fsp.readFile(file, 'utf8')));
  const st = await fh.stat();
  console.log('stat', st.isFile(), st.size);
  console.log('stat bigint', typeof (await fh.stat({ bigint: true })).size);
  await fh.truncate(5);
  console.log('truncated', (await fh.stat()).size, JSON.stringify(await fsp.readFile(file, 'latin1')));
  await fh.truncate();
  console.log('truncate default', (await fh.stat()).size);
  console.log('sync', await fh.sync(), await fh.datasync());
  await fh.chmod(0o600);
  console.log('chmod', ((await fh.stat()).mode & 0o777).toString(8));
  await fh.utimes(1000, new Date(2000000));
  const st2 = await fh.stat();
  console.log('utimes', st2.atimeMs, st2.mtimeMs);

  await fh.writeFile('line one\nline two\n');
  await fh.appendFile('line three\n');
  console.log('writeFile+appendFile', JSON.stringify(await fsp.readFile(file, 'utf8')));

  const rh = await fsp.open(file);
  console.log('readFile handle', JSON.stringify(await rh.readFile({ encoding: 'utf8' })));
  console.log('readFile again is empty', (await rh.readFile()).length);
  const order = [];
  rh.on('close', () => order.push('close event'));
  const p = rh.close();
  order.push('close returned');
  await p;
  order.push('close resolved');
  console.log(order.join(', '), rh.fd);
  console.log('close twice', await rh.close());

  await fh.close();
  console.log('closed fd', fh.fd);

  // close() waits for the operations in flight.
  const big = path.join(tmp, 'big.bin');
  fs.writeFileSync(big, Buffer.alloc(1 << 20, 7));
  const h = await fsp.open(big);
  const reads = [h.read(Buffer.alloc(1 << 20), 0, 1 << 20, 0), h.readFile()];
  const closing = h.close();
  const results = await Promise.all(reads);
  await closing;
  console.log('in flight', results[0].bytesRead, results[1].length, h.fd);

  const d = await fsp.open(file);
  await d[Symbol.asyncDispose]();
  console.log('asyncDispose closes', d.fd);
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
