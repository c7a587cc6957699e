'use strict';
// node:process is the process object itself.
module.exports = process;
