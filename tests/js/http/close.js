// server.close() with idle keep-alive sockets, closeIdleConnections, closeAllConnections.
const http = require('http');
const net = require('net');
const { log, addPort, guard } = require('./port_log');
const done = guard();
let pending = [];
let hangClosed;
const server = http.createServer((req, res) => {
  log('request', req.url);
  if (req.url === '/hang') { pending.push(res); res.on('close', () => log('hang res close')); return; }
  res.end('ok');
});
function rawGet(path) {
  return new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1');
    let data = '';
    s.on('connect', () => s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    s.on('data', (d) => { data += d; if (data.includes('\r\n\r\nok') || path === '/hang') resolve(s); });
    s.on('close', () => { if (path === '/hang') hangClosed = JSON.stringify(data); else log('raw client close', path, JSON.stringify(data.split('\r\n')[0])); });
    s.on('error', (e) => log('raw error', path, e.code));
    if (path === '/hang') setTimeout(() => resolve(s), 100);
  });
}
server.listen(0, '127.0.0.1', async () => {
  addPort(server.address().port);
  // idle keep-alive connection + active hanging one
  await rawGet('/idle1');
  await rawGet('/hang');
  server.getConnections((e, n) => log('connections', n));
  server.closeIdleConnections();
  await new Promise((r) => setTimeout(r, 100));
  server.getConnections((e, n) => log('connections after closeIdle', n));
  await rawGet('/idle2');
  server.close(() => { setTimeout(() => { log('server close cb'); done(); }, 100); });
  log('listening after close', server.listening);
  await new Promise((r) => setTimeout(r, 100));
  server.getConnections((e, n) => log('connections after close', n));
  server.closeAllConnections();
  setTimeout(() => log('after closeAll, hang client closed:', hangClosed), 200);
});
