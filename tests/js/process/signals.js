'use strict';
// process.on(<signal>): listeners get the name and number after the code that was running when
// the signal came; SIGKILL and SIGSTOP cannot be caught; listening does not keep the process
// alive; once the last listener is gone the signal has its default disposition (a child ends
// by it, even SIGPIPE, which was ignored before it was listened to).

const { spawnSync } = require('child_process');

const seen = [];
process.on('SIGUSR2', (name, number) => seen.push(`${name} ${number}`));
process.kill(process.pid, 'SIGUSR2');
const until = Date.now() + 30;
while (Date.now() < until);
console.log('busy loop done, seen so far:', seen.length);

for (const name of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(name, () => {});
  } catch (e) {
    console.log(name, e.message, e.code, e.errno, e.syscall, process.listenerCount(name));
  }
}

function child(source) {
  const r = spawnSync(process.execPath, ['-e', source], { encoding: 'utf8', timeout: 10000 });
  return `status ${r.status} signal ${r.signal} stdout ${JSON.stringify(r.stdout)}`;
}

setTimeout(() => {
  console.log('listener saw:', seen);
  process.kill(process.pid, 'SIGUSR2');
  setTimeout(() => {
    console.log('listener saw:', seen);
    // A second listener and a once listener: all run, the once listener only the first time.
    process.once('SIGUSR2', () => seen.push('once'));
    process.kill(process.pid, 'SIGUSR2');
    setTimeout(() => {
      process.kill(process.pid, 'SIGUSR2');
      setTimeout(() => {
        console.log('listener saw:', seen);
        console.log('removed, child:', child(`
          const f = () => console.log('caught');
          process.on('SIGUSR2', f);
          process.off('SIGUSR2', f);
          process.kill(process.pid, 'SIGUSR2');
          setTimeout(() => console.log('still here'), 200);
        `));
        console.log('caught, child:', child(`
          const t = setTimeout(() => console.log('no signal'), 5000);
          process.on('SIGTERM', (name) => { console.log('graceful', name); clearTimeout(t); process.exitCode = 3; });
          process.kill(process.pid, 'SIGTERM');
        `));
        console.log('SIGPIPE after a listener went, child:', child(`
          const f = () => {};
          process.on('SIGPIPE', f);
          process.off('SIGPIPE', f);
          process.kill(process.pid, 'SIGPIPE');
          setTimeout(() => console.log('SIGPIPE ignored'), 100);
        `));
        console.log('only a listener, child:', child(`process.on('SIGINT', () => {}); console.log('ends')`));
      }, 50);
    }, 50);
  }, 50);
}, 50);
