'use strict';
// readdir in its forms: names, encodings ('buffer', 'hex'), withFileTypes Dirents (name,
// parentPath, path, predicates), recursive listings with and without types, Buffer and URL paths.

const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'actorjs-fs-readdir-'));
const rel = (s) => String(s).split(tmp).join('<tmp>');
const byName = (a, b) => (String(a.name ?? a) < String(b.name ?? b) ? -1 : String(a.name ?? a) > String(b.name ?? b) ? 1 : 0);

fs.mkdirSync(path.join(tmp, 'a', 'b', 'c'), { recursive: true });
fs.mkdirSync(path.join(tmp, 'empty'));
fs.writeFileSync(path.join(tmp, 'top.txt'), 'x');
fs.writeFileSync(path.join(tmp, 'a', 'one.txt'), 'x');
fs.writeFileSync(path.join(tmp, 'a', 'b', 'two.txt'), 'x');
fs.writeFileSync(path.join(tmp, 'a', 'b', 'c', 'three.txt'), 'x');
fs.writeFileSync(path.join(tmp, 'ünï.txt'), 'x');
fs.symlinkSync('a', path.join(tmp, 'link-to-a'));

function describe(d) {
  const kinds = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice'];
  return `${d instanceof fs.Dirent ? 'Dirent' : '?'}(${Buffer.isBuffer(d.name) ? `<Buffer ${d.name.toString()}>` : d.name}, ${rel(d.parentPath)}, ${rel(d.path)}, ${kinds.filter((k) => d[k]()).join('|')})`;
}

try {
  console.log('names', fs.readdirSync(tmp).sort());
  console.log('empty', fs.readdirSync(path.join(tmp, 'empty')));
  console.log('utf8 option', fs.readdirSync(tmp, 'utf8').sort().length);
  console.log('buffer', fs.readdirSync(path.join(tmp, 'a'), 'buffer').sort(Buffer.compare));
  console.log('buffer option', fs.readdirSync(path.join(tmp, 'a'), { encoding: 'buffer' }).every(Buffer.isBuffer));
  console.log('hex', fs.readdirSync(path.join(tmp, 'a'), { encoding: 'hex' }).sort());
  console.log('Buffer path', fs.readdirSync(Buffer.from(path.join(tmp, 'a'))).sort());
  console.log('URL path', fs.readdirSync(new URL(`file://${path.join(tmp, 'a')}`)).sort());

  const ents = fs.readdirSync(tmp, { withFileTypes: true }).sort(byName);
  for (const d of ents) console.log('dirent', describe(d));
  console.log('Dirent class', ents[0] instanceof fs.Dirent, Object.keys(ents[0]));
  const bufEnts = fs.readdirSync(path.join(tmp, 'a'), { withFileTypes: true, encoding: 'buffer' });
  console.log('buffer dirents', bufEnts.map((d) => Buffer.isBuffer(d.name)));

  console.log('recursive', fs.readdirSync(tmp, { recursive: true }).sort());
  console.log('recursive sub', fs.readdirSync(path.join(tmp, 'a'), { recursive: true }).sort());
  const recEnts = fs.readdirSync(tmp, { recursive: true, withFileTypes: true })
    .map(describe)
    .sort();
  for (const d of recEnts) console.log('recursive dirent', d);
  console.log('recursive false', fs.readdirSync(tmp, { recursive: false }).length);

  fs.readdir(path.join(tmp, 'a'), { withFileTypes: true }, (err, list) => {
    console.log('cb withFileTypes', err, list.sort(byName).map(describe));
    fs.readdir(path.join(tmp, 'a'), { encoding: 'buffer' }, (err, list) => {
      console.log('cb buffer', err, list.map((b) => b.toString()).sort());
      fs.readdir(tmp, { recursive: true, withFileTypes: true }, (err, list) => {
        console.log('cb recursive', err, list.length);
        fs.rmSync(tmp, { recursive: true });
        console.log('cleaned', fs.existsSync(tmp));
      });
    });
  });
} catch (err) {
  fs.rmSync(tmp, { recursive: true });
  throw err;
}
