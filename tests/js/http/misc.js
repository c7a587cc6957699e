// Client disconnects mid-request, keepAliveTimeout, maxRequestsPerSocket, URL/auth options,
// raw header arrays, captureRejections, a user 'data' listener on the server socket.
const http = require('http');
const net = require('net');
const { log, addPort, guard } = require('./port_log');
const done = guard(10000);
const server = http.createServer({ keepAliveTimeout: 200 }, (req, res) => {
  log('req', req.method, req.url, req.headers.authorization || '', req.headers.host || '(no host)');
  if (req.url === '/abort') {
    req.on('aborted', () => log('server req aborted'));
    req.on('error', (e) => log('server req error', e.code, e.message));
    req.on('close', () => log('server req close'));
    res.on('close', () => log('server res close', res.writableFinished));
    return;
  }
  if (req.url === '/raw') {
    res.writeHead(200, ['X-A', '1', 'X-A', '2', 'Content-Type', 'text/plain']);
    return res.end('raw');
  }
  res.end('ok');
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  addPort(port);
  // client goes away mid-request
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/abort' });
    let cerr;
    req.on('error', (e) => { cerr = e.code; });
    req.write('partial');
    setTimeout(() => { req.destroy(); setTimeout(() => { log('client error', cerr); resolve(); }, 100); }, 100);
  });
  // keepAliveTimeout: idle socket closed by server after ~200ms(+1000 buffer)
  await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('GET /ka HTTP/1.1\r\nHost: x\r\n\r\n'));
    const t0 = Date.now();
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('close', () => {
      const dt = Date.now() - t0;
      log('keepalive socket closed', dt > 1000 && dt < 2500, JSON.stringify(data.split('\r\n').find((l) => l.startsWith('Keep-Alive'))));
      resolve();
    });
  });
  // maxRequestsPerSocket
  server.maxRequestsPerSocket = 2;
  server.on('dropRequest', (req) => log('dropRequest', req.url));
  await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write('GET /m1 HTTP/1.1\r\nHost: x\r\n\r\nGET /m2 HTTP/1.1\r\nHost: x\r\n\r\nGET /m3 HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('close', () => { log('maxRequests', JSON.stringify(data.split('\r\n').filter((l) => /^(HTTP|Connection|Keep)/.test(l)))); resolve(); });
    setTimeout(() => s.destroy(), 500);
  });
  server.maxRequestsPerSocket = 0;
  // URL + options, auth
  await new Promise((resolve) => {
    const url = new URL(`http://user:pa%20ss@127.0.0.1:${port}/u?q=1`);
    http.get(url, { headers: { 'X-Extra': '1' } }, (res) => { res.resume(); res.on('end', resolve); });
  });
  await new Promise((resolve) => {
    http.get(`http://127.0.0.1:${port}/nohost`, { setHost: false }, (res) => { log('nohost status', res.statusCode); res.resume(); res.on('end', resolve); });
  });
  await new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', path: '/raw' }, (res) => {
      log('raw headers', JSON.stringify(res.rawHeaders.filter((x, i, a) => a[i - (i % 2)] !== 'Date')), JSON.stringify(res.headers['x-a']));
      res.resume(); res.on('end', resolve);
    });
  });
  // headers as array on the client
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', path: '/arr', headers: ['Host', 'h', 'X-B', '1', 'X-B', '2'] }, (res) => { res.resume(); res.on('end', resolve); });
    req.end();
  });
  // captureRejections with async handler that throws
  require('events').captureRejections = true;
  const s3 = http.createServer(async (req, res) => {
    res.setHeader('X-Leak', 'secret');
    throw new Error('boom');
  });
  await new Promise((r) => s3.listen(0, '127.0.0.1', r));
  addPort(s3.address().port);
  await new Promise((resolve) => {
    http.get({ port: s3.address().port, host: '127.0.0.1' }, (res) => {
      let d = ''; res.on('data', (c) => { d += c; });
      res.on('end', () => { log('captureRejections', res.statusCode, res.headers['x-leak'], d); resolve(); });
    });
  });
  s3.close();
  require('events').captureRejections = false;
  // user data listener on server socket (unconsume path), request still parsed
  const s4 = http.createServer((req, res) => res.end('s4'));
  s4.on('connection', (socket) => {
    socket.on('data', (d) => log('user data listener', d.length > 0));
  });
  await new Promise((r) => s4.listen(0, '127.0.0.1', r));
  addPort(s4.address().port);
  await new Promise((resolve) => {
    http.get({ port: s4.address().port, host: '127.0.0.1', agent: false }, (res) => {
      let d = ''; res.on('data', (c) => { d += c; }); res.on('end', () => { log('s4 body', d); resolve(); });
    });
  });
  s4.close();
  http.globalAgent.destroy();
  server.close(() => { log('closed'); done(); });
});
