'use strict';
// path.resolve() and path.relative() (posix), which start from process.cwd(). Results under the
// current directory are shown relative to it, as <cwd>.

const path = require('path');

const log = (...args) => console.log(...args);
const show = (value) => JSON.stringify(value);
const cwd = process.cwd();
const mask = (value) => (cwd !== '/' && value.startsWith(cwd) ? `<cwd>${value.slice(cwd.length)}` : value);

log('--- resolve');
for (const args of [
  [], [''], ['.'], ['', ''], ['a'], ['a', 'b'], ['a/', '../b/'], ['/a', 'b'], ['/a', '/b', 'c'], ['/a/b', '..', '..', '..'],
  ['a', '', 'b'], ['/foo/bar', './baz'], ['/foo/bar', '/tmp/file/'], ['wwwroot', 'static_files/png/', '../gif/image.gif'],
  ['/var/lib', '../', 'file/'], ['/var/lib', '/../', 'file/'], ['/some/dir', '.', '/absolute/'], ['//a//b/'],
  ['a\\b'], ['/x/y/', 'z/', '..'],
]) {
  log(`resolve(${args.map(show).join(', ')}) = ${show(mask(path.resolve(...args)))}`);
}
log('resolve() is absolute:', path.isAbsolute(path.resolve()), path.resolve() === cwd);

log('--- relative');
for (const [from, to] of [
  ['/var/lib', '/var'], ['/var/lib', '/bin'], ['/var/lib', '/var/lib'], ['/var/lib', '/var/apache'],
  ['/var/', '/var/lib'], ['/', '/var/lib'], ['/foo/test', '/foo/test/bar/package.json'], ['/Users/a/web/b/test/mails', '/Users/a/web/b'],
  ['/foo/bar/baz-quux', '/foo/bar/baz'], ['/foo/bar/baz', '/foo/bar/baz-quux'], ['/baz-quux', '/baz'], ['/baz', '/baz-quux'],
  ['/page1/page2/foo', '/'], ['a', 'b'], ['a/b', 'a'], ['', ''], ['.', 'x'], ['x', '.'], ['/a//b/', '/a/b/c'],
]) {
  log(`relative(${show(from)}, ${show(to)}) = ${show(path.relative(from, to))}`);
}
// From the current directory to the root is one '..' per level, however deep the checkout is.
const depth = cwd.split('/').filter(Boolean).length;
log('relative("", "/") climbs to the root:', path.relative('', '/') === Array(depth).fill('..').join('/'));
