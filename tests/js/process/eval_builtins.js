// -e and -p see builtin modules as globals (not the underscored ones or subpaths), loaded on
// first use and replaceable; a script file does not. --max-http-header-size reaches http.
'use strict';
const { execFileSync } = require('child_process');
const run = (...args) => execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();

console.log(run('-p', 'typeof fs.readFileSync + " " + typeof path.join + " " + typeof _http_common'));
console.log(run('-p', '[Object.keys(globalThis).includes("os"), Object.getOwnPropertyDescriptor(globalThis, "os").enumerable]'));
console.log(run('-e', 'fs = 5; console.log(fs, typeof os.EOL)'));
console.log(run('-p', 'typeof globalThis["fs/promises"]'));
console.log(run('--max-http-header-size=4096', '-p', 'http.maxHeaderSize'));
console.log(typeof globalThis.fs);
