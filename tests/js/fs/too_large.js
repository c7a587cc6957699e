// readFile of a file over node's 2 GiB limit fails with ERR_FS_FILE_TOO_LARGE before reading it
// (the file is sparse: it takes no disk space).
'use strict';
const fs = require('fs');
const path = require('path');

const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'too-large-'));
const file = path.join(dir, 'big');
fs.writeFileSync(file, '0');
fs.truncateSync(file, 2 ** 31);
const show = (e) => console.log(e.name, e.code, e.message);
try {
  fs.readFileSync(file);
} catch (e) {
  show(e);
}
fs.readFile(file, (e) => {
  show(e);
  fs.promises.readFile(file).catch(show).finally(() => fs.rmSync(dir, { recursive: true }));
});
