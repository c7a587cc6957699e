'use strict';
// Forking children and talking to them, over and over, leaves the parent holding as many
// descriptors as before: every IPC channel and stdio pipe is closed once its child is gone.
const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');

const openFds = () => fs.readdirSync('/proc/self/fd').length;
const script = path.join(__dirname, 'fixtures', 'ipc_child.js');

function once(silent) {
  return new Promise((resolve) => {
    const child = fork(script, ['echo'], { silent });
    if (silent) child.stdout.resume();
    child.on('message', (m) => {
      if (m.n === 3) child.send({ cmd: 'bye' });
    });
    child.on('close', resolve);
    child.send('ping');
  });
}

(async () => {
  // The first child sets up what every later one shares (node opens its SIGCHLD pipe then).
  await once(false);
  const before = openFds();
  for (let i = 0; i < 8; i++) await once(i % 2 === 0);
  // Closed handles let go of their descriptors in the loop turn after 'close'.
  setImmediate(() => console.log('descriptors back to where they were', openFds() === before));
})();
