'use strict';
// Node's errors for bad input to process methods.
function show(fn) {
  try {
    const r = fn();
    console.log('ok', r);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// Credentials: checked before anything changes.
show(() => process.setuid({}));
show(() => process.setgid(-1));
show(() => process.seteuid(1.5));
show(() => process.setegid(null));
show(() => process.setuid('no-such-user-for-actorjs'));
show(() => process.setgid('no-such-group-for-actorjs'));
show(() => process.setgroups('0'));
show(() => process.setgroups([0, {}]));
show(() => process.setgroups([0, 'no-such-group-for-actorjs']));
show(() => process.initgroups({}, 0));
show(() => process.initgroups(0, 'no-such-group-for-actorjs'));
console.log(Array.isArray(process.getgroups()), process.getgroups().includes(process.getegid()));

// kill: a bad pid or signal, and the errno error of a refused signal.
show(() => process.kill('abc'));
show(() => process.kill(process.pid, 'SIGNOPE'));
show(() => process.kill(process.pid, 1000));
show(() => process.kill(process.pid, 0));

// cpuUsage with a previous value of the wrong shape.
show(() => process.cpuUsage({}));
show(() => process.cpuUsage({ user: -1, system: 0 }));
show(() => process.cpuUsage({ user: 0, system: 'x' }));
show(() => process.cpuUsage(1));
const d = process.cpuUsage(process.cpuUsage());
console.log(typeof d.user, typeof d.system);

// chdir: the working directory is `path`, the target `dest`.
try {
  process.chdir('no-such-dir-for-actorjs');
} catch (e) {
  console.log(e.code, e.syscall, e.path === process.cwd(), e.dest);
  console.log(e.message.replace(process.cwd(), '<cwd>'));
}

// config cannot be changed (the engine words the TypeError its own way).
for (const change of [
  () => {
    process.config.variables = 42;
  },
  () => {
    process.config.variables.asan = 1;
  },
]) {
  try {
    change();
    console.log('changed');
  } catch (e) {
    console.log(e.name);
  }
}

// Memory figures.
console.log(typeof process.constrainedMemory(), typeof process.availableMemory());
console.log(process.availableMemory() > 0);

// exit goes through reallyExit, which programs may patch.
process.reallyExit = (code) => {
  console.log('reallyExit', code);
};
process.exit(3);
console.log('after exit');
process.exitCode = 0;
