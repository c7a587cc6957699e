'use strict';
// Working through file descriptors: open flags, every read/write signature (sync and callback),
// positions (explicit, null = current, bigint), string writes with encodings, readv/writev,
// ftruncate, fsync, fdatasync, readFile/writeFile/appendFile on an fd.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-fd-'));
const file = path.join(tmp, 'data');
const hex = (b) => `<${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}>`;

function attempt(label, fn) {
  try {
    const value = fn();
    console.log(label, '->', ArrayBuffer.isView(value) ? hex(value) : value);
  } catch (err) {
    console.log(label, '-> threw', err.name, err.code, err.message.split(tmp).join('<tmp>'));
  }
}

const contents = () => fs.readFileSync(file, 'latin1');

fs.writeFileSync(file, 'abcdefghij');
let fd = fs.openSync(file, 'r+');
attempt('fd is a number', () => typeof fd === 'number' && fd > 2);
const buf = Buffer.alloc(6, '.');
attempt('readSync(fd, buf, 0, 3, 0)', () => fs.readSync(fd, buf, 0, 3, 0));
attempt('buf', () => buf.toString());
attempt('readSync(fd, buf, 3, 3, null)', () => fs.readSync(fd, buf, 3, 3, null));
attempt('buf', () => buf.toString());
attempt('readSync continues at position', () => fs.readSync(fd, buf, 0, 2, null));
attempt('buf', () => buf.toString());
attempt('readSync bigint position', () => fs.readSync(fd, buf, 0, 2, 8n));
attempt('buf', () => buf.toString());
attempt('readSync(fd, buf, {offset, length, position})', () => fs.readSync(fd, buf, { offset: 1, length: 2, position: 4 }));
attempt('buf', () => buf.toString());
attempt('readSync(fd, buf, {})', () => fs.readSync(fd, buf, {}));
attempt('readSync(fd, buf)', () => fs.readSync(fd, buf));
attempt('readSync at end', () => fs.readSync(fd, buf, 0, 6, 100));
attempt('readSync length 0', () => fs.readSync(fd, buf, 0, 0, 0));
attempt('readSync into Uint16Array', () => {
  const u16 = new Uint16Array(2);
  fs.readSync(fd, u16, 0, 4, 0);
  return u16;
});
attempt('readSync into DataView', () => {
  const dv = new DataView(new ArrayBuffer(3));
  fs.readSync(fd, dv, 0, 3, 7);
  return dv;
});

attempt('writeSync buffer at 0', () => fs.writeSync(fd, Buffer.from('XY'), 0, 2, 0));
attempt('contents', contents);
attempt('writeSync buffer offset/length', () => fs.writeSync(fd, Buffer.from('0123'), 1, 2, 4));
attempt('contents', contents);
attempt('writeSync options', () => fs.writeSync(fd, Buffer.from('pqrs'), { offset: 2, length: 2, position: 8 }));
attempt('contents', contents);
attempt('writeSync string at position', () => fs.writeSync(fd, 'Zz', 2));
attempt('contents', contents);
attempt('writeSync string hex', () => fs.writeSync(fd, '2a2b', 6, 'hex'));
attempt('contents', contents);
attempt('writeSync string unknown encoding', () => fs.writeSync(fd, 'é', 0, 'nope'));
attempt('contents', contents);
attempt('writeSync string utf8 length', () => fs.writeSync(fd, 'ü'));
attempt('writeSync Uint16Array', () => fs.writeSync(fd, new Uint16Array([0x4443]), 0, 2, 10));
attempt('contents', contents);
attempt('ftruncateSync 4', () => fs.ftruncateSync(fd, 4));
attempt('contents', contents);
attempt('ftruncateSync negative', () => fs.ftruncateSync(fd, -5));
attempt('size', () => fs.fstatSync(fd).size);
attempt('ftruncateSync default', () => fs.ftruncateSync(fd));
attempt('writevSync', () => fs.writevSync(fd, [Buffer.from('ab'), new Uint8Array([0x63]), Buffer.from('de')], 0));
attempt('contents', contents);
attempt('writevSync empty', () => fs.writevSync(fd, []));
attempt('readvSync', () => {
  const a = Buffer.alloc(2);
  const b = Buffer.alloc(4);
  const n = fs.readvSync(fd, [a, b], 1);
  return `${n} ${a.toString()} ${b.toString('latin1').replace(/\0/g, '_')}`;
});
attempt('fsyncSync', () => fs.fsyncSync(fd));
attempt('fdatasyncSync', () => fs.fdatasyncSync(fd));
attempt('closeSync', () => fs.closeSync(fd));
attempt('closeSync twice', () => fs.closeSync(fd));

fd = fs.openSync(file, 'w+');
attempt('w+ truncates', () => fs.fstatSync(fd).size);
attempt('writeFileSync(fd)', () => fs.writeFileSync(fd, 'one'));
attempt('writeFileSync(fd) again appends at position', () => fs.writeFileSync(fd, 'two'));
attempt('appendFileSync(fd)', () => fs.appendFileSync(fd, '-three'));
attempt('contents', contents);
attempt('readFileSync(fd) from position', () => fs.readFileSync(fd, 'utf8'));
attempt('readSync(fd, buf, 0, 3, 0)', () => fs.readSync(fd, buf, 0, 3, 0));
attempt('readFileSync(fd) after positional read', () => fs.readFileSync(fd, 'utf8'));
fs.closeSync(fd);

fd = fs.openSync(file, 'a');
attempt('append mode ignores position', () => fs.writeSync(fd, 'END', 0));
fs.closeSync(fd);
attempt('contents', contents);
attempt('openSync numeric flags', () => {
  const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
  const nfd = fs.openSync(path.join(tmp, 'numeric'), O_WRONLY | O_CREAT | O_EXCL, 0o600);
  fs.closeSync(nfd);
  return fs.existsSync(path.join(tmp, 'numeric'));
});
attempt('openSync rs+ / as+', () => {
  fs.closeSync(fs.openSync(file, 'rs+'));
  fs.closeSync(fs.openSync(file, 'as+'));
  return 'ok';
});

// Callback forms, one after another.
fd = fs.openSync(file, 'r+');
fs.writeSync(fd, 'abcdefghij', 0);
const rbuf = Buffer.alloc(4, '.');
const steps = [
  ['read(fd, buf, off, len, pos, cb)', (cb) => fs.read(fd, rbuf, 1, 2, 3, cb)],
  ['read(fd, buf, options, cb)', (cb) => fs.read(fd, rbuf, { position: 6, length: 1 }, cb)],
  ['read(fd, buf, null options, cb)', (cb) => fs.read(fd, Buffer.alloc(3), null, cb)],
  ['read(fd, {buffer, position}, cb)', (cb) => fs.read(fd, { buffer: Buffer.alloc(2), position: 1 }, cb)],
  ['read(fd, {position}, cb)', (cb) => fs.read(fd, { position: 8 }, (err, n, b) => cb(err, n, b.length))],
  ['read(fd, cb)', (cb) => fs.read(fd, (err, n, b) => cb(err, n, b.length))],
  ['read length 0', (cb) => fs.read(fd, rbuf, 0, 0, 0, cb)],
  ['write(fd, buf, cb)', (cb) => fs.write(fd, Buffer.from('W'), cb)],
  ['write(fd, buf, off, cb)', (cb) => fs.write(fd, Buffer.from('xyz'), 1, cb)],
  ['write(fd, buf, off, len, cb)', (cb) => fs.write(fd, Buffer.from('xyz'), 2, 1, cb)],
  ['write(fd, buf, off, len, pos, cb)', (cb) => fs.write(fd, Buffer.from('12345'), 1, 3, 0, cb)],
  ['write(fd, buf, options, cb)', (cb) => fs.write(fd, Buffer.from('QRS'), { offset: 1, position: 5 }, cb)],
  ['write(fd, str, cb)', (cb) => fs.write(fd, 'tail', cb)],
  ['write(fd, str, pos, cb)', (cb) => fs.write(fd, 'P', 9, cb)],
  ['write(fd, str, pos, enc, cb)', (cb) => fs.write(fd, '4142', 7, 'hex', cb)],
  ['writev', (cb) => fs.writev(fd, [Buffer.from('v1'), Buffer.from('v2')], 12, cb)],
  ['writev empty', (cb) => fs.writev(fd, [], cb)],
  ['readv', (cb) => fs.readv(fd, [Buffer.alloc(3), Buffer.alloc(3)], 0, cb)],
  ['ftruncate', (cb) => fs.ftruncate(fd, 14, cb)],
  ['fstat', (cb) => fs.fstat(fd, (err, st) => cb(err, st.size))],
  ['fsync', (cb) => fs.fsync(fd, cb)],
  ['fdatasync', (cb) => fs.fdatasync(fd, cb)],
  ['readFile(fd)', (cb) => fs.readFile(fd, 'latin1', cb)],
  ['writeFile(fd)', (cb) => fs.writeFile(fd, '+w', cb)],
  ['appendFile(fd)', (cb) => fs.appendFile(fd, '+a', cb)],
  ['close', (cb) => fs.close(fd, cb)],
  ['contents', (cb) => fs.readFile(file, 'latin1', cb)],
  ['open', (cb) => fs.open(file, (err, f) => cb(err, typeof f, fs.closeSync(f)))],
  ['open flags mode', (cb) => fs.open(path.join(tmp, 'new'), 'wx', 0o644, (err, f) => cb(err, typeof f, fs.closeSync(f)))],
  ['open flags', (cb) => fs.open(path.join(tmp, 'new'), 'r', (err, f) => cb(err, typeof f, fs.closeSync(f)))],
];

function show(v) {
  return ArrayBuffer.isView(v) ? hex(v) : Array.isArray(v) ? v.map(show).join(',') : String(v).replace(/\0/g, '_');
}

function next(i) {
  if (i === steps.length) {
    fs.rmSync(tmp, { recursive: true });
    console.log('cleaned', fs.existsSync(tmp));
    return;
  }
  const [label, run] = steps[i];
  run((...args) => {
    console.log(label, '->', args.length, ...args.map(show));
    next(i + 1);
  });
}
next(0);
