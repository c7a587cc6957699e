'use strict';
// `path/posix`: the same object as require('path').posix.
// https://nodejs.org/docs/latest-v20.x/api/path.html#pathposix

module.exports = require('path').posix;
