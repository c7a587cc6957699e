'use strict';
// `sys`: util's old name, deprecated (DEP0025).
// https://nodejs.org/docs/latest-v20.x/api/deprecations.html#DEP0025

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
