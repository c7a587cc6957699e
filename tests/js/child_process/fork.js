'use strict';
// child_process.fork: messages both ways over the IPC channel (large ones too), disconnect from
// either side, send callbacks, errors after disconnect, and a child with no 'message' listener
// exiting by itself.
const { fork, spawn } = require('child_process');
const path = require('path');

const script = path.join(__dirname, 'fixtures', 'ipc_child.js');

function round(next) {
  const child = fork(script, ['echo', 'arg']);
  const sizes = [];
  child.on('message', (m) => {
    sizes.push(`${m.n}:${m.big.length}:${JSON.stringify(m.echo)}`);
    if (m.n === 3) {
      console.log('parent got', sizes);
      child.send({ cmd: 'bye' }, (err) => console.log('bye sent', err));
    }
  });
  child.on('disconnect', () => console.log('parent saw disconnect', child.connected));
  child.on('exit', (code, signal) => console.log('exit', code, signal));
  child.on('close', (code) => {
    console.log('close', code);
    child.send('late', (err) => {
      console.log('send after close', err.code, err.message);
      next();
    });
  });
  child.send({ hello: 'ünïcödé', list: [1, 2, 3], nested: { ok: true } });
  console.log('connected', child.connected, child.channel !== null);
}

function exitEarly(next) {
  const child = fork(script, ['exit-early']);
  child.on('message', (m) => console.log('early message', m));
  child.on('exit', (code) => {
    console.log('early exit', code);
    next();
  });
}

function noListener(next) {
  const child = fork(script, ['no-listener'], { silent: true });
  child.on('message', (m) => console.log('idle message', m));
  child.on('exit', (code) => {
    console.log('idle exit', code, child.stdout !== null);
    next();
  });
}

function parentDisconnects(next) {
  const child = fork(script, ['echo']);
  child.on('disconnect', () => console.log('parent disconnect event'));
  child.on('exit', (code) => {
    console.log('exit after parent disconnect', code);
    try {
      child.disconnect();
    } catch (err) {
      console.log('unexpected', err);
    }
    next();
  });
  child.on('error', (err) => console.log('second disconnect', err.code, err.message));
  child.disconnect();
}

function errors() {
  try {
    spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] });
  } catch (err) {
    console.log('two ipc', err.code, err.message);
  }
  try {
    fork(script, { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (err) {
    console.log('no ipc', err.code, err.message);
  }
  try {
    require('child_process').spawnSync(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  } catch (err) {
    console.log('sync ipc', err.code, err.message);
  }
  const child = fork(script, ['echo']);
  try {
    child.send(undefined);
  } catch (err) {
    console.log('send undefined', err.code, err.message);
  }
  try {
    child.send(Symbol('x'));
  } catch (err) {
    console.log('send symbol', err.code, err.message);
  }
  child.on('exit', (code) => console.log('errors child exit', code));
  child.disconnect();
}

round(() => exitEarly(() => noListener(() => parentDisconnects(errors))));
