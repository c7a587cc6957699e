'use strict';
// node:child_process is not implemented yet: every function says so when called.
// https://nodejs.org/docs/latest-v20.x/api/child_process.html

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

function notImplemented(name) {
  return {
    [name]() {
      throw new ERR_NOT_IMPLEMENTED(`child_process.${name}`);
    },
  }[name];
}

module.exports = {
  ChildProcess: notImplemented('ChildProcess'),
  exec: notImplemented('exec'),
  execFile: notImplemented('execFile'),
  execFileSync: notImplemented('execFileSync'),
  execSync: notImplemented('execSync'),
  fork: notImplemented('fork'),
  spawn: notImplemented('spawn'),
  spawnSync: notImplemented('spawnSync'),
};
