'use strict';
// node:perf_hooks: the User Timing API. PerformanceObserver, the histograms and
// eventLoopUtilization are not implemented yet, so they are absent.

const { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance } =
  require('internal/perf');

module.exports = { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance };
