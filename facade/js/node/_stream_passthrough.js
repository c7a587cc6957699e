'use strict';
// The pre-v10 module name of stream.PassThrough, kept by node as an alias.

module.exports = require('stream').PassThrough;
