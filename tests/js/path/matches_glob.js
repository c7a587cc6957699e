'use strict';
// path.matchesGlob (experimental in node 20.17+): the first call warns once.
const path = require('path');

const cases = [
  ['foo/bar/baz', 'foo/[bcr]ar/baz'],
  ['foo/bar/baz', 'foo/[!bcr]ar/baz'],
  ['foo/bar/baz', 'foo/*/!bar/*/baz'],
  ['foo/bar1/baz', 'foo/bar[0-9]/baz'],
  ['foo/bar/baz/boo', 'foo/[bc-r]ar/baz/*'],
  ['foo/bar/baz', 'foo/**'],
  ['foo/bar/baz', '*'],
  ['foo/.hidden', 'foo/*'],
  ['foo/.hidden', 'foo/.*'],
  ['a/b/c.js', '**/*.js'],
  ['a/b/c.js', 'a/{b,x}/*.{js,ts}'],
  ['c.js', '*.js'],
];
for (const [p, g] of cases) console.log('posix', p, g, path.matchesGlob(p, g), path.posix.matchesGlob(p, g));
console.log('win32', path.win32.matchesGlob('foo\\bar\\baz', 'foo\\[bcr]ar\\baz'));
console.log('win32', path.win32.matchesGlob('foo\\bar\\baz', 'foo/**'));
console.log('win32 case', path.win32.matchesGlob('foo\\Bar\\baz', 'foo\\bar\\*'));
for (const args of [[123, 'x'], ['x', 123]]) {
  try {
    path.matchesGlob(...args);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
