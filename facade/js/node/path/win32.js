'use strict';
// `path/win32`: the same object as require('path').win32.
// https://nodejs.org/docs/latest-v20.x/api/path.html#pathwin32

module.exports = require('path').win32;
