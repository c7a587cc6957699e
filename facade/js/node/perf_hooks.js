'use strict';
// node:perf_hooks: https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html
// Here: `performance` with the User Timing API (marks and measures), PerformanceObserver and
// PerformanceObserverEntryList, with the entry types 'mark', 'measure' and 'net' (TCP connects).
// Absent: the histograms (createHistogram, monitorEventLoopDelay), timerify,
// eventLoopUtilization, nodeTiming, resource timing (PerformanceResourceTiming) and `constants`,
// and the entry types that come with them or with modules actorjs lacks ('dns', 'function',
// 'gc', 'http', 'http2', 'resource').

const { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance } =
  require('internal/perf');
const { PerformanceObserver, PerformanceObserverEntryList } = require('internal/perf/observe');

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  performance,
};
