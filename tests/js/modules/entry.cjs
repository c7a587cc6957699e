'use strict';
// A .cjs entry point is CommonJS, with its own require.main and file name.
const path = require('path');
console.log('main:', require.main === module, path.basename(__filename), path.basename(module.filename));
console.log('this is exports:', this === module.exports);
console.log('arguments of the wrapper:', arguments.length, typeof arguments[1]);
console.log('require of a .cjs from a .cjs:', require('./fixtures/ext/file.cjs'));
