'use strict';
// The shape of require('events'): the constructor itself with helpers attached, and its prototype.

const events = require('events');
const util = require('util');

const log = (...args) => console.log(...args);

log('module is a function:', typeof events, events.name, events.length);
log('EventEmitter property:', events.EventEmitter === events, events === require('node:events'));
log('enumerable keys:', Object.keys(events).join(','));

for (const name of ['once', 'on', 'getEventListeners', 'getMaxListeners', 'setMaxListeners', 'init',
  'listenerCount', 'addAbortListener']) {
  log(`events.${name}:`, typeof events[name], events[name].length);
}
log('usingDomains:', events.usingDomains);
log('hidden symbols:', typeof events.kMaxEventTargetListeners, Object.keys(events).includes('kMaxEventTargetListeners'));

const descriptor = (obj, key) => {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return `${d.get ? 'accessor' : 'value'} enumerable=${d.enumerable} configurable=${d.configurable}`;
};
log('defaultMaxListeners:', descriptor(events, 'defaultMaxListeners'));
log('captureRejections:', descriptor(events, 'captureRejections'));

const proto = events.prototype;
const methods = ['setMaxListeners', 'getMaxListeners', 'emit', 'addListener', 'on', 'prependListener',
  'once', 'prependOnceListener', 'removeListener', 'off', 'removeAllListeners', 'listeners',
  'rawListeners', 'listenerCount', 'eventNames'];
for (const name of methods) {
  log(`prototype.${name}:`, proto[name].name, proto[name].length, Object.getOwnPropertyDescriptor(proto, name).enumerable);
}
log('prototype defaults:', proto._events, proto._eventsCount, proto._maxListeners);

// Instances and inspection.
const e = new events();
log('own string keys:', Object.keys(e).join(','));
log('inspect:', util.inspect(e));
e.on('foo', () => {});
e.on('foo', () => {});
log('inspect with listeners:', util.inspect(e, { depth: 0 }));

// Inheritance, old and new style.
function Legacy() {
  events.call(this);
  this.legacy = true;
}
util.inherits(Legacy, events);
const legacy = new Legacy();
legacy.on('x', (v) => log('legacy got', v));
legacy.emit('x', 1);
log('legacy instance:', legacy instanceof events, Object.keys(legacy).join(','));

class Modern extends events {
  constructor() {
    super({ captureRejections: false });
    this.modern = true;
  }
}
const modern = new Modern();
modern.once('y', (v) => log('modern got', v));
log('modern emit:', modern.emit('y', 2), modern.emit('y', 3));
log('modern inspect:', util.inspect(modern));

// init() on an existing object: _maxListeners is kept if set, a shared prototype table is replaced.
const shared = Object.create(e);
events.init.call(shared);
log('init gives its own table:', shared._events !== e._events, shared.listenerCount('foo'));
const withMax = { _maxListeners: 5 };
events.init.call(withMax);
log('init keeps _maxListeners:', withMax._maxListeners, withMax._eventsCount);
