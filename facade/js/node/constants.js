'use strict';
// constants: node's old merge of the os and fs constants, deprecated in documentation (DEP0008).
// https://nodejs.org/docs/latest-v20.x/api/deprecations.html#DEP0008
// node also merges crypto.constants (OpenSSL's option flags); actorjs has no OpenSSL, so
// neither module has them.

const os = require('os').constants;
Object.assign(exports, os.dlopen, os.errno, os.priority, os.signals, require('fs').constants);
Object.freeze(exports);
