// Flags: --experimental-permission --allow-fs-read=* --no-warnings
'use strict';
// Without --allow-child-process, running a program is ERR_ACCESS_DENIED, in every form.

const cp = require('child_process');

for (const [name, f] of [
  ['spawn', () => cp.spawn('echo')],
  ['exec', () => cp.exec('echo')],
  ['execFile', () => cp.execFile('echo')],
  ['spawnSync', () => cp.spawnSync('echo')],
  ['execSync', () => cp.execSync('echo')],
  ['execFileSync', () => cp.execFileSync('echo')],
]) {
  try {
    f();
    console.log(name, 'ran');
  } catch (e) {
    console.log(name, e.code, e.permission, JSON.stringify(e.resource), e.message);
  }
}
console.log('has', process.permission.has('child'));
