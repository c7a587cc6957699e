// fs behaviours of node versions after 20. Node v20 lacks them, so newer_node.out lists the
// expected lines by hand: the test asserts every result itself (expectations from node 25's
// test/parallel/test-fs-*.js) and prints an 'ok' line only when they hold.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'newer-node-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

{
  // Copying a tree twice: a link to a file may replace a link to that same file (node 20 took
  // it for a copy into a subdirectory of itself).
  const src = path.join(tmp, 'src');
  const dest = path.join(tmp, 'dest');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'test.txt'), 'test');
  fs.symlinkSync(path.join(src, 'test.txt'), path.join(src, 'link.txt'));
  fs.cpSync(src, dest, { recursive: true });
  fs.cpSync(src, dest, { recursive: true });
  assert.strictEqual(fs.readlinkSync(path.join(dest, 'link.txt')), path.join(src, 'test.txt'));
  console.log('ok cpSync copies a file link over a link to the same file');
}

{
  // A link to a directory still may not replace a link into that directory.
  const src = path.join(tmp, 'src2');
  const dest = path.join(tmp, 'dest2');
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
  fs.symlinkSync(src, path.join(src, 'up'));
  fs.mkdirSync(dest);
  fs.symlinkSync(path.join(src, 'sub'), path.join(dest, 'up'));
  assert.throws(() => fs.cpSync(src, dest, { recursive: true }), { code: 'ERR_FS_CP_EINVAL' });
  console.log('ok cpSync refuses a directory link over a link into it');
}

{
  // Node 20's ES module loader constants are no longer in fs.constants.
  assert.deepStrictEqual(Object.keys(fs.constants).filter((k) => k.startsWith('EXTENSIONLESS')), []);
  assert.strictEqual(fs.constants.O_RDONLY, 0);
  console.log('ok fs.constants has no EXTENSIONLESS_FORMAT_ names');
}

{
  // Brand checks: the prototype's own accessors throw ERR_INVALID_THIS.
  assert.throws(() => fs.Dir.prototype.path, { code: 'ERR_INVALID_THIS' });
  assert.throws(() => fs.WriteStream.prototype.autoClose, { code: 'ERR_INVALID_THIS' });
  console.log('ok Dir.prototype.path and WriteStream.prototype.autoClose are ERR_INVALID_THIS');
}

{
  // throwIfNoEntry: false in the callback forms: a missing entry is undefined, other errors stay.
  const missing = path.join(tmp, 'missing');
  fs.stat(missing, { throwIfNoEntry: false }, (err, stats) => {
    assert.strictEqual(err, null);
    assert.strictEqual(stats, undefined);
    fs.lstat(missing, { throwIfNoEntry: false }, (err2, stats2) => {
      assert.strictEqual(err2, null);
      assert.strictEqual(stats2, undefined);
      fs.stat(missing, (err3) => {
        assert.strictEqual(err3.code, 'ENOENT');
        console.log('ok stat and lstat callbacks take throwIfNoEntry: false');
      });
    });
  });
}
