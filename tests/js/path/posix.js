'use strict';
// path.posix: every function over a table of inputs, quirks included.

const path = require('path');

const { posix } = path;
const log = (...args) => console.log(...args);
const show = (value) => JSON.stringify(value);

function table(name, cases) {
  log(`--- ${name}`);
  for (const args of cases) {
    log(`${name}(${args.map(show).join(', ')}) = ${show(posix[name](...args))}`);
  }
}

table('normalize', [
  [''], ['.'], ['..'], ['/'], ['//'], ['///'], ['./'], ['../'], ['a'], ['a/'], ['a//'], ['/a/b/c/../d'],
  ['a/b/../../..'], ['/../../a'], ['./a/./b/.'], ['a/./b/../c/'], ['//a//b//'], ['/..'], ['../../x/../y'],
  ['a/..'], ['a/../'], ['/a/..'], ['..a/b..'], ['.../a'], ['a\\b/../c'], ['fixtures///b/../b/c.js'],
  ['/foo/../../../bar'], ['bar/foo../../'], ['bar/foo../..'], ['bar/foo../../baz'], ['bar/foo../'],
  ['bar/foo..'], ['../foo../../../bar'], ['../.../.././.../../../bar'], ['../../../foo/../../../bar'],
  ['../../../foo/../../../bar/../../'], ['../foobar/barfoo/foo/../../../bar/../../'],
]);

table('join', [
  [], [''], ['', ''], ['.', '.'], ['/', '/'], ['a', 'b'], ['a/', '/b'], ['/a', '../b'], ['a', '', 'b'],
  ['', '/a'], ['', 'a'], ['a', '..', '..', '..'], ['/', '..'], ['.', '/'], ['./', '..', '/x'],
  ['a', 'b', 'c/', '../d'], [' ', 'x'], ['//a', 'b'], ['a', '//'],
]);

table('isAbsolute', [[''], ['/'], ['//'], ['/a'], ['a'], ['./a'], ['\\a'], ['C:/a']]);

table('dirname', [
  [''], ['/'], ['//'], ['///'], ['a'], ['a/'], ['/a'], ['/a/'], ['//a'], ['a/b'], ['a/b/'], ['/a/b'],
  ['/a/b/'], ['/a//b'], ['a//b//'], ['./a'], ['../a'], ['/a/b/c.txt'], ['a/b\\c'], ['////a'],
]);

table('basename', [
  [''], ['/'], ['//'], ['a'], ['a/'], ['/a/b'], ['/a/b/'], ['/a/b//'], ['a\\b'], ['/a/b.txt'],
  ['.js', '.js'], ['a', 'a'], ['/a', 'a'], ['aaa/bbb', 'bbb'], ['aaa/bbb', 'a/bbb'], ['aaa/bbb', '/bbb'],
  ['aaa/bbb//', 'bbb'], ['aaa/bbb', 'bb'], ['aaa/bbb', 'b'], ['/aaa/bbb', '/bbb'], ['/aaa/bbb', 'a/bbb'],
  ['a/bb/', 'xbb'], ['a/bb', 'xbb'], ['file.js', '.js'], ['file.js', 'js'], ['file.js', '.ts'],
  ['file.js.js', '.js'], ['file.js', ''], ['/a/b.txt', '.txt'], ['/a/b.txt/', '.txt'],
]);

table('extname', [
  [''], ['.'], ['..'], ['...'], ['a'], ['a.'], ['.a'], ['.a.'], ['a.b'], ['a.b.c'], ['/a.b/c'],
  ['/a/b.c/'], ['a.b//'], ['.profile'], ['.profile.sh'], ['..a'], ['a..'], ['x/..'], ['/..'],
  ['file.tar.gz'], ['dir.d/file'], ['a\\b.c'], ['.\\'], ['..\\'], ['file./'], ['file.//'],
]);

table('parse', [
  [''], ['/'], ['//'], ['.'], ['..'], ['/..'], ['a/..'], ['/.x'], ['/a/b.c'], ['a/b.c/'], ['./a.b'],
  ['/a//b'], ['//a'], ['/home/user/dir/file.txt'], ['user/dir/another_File.Ext'], ['file'],
  ['.\\file'], ['/a/b.c.d'], ['a.'], ['/.'], ['///'],
]);

table('format', [
  [{ root: '/', dir: '/home/user/dir', base: 'file.txt' }],
  [{ root: '/ignored', dir: '/home/user', name: 'file', ext: '.txt' }],
  [{ root: '/', base: 'file.txt' }],
  [{ root: '/', name: 'file', ext: 'txt' }],
  [{ name: 'x', ext: '' }],
  [{ dir: 'd', base: '' }],
  [{}],
  [{ root: '/', dir: '/' , base: 'a' }],
  [{ dir: 'a', name: 'b', ext: '.c', base: 'wins' }],
]);

table('toNamespacedPath', [['/a/b'], ['a'], ['']]);
log('toNamespacedPath(non-string):', posix.toNamespacedPath(42), posix.toNamespacedPath(null));

log('--- properties');
log('sep/delimiter:', show(posix.sep), show(posix.delimiter));
log('module is posix:', path === posix, posix.posix === posix, posix.win32 === path.win32);
log('_makeLong is toNamespacedPath:', posix._makeLong === posix.toNamespacedPath);
log('path/posix:', require('path/posix') === posix, require('node:path/posix') === posix);
log('function names/lengths:', ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'dirname',
  'basename', 'extname', 'format', 'parse', 'toNamespacedPath'].map((k) => `${k}:${posix[k].name}/${posix[k].length}`).join(' '));
