'use strict';
// The `os` module: https://nodejs.org/docs/latest-v20.x/api/os.html
//
// Linux only, with no native op of its own: what libuv asks the kernel for is read from the
// files the kernel publishes the same data in (/proc, /sys, /etc/passwd), the way libuv itself
// reads /proc/meminfo, /proc/loadavg, /proc/stat and /proc/cpuinfo. Each function reads when
// called; the uname fields are read once, as node reads them at startup.

const {
  codes: { ERR_NOT_IMPLEMENTED, ERR_SYSTEM_ERROR },
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');

let fs;
function readText(path) {
  fs ??= require('fs');
  return fs.readFileSync(path, 'utf8');
}

function tryReadText(path) {
  try {
    return readText(path);
  } catch {
    return undefined;
  }
}

// What libuv's uv_* call would have failed with, as node reports it.
function systemError(syscall, code, errno, message) {
  return new ERR_SYSTEM_ERROR({ errno, code, message, syscall });
}

// uname(2): sysname, version, release, machine.
let osInformation;
const kMachines = {
  arm: 'armv7l',
  arm64: 'aarch64',
  ia32: 'i686',
  loong64: 'loongarch64',
  mips: 'mips',
  mipsel: 'mips',
  ppc64: 'ppc64le',
  riscv64: 'riscv64',
  s390x: 's390x',
  x64: 'x86_64',
};
function getOSInformation() {
  if (osInformation === undefined) {
    const field = (name) => (tryReadText(`/proc/sys/kernel/${name}`) ?? '').replace(/\n$/, '');
    osInformation = [
      field('ostype') || 'Linux',
      field('version'),
      field('osrelease'),
      // /proc/sys/kernel/arch appeared in Linux 6.1; before that the machine is derived from
      // the architecture the binary was built for.
      field('arch') || kMachines[process.arch] || process.arch,
    ];
  }
  return osInformation;
}

const getOSType = () => getOSInformation()[0];
const getOSVersion = () => getOSInformation()[1];
const getOSRelease = () => getOSInformation()[2];
const getMachine = () => getOSInformation()[3];

// A value from /proc/meminfo in bytes, 0 when absent.
function meminfo(key) {
  const text = tryReadText('/proc/meminfo');
  if (text === undefined) return 0;
  const m = new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(text);
  return m === null ? 0 : Number(m[1]) * 1024;
}

function getFreeMem() {
  return meminfo('MemAvailable') || meminfo('MemFree');
}

function getTotalMem() {
  return meminfo('MemTotal');
}

function getUptime() {
  return Number.parseFloat(readText('/proc/uptime'));
}

function getHostname() {
  return readText('/proc/sys/kernel/hostname').replace(/\n$/, '');
}

// sched_getaffinity(2) as the kernel shows it: the CPUs this process may run on.
function getAvailableParallelism() {
  const status = tryReadText('/proc/self/status');
  const m = status && /^Cpus_allowed_list:\s*(\S+)/m.exec(status);
  if (m) {
    let count = 0;
    for (const range of m[1].split(',')) {
      const [from, to = from] = range.split('-').map(Number);
      count += to - from + 1;
    }
    if (count > 0) return count;
  }
  return Math.max(cpus().length, 1);
}

// The entry of the effective user in /etc/passwd: [name, uid, gid, home, shell], or undefined.
function passwdEntry() {
  const uid = process.geteuid();
  const text = readText('/etc/passwd');
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 7 && Number(fields[2]) === uid && fields[2] !== '') {
      return [fields[0], uid, Number(fields[3]), fields[5], fields[6]];
    }
  }
  return undefined;
}

function getHomeDirectory() {
  const home = process.env.HOME;
  if (home) return home;
  const entry = passwdEntry();
  if (entry === undefined) throw systemError('uv_os_homedir', 'ENOENT', -2, 'no such file or directory');
  return entry[3];
}

for (const fn of [
  getAvailableParallelism,
  getFreeMem,
  getHostname,
  getOSVersion,
  getOSType,
  getOSRelease,
  getMachine,
  getHomeDirectory,
  getTotalMem,
  getUptime,
]) {
  fn[Symbol.toPrimitive] = () => fn();
}

const kEndianness = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

function loadavg() {
  const text = tryReadText('/proc/loadavg');
  if (text === undefined) return [0, 0, 0];
  const [a, b, c] = text.split(' ').map(Number);
  return [a, b, c];
}

// libuv's uv_cpu_info: times from /proc/stat (in clock ticks of 10 ms; iowait is not idle),
// the model from /proc/cpuinfo, the speed from cpufreq (0 where the kernel has none).
function cpus() {
  const stat = tryReadText('/proc/stat');
  if (stat === undefined) return [];
  const found = [];
  for (const line of stat.split('\n')) {
    const m = /^cpu(\d+) (\d+) (\d+) (\d+) (\d+) \d+ (\d+)/.exec(line);
    if (m === null) continue;
    found.push({
      cpu: Number(m[1]),
      user: Number(m[2]) * 10,
      nice: Number(m[3]) * 10,
      sys: Number(m[4]) * 10,
      idle: Number(m[5]) * 10,
      irq: Number(m[6]) * 10,
    });
  }
  found.sort((a, b) => a.cpu - b.cpu);
  const models = new Map();
  const cpuinfo = tryReadText('/proc/cpuinfo');
  if (cpuinfo !== undefined) {
    for (const block of cpuinfo.split('\n\n')) {
      const cpu = /^processor\t: (\d+)/m.exec(block);
      const model = /^model name\t: (.*)$/m.exec(block);
      if (cpu !== null && model !== null) models.set(Number(cpu[1]), model[1].slice(0, 63));
    }
  }
  return found.map((c) => {
    const freq = tryReadText(`/sys/devices/system/cpu/cpu${c.cpu}/cpufreq/scaling_cur_freq`);
    return {
      model: models.get(c.cpu) ?? 'unknown',
      speed: freq === undefined ? 0 : Math.floor(Number.parseInt(freq, 10) / 1000) || 0,
      times: { user: c.user, nice: c.nice, sys: c.sys, idle: c.idle, irq: c.irq },
    };
  });
}

function arch() {
  return process.arch;
}
arch[Symbol.toPrimitive] = () => process.arch;

function platform() {
  return process.platform;
}
platform[Symbol.toPrimitive] = () => process.platform;

function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
tmpdir[Symbol.toPrimitive] = () => tmpdir();

function endianness() {
  return kEndianness;
}
endianness[Symbol.toPrimitive] = () => kEndianness;

// An IPv6 address from 16 bytes, as inet_ntop writes it: the longest run of two or more zero
// groups (the first of equal runs) becomes `::`, and ::a.b.c.d / ::ffff:a.b.c.d keep the IPv4
// part dotted.
function formatIPv6(bytes) {
  const words = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i] << 8) | bytes[i + 1]);
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (cur.base === -1) cur = { base: i, len: 1 };
      else cur.len++;
    } else if (cur.base !== -1) {
      if (best.base === -1 || cur.len > best.len) best = cur;
      cur = { base: -1, len: 0 };
    }
  }
  if (cur.base !== -1 && (best.base === -1 || cur.len > best.len)) best = cur;
  if (best.base !== -1 && best.len < 2) best = { base: -1, len: 0 };
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))) {
      out += `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
      break;
    }
    out += words[i].toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) out += ':';
  return out;
}

function prefixBytes(prefix, length) {
  const bytes = new Array(length).fill(0);
  for (let i = 0; i < prefix; i++) bytes[i >> 3] |= 0x80 >> (i & 7);
  return bytes;
}

function ipv4ToInt(address) {
  const p = address.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

function intToIPv4(n) {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// Interfaces that are up and running (libuv lists no others): name -> { index, mac, loopback }.
function readLinks() {
  const links = new Map();
  let names;
  try {
    fs ??= require('fs');
    names = fs.readdirSync('/sys/class/net');
  } catch {
    return links;
  }
  for (const name of names) {
    const dir = `/sys/class/net/${name}`;
    const flags = Number.parseInt(tryReadText(`${dir}/flags`) ?? '0', 16);
    const carrier = (tryReadText(`${dir}/carrier`) ?? '').trim();
    if ((flags & 0x1) === 0 || carrier !== '1') continue;
    const mac = (tryReadText(`${dir}/address`) ?? '').trim();
    links.set(name, {
      index: Number(tryReadText(`${dir}/ifindex`)),
      mac: /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac) ? mac : '00:00:00:00:00:00',
      loopback: (flags & 0x8) !== 0,
    });
  }
  return links;
}

// The IPv4 addresses: each local address the kernel routes to this host (/proc/net/fib_trie),
// placed on the interface and subnet of its connected route (/proc/net/route); loopback
// addresses take the local prefix that covers them (127.0.0.0/8).
//
// Limitation: an address with no connected route of its own (a /32, or one whose subnet route
// was deleted) cannot be placed on an interface this way and is left out; interface aliases
// (`eth0:1`) show under the interface's own name.
function ipv4Entries(links) {
  const trie = tryReadText('/proc/net/fib_trie');
  if (trie === undefined) return [];
  const locals = new Set();
  const localPrefixes = [];
  let last;
  for (const line of trie.split('\n')) {
    const leaf = /\|-- (\d+\.\d+\.\d+\.\d+)$/.exec(line);
    if (leaf !== null) {
      last = leaf[1];
      continue;
    }
    const info = /^\s+\/(\d+) host LOCAL$/.exec(line);
    if (info !== null && last !== undefined) {
      if (info[1] === '32') locals.add(last);
      else localPrefixes.push([ipv4ToInt(last), Number(info[1])]);
    }
  }
  const routes = [];
  for (const line of (tryReadText('/proc/net/route') ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || (Number.parseInt(f[3], 16) & 0x2) !== 0) continue;
    // Little-endian hex words.
    const le = (hex) => {
      const n = Number.parseInt(hex, 16);
      return (((n & 255) << 24) | (((n >>> 8) & 255) << 16) | (((n >>> 16) & 255) << 8) | (n >>> 24)) >>> 0;
    };
    routes.push({ name: f[0], dest: le(f[1]), mask: le(f[7]) });
  }
  const loopback = [...links].find(([, l]) => l.loopback);
  const entries = [];
  for (const address of locals) {
    const n = ipv4ToInt(address);
    let name;
    let mask = -1;
    for (const r of routes) {
      if (r.mask !== 0 && ((n & r.mask) >>> 0) === r.dest && (mask === -1 || r.mask > mask)) {
        name = r.name;
        mask = r.mask;
      }
    }
    if (name === undefined && loopback !== undefined) {
      for (const [net, prefix] of localPrefixes) {
        const m = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
        if (((n & m) >>> 0) === net) {
          name = loopback[0];
          mask = m;
          break;
        }
      }
    }
    const link = links.get(name);
    if (link === undefined) continue;
    let prefix = 0;
    while (prefix < 32 && (mask & (0x80000000 >>> prefix)) !== 0) prefix++;
    entries.push({ name, index: link.index, order: 0, address, netmask: intToIPv4(mask), family: 'IPv4', prefix, link });
  }
  return entries;
}

// The IPv6 addresses, from /proc/net/if_inet6: address, index, prefix length, scope, flags, name.
function ipv6Entries(links) {
  const text = tryReadText('/proc/net/if_inet6');
  if (text === undefined) return [];
  const entries = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || f[0].length !== 32) continue;
    const link = links.get(f[5]);
    if (link === undefined) continue;
    const bytes = [];
    for (let i = 0; i < 32; i += 2) bytes.push(Number.parseInt(f[0].slice(i, i + 2), 16));
    const prefix = Number.parseInt(f[2], 16);
    const scope = Number.parseInt(f[3], 16);
    // getifaddrs gives link-local addresses the interface as scope id.
    const linkLocal = bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0x80;
    entries.push({
      name: f[5],
      index: Number.parseInt(f[1], 16),
      order: scope,
      address: formatIPv6(bytes),
      netmask: formatIPv6(prefixBytes(prefix, 16)),
      family: 'IPv6',
      prefix,
      link,
      scopeid: linkLocal ? Number.parseInt(f[1], 16) : 0,
    });
  }
  return entries;
}

// In getifaddrs order: IPv4 addresses by interface index, then IPv6 ones by interface index,
// global before link-local.
function networkInterfaces() {
  const links = readLinks();
  const byIndex = (a, b) => a.index - b.index || a.order - b.order;
  const all = [...ipv4Entries(links).sort(byIndex), ...ipv6Entries(links).sort(byIndex)];
  const result = {};
  for (const e of all) {
    const entry = {
      address: e.address,
      netmask: e.netmask,
      family: e.family,
      mac: e.link.mac,
      internal: e.link.loopback,
      cidr: `${e.address}/${e.prefix}`,
    };
    if (e.scopeid !== undefined) entry.scopeid = e.scopeid;
    if (result[e.name] === undefined) result[e.name] = [entry];
    else result[e.name].push(entry);
  }
  return result;
}

// Changing a priority needs setpriority(2), which no op offers yet.
function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  throw new ERR_NOT_IMPLEMENTED('os.setPriority()');
}

// The nice value, field 19 of /proc/<pid>/stat (after the parenthesized command name).
function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const text = tryReadText(`/proc/${pid === 0 ? 'self' : pid}/stat`);
  if (text === undefined || pid < 0) {
    throw systemError('uv_os_getpriority', 'ESRCH', -3, 'no such process');
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const entry = passwdEntry();
  if (entry === undefined) throw systemError('uv_os_get_passwd', 'ENOENT', -2, 'no such file or directory');
  const [username, uid, gid, homedir, shell] = entry;
  const encoding = options?.encoding;
  let encode = (s) => s;
  if (typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
    const { Buffer } = require('buffer');
    if (encoding === 'buffer') encode = (s) => Buffer.from(s, 'utf8');
    else if (Buffer.isEncoding(encoding)) encode = (s) => Buffer.from(s, 'utf8').toString(encoding);
  }
  return {
    __proto__: null,
    uid,
    gid,
    username: encode(username),
    homedir: encode(homedir),
    shell: encode(shell),
  };
}

function constantsObject(entries) {
  return Object.assign({ __proto__: null }, entries);
}

const constants = constantsObject({
  UV_UDP_REUSEADDR: 4,
  dlopen: constantsObject({ RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 }),
  errno: constantsObject({
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAFNOSUPPORT: 97, EAGAIN: 11,
    EALREADY: 114, EBADF: 9, EBADMSG: 74, EBUSY: 16, ECANCELED: 125, ECHILD: 10,
    ECONNABORTED: 103, ECONNREFUSED: 111, ECONNRESET: 104, EDEADLK: 35, EDESTADDRREQ: 89,
    EDOM: 33, EDQUOT: 122, EEXIST: 17, EFAULT: 14, EFBIG: 27, EHOSTUNREACH: 113, EIDRM: 43,
    EILSEQ: 84, EINPROGRESS: 115, EINTR: 4, EINVAL: 22, EIO: 5, EISCONN: 106, EISDIR: 21,
    ELOOP: 40, EMFILE: 24, EMLINK: 31, EMSGSIZE: 90, EMULTIHOP: 72, ENAMETOOLONG: 36,
    ENETDOWN: 100, ENETRESET: 102, ENETUNREACH: 101, ENFILE: 23, ENOBUFS: 105, ENODATA: 61,
    ENODEV: 19, ENOENT: 2, ENOEXEC: 8, ENOLCK: 37, ENOLINK: 67, ENOMEM: 12, ENOMSG: 42,
    ENOPROTOOPT: 92, ENOSPC: 28, ENOSR: 63, ENOSTR: 60, ENOSYS: 38, ENOTCONN: 107, ENOTDIR: 20,
    ENOTEMPTY: 39, ENOTSOCK: 88, ENOTSUP: 95, ENOTTY: 25, ENXIO: 6, EOPNOTSUPP: 95,
    EOVERFLOW: 75, EPERM: 1, EPIPE: 32, EPROTO: 71, EPROTONOSUPPORT: 93, EPROTOTYPE: 91,
    ERANGE: 34, EROFS: 30, ESPIPE: 29, ESRCH: 3, ESTALE: 116, ETIME: 62, ETIMEDOUT: 110,
    ETXTBSY: 26, EWOULDBLOCK: 11, EXDEV: 18,
  }),
  signals: constantsObject({
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
    SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
    SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
    SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
    SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  }),
  priority: constantsObject({
    PRIORITY_LOW: 19,
    PRIORITY_BELOW_NORMAL: 10,
    PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14,
    PRIORITY_HIGHEST: -20,
  }),
});

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
