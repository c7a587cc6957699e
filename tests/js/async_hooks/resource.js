// AsyncResource and the module's surface: argument errors, ids, bind and its properties,
// runInAsyncScope's this and arguments, a throwing callback restoring the frame, and how an
// AsyncLocalStorage prints.
const async_hooks = require('async_hooks');
const { AsyncLocalStorage, AsyncResource } = async_hooks;
const { inspect } = require('util');

console.log(Object.keys(async_hooks).sort().join(' '));
console.log(typeof async_hooks.asyncWrapProviders.TCPWRAP, async_hooks.asyncWrapProviders.ZLIB,
  Object.isFrozen(async_hooks.asyncWrapProviders), Object.getPrototypeOf(async_hooks.asyncWrapProviders));

for (const args of [[], [1], [{}], ['t', { triggerAsyncId: -2 }], ['t', { triggerAsyncId: 1.5 }], ['t', 'x'], ['t', -5]]) {
  try {
    new AsyncResource(...args);
    console.log('made', args);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

const a = new AsyncResource('A');
const b = new AsyncResource('B', { triggerAsyncId: 7 });
const c = new AsyncResource('C', 9);
console.log(typeof a.asyncId(), b.asyncId() > a.asyncId(), b.triggerAsyncId(), c.triggerAsyncId());
console.log(a.emitDestroy() === a);
console.log(a.runInAsyncScope(function (x, y) { return [this, x, y]; }, 'self', 1, 2));

function named(p, q) { return [this && this.tag, p, q]; }
const bound = AsyncResource.bind(named);
console.log(bound.name, bound.length, Object.keys(bound), bound.call({ tag: 'this' }, 1, 2));
const boundThis = a.bind(named, { tag: 'fixed' });
console.log(boundThis.length, boundThis.call({ tag: 'ignored' }, 3, 4));
try {
  a.bind(42);
} catch (e) {
  console.log(e.name, e.code, e.message);
}

const als = new AsyncLocalStorage();
console.log(inspect(als));
try {
  als.run('s', () => {
    throw new Error('thrown inside run');
  });
} catch (e) {
  console.log(e.message, als.getStore());
}
als.run('outer', () => {
  try {
    als.run('inner', () => {
      throw new Error('nested');
    });
  } catch {
    console.log('after nested throw', als.getStore());
  }
  console.log(als.exit(() => als.getStore()), als.getStore());
});
als.enterWith({ n: 1 });
console.log(inspect(als.getStore()), als.enabled);
als.disable();
console.log(als.getStore(), als.enabled);
