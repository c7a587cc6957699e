// Basic server + http.get/request: headers, status, content-length and chunked both ways.
const http = require('http');
const guard = setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 8000);
const { log, addPort } = require('./port_log');
const server = http.createServer((req, res) => {
  log('server req', req.method, req.url, req.httpVersion, JSON.stringify(req.headers));
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    log('server body', JSON.stringify(body), 'complete', req.complete);
    if (req.url === '/chunked') {
      res.setHeader('X-Foo', 'bar');
      res.write('hello ');
      res.end('world');
    } else if (req.url === '/404') {
      res.writeHead(404, 'Nope', { 'Content-Type': 'text/plain' });
      res.end('missing');
    } else {
      res.writeHead(200, { 'Content-Length': 5, 'Set-Cookie': ['a=1', 'b=2'] });
      res.end('fixed');
    }
  });
  res.on('finish', () => log('server res finish'));
  res.on('close', () => log('server res close'));
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port; addPort(port);
  const go = (opts, body) => new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', ...opts }, (res) => {
      log('client res', res.statusCode, res.statusMessage, res.httpVersion);
      const h = { ...res.headers }; delete h.date;
      log('client headers', JSON.stringify(h));
      log('client rawHeaders', JSON.stringify(res.rawHeaders.filter((x, i, a) => a[i - (i % 2)] !== 'Date')));
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => { log('client body', JSON.stringify(data), res.complete); });
      res.on('close', () => { log('client res close'); resolve(); });
    });
    req.on('socket', () => log('client socket'));
    req.on('finish', () => log('client req finish'));
    req.on('close', () => log('client req close'));
    req.on('error', (e) => log('client error', e.code));
    if (body) for (const b of body) req.write(b);
    req.end();
  });
  await go({ path: '/fixed' });
  await go({ path: '/chunked', method: 'POST' }, ['abc', 'def']);
  await go({ path: '/404', method: 'PUT', headers: { 'Content-Length': 3, 'X-Custom': 'yes' } }, ['xyz']);
  await new Promise((resolve) => http.get(`http://127.0.0.1:${port}/get?x=1`, (res) => {
    log('get', res.statusCode); res.resume(); res.on('end', resolve);
  }));
  server.close(() => { log('server closed'); clearTimeout(guard); });
  http.globalAgent.destroy();
});
