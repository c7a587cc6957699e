'use strict';
// require() of relative files: extensions searched in order (.js, .json), directories through
// package.json "main" or index.js / index.json, JSON files, unknown extensions as JavaScript,
// and cycles, where a module gets the partial exports of one that is still loading.

const path = require('path');

const rel = (p) => path.relative(__dirname, p);

console.log(require('./fixtures/data.json'));
console.log('json is cached:', require('./fixtures/data') === require('./fixtures/data.json'));
console.log(require('./fixtures/dir-index'));
console.log(require('./fixtures/dir-index/'));
console.log(require('./fixtures/dir-main'));
console.log(require('./fixtures/dir-json-index'));
console.log(require('./fixtures/ext/both'));
console.log(require('./fixtures/ext/only'));
console.log(require('./fixtures/ext/file.cjs'));
console.log(require('./fixtures/ext/weird.txt'));
console.log(rel(require.resolve('./fixtures/dir-main')));
console.log(rel(require.resolve('./fixtures/dir-json-index')));
console.log(rel(require.resolve('./fixtures/../fixtures/./ext/both')));
console.log(rel(require.resolve(path.join(__dirname, 'fixtures', 'ext', 'only'))));

try {
  require('./fixtures/bad.json');
} catch (err) {
  // The message starts with the file's path; the rest is the engine's JSON.parse message.
  console.log('bad json:', err.name, err.message.startsWith(`${path.join(__dirname, 'fixtures', 'bad.json')}: `));
}

console.log('-- cycle');
require('./fixtures/cycle/a.js');
console.log('-- cycle that replaces module.exports');
console.log(require('./fixtures/cycle/replace_a.js'));
