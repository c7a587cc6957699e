'use strict';
// `util/types`: the same object as require('util').types.
// https://nodejs.org/docs/latest-v20.x/api/util.html#utiltypes

module.exports = require('util').types;
