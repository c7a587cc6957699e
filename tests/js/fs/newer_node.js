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
        // The next check waits for this one, so that the two lines keep their order.
        readPositions();
      });
    });
  });
}

function readPositions() {
  // Read positions: a bigint from -1 to where the read still ends within int64, in every form.
  const file = path.join(tmp, 'positions');
  fs.writeFileSync(file, 'abcdefgh');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(4);
  assert.throws(() => fs.readSync(fd, buf, 0, 4, 2n ** 63n - 4n), {
    code: 'ERR_OUT_OF_RANGE',
    message: /It must be >= -1 && <= 9223372036854775803\. Received 9_223_372_036_854_775_804n/,
  });
  assert.throws(() => fs.readSync(fd, buf, 0, 4, -2n), { code: 'ERR_OUT_OF_RANGE' });
  assert.strictEqual(fs.readSync(fd, buf, 0, 4, 2n ** 63n - 5n), 0);
  fs.closeSync(fd);
  fs.promises.open(file).then(async (handle) => {
    const { bytesRead } = await handle.read(buf, 0, 4, 2n);
    assert.strictEqual(buf.toString('latin1', 0, bytesRead), 'cdef');
    await assert.rejects(handle.read(buf, 0, 4, Number.MAX_SAFE_INTEGER + 1), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(handle.read(buf, 0, 4, '1'), { code: 'ERR_INVALID_ARG_TYPE' });
    await handle.close();
    console.log('ok read positions are bounded by the length, in the promise API too');
  });
}
