// fs.WriteStream: event order, flags 'a', start, backpressure over many writes, bytesWritten,
// writev (cork), fd and FileHandle targets, flush, custom fs functions and option errors.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');
const p = (name) => path.join(tmp, name);

function track(name, stream) {
  const events = [];
  stream.on('open', (fd) => events.push(`open:${typeof fd}`));
  stream.on('ready', () => events.push('ready'));
  let drains = 0;
  stream.on('drain', () => {
    if (drains++ === 0) events.push('drain');
  });
  stream.on('finish', () => events.push(`finish bytesWritten=${stream.bytesWritten}`));
  stream.on('error', (e) => events.push(`error:${e.code}:${show(e.message)}`));
  return new Promise((resolve) => {
    let done = false;
    stream.on('close', () => {
      events.push(`close fd=${stream.fd}`);
      if (drains > 1) events.push(`(drains: ${drains})`);
      console.log(name, events);
      done = true;
      resolve();
    });
    setTimeout(() => {
      if (!done) {
        console.log(name, '(no close event)', events);
        resolve();
      }
    }, 300);
  });
}

(async () => {
  const w = fs.createWriteStream(p('a.txt'));
  console.log('constructed', w instanceof fs.WriteStream, w.pending, w.flags, w.mode, w.fd, w.writableHighWaterMark,
    w.autoClose, w.start, w.bytesWritten, w.flush);
  const done = track('basic', w);
  console.log('write returns', w.write('hello '), w.write(Buffer.from('world')));
  w.end('!', () => console.log('end callback'));
  await done;
  console.log('content', fs.readFileSync(p('a.txt'), 'utf8'));

  const a = fs.createWriteStream(p('a.txt'), { flags: 'a' });
  const da = track('append', a);
  a.end(' more');
  await da;
  console.log('appended', fs.readFileSync(p('a.txt'), 'utf8'));

  fs.writeFileSync(p('s.txt'), '0123456789');
  const s = fs.createWriteStream(p('s.txt'), { flags: 'r+', start: 3 });
  const ds = track('start', s);
  s.write('ab');
  s.end('cd');
  await ds;
  console.log('started', fs.readFileSync(p('s.txt'), 'utf8'));

  // Backpressure: write() turns false at highWaterMark and 'drain' follows.
  const b = fs.createWriteStream(p('b.bin'), { highWaterMark: 1024 });
  const db = track('backpressure', b);
  const results = [];
  let drains = 0;
  b.on('drain', () => drains++);
  for (let i = 0; i < 100; i++) results.push(b.write(Buffer.alloc(100, i)));
  console.log('first false at', results.indexOf(false), 'writableLength', b.writableLength, b.writableNeedDrain);
  await new Promise((resolve) => b.once('drain', resolve));
  let written = 0;
  async function pump() {
    for (let i = 0; i < 200; i++) {
      written++;
      if (!b.write(Buffer.alloc(512, 1))) await new Promise((resolve) => b.once('drain', resolve));
    }
    b.end();
  }
  await pump();
  await db;
  console.log('pumped', written, 'size', fs.statSync(p('b.bin')).size, 'drains', drains);

  // Corked writes reach the file through writev.
  const c = fs.createWriteStream(p('c.txt'));
  const dc = track('cork', c);
  c.cork();
  c.write('a');
  c.write('b');
  c.write('c');
  process.nextTick(() => {
    c.uncork();
    c.end();
  });
  await dc;
  console.log('corked', fs.readFileSync(p('c.txt'), 'utf8'));

  const fd = fs.openSync(p('fd.txt'), 'w');
  const f = fs.createWriteStream(null, { fd });
  const df = track('fd', f);
  f.end('via fd');
  await df;
  console.log('fd content', fs.readFileSync(p('fd.txt'), 'utf8'));

  const fh = await fsp.open(p('fh.txt'), 'w');
  const h = fh.createWriteStream();
  const dh = track('filehandle', h);
  h.write('via ');
  h.end('filehandle');
  await dh;
  console.log('filehandle content', fs.readFileSync(p('fh.txt'), 'utf8'), fh.fd);

  const fl = fs.createWriteStream(p('flush.txt'), { flush: true });
  const dfl = track('flush', fl);
  fl.end('flushed');
  await dfl;
  console.log('flush content', fs.readFileSync(p('flush.txt'), 'utf8'));

  const enc = fs.createWriteStream(p('enc.txt'), { encoding: 'hex' });
  const denc = track('encoding', enc);
  enc.end('68656c6c6f');
  await denc;
  console.log('encoded', fs.readFileSync(p('enc.txt'), 'utf8'));

  const nc = fs.createWriteStream(p('nc.txt'), { autoClose: false });
  nc.on('finish', () => {
    console.log('autoClose false finish', nc.destroyed, typeof nc.fd);
    nc.destroy();
  });
  const dnc = track('no autoClose', nc);
  nc.end('x');
  await dnc;

  const cl = fs.createWriteStream(p('cl.txt'));
  cl.write('closing');
  const dcl = track('close()', cl);
  cl.close((err) => console.log('close callback', err));
  await dcl;
  console.log('close wrote', fs.readFileSync(p('cl.txt'), 'utf8'));

  const ex = fs.createWriteStream(p('a.txt'), { flags: 'wx' });
  await track('exclusive exists', ex);

  const dir = fs.createWriteStream(path.join(tmp, 'no', 'such', 'dir.txt'));
  await track('missing dir', dir);

  const de = fs.createWriteStream(p('de.txt'));
  const dde = track('destroyed write', de);
  de.destroy();
  de.write('late', (err) => console.log('late write callback', err && err.code));
  await dde;

  const calls = [];
  const custom = {
    open(path_, flags, mode, cb) {
      calls.push(`open ${flags}`);
      fs.open(path_, flags, mode, cb);
    },
    write(fd_, buf, off, len, pos, cb) {
      calls.push(`write ${buf.toString()} ${off} ${len} ${pos}`);
      fs.write(fd_, buf, off, len, pos, cb);
    },
    close(fd_, cb) {
      calls.push('close');
      fs.close(fd_, cb);
    },
  };
  const cu = fs.createWriteStream(p('custom.txt'), { fs: custom });
  const dcu = track('custom fs', cu);
  cu.write('one');
  cu.end('two');
  await dcu;
  console.log('custom calls', calls, fs.readFileSync(p('custom.txt'), 'utf8'));

  for (const [name, fn] of [
    ['bad path', () => fs.createWriteStream({})],
    ['bad start', () => fs.createWriteStream(p('z'), { start: -2 })],
    ['bad flush', () => fs.createWriteStream(p('z'), { flush: 'yes' })],
    ['bad fd', () => fs.createWriteStream(null, { fd: {} })],
    ['no write', () => fs.createWriteStream(p('z'), { fs: { open() {}, close() {} } })],
    ['bad writev', () => fs.createWriteStream(p('z'), { fs: { open() {}, close() {}, write() {}, writev: 2 } })],
    ['bad encoding', () => fs.createWriteStream(p('z'), { encoding: 'nope' })],
  ]) {
    try {
      fn();
      console.log(name, 'no error');
    } catch (e) {
      console.log(name, e.name, e.code, show(e.message));
    }
  }
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => setTimeout(() => fs.rmSync(tmp, { recursive: true }), 50));
