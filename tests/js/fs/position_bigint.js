'use strict';
// A BigInt read or write position reaches the kernel exactly, past 2^53 as well: reading near
// 2^63 is end of file (0 bytes), not EINVAL from a rounded position.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-position-'));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, 'abcdefgh');
const fd = fs.openSync(file, 'r+');
const buf = Buffer.alloc(4);

function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code);
  }
}

show('read 2n', () => [fs.readSync(fd, buf, 0, 4, 2n), buf.toString()]);
show('read 2^53+1', () => fs.readSync(fd, buf, 0, 4, 2n ** 53n + 1n));
show('read 2^63-9', () => fs.readSync(fd, buf, 0, 4, 2n ** 63n - 9n));
show('read 2^63', () => fs.readSync(fd, buf, 0, 4, 2n ** 63n));
show('read -1n', () => [fs.readSync(fd, buf, 0, 4, -1n), buf.toString()]);
show('write 4n', () => [fs.writeSync(fd, Buffer.from('XY'), 0, 2, 4n), fs.readFileSync(file, 'latin1')]);
fs.read(fd, buf, 0, 4, 2n ** 63n - 9n, (err, n) => {
  console.log('callback 2^63-9', err && err.code, n);
  fs.closeSync(fd);
  fs.rmSync(tmp, { recursive: true });
});
