// The console's methods and formats, written to stdout (console.error and warn go to stderr,
// compared too).
const { Console } = require('console');
const { Writable } = require('stream');

console.log('%s is %d years and %i days, %f%%', 'Bob', 42.5, 7.9, 1.25);
console.log('%j %o %O', { a: [1, { b: 2 }] }, [1, { c: 3 }], { d: { e: { f: { g: 1 } } } });
console.log('%c styled %s', 'color: red', 'text', 'extra', 5);
console.log('no format', 1, 'two', { three: 3 }, [4], null, undefined, 5n, Symbol('six'));
console.log('%s', -0, '%d', '%%', 'x');
console.log('primitives', -0, 0, 1.5, -2, 1e21, NaN, -Infinity, 12n, true, false, null, undefined, '', 'a%sb');
console.log(42, 'after a number', 7n);
console.log();
console.log(1e21, 123456789);
console.info('info');
console.debug('debug');
console.dirxml({ x: 1 }, [2]);
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom' });

console.group('group A');
console.log('inside A');
console.group();
console.log('inside nested\nsecond line');
console.groupEnd();
console.groupCollapsed('collapsed');
console.log('inside collapsed');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('outside');

console.count();
console.count();
console.count('x');
console.countReset();
console.count();
console.countReset('never');

console.assert(true, 'not printed');
console.assert(false, 'printed %s', 'with format');
console.assert(false);
console.assert(false, { obj: 1 });
console.warn('warn %d', 1);
console.error('error', new Error('shown').message);

console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }], ['a']);
console.table({ row1: { col: 1 }, row2: { col: 2 } });
console.table([1, 'two', [3]]);
console.table(new Map([['k', { v: 1 }], [{ o: 1 }, 2]]));
console.table(new Set(['s', 2]));
console.table(new Map([[1, 'one'], [2, 'two']]).entries());
console.table(new Map([[1, 'one']]).values());
console.table(new Set([3, 4]).values());
console.table('not tabular');
console.table([]);

// A changed inspect default reaches numbers too.
require('util').inspect.defaultOptions.numericSeparator = true;
console.log(123456789, 'x');
require('util').inspect.defaultOptions.numericSeparator = false;
console.log(new Console({ stdout: process.stdout, inspectOptions: { numericSeparator: true } }).log.name);
new Console({ stdout: process.stdout, inspectOptions: { numericSeparator: true } }).log(1234567, 'y');

// Bound methods with their names; not constructors.
const { log, warn } = console;
log('destructured log');
console.log(log.name, warn.name, console.groupCollapsed.name);
try {
  new console.log();
} catch (e) {
  console.log(e.name);
}

// A Console over streams of its own; write errors are swallowed by default.
const chunks = [];
const sink = new Writable({
  write(chunk, enc, cb) {
    chunks.push(chunk.toString());
    cb();
  },
});
const c = new Console({ stdout: sink, stderr: sink, groupIndentation: 4 });
c.group('g');
c.log('to sink %o', 1);
c.error('err to sink');
c.groupEnd();
console.log(JSON.stringify(chunks), c.log.name, c instanceof Console);
const failing = new Writable({
  write(chunk, enc, cb) {
    cb(new Error('write failed'));
  },
});
new Console(failing).log('lost');
const throwing = new Writable({
  write() {
    throw new Error('thrown');
  },
});
new Console(throwing).log('lost');
try {
  new Console({ stdout: throwing, ignoreErrors: false }).log('not swallowed');
} catch (e) {
  console.log('caught', e.message);
}
try {
  new Console({});
} catch (e) {
  console.log(e.code, e.message);
}

// Writes go to console._stdout, which programs replace.
const replaced = [];
const orig = console._stdout;
console._stdout = new Writable({
  write(chunk, enc, cb) {
    replaced.push(chunk.toString());
    cb();
  },
});
console.log('captured');
console._stdout = orig;
console.log(JSON.stringify(replaced));
