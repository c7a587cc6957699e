'use strict';
// fs/promises: https://nodejs.org/docs/latest-v20.x/api/fs.html#promises-api

module.exports = require('internal/fs/promises').exports;
