'use strict';
// `timers`: https://nodejs.org/docs/latest-v20.x/api/timers.html

const timers = require('internal/timers');

module.exports = {
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  setImmediate: timers.setImmediate,
  clearImmediate: timers.clearImmediate,
  get promises() {
    return require('timers/promises');
  },
};
