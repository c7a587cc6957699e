// Pipelined requests on one connection, HEAD/204/304, trailers, large bodies with backpressure.
const http = require('http');
const net = require('net');
const { log, addPort, guard } = require('./port_log');
const done = guard(15000);
const big = Buffer.alloc(3 * 1024 * 1024, 'a');
const server = http.createServer((req, res) => {
  log('req', req.method, req.url);
  if (req.url === '/204') { res.writeHead(204); return res.end(); }
  if (req.url === '/304') { res.writeHead(304, { ETag: 'x' }); return res.end(); }
  if (req.url === '/head') { res.setHeader('Content-Length', 10); return res.end(); }
  if (req.url === '/trailer') {
    res.writeHead(200, { 'Trailer': 'X-Sum' });
    res.write('data');
    res.addTrailers({ 'X-Sum': '42' });
    return res.end();
  }
  if (req.url === '/big') {
    let n = 0;
    req.on('data', (c) => { n += c.length; });
    req.on('end', () => {
      log('server got big', n);
      res.write(big);
      res.end(big);
    });
    return;
  }
  if (req.url.startsWith('/p')) {
    // answer out of order timing; responses must still go in order
    const delay = 40 - Number(req.url.slice(2)) * 10;
    setTimeout(() => res.end(req.url), delay);
    return;
  }
  res.end('default');
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  addPort(port);
  // pipelining via raw socket
  await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write('GET /p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /p2 HTTP/1.1\r\nHost: x\r\n\r\nGET /p3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('close', () => {
      log('pipelined', JSON.stringify(data.split('\r\n').filter((l) => /^(HTTP|\/p|Connection)/.test(l) || l.length === 2)));
      resolve();
    });
  });
  const get = (method, path) => new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method, path }, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => {
        const h = { ...res.headers }; delete h.date;
        log(method, path, res.statusCode, JSON.stringify(h), JSON.stringify(d), JSON.stringify(res.trailers), JSON.stringify(res.rawTrailers));
        resolve();
      });
    });
    req.end();
  });
  await get('GET', '/204');
  await get('GET', '/304');
  await get('HEAD', '/head');
  await get('GET', '/trailer');
  // big upload and download with backpressure
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/big' }, (res) => {
      let n = 0; let pauses = 0;
      res.on('data', (c) => {
        n += c.length;
        if (pauses < 3) { pauses++; res.pause(); setTimeout(() => res.resume(), 20); }
      });
      res.on('end', () => { log('client got big', n, res.headers['transfer-encoding']); resolve(); });
    });
    let written = 0;
    function write() {
      while (written < 4 * 1024 * 1024) {
        written += 256 * 1024;
        if (!req.write(Buffer.alloc(256 * 1024, 'b'))) { req.once('drain', write); return; }
      }
      req.end();
    }
    write();
  });
  http.globalAgent.destroy();
  server.close(() => { log('closed'); done(); });
});
