'use strict';
// Helpers shared by the http modules: https://nodejs.org/docs/latest-v20.x/api/http.html
// Node's trace-event hooks are kept as no-ops, since actorjs has no trace_events category to
// enable.

const { setUnrefTimeout } = require('internal/timers');

let utcCache;

// The Date header's value, computed at most once a second.
function utcDate() {
  if (!utcCache) cache();
  return utcCache;
}

function cache() {
  const d = new Date();
  utcCache = d.toUTCString();
  setUnrefTimeout(resetCache, 1000 - d.getMilliseconds());
}

function resetCache() {
  utcCache = undefined;
}

let traceEventId = 0;

function getNextTraceEventId() {
  return ++traceEventId;
}

function isTraceHTTPEnabled() {
  return false;
}

function traceBegin() {}

function traceEnd() {}

module.exports = {
  kOutHeaders: Symbol('kOutHeaders'),
  kNeedDrain: Symbol('kNeedDrain'),
  utcDate,
  traceBegin,
  traceEnd,
  getNextTraceEventId,
  isTraceHTTPEnabled,
};
