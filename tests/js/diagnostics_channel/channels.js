// diagnostics_channel: channel identity (strings and symbols), subscribe/unsubscribe through the
// module and through Channel, hasSubscribers, publish order with the channel name, instanceof
// Channel for inactive and active channels, argument validation and the module's exports.
// Flags: --expose-gc
const dc = require('diagnostics_channel');
const { Channel } = dc;

console.log(Object.keys(dc).sort());
console.log(dc === require('node:diagnostics_channel'));

// Identity: the same object while it is referenced.
const a = dc.channel('a');
console.log(a === dc.channel('a'), a.name, a.hasSubscribers);
const sym = Symbol('sym');
const s = dc.channel(sym);
console.log(s === dc.channel(sym), s.name === sym, s === dc.channel(Symbol('sym')));
console.log(typeof s.name, String(s.name));

// instanceof: a plain Channel, then an active one (its prototype changes), then inactive again.
const inactiveProto = Object.getPrototypeOf(a);
console.log(a instanceof Channel, inactiveProto === Channel.prototype);
console.log({} instanceof Channel, Object.create(Channel.prototype) instanceof Channel);

const log = [];
const first = (message, name) => log.push(`first ${JSON.stringify(message)} ${String(name)}`);
const second = (message, name) => log.push(`second ${JSON.stringify(message)} ${String(name)}`);
const third = (message, name) => log.push(`third ${JSON.stringify(message)} ${String(name)}`);

console.log(dc.hasSubscribers('a'), dc.hasSubscribers('never-created'));
console.log(dc.subscribe('a', first));
console.log(a instanceof Channel, Object.getPrototypeOf(a) === Channel.prototype);
console.log(Object.getPrototypeOf(a) === inactiveProto, a.hasSubscribers, dc.hasSubscribers('a'));
console.log(a.subscribe(second), a.subscribe(third));
a.publish({ n: 1 });
console.log(log.splice(0));

// Unsubscribing: true when it was there, false otherwise; order of the rest is kept.
console.log(a.unsubscribe(second), a.unsubscribe(second), dc.unsubscribe('a', () => {}));
a.publish('two');
console.log(log.splice(0));

// The same function twice is called twice and needs two unsubscribes.
a.subscribe(first);
a.publish(3);
console.log(log.splice(0));
console.log(dc.unsubscribe('a', first), a.unsubscribe(third), a.hasSubscribers);
a.publish(4);
console.log(log.splice(0));
console.log(a.unsubscribe(first), a.hasSubscribers, dc.hasSubscribers('a'));
console.log(Object.getPrototypeOf(a) === Channel.prototype, a instanceof Channel);
console.log(a._subscribers, a._stores);
a.publish(5);
console.log(log.splice(0), a.unsubscribe(first), dc.unsubscribe('a', first));

// A subscriber added during publish is not called for that message.
const late = () => log.push('late');
s.subscribe((message, name) => {
  log.push(`sym ${message} ${String(name)}`);
  s.subscribe(late);
});
s.publish('x');
console.log(log.splice(0));
s.publish('y');
console.log(log.splice(0));

// Publishing on a channel without subscribers does nothing.
dc.channel('empty').publish({});
console.log(dc.channel('empty').hasSubscribers);

// A channel with subscribers stays alive (and the same) without other references, through a
// collection in a later turn.
const kept = [];
dc.subscribe('kept', (message, name) => kept.push(`${name} ${message}`));
setImmediate(() => {
  gc();
  console.log(dc.hasSubscribers('kept'), dc.channel('kept') === dc.channel('kept'));
  dc.channel('kept').publish('after gc');
  console.log(kept);
});

// Argument validation. A channel made active by a subscribe that fails validation stays active.
const b = dc.channel('b');
const c = dc.channel('c');
function report(fn) {
  try {
    fn();
    console.log('no error');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
report(() => dc.channel(1));
report(() => dc.channel({}));
report(() => dc.channel(null));
report(() => dc.channel());
report(() => dc.subscribe('b', 'not a function'));
report(() => dc.channel('c').subscribe());
report(() => dc.subscribe(42, () => {}));
report(() => dc.unsubscribe(undefined, () => {}));
report(() => dc.tracingChannel(1));
report(() => dc.tracingChannel(null));
report(() => dc.tracingChannel());
report(() => dc.tracingChannel({ start: dc.channel('s'), end: 5 }));
report(() => dc.tracingChannel({ start: {} }));
const tc = dc.tracingChannel('t');
report(() => tc.traceCallback(() => {}, 0, {}, null, 'not a callback'));
tc.subscribe({ start() {} });
report(() => tc.traceCallback(() => {}, 0, {}, null, 'not a callback'));
report(() => tc.traceCallback(() => {}, -1, {}, null));
console.log(b.hasSubscribers, c.hasSubscribers, b._subscribers, b.unsubscribe(() => {}));
