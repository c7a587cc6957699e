'use strict';
// child_process, synchronous: spawnSync's result (status, signal, output, stdout, stderr as
// Buffers or strings), input, timeout, maxBuffer, a program that cannot run; execSync and
// execFileSync, their errors and inherited stderr.

const cp = require('child_process');

function show(label, r) {
  const text = (b) => (b === null ? null : JSON.stringify(String(b)));
  console.log(label, {
    keys: Object.keys(r),
    status: r.status,
    signal: r.signal,
    output: r.output && r.output.map(text),
    stdout: text(r.stdout),
    stderr: text(r.stderr),
    error: r.error && [r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.message],
  });
}

show('plain', cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 5']));
show('encoding', cp.spawnSync('echo', ['text'], { encoding: 'utf8' }));
show('input', cp.spawnSync('cat', { input: 'given input' }));
show('signal', cp.spawnSync('sh', ['-c', 'kill -KILL $$']));
show('timeout', cp.spawnSync('sleep', ['10'], { timeout: 100 }));
show('maxBuffer', cp.spawnSync('sh', ['-c', 'echo 1234567890; sleep 5'], { maxBuffer: 4 }));
show('missing', cp.spawnSync('/nonexistent/program', ['x']));

console.log('execSync', JSON.stringify(cp.execSync('echo from execSync').toString()));
console.log('execSync encoding', JSON.stringify(cp.execSync('printf abc', { encoding: 'utf8' })));
console.log('execFileSync', JSON.stringify(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' })));
try {
  cp.execSync('echo partial; exit 7', { stdio: 'pipe' });
} catch (e) {
  console.log('execSync throws', e.status, JSON.stringify(String(e.stdout)), JSON.stringify(e.message));
}
try {
  cp.execFileSync('/nonexistent/program');
} catch (e) {
  console.log('execFileSync missing', e.code, e.syscall, e.path);
}
try {
  cp.spawnSync(42);
} catch (e) {
  console.log('bad file', e.code, e.name);
}
