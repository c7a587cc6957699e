// node:tty away from a terminal: isatty, the constructors' errors, and the colour depth each
// environment gives (the table chalk and supports-color follow too).
const tty = require('tty');

console.log(Object.keys(tty));
console.log(tty.isatty(1), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(99), tty.isatty(2 ** 31));

for (const fd of [-1, 1.5, '1', 99, 1]) {
  for (const Ctor of [tty.WriteStream, tty.ReadStream]) {
    try {
      new Ctor(fd);
      console.log('created', fd);
    } catch (e) {
      console.log(Ctor.name, fd, e.name, e.code, e.message, e.errno, e.syscall, Object.keys(e));
      if (e.info) console.log(e.info);
    }
  }
}
// Callable without new, as node's.
try {
  tty.WriteStream(1);
} catch (e) {
  console.log('call', e.code);
}

console.log(tty.WriteStream.prototype.isTTY, typeof tty.ReadStream.prototype.setRawMode);

const { getColorDepth, hasColors } = tty.WriteStream.prototype;
const envs = [
  {},
  { TERM: 'xterm' },
  { TERM: 'xterm-256color' },
  { TERM: 'XTERM-256color' },
  { TERM: 'rxvt-unicode-24bit' },
  { TERM: 'mosh' },
  { TERM: 'linux' },
  { TERM: 'vt100' },
  { TERM: 'screen' },
  { TERM: 'con132x25' },
  { TERM: 'unknown' },
  { COLORTERM: 'truecolor' },
  { COLORTERM: '24bit' },
  { COLORTERM: 'yes' },
  { TMUX: '1' },
  { CI: '1' },
  { CI: '1', GITHUB_ACTIONS: '1' },
  { CI: '1', CI_NAME: 'codeship' },
  { TEAMCITY_VERSION: '9.1.0' },
  { TEAMCITY_VERSION: '8.0.0' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'HyperTerm' },
  { FORCE_COLOR: '' },
  { FORCE_COLOR: '0' },
  { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' },
  { FORCE_COLOR: 'true' },
  { NO_COLOR: '1', TERM: 'xterm-256color' },
  { NODE_DISABLE_COLORS: '1', COLORTERM: 'truecolor' },
  { TERM: 'dumb', COLORTERM: 'truecolor' },
];
for (const env of envs) {
  console.log(JSON.stringify(env), getColorDepth(env), hasColors(env), hasColors(256, env), hasColors(2 ** 24, env));
}
for (const count of [1.5, 1, '16']) {
  try {
    hasColors(count, {});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
// FORCE_COLOR wins over NO_COLOR, with a warning once.
process.on('warning', (w) => console.log('warning:', w.name, w.message));
console.log(getColorDepth({ FORCE_COLOR: '1', NO_COLOR: '1', NODE_DISABLE_COLORS: '1' }));
console.log(getColorDepth({ FORCE_COLOR: '2', NO_COLOR: '1' }));
