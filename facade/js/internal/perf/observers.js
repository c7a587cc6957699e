'use strict';
// How many connected PerformanceObservers watch each entry type. Builtins that make entries
// (net's connect timing) ask hasObserver() before timing anything, without loading the observer
// machinery of internal/perf/observe, which counts here.

const observerCounts = new Map();

function countObserver(type, delta) {
  observerCounts.set(type, (observerCounts.get(type) ?? 0) + delta);
}

function hasObserver(type) {
  return observerCounts.get(type) > 0;
}

module.exports = { countObserver, hasObserver };
