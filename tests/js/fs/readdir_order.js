'use strict';
// readdir lists names sorted by their bytes, as libuv's scandir does under node: the sync,
// callback and promise forms, recursive listings (each directory sorted, level by level) and
// Dirents. A Dir from opendir keeps the filesystem's order, so only its set of names is shown.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-readdir-order-'));
// Created out of order, with upper case, digits, dots and a non-ASCII name.
for (const name of ['zeta', 'Beta', 'alpha', '10', '9', '.hidden', 'ümlaut', 'a.b', 'a-b', 'A']) {
  fs.writeFileSync(path.join(tmp, name), name);
}
fs.mkdirSync(path.join(tmp, 'dir'));
for (const name of ['y', 'x', 'B', 'a']) fs.writeFileSync(path.join(tmp, 'dir', name), name);
fs.mkdirSync(path.join(tmp, 'dir', 'sub'));
fs.writeFileSync(path.join(tmp, 'dir', 'sub', 'q'), 'q');

async function main() {
  try {
    console.log('sync', fs.readdirSync(tmp));
    console.log('recursive', fs.readdirSync(tmp, { recursive: true }));
    console.log('dirents', fs.readdirSync(path.join(tmp, 'dir'), { withFileTypes: true }).map((d) => d.name));
    console.log('buffer', fs.readdirSync(path.join(tmp, 'dir'), 'buffer').map(String));
    console.log('callback', await new Promise((res, rej) => fs.readdir(tmp, (e, l) => (e ? rej(e) : res(l)))));
    console.log('promise recursive', await fs.promises.readdir(tmp, { recursive: true }));
    const dir = fs.opendirSync(path.join(tmp, 'dir'));
    const names = [];
    for (let d; (d = dir.readSync()) !== null; ) names.push(d.name);
    dir.closeSync();
    console.log('opendir set', names.sort());
  } finally {
    fs.rmSync(tmp, { recursive: true });
  }
}

main();
