// PerformanceObserver and PerformanceObserverEntryList: argument checks, batched delivery from a
// setImmediate after the turn's ticks and microtasks, takeRecords, disconnect, buffered replay of
// the timeline, the entry lists' filters, an exception thrown by a callback, and the 'net' entry
// of a TCP connect. Marks and measures are given explicit times so that they print the same.
'use strict';
const net = require('net');
const util = require('util');
const {
  PerformanceEntry,
  PerformanceObserver,
  PerformanceObserverEntryList,
  performance,
} = require('perf_hooks');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 15000).unref();

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const names = (entries) => entries.map((e) => `${e.entryType}:${e.name}@${e.startTime}`).join(' ');
const turn = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  console.log('-- exports');
  console.log(typeof PerformanceObserver, typeof PerformanceObserverEntryList, PerformanceObserver.length);
  const types = PerformanceObserver.supportedEntryTypes;
  console.log(['mark', 'measure', 'net'].map((t) => types.includes(t)), Object.isFrozen(types));
  console.log(types === PerformanceObserver.supportedEntryTypes);
  console.log(Object.keys(PerformanceObserver.prototype), Object.keys(PerformanceObserverEntryList.prototype));

  console.log('-- constructor checks');
  for (const bad of [1, null, undefined, {}, [], 'f']) {
    attempt(`callback ${util.inspect(bad)}`, () => new PerformanceObserver(bad));
  }
  try {
    PerformanceObserver(() => {});
  } catch (e) {
    console.log('call without new', e.name);
  }
  attempt('new PerformanceObserverEntryList', () => new PerformanceObserverEntryList());

  console.log('-- observe checks');
  const o = new PerformanceObserver(() => console.log('never called'));
  console.log(Object.prototype.toString.call(o));
  for (const bad of [1, 'test', null, [], () => {}]) attempt(`options ${util.inspect(bad)}`, () => o.observe(bad));
  attempt('no options', () => o.observe());
  attempt('empty options', () => o.observe({}));
  attempt('both', () => o.observe({ entryTypes: ['mark'], type: 'mark' }));
  attempt('type and null entryTypes', () => o.observe({ entryTypes: null, type: 'mark' }));
  o.disconnect();
  for (const bad of [1, null, {}, 'mark']) {
    const fresh = new PerformanceObserver(() => {});
    attempt(`entryTypes ${util.inspect(bad)}`, () => fresh.observe({ entryTypes: bad }));
  }
  attempt('entryTypes then type', () => {
    const p = new PerformanceObserver(() => {});
    p.observe({ entryTypes: ['mark'] });
    p.observe({ type: 'measure' });
  });
  attempt('type then entryTypes', () => {
    const p = new PerformanceObserver(() => {});
    p.observe({ type: 'mark' });
    p.observe({ entryTypes: ['measure'] });
  });
  attempt('disconnect resets the kind', () => {
    const p = new PerformanceObserver(() => {});
    p.observe({ type: 'mark' });
    p.disconnect();
    p.observe({ entryTypes: ['mark'] });
    p.disconnect();
  });
  const unknown = new PerformanceObserver(() => console.log('never called'));
  unknown.observe({ entryTypes: ['node', 'bogus'] });
  console.log(util.inspect(unknown));
  unknown.observe({ entryTypes: ['mark', 'mark', 'nope'] });
  console.log(util.inspect(unknown));
  unknown.disconnect();
  console.log(util.inspect(unknown));
  const single = new PerformanceObserver(() => console.log('never called'));
  single.observe({ type: 'bogus' });
  console.log(util.inspect(single));

  console.log('-- batched delivery');
  const calls = [];
  const batched = new PerformanceObserver(function (list, observer) {
    console.log('callback', this === batched, observer === batched, arguments.length);
    console.log(Object.prototype.toString.call(list), list instanceof PerformanceObserverEntryList);
    console.log(names(list.getEntries()));
    console.log(names(list.getEntriesByType('mark')), '|', names(list.getEntriesByType('nope')));
    console.log(names(list.getEntriesByName('b')), '|', names(list.getEntriesByName('b', 'measure')));
    console.log(names(list.getEntriesByName('b', null)), '|', names(list.getEntriesByName('zz')));
    attempt('getEntriesByType()', () => list.getEntriesByType());
    attempt('getEntriesByName()', () => list.getEntriesByName());
    console.log(util.inspect(list));
    console.log(list.getEntries() !== list.getEntries());
    calls.push('callback');
  });
  batched.observe({ entryTypes: ['mark', 'measure'] });
  performance.mark('a', { startTime: 30 });
  performance.mark('b', { startTime: 10, detail: { n: 1 } });
  performance.measure('b', { start: 5, end: 20 });
  performance.measure('c', 'b', 'a');
  console.log(util.inspect(batched, { depth: 0 }));
  process.nextTick(() => calls.push('tick'));
  Promise.resolve().then(() => calls.push('microtask'));
  setImmediate(() => calls.push('immediate'));
  console.log('sync', calls);
  await turn();
  console.log(calls);
  batched.disconnect();

  console.log('-- takeRecords');
  const taking = new PerformanceObserver((list) => console.log('delivered', names(list.getEntries())));
  taking.observe({ type: 'mark' });
  console.log(taking.takeRecords());
  performance.mark('t1', { startTime: 2 });
  performance.mark('t2', { startTime: 1 });
  const records = taking.takeRecords();
  console.log(Array.isArray(records), names(records));
  console.log(taking.takeRecords().length);
  await turn();
  performance.mark('t3', { startTime: 3 });
  await turn();
  taking.disconnect();

  console.log('-- disconnect');
  const dropped = new PerformanceObserver(() => console.log('never called'));
  dropped.observe({ type: 'mark' });
  performance.mark('d1', { startTime: 1 });
  dropped.disconnect();
  console.log(dropped.takeRecords().length);
  performance.mark('d2', { startTime: 2 });
  await turn();
  console.log('no callback after disconnect');

  console.log('-- two observers in one turn');
  const first = new PerformanceObserver((list) => console.log('first', names(list.getEntries())));
  const second = new PerformanceObserver((list) => console.log('second', names(list.getEntries())));
  second.observe({ type: 'measure' });
  first.observe({ type: 'mark' });
  first.observe({ type: 'measure' });
  performance.measure('m1', { start: 1, end: 2 });
  performance.mark('x1', { startTime: 4 });
  await turn();
  first.disconnect();
  second.disconnect();

  console.log('-- buffered');
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark('early', { startTime: 7 });
  performance.mark('earlier', { startTime: 6 });
  performance.measure('span', { start: 1, end: 3 });
  console.log(names(performance.getEntries()));
  const replay = new PerformanceObserver((list) => console.log('replayed', names(list.getEntries())));
  replay.observe({ type: 'mark', buffered: true });
  replay.observe({ type: 'measure', buffered: false });
  await turn();
  replay.observe({ type: 'measure', buffered: true });
  await turn();
  replay.disconnect();
  const notReplayed = new PerformanceObserver(() => console.log('never called'));
  notReplayed.observe({ entryTypes: ['mark'], buffered: true });
  await turn();
  notReplayed.disconnect();
  performance.clearMarks('early');
  console.log(names(performance.getEntriesByType('mark')), '|', names(performance.getEntriesByName('span', 'measure')));

  console.log('-- a callback that throws');
  const thrower = new PerformanceObserver(() => {
    throw new Error('from the callback');
  });
  thrower.observe({ type: 'mark' });
  await new Promise((resolve) => {
    process.once('uncaughtException', (err) => {
      console.log('uncaughtException', err.message);
      resolve();
    });
    performance.mark('boom', { startTime: 1 });
  });
  thrower.disconnect();

  console.log('-- net');
  const server = net.createServer((socket) => socket.end());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const connect = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.resume();
      socket.on('end', resolve);
      socket.on('error', reject);
    });

  // Nobody observes 'net' yet: this connect makes no entry.
  await connect();
  const netEntries = [];
  const netObserver = new PerformanceObserver((list) => netEntries.push(...list.getEntries()));
  netObserver.observe({ type: 'net' });
  await connect();
  await turn();
  console.log(netEntries.length);
  for (const entry of netEntries) {
    console.log(entry.name, entry.entryType, typeof entry.startTime, entry.duration >= 0);
    console.log(entry.detail.host, entry.detail.port === port, Object.keys(entry.detail));
    console.log(entry instanceof PerformanceEntry, Object.keys(entry.toJSON()));
  }
  netObserver.disconnect();
  await connect();
  await turn();
  console.log(netEntries.length);
  server.close(() => console.log('done'));
}

main();
