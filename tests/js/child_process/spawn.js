'use strict';
// child_process, asynchronous: spawn with pipes (output, input, exit code, signal, the order
// of 'exit' and 'close'), a program that cannot run, exec and execFile with their errors,
// timeout and maxBuffer, stdio 'ignore' and 'inherit'.

const cp = require('child_process');

function run(name, child) {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', (e) => console.log(name, 'error', e.code, e.errno, e.syscall, e.path, e.spawnargs));
    child.on('exit', (code, signal) => console.log(name, 'exit', code, signal));
    child.on('close', (code, signal) => {
      console.log(name, 'close', code, signal, JSON.stringify(out), JSON.stringify(err));
      resolve();
    });
  });
}

async function main() {
  await run('echo', cp.spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']));
  const cat = cp.spawn('cat');
  cat.stdin.end('fed through stdin\n');
  await run('cat', cat);
  const sleeper = cp.spawn('sleep', ['10']);
  console.log('kill', sleeper.kill(), sleeper.killed);
  await run('killed', sleeper);
  console.log('kill after exit', sleeper.kill(), sleeper.exitCode, sleeper.signalCode);
  await run('missing', cp.spawn('/nonexistent/program', ['a']));
  await run('ignore', cp.spawn('sh', ['-c', 'echo hidden'], { stdio: 'ignore' }));
  await run('env+cwd', cp.spawn('sh', ['-c', 'echo "$GREETING" && pwd'], { env: { GREETING: 'hi', PATH: process.env.PATH }, cwd: '/' }));
  await run('shell', cp.spawn('echo $((6 * 7))', { shell: true }));

  await new Promise((resolve) =>
    cp.exec('echo exec out; echo exec err >&2; exit 2', (err, stdout, stderr) => {
      console.log('exec', err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout), JSON.stringify(stderr));
      console.log('exec message', JSON.stringify(err.message));
      resolve();
    }),
  );
  await new Promise((resolve) =>
    cp.execFile('echo', ['file', 'args'], (err, stdout) => {
      console.log('execFile', err, JSON.stringify(stdout));
      resolve();
    }),
  );
  await new Promise((resolve) =>
    cp.exec('sleep 10', { timeout: 100 }, (err) => {
      console.log('timeout', err.killed, err.signal, err.code);
      resolve();
    }),
  );
  await new Promise((resolve) =>
    cp.exec('yes | head -c 5000', { maxBuffer: 100 }, (err, stdout) => {
      console.log('maxBuffer', err.code, err.name, stdout.length);
      resolve();
    }),
  );
  const { stdout } = await require('util').promisify(cp.exec)('echo promisified');
  console.log('promisify', JSON.stringify(stdout));
}

main();
