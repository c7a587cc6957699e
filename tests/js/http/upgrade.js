// 'upgrade' and 'connect' on server and client, with head bytes.
const http = require('http');
const { log, addPort, guard } = require('./port_log');
const done = guard();
const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket, head) => {
  log('server upgrade', req.method, req.url, req.headers.upgrade, 'head', JSON.stringify(head.toString()));
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nwelcome');
  socket.on('data', (d) => { log('server got', d.toString()); socket.end('bye'); });
});
server.on('connect', (req, socket, head) => {
  log('server connect', req.method, req.url, 'head', JSON.stringify(head.toString()));
  socket.write('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
  socket.on('data', (d) => { log('server tunnel got', d.toString()); socket.end(); });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  addPort(port);
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', path: '/ws', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('upgrade', (res, socket, head) => {
      log('client upgrade', res.statusCode, res.statusMessage, JSON.stringify(res.headers), 'head', JSON.stringify(head.toString()));
      socket.on('data', (d) => log('client got', d.toString()));
      socket.on('end', () => { log('client end'); resolve(); });
      socket.write('ping');
    });
    req.on('close', () => log('client req close'));
    req.end();
  });
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'CONNECT', path: 'example.com:443' });
    req.on('connect', (res, socket, head) => {
      log('client connect', res.statusCode, res.statusMessage, 'head', JSON.stringify(head.toString()));
      socket.write('through');
      socket.on('end', () => { log('client tunnel end'); resolve(); });
      socket.resume();
    });
    req.end();
  });
  // upgrade request without server listener in another server -> normal request
  const s2 = http.createServer((req, res) => { log('s2 request', req.headers.upgrade); res.end('no upgrade'); });
  await new Promise((r) => s2.listen(0, '127.0.0.1', r));
  addPort(s2.address().port);
  await new Promise((resolve) => {
    const req = http.get({ port: s2.address().port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'x' } }, (res) => {
      log('s2 response', res.statusCode); res.resume(); res.on('end', resolve);
    });
  });
  // CONNECT with no server listener: socket destroyed
  await new Promise((resolve) => {
    const req = http.request({ port: s2.address().port, host: '127.0.0.1', method: 'CONNECT', path: 'x:1' });
    req.on('error', (e) => { log('connect no-listener error', e.code, e.message); resolve(); });
    req.end();
  });
  s2.close();
  http.globalAgent.destroy();
  server.close(() => { log('closed'); done(); });
});
