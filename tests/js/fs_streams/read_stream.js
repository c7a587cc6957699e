// fs.ReadStream: event order, start/end, highWaterMark, encoding, fd and FileHandle sources,
// autoClose, emitClose and the validation errors of the options.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-'));
const show = (s) => String(s).split(tmp).join('<tmp>');
const file = path.join(tmp, 'data.txt');
fs.writeFileSync(file, 'abcdefghijklmnopqrstuvwxyz0123456789');

function run(name, stream) {
  return new Promise((resolve) => {
    let done = false;
    const events = [];
    stream.on('open', (fd) => events.push(`open:${typeof fd}`));
    stream.on('ready', () => events.push(`ready pending=${stream.pending}`));
    stream.on('data', (chunk) => events.push(`data:${typeof chunk === 'string' ? chunk : chunk.toString()}`));
    stream.on('end', () => events.push(`end bytesRead=${stream.bytesRead}`));
    stream.on('error', (e) => events.push(`error:${e.code}:${show(e.message)}`));
    stream.on('close', () => {
      events.push(`close fd=${stream.fd} destroyed=${stream.destroyed}`);
      console.log(name, events);
      done = true;
      resolve();
    });
    setTimeout(() => {
      if (!done) {
        console.log(name, '(no close event)', events, stream.closed, stream.destroyed);
        resolve();
      }
    }, 300);
  });
}

(async () => {
  const s = fs.createReadStream(file);
  console.log('constructed', s instanceof fs.ReadStream, s.pending, s.path === file, s.flags, s.mode, s.fd,
    s.readableHighWaterMark, s.autoClose, s.start, s.end, s.bytesRead);
  await run('whole', s);
  await run('hwm 10', fs.createReadStream(file, { highWaterMark: 10 }));
  await run('start/end', fs.createReadStream(file, { start: 3, end: 7 }));
  await run('start only', fs.createReadStream(file, { start: 30 }));
  await run('end only', fs.createReadStream(file, { end: 2, highWaterMark: 2 }));
  await run('end 0', fs.createReadStream(file, { end: 0 }));
  await run('encoding', fs.createReadStream(file, { encoding: 'hex', start: 0, end: 3 }));
  await run('string options', fs.createReadStream(file, 'base64'));
  await run('missing', fs.createReadStream(path.join(tmp, 'missing')));
  await run('directory', fs.createReadStream(tmp));
  await run('no emitClose', fs.createReadStream(file, { emitClose: false, start: 34 }));
  await run('constructor without new', fs.ReadStream(file, { start: 35 }));

  const fd = fs.openSync(file, 'r');
  await run('fd', fs.createReadStream(null, { fd, start: 10, end: 12 }));
  try {
    fs.fstatSync(fd);
    console.log('fd still open');
  } catch (e) {
    console.log('fd closed by stream', e.code);
  }

  const fd2 = fs.openSync(file, 'r');
  const s2 = fs.createReadStream(null, { fd: fd2, autoClose: false, end: 1 });
  await new Promise((resolve) => s2.on('end', resolve).resume());
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('autoClose false', s2.destroyed, fs.fstatSync(fd2).size);
  fs.closeSync(fd2);

  const fh = await fsp.open(file);
  await run('filehandle', fh.createReadStream({ start: 20, end: 25 }));
  console.log('filehandle closed', fh.fd);

  const fh2 = await fsp.open(file);
  const s3 = fs.createReadStream(null, { fd: fh2, highWaterMark: 4 });
  const p3 = run('filehandle closed early', s3);
  s3.once('data', () => fh2.close());
  await p3;

  const s4 = fs.createReadStream(file, { highWaterMark: 4 });
  const p4 = run('destroy mid-way', s4);
  s4.once('data', () => s4.destroy());
  await p4;

  const s5 = fs.createReadStream(file, { start: 0, end: 5 });
  s5.close(() => console.log('close callback', s5.destroyed));
  await new Promise((resolve) => s5.on('close', resolve));

  // Custom fs functions.
  const calls = [];
  const custom = {
    open(p, flags, mode, cb) {
      calls.push(`open ${show(p)} ${flags} ${mode.toString(8)}`);
      fs.open(p, flags, mode, cb);
    },
    read(fd, buf, off, len, pos, cb) {
      calls.push(`read ${off} ${len} ${pos}`);
      fs.read(fd, buf, off, len, pos, cb);
    },
    close(fd, cb) {
      calls.push('close');
      fs.close(fd, cb);
    },
  };
  await run('custom fs', fs.createReadStream(file, { fs: custom, start: 2, end: 4, mode: 0o640 }));
  console.log('custom calls', calls);

  const ac = new AbortController();
  const s6 = fs.createReadStream(file, { signal: ac.signal, highWaterMark: 4 });
  const p6 = run('signal', s6);
  s6.once('data', () => ac.abort());
  await p6;

  for (const [name, fn] of [
    ['bad path', () => fs.createReadStream(5)],
    ['bad start', () => fs.createReadStream(file, { start: -1 })],
    ['start string', () => fs.createReadStream(file, { start: '1' })],
    ['bad end', () => fs.createReadStream(file, { end: 1.5 })],
    ['start > end', () => fs.createReadStream(file, { start: 5, end: 2 })],
    ['bad fd', () => fs.createReadStream(null, { fd: 'x' })],
    ['negative fd', () => fs.createReadStream(null, { fd: -1 })],
    ['bad options', () => fs.createReadStream(file, 7)],
    ['bad encoding', () => fs.createReadStream(file, { encoding: 'nope' })],
    ['bad fs.open', () => fs.createReadStream(file, { fs: { open: 1 } })],
    ['bad fs.read', () => fs.createReadStream(file, { fs: { open() {}, read: 1 } })],
    ['bad fs.close', () => fs.createReadStream(file, { fs: { open() {}, read() {} } })],
    ['bad hwm', () => fs.createReadStream(file, { highWaterMark: -1 })],
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
