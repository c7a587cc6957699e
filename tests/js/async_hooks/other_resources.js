// AsyncLocalStorage through the other resources: child processes (exec's callback, spawn's
// 'exit'), zlib's pool work, dns.lookup, an fs stream, and an EventEmitterAsyncResource.
const { AsyncLocalStorage } = require('async_hooks');
const { EventEmitterAsyncResource } = require('events');
const cp = require('child_process');
const fs = require('fs');
const zlib = require('zlib');
const dns = require('dns');

const als = new AsyncLocalStorage();
const out = [];
let pending = 6;
const seen = (label) => {
  out.push(`${label}: ${als.getStore()}`);
  if (--pending === 0) for (const line of out.sort()) console.log(line);
};

als.run('exec', () => cp.exec('echo hi', (err, stdout) => seen(`exec callback ${stdout.trim()}`)));
als.run('spawn', () => cp.spawn('true').on('exit', () => seen('spawn exit')));
als.run('zlib', () => zlib.gzip('x', () => seen('zlib callback')));
als.run('dns', () => dns.lookup('localhost', () => seen('dns lookup')));
als.run('stream', () => fs.createReadStream(__filename).on('data', () => {}).on('close', () => seen('read stream close')));

const emitter = als.run('emitter', () => new EventEmitterAsyncResource({ name: 'E' }));
emitter.on('ping', () => seen('async resource emitter'));
als.run('elsewhere', () => setTimeout(() => emitter.emit('ping'), 1));
