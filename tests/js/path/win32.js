'use strict';
// path.win32: every function over a table of inputs (drives, UNC roots, device namespaces,
// reserved device names, mixed separators). resolve() results that depend on the current
// directory are masked.

const path = require('path');

const { win32 } = path;
const log = (...args) => console.log(...args);
const show = (value) => JSON.stringify(value);

// win32.resolve() falls back to process.cwd(), which on Linux is a posix path: shown as <cwd>.
const cwd = win32.resolve(process.cwd());
const mask = (value) => (typeof value === 'string' && cwd.length > 1 ? value.split(cwd).join('<cwd>') : value);

function table(name, cases) {
  log(`--- ${name}`);
  for (const args of cases) {
    log(`${name}(${args.map(show).join(', ')}) = ${show(mask(win32[name](...args)))}`);
  }
}

table('normalize', [
  [''], ['.'], ['/'], ['\\'], ['a'], ['a/b\\c'], ['C:'], ['C:.'], ['c:/'], ['C:\\a\\..\\..'], ['C:a\\..\\..'],
  ['C:\\\\a'], ['\\\\server\\share'], ['\\\\server\\share\\'], ['//server/share/a/../..'], ['\\\\server'],
  ['\\\\server\\'], ['\\\\\\server\\share'], ['//./x'], ['//./x/'], ['\\\\?\\C:\\a\\..\\b'], ['//?/x/y/..'],
  ['a/../../b'], ['./a/'], ['..\\..\\'], ['file:stream'], ['x/../C:foo'], ['CON'], ['CON:'], ['con:x'],
  ['COM1:..\\..\\x'], ['conb'], ['LPT9.foo'], ['COM9.'], ['NUL:/x'], ['xx:'], ['a:b:'], ['C:COM1:'],
  ['\\\\server\\share\\COM1:'], ['AUX:/foo\\bar/baz'],
]);

table('join', [
  [], [''], ['a', 'b'], ['C:', 'a'], ['C:\\', '..', 'x'], ['//server', 'share'], ['\\\\server', 'share', 'x'],
  ['//', 'server', 'share'], ['\\\\\\', 'a'], ['/', '/a'], ['', '//a'], ['a', 'C:\\b'], ['.', 'CON:'],
  ['\\fileserver\\public\\uploads', 'CON:..\\..\\..\\private\\db.conf'], ['//.', 'x'], ['c:', 'd:'],
]);

table('isAbsolute', [
  [''], ['/'], ['\\'], ['C:'], ['C:\\'], ['C:/'], ['c:a'], ['//server'], ['\\\\server\\share'], ['a\\b'], ['1:\\'],
]);

table('dirname', [
  [''], ['/'], ['\\'], ['a'], ['C:'], ['C:\\'], ['C:a'], ['C:\\a'], ['C:\\a\\'], ['C:a\\b'], ['C:\\a\\b\\c'],
  ['\\\\server\\share'], ['\\\\server\\share\\'], ['\\\\server\\share\\a'], ['\\\\server\\share\\a\\b'],
  ['//server'], ['/a/b/'], ['a\\b\\\\'], ['//./x/y'], ['\\\\?\\C:\\a'],
]);

table('basename', [
  [''], ['\\'], ['C:'], ['C:\\'], ['C:foo'], ['C:\\foo.txt'], ['C:\\foo\\'], ['a/b\\c'], ['\\\\server\\share'],
  ['C:foo', 'foo'], ['C:\\a.js', '.js'], ['a\\bb\\', 'xbb'], ['file.JS', '.js'], ['aaa\\bbb', 'bbb'],
  ['C:', 'C:'], ['C:abc', 'abc'],
]);

table('extname', [
  [''], ['C:'], ['C:.x'], ['C:a.x'], ['C:\\.x'], ['a\\b.c'], ['a.b\\c'], ['a\\b.c\\'], ['..'], ['C:..'],
  ['file.tar.gz'], ['\\\\server\\share\\f.js'],
]);

table('parse', [
  [''], ['\\'], ['a'], ['C:'], ['C:\\'], ['C:a'], ['C:\\a.b'], ['C:\\a\\b.c'], ['C:..'], ['\\..'],
  ['\\\\server\\share'], ['\\\\server\\share\\'], ['\\\\server\\share\\file.txt'], ['//server/share/a/b'],
  ['\\\\server'], ['./a.b'], ['c:\\dir\\.hidden'], ['//./x/y/z.js'],
]);

table('format', [
  [{ root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }],
  [{ root: 'C:\\', name: 'file', ext: 'txt' }],
  [{ dir: 'C:\\path\\dir', base: 'file.txt' }],
  [{ root: '\\\\server\\share\\', base: 'x' }],
  [{ dir: 'dir', name: 'n', ext: '.e' }],
]);

table('relative', [
  ['C:\\a\\b', 'C:\\a\\c'], ['C:\\a', 'C:\\a\\b\\c'], ['C:\\a\\b\\c', 'C:\\a'], ['C:\\', 'C:\\a'], ['C:\\a', 'C:\\'],
  ['C:\\A\\b', 'c:\\a\\B\\x'], ['C:\\a', 'D:\\a'], ['C:\\a', 'C:\\a'], ['C:\\foo\\bar', 'C:\\foo\\barbaz'],
  ['\\\\server\\share\\a', '\\\\server\\share\\b'], ['\\\\server\\share', '\\\\server\\share\\a'],
  ['\\\\server\\share\\a', '\\\\server\\other\\a'], ['c:\\a\\İ', 'c:\\a\\İ\\test.txt'],
  ['c:\\İ\\a\\İ', 'c:\\İ\\b\\İ\\test.txt'], ['//./x/a', '//./x/b'], ['C:\\a', '\\\\server\\share'],
]);

table('resolve', [
  ['C:\\a', 'b'], ['C:\\a', '..', '..', 'x'], ['C:\\a', 'D:b'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'],
  ['c:/blah\\blah', 'd:/games', 'c:../a'], ['\\\\server\\share', '..', 'x'], ['//server/share', 'a', '//server/share/b'],
  ['C:\\x', '//./pipe', 'y'], ['C:\\x', 'C:y'], ['C:\\x', 'c:y'], ['\\a', 'b'], ['a', 'b'], [], [''],
]);

table('toNamespacedPath', [
  ['C:\\a\\b'], ['C:/a/../b'], ['\\\\server\\share\\x'], ['//server/share'], ['\\\\?\\C:\\a'], ['\\\\.\\pipe\\x'],
  [''], ['C:'], ['relative\\x'], ['\\rooted'],
]);
log('toNamespacedPath(non-string):', win32.toNamespacedPath(42), win32.toNamespacedPath(undefined));

log('--- properties');
log('sep/delimiter:', show(win32.sep), show(win32.delimiter));
log('links:', win32.win32 === win32, win32.posix === path.posix, path.win32 === win32);
log('path/win32:', require('path/win32') === win32, require('node:path/win32') === win32);
log('_makeLong is toNamespacedPath:', win32._makeLong === win32.toNamespacedPath);
