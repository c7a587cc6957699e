'use strict';
// The clock of node:perf_hooks: milliseconds since the process started, from the same monotonic
// clock as process.uptime(), and the wall-clock time that start corresponds to.

const { op_process_uptime } = internalBinding('process');

const now = () => op_process_uptime() * 1000;
const timeOrigin = Date.now() - now();

module.exports = { now, timeOrigin };
