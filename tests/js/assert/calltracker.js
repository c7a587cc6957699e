'use strict';
// assert.CallTracker (deprecated): counts calls of wrapped functions and reports the shortfall.
process.noDeprecation = true;
const assert = require('assert');

const tracker = new assert.CallTracker();
function foo(a, b) {
  return a + b;
}
const tracked = tracker.calls(foo, 2);
console.log(tracked(1, 2), tracked.name, tracked.length);
console.log(tracker.getCalls(tracked));
const report = tracker.report();
console.log(report.length, report[0].message, report[0].actual, report[0].expected, report[0].operator);
console.log(report[0].stack instanceof Error);
try {
  tracker.verify();
} catch (err) {
  console.log(err.name, err.code, err.message, err.generatedMessage);
  console.log(err.actual, err.expected, err.operator, err['message 0'], err['operator 0']);
}
tracked(3, 4);
tracker.verify();
console.log('verified');
const anon = tracker.calls();
const anon2 = tracker.calls(3);
anon();
try {
  tracker.verify();
} catch (err) {
  console.log(err.message);
  console.log(tracker.report().map((r) => r.message));
}
tracker.reset(anon2);
tracker.reset();
console.log(tracker.getCalls(tracked));
try {
  tracker.getCalls(foo);
} catch (err) {
  console.log(err.name, err.code, err.message);
}
try {
  tracker.calls(foo, 0);
} catch (err) {
  console.log(err.name, err.code, err.message);
}
