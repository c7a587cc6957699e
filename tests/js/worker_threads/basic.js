'use strict';
// worker_threads on the main thread: the module's values, the environment data map, and the
// argument checks of the parts that need a second thread or a port.
const wt = require('worker_threads');

console.log(wt);
console.log(wt.isMainThread, wt.threadId, wt.parentPort, wt.workerData, wt.resourceLimits);
console.log(typeof wt.SHARE_ENV, wt.SHARE_ENV.description, wt.SHARE_ENV === Symbol.for('nodejs.worker_threads.SHARE_ENV'));
console.log(require('node:worker_threads') === wt);
console.log(Object.getPrototypeOf(wt.Worker) === require('events'), Object.getPrototypeOf(wt.BroadcastChannel) === EventTarget);
console.log(typeof wt.MessagePort, typeof wt.MessageChannel, wt.MessagePort.name, wt.MessageChannel.name);

console.log(wt.getEnvironmentData('k'));
wt.setEnvironmentData('k', { v: 1 });
const key = {};
wt.setEnvironmentData(key, 'object key');
console.log(wt.getEnvironmentData('k'), wt.getEnvironmentData(key));
wt.setEnvironmentData('k', undefined);
console.log(wt.getEnvironmentData('k'));
wt.setEnvironmentData('n', null);
console.log(wt.getEnvironmentData('n'));

console.log(wt.markAsUntransferable({}), wt.markAsUntransferable(1), wt.markAsUntransferable(null));

function attempt(label, fn) {
  try {
    const result = fn();
    console.log(`${label}: returned ${result}`);
  } catch (err) {
    console.log(`${label}: ${err.name} [${err.code}] ${err.message}`);
  }
}

attempt('new Worker()', () => new wt.Worker());
attempt('new Worker(5)', () => new wt.Worker(5));
attempt('MessageChannel()', () => wt.MessageChannel());
attempt('new MessagePort()', () => new wt.MessagePort());
attempt('MessagePort()', () => wt.MessagePort());
attempt('new BroadcastChannel()', () => new wt.BroadcastChannel());
attempt('receiveMessageOnPort({})', () => wt.receiveMessageOnPort({}));
attempt('receiveMessageOnPort()', () => wt.receiveMessageOnPort());
attempt('moveMessagePortToContext', () => wt.moveMessagePortToContext({}, {}));

(async () => {
  for (const [label, args] of [
    ['same thread', [0, 'hi']],
    ['other thread', [7, 'hi']],
    ['bad timeout', [7, 'hi', -1]],
    ['timeout as third', [7, 'hi', 10]],
  ]) {
    try {
      await wt.postMessageToThread(...args);
      console.log(`postMessageToThread ${label}: resolved`);
    } catch (err) {
      console.log(`postMessageToThread ${label}: ${err.name} [${err.code}] ${err.message}`);
    }
  }
})();
