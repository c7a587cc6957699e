'use strict';
// assert/strict: https://nodejs.org/docs/latest-v20.x/api/assert.html#strict-assertion-mode

module.exports = require('assert').strict;
