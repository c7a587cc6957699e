// The deprecated `constants` module: os.constants' dlopen, errno, priority and signals, and
// fs.constants, merged in one object.
const constants = require('constants');
const os = require('os');
const fs = require('fs');
const picks = ['O_RDONLY', 'O_CREAT', 'S_IFMT', 'S_IFDIR', 'F_OK', 'W_OK', 'COPYFILE_EXCL',
  'UV_FS_O_FILEMAP', 'ENOENT', 'EADDRINUSE', 'SIGINT', 'SIGTERM', 'PRIORITY_LOW', 'RTLD_LAZY'];
for (const k of picks) console.log(k, constants[k]);
const merged = [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fs.constants];
let all = true;
for (const part of merged) for (const [k, v] of Object.entries(part)) if (constants[k] !== v) all = false;
console.log('every os and fs constant is there:', all);
console.log(Object.isFrozen(constants), Object.getPrototypeOf(constants) === Object.prototype);
console.log(require('node:constants') === constants);
