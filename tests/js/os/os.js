'use strict';
// The os module's shape and its machine-independent answers: constants, EOL, devNull, platform,
// type, endianness, tmpdir's environment logic, and the types and shapes of the rest.
const os = require('os');
const util = require('util');

console.log(Object.keys(os));
console.log(require('node:os') === os);
console.log(JSON.stringify(os.EOL), os.devNull, os.platform(), os.type(), os.endianness(), os.arch() === process.arch);
console.log(`${os.platform}`, `${os.endianness}`, `${os.type}`, String(os.arch) === process.arch);
console.log(Object.getOwnPropertyDescriptor(os, 'EOL'));
console.log(Object.getOwnPropertyDescriptor(os, 'devNull'));
const constantsDesc = Object.getOwnPropertyDescriptor(os, 'constants');
console.log(constantsDesc.writable, constantsDesc.enumerable, constantsDesc.configurable);
console.log(util.inspect(os.constants, { breakLength: 120 }));
console.log(Object.isFrozen(os.constants.signals), Object.getPrototypeOf(os.constants.errno));

// tmpdir: TMPDIR, then TMP, then TEMP, then /tmp; one trailing slash dropped, except for '/'.
const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
function withEnv(env, label) {
  for (const k of ['TMPDIR', 'TMP', 'TEMP']) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  console.log(`tmpdir ${label}: ${JSON.stringify(os.tmpdir())}`);
}
withEnv({}, 'none');
withEnv({ TMPDIR: '/var/tmp' }, 'TMPDIR');
withEnv({ TMPDIR: '/var/tmp/' }, 'TMPDIR slash');
withEnv({ TMPDIR: '/var/tmp//' }, 'TMPDIR two slashes');
withEnv({ TMPDIR: '/' }, 'root');
withEnv({ TMPDIR: '', TMP: '/tmp2/' }, 'empty TMPDIR, TMP');
withEnv({ TEMP: '/tmp3' }, 'TEMP');
withEnv({ TMP: '/a', TEMP: '/b' }, 'TMP over TEMP');
withEnv({ TMPDIR: 'relative/' }, 'relative');
for (const k of Object.keys(saved)) {
  if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
}

// The rest depends on the machine: only types and shapes.
const cpus = os.cpus();
console.log('cpus', Array.isArray(cpus), cpus.length > 0);
console.log(Object.keys(cpus[0]), Object.keys(cpus[0].times));
console.log(typeof cpus[0].model, typeof cpus[0].speed, Object.values(cpus[0].times).every((t) => Number.isInteger(t) && t >= 0));
console.log('availableParallelism', Number.isInteger(os.availableParallelism()), os.availableParallelism() >= 1);
console.log('freemem', typeof os.freemem(), os.freemem() > 0, os.freemem() <= os.totalmem());
console.log('totalmem', typeof os.totalmem(), os.totalmem() > 0, Number.isInteger(os.totalmem() / 1024));
console.log('loadavg', os.loadavg().length, os.loadavg().every((n) => typeof n === 'number' && n >= 0));
console.log('uptime', typeof os.uptime(), os.uptime() > 0);
console.log('hostname', typeof os.hostname(), os.hostname().length > 0, !os.hostname().includes('\n'));
console.log('release', typeof os.release(), /^\d+\.\d+/.test(os.release()));
console.log('version', typeof os.version(), os.version().length > 0, !os.version().endsWith('\n'));
console.log('machine', typeof os.machine(), os.machine().length > 0);
console.log('homedir', os.homedir() === (process.env.HOME || os.userInfo().homedir));
const info = os.userInfo();
console.log('userInfo', Object.getPrototypeOf(info), Object.keys(info), info.uid === process.geteuid(), info.gid === process.getegid());
console.log(typeof info.username, typeof info.homedir, typeof info.shell);
const binfo = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(binfo.username), binfo.username.toString() === info.username);
console.log(os.userInfo({ encoding: 'hex' }).username === Buffer.from(info.username).toString('hex'));
console.log('getPriority', Number.isInteger(os.getPriority()), os.getPriority() === os.getPriority(process.pid));
try {
  os.getPriority('1');
} catch (err) {
  console.log(err.name, err.code, err.message);
}
try {
  os.setPriority(0, 20);
} catch (err) {
  console.log(err.name, err.code, err.message);
}
try {
  os.setPriority(1.5);
} catch (err) {
  console.log(err.name, err.code, err.message);
}

const ifaces = os.networkInterfaces();
console.log('networkInterfaces', Object.getPrototypeOf(ifaces) === Object.prototype);
const lo = ifaces.lo;
console.log(lo.find((e) => e.family === 'IPv4'));
const all = Object.values(ifaces).flat();
console.log(all.every((e) => ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'].every((k) => k in e)));
console.log(all.filter((e) => e.family === 'IPv6').every((e) => Number.isInteger(e.scopeid)));
console.log(all.filter((e) => e.family === 'IPv4').every((e) => !('scopeid' in e)));
console.log(all.every((e) => /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(e.mac) && e.cidr.startsWith(`${e.address}/`)));
