// Error codes: ECONNREFUSED, clientError/400, argument validation, headers-sent, parse errors.
const http = require('http');
const net = require('net');
const { log, addPort, guard } = require('./port_log');
const done = guard();
const tryIt = (name, fn) => {
  try { fn(); log(name, 'no throw'); } catch (e) { log(name, e.name, e.code, e.message); }
};
tryIt('bad method', () => http.request({ method: 'G T', host: '127.0.0.1', port: 1 }));
tryIt('bad protocol', () => http.request('https://127.0.0.1:1/'));
tryIt('bad path', () => http.request({ path: '/a b', host: '127.0.0.1', port: 1 }));
tryIt('bad host', () => http.request({ host: 5, port: 1 }));
tryIt('bad agent', () => http.request({ agent: {}, port: 1 }));
tryIt('bad header name', () => http.validateHeaderName('a b'));
tryIt('bad header value', () => http.validateHeaderValue('x', 'a\nb'));
tryIt('bad maxHeaderSize', () => http.createServer({ maxHeaderSize: -1 }));
tryIt('bad headersTimeout', () => http.createServer({ headersTimeout: 10, requestTimeout: 5 }));
tryIt('setMaxIdleHTTPParsers', () => http.setMaxIdleHTTPParsers(0));
tryIt('bad options', () => http.createServer(5));
const server = http.createServer((req, res) => {
  log('request', req.url);
  if (req.url === '/status') {
    tryIt('bad status', () => res.writeHead(1000));
    tryIt('bad message', () => res.writeHead(200, 'a\nb'));
    res.statusMessage = undefined;
    res.writeHead(201);
    tryIt('headers sent', () => res.writeHead(200));
    tryIt('setHeader after', () => res.setHeader('a', 'b'));
    res.end();
    return;
  }
  if (req.url === '/encoding') {
    tryIt('socket setEncoding', () => req.socket.setEncoding('utf8'));
    res.end();
    return;
  }
  res.end('x');
});
function raw(text) {
  return new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1', () => s.write(text));
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('error', (e) => log('raw error', e.code));
    s.on('close', () => setTimeout(() => resolve(JSON.stringify(data.split('\r\n').filter((l) => !l.startsWith('Date')).join('|'))), 50));
  });
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  addPort(port);
  log('malformed ->', await raw('BLAH / HTTP/1.1\r\nHost: x\r\n\r\n'));
  log('no host ->', await raw('GET / HTTP/1.1\r\n\r\n'));
  log('http/1.0 ->', await raw('GET /x HTTP/1.0\r\n\r\n'));
  server.on('clientError', (err, socket) => {
    log('clientError', err.code, err.message, err.bytesParsed, JSON.stringify(String(err.rawPacket)));
    socket.destroy();
  });
  log('malformed with listener ->', await raw('GET / HTTP/1.1\r\nbad header\r\n\r\n'));
  server.removeAllListeners('clientError');
  await new Promise((resolve) => http.get({ port, host: '127.0.0.1', path: '/status' }, (res) => {
    log('status response', res.statusCode, res.statusMessage); res.resume(); res.on('end', resolve);
  }));
  await new Promise((resolve) => http.get({ port, host: '127.0.0.1', path: '/encoding' }, (res) => { res.resume(); res.on('end', resolve); }));
  // response parse error on client
  const bad = net.createServer((s) => { s.on('data', () => s.end('HTTP/1.1 abc\r\n\r\n')); });
  await new Promise((r) => bad.listen(0, '127.0.0.1', r));
  addPort(bad.address().port);
  await new Promise((resolve) => {
    const req = http.get({ port: bad.address().port, host: '127.0.0.1' });
    req.on('error', (e) => { log('client parse error', e.code, e.message); resolve(); });
  });
  // server closes without responding
  const hang = net.createServer((s) => { s.on('data', () => s.destroy()); });
  await new Promise((r) => hang.listen(0, '127.0.0.1', r));
  addPort(hang.address().port);
  await new Promise((resolve) => {
    const req = http.get({ port: hang.address().port, host: '127.0.0.1' });
    req.on('error', (e) => { log('hang up error', e.code, e.message); });
    req.on('close', resolve);
  });
  // abort before socket / destroy
  await new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('error', (e) => log('destroyed req error', e.code, e.message));
    req.on('close', () => { log('destroyed req close'); resolve(); });
    req.destroy();
  });
  await new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('abort', () => log('abort event'));
    req.on('error', (e) => log('aborted req error', e.code));
    req.on('close', () => { log('aborted req close', req.aborted, req.destroyed); resolve(); });
    req.abort();
  });
  // AbortSignal
  await new Promise((resolve) => {
    const ac = new AbortController();
    const req = http.get({ port, host: '127.0.0.1', path: '/status', signal: ac.signal });
    req.on('error', (e) => log('signal error', e.name, e.code));
    req.on('close', resolve);
    ac.abort();
  });
  bad.close(); hang.close();
  http.globalAgent.destroy();
  server.close(() => {
    // ECONNREFUSED: the port is closed now
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('error', (e) => { log('refused', e.code, e.syscall, e.address, e.message); done(); });
  });
});
