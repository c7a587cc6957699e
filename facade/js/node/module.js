'use strict';
// `module`: https://nodejs.org/docs/latest-v20.x/api/module.html

module.exports = require('internal/modules/cjs_loader').Module;
