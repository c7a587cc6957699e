// diagnostics_channel: TracingChannel with traceSync, tracePromise and traceCallback, the events
// they publish (start, end, asyncStart, asyncEnd, error) and the context objects they fill.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

const names = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
const tc = dc.tracingChannel('job');
console.log(names.map((n) => String(tc[n].name)));
console.log(tc.hasSubscribers, Object.getOwnPropertyNames(tc));
console.log(tc.start === dc.channel('tracing:job:start'));

const show = (ctx) => JSON.stringify({
  ...ctx,
  error: ctx.error && ctx.error.message,
});
const handlers = {};
for (const n of names) handlers[n] = (ctx, name) => console.log(`  ${n} (${name})`, show(ctx));
tc.subscribe(handlers);
console.log(tc.hasSubscribers, dc.hasSubscribers('tracing:job:asyncEnd'));

// Without subscribers nothing is published and fn is just called.
const quiet = dc.tracingChannel('quiet');
console.log(quiet.traceSync((a) => a * 2, { id: 'q' }, null, 21));

console.log('traceSync');
console.log(tc.traceSync(function (a, b) { return `${this.p}${a + b}`; }, { id: 1 }, { p: '=' }, 2, 3));
try {
  tc.traceSync(() => { throw new Error('sync failure'); }, { id: 2 });
} catch (err) {
  console.log('caught', err.message);
}

// Channels given as an object.
const byObject = dc.tracingChannel({
  start: dc.channel('o:start'), end: dc.channel('o:end'), asyncStart: dc.channel('o:asyncStart'),
  asyncEnd: dc.channel('o:asyncEnd'), error: dc.channel('o:error'),
});
console.log(byObject.end === dc.channel('o:end'), byObject.hasSubscribers);

// A bound store sees the context during start.
const als = new AsyncLocalStorage();
tc.start.bindStore(als, (ctx) => ctx.id);

async function main() {
  console.log('tracePromise');
  const p = tc.tracePromise(async (x) => {
    console.log('  in fn, store', als.getStore());
    return x + 1;
  }, { id: 3 }, null, 41);
  console.log('  returned a promise:', p instanceof Promise);
  console.log('  resolved', await p);

  try {
    await tc.tracePromise(() => Promise.reject(new Error('async failure')), { id: 4 });
  } catch (err) {
    console.log('  rejected', err.message);
  }
  // A thenable is converted to a promise; a non-promise value too.
  console.log('  thenable', await tc.tracePromise(() => ({ then(r) { r('from thenable'); } }), { id: 5 }));
  console.log('  plain', await tc.tracePromise(() => 'plain value', { id: 6 }));
  try {
    tc.tracePromise(() => { throw new Error('sync throw in tracePromise'); }, { id: 7 });
  } catch (err) {
    console.log('  caught', err.message);
  }

  console.log('traceCallback');
  await new Promise((resolve) => {
    tc.traceCallback(function (a, cb) {
      console.log('  in fn', a, 'store', als.getStore());
      setImmediate(() => cb(null, a * 10));
      return 'sync return';
    }, 1, { id: 8 }, null, 5, function (err, res) {
      console.log('  callback', err, res, 'store', als.getStore());
      resolve();
    });
  });
  await new Promise((resolve) => {
    const ret = tc.traceCallback((cb, a) => {
      process.nextTick(cb, new Error('callback failure'), a);
      return 'r';
    }, 0, { id: 9 }, null, (err, res) => {
      console.log('  callback', err.message, res);
      resolve();
    }, 7);
    console.log('  returned', ret);
  });
  // Default position -1: the last argument.
  await new Promise((resolve) => {
    tc.traceCallback((x, cb) => cb(null, x), undefined, undefined, null, 'last', (err, res) => {
      console.log('  callback', err, res);
      resolve();
    });
  });

  console.log(tc.unsubscribe(handlers), tc.unsubscribe(handlers), tc.hasSubscribers);
  console.log(tc.start.unbindStore(als), tc.hasSubscribers);
  console.log(tc.unsubscribe({}), tc.unsubscribe({ start: () => {} }));
  console.log(tc.traceSync(() => 'untraced', { id: 10 }));
}
main();
