// End to end: server and client on 127.0.0.1, chunked and content-length bodies, keep-alive,
// trailers, duplicate headers, HEAD, 204, POST bodies.
const http = require('http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    console.log('server got', req.method, req.url, req.httpVersion, JSON.stringify(body),
      req.headers['x-dup'], req.headers.cookie, JSON.stringify(req.headersDistinct['x-dup']),
      req.headers['transfer-encoding'] || '', req.headers['content-length'] || '', JSON.stringify(req.trailers));
    switch (req.url) {
      case '/cl':
        res.setHeader('Content-Type', 'text/plain');
        res.end('hello content-length');
        break;
      case '/chunked':
        res.write('chunk1,');
        res.write(Buffer.from('chunk2,'));
        setTimeout(() => res.end('chunk3'), 5);
        break;
      case '/trailers':
        res.setHeader('Trailer', 'X-Check');
        res.write('body');
        res.addTrailers({ 'X-Check': 'yes' });
        res.end();
        break;
      case '/head':
        res.setHeader('Content-Length', 10);
        res.end();
        break;
      case '/204':
        res.statusCode = 204;
        res.end();
        break;
      case '/cookies':
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.appendHeader('X-Multi', 'one');
        res.appendHeader('X-Multi', 'two');
        res.writeHead(201, 'Made', { 'X-Extra': 'e' });
        res.end();
        break;
      default:
        res.end(body);
    }
  });
});

function request(opts, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, ...opts }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const h = { ...res.headers };
        delete h.date;
        console.log('client got', res.statusCode, res.statusMessage, res.httpVersion, JSON.stringify(h),
          JSON.stringify(Buffer.concat(chunks).toString()), JSON.stringify(res.trailers), JSON.stringify(res.rawTrailers),
          'reused', req.reusedSocket);
        resolve();
      });
    });
    req.on('error', reject);
    if (body) {
      for (const b of body) req.write(b);
    }
    req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await request({ path: '/cl', agent });
    await request({ path: '/chunked', agent });
    await request({ path: '/trailers', agent });
    await request({ path: '/head', method: 'HEAD', agent });
    await request({ path: '/204', agent });
    await request({ path: '/cookies', agent, headers: ['Host', 'localhost', 'X-Dup', 'a', 'x-dup', 'b', 'Cookie', 'c=1', 'cookie', 'd=2'] });
    await request({ path: '/echo', method: 'POST', agent }, ['part1,', 'part2']);
    await request({ path: '/echo', method: 'PUT', agent, headers: { 'Content-Length': 5 } }, ['12345']);
    await request({ path: '/echo', method: 'POST' }, ['no agent']);
    await new Promise((resolve) => {
      http.get(`http://127.0.0.1:${server.address().port}/cl`, (res) => {
        res.setEncoding('utf8');
        let s = '';
        res.on('data', (d) => { s += d; });
        res.on('end', () => { console.log('get', res.statusCode, s); resolve(); });
      });
    });
  } catch (e) {
    console.log('error', e);
  }
  agent.destroy();
  server.close(() => console.log('closed'));
});
