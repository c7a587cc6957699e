'use strict';
// The shape of `process`: types and invariants rather than values that differ between machines
// and runtimes.

const t = (label, ...values) => console.log(`${label}:`, ...values);

t('typeof process', typeof process);
t('process is global.process', process === globalThis.process && global === globalThis);
t('toString tag', Object.prototype.toString.call(process));
t('is an EventEmitter', process instanceof require('events'));
t('pid', typeof process.pid, Number.isInteger(process.pid) && process.pid > 0);
t('ppid', typeof process.ppid);
t('platform', process.platform);
t('arch', typeof process.arch);
t('version', typeof process.version, process.version.startsWith('v20.'));
t('versions.node', process.versions.node === process.version.slice(1));
t('versions values are strings', Object.values(process.versions).every((v) => typeof v === 'string'));
t('release.name', process.release.name);
t('argv', Array.isArray(process.argv), process.argv.length);
t('argv[1] is this file', require('path').basename(process.argv[1]));
t('argv[0] is absolute', require('path').isAbsolute(process.argv[0]));
t('argv0', typeof process.argv0);
t('execArgv', process.execArgv);
t('execPath', typeof process.execPath);
t('title', typeof process.title);
t('cwd is this directory', process.cwd() === __dirname);
t('hrtime', Array.isArray(process.hrtime()), process.hrtime().length, process.hrtime().every(Number.isInteger));
t('hrtime diff', process.hrtime(process.hrtime()).every((n) => n >= 0));
t('hrtime.bigint', typeof process.hrtime.bigint());
t('uptime', typeof process.uptime(), process.uptime() >= 0);
const mem = process.memoryUsage();
t('memoryUsage keys', Object.keys(mem).sort().join(','));
t('memoryUsage.rss', typeof process.memoryUsage.rss());
const cpu = process.cpuUsage();
t('cpuUsage', Object.keys(cpu).join(','), typeof cpu.user);
t('cpuUsage diff', Object.keys(process.cpuUsage(cpu)).join(','));
t('umask', typeof process.umask());
t('getuid', typeof process.getuid());
t('features', typeof process.features);
t('config', typeof process.config, typeof process.config.variables);
t('emitWarning', typeof process.emitWarning);
t('nextTick', typeof process.nextTick);
t('exitCode', process.exitCode);
t('mainModule is require.main', process.mainModule === require.main);
t('stdout.fd', process.stdout.fd, 'stderr.fd', process.stderr.fd);
t('stdout.write', typeof process.stdout.write);
t('kill', typeof process.kill);
t('exit', typeof process.exit);
t('hasUncaughtExceptionCaptureCallback', process.hasUncaughtExceptionCaptureCallback());
for (const bad of [[1], [1, 2, 3], 'x']) {
  try {
    process.hrtime(bad);
  } catch (err) {
    t(`hrtime(${JSON.stringify(bad)})`, `${err.name} ${err.code}`);
  }
}
try {
  process.chdir(42);
} catch (err) {
  t('chdir(42)', `${err.name} ${err.code}`);
}
try {
  process.kill(process.pid, 'SIGNOPE');
} catch (err) {
  t('kill with an unknown signal', `${err.name} ${err.code}`);
}
try {
  process.nextTick('not a function');
} catch (err) {
  t('nextTick(non-function)', `${err.name} ${err.code}`);
}
