// Server options that reach my modules: joinDuplicateHeaders, maxHeadersCount, request trailers,
// IncomingMessage.setTimeout, rawHeaders/rawTrailers, client-side duplicate response headers.
const http = require('http');
const net = require('net');

function raw(port, data) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(data));
    let out = '';
    s.setEncoding('latin1');
    s.on('data', (d) => { out += d; });
    s.on('close', () => resolve(out.replace(/Date: [^\r]*\r\n/, '')));
  });
}

async function run(opts, data, handler) {
  const server = http.createServer(opts, handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  console.log(await raw(server.address().port, data));
  await new Promise((r) => server.close(r));
}

(async () => {
  const req1 = 'GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nX-A: 2\r\nAuthorization: a\r\nauthorization: b\r\nConnection: close\r\n\r\n';
  const show = (req, res) => {
    res.end(JSON.stringify([req.headers, req.rawHeaders, req.headersDistinct.authorization, req.joinDuplicateHeaders]));
  };
  await run({}, req1, show);
  await run({ joinDuplicateHeaders: true }, req1, show);
  const server2 = http.createServer(show);
  server2.maxHeadersCount = 2;
  await new Promise((r) => server2.listen(0, '127.0.0.1', r));
  console.log(await raw(server2.address().port, req1));
  server2.close();
  await run({}, 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\nx-t: 2\r\nSet-Cookie: s\r\n\r\n', (req, res) => {
    req.resume();
    req.on('end', () => res.end(JSON.stringify([req.trailers, req.rawTrailers, req.trailersDistinct, req.complete])));
  });
  await run({}, 'GET / HTTP/1.1\r\nHost: h\r\n\r\n', (req, res) => {
    req.setTimeout(30, () => {
      console.log('req timeout fired');
      res.end('timed');
      req.socket.end();
    });
  });
  // Client side: duplicate response headers and set-cookie
  const server3 = net.createServer((s) => {
    s.once('data', () => s.end('HTTP/1.1 200 OK\r\nX-D: 1\r\nx-d: 2\r\nSet-Cookie: a\r\nset-cookie: b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  await new Promise((r) => server3.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port: server3.address().port }, (res) => {
      res.resume();
      res.on('end', () => {
        console.log(JSON.stringify([res.headers, res.rawHeaders, res.headersDistinct, res.statusCode, res.statusMessage, res.httpVersionMajor, res.url, res.method]));
        resolve();
      });
    });
  });
  server3.close();
})();
