// Expect: 100-continue with and without 'checkContinue'; 'information'; 417 for other expectations.
const http = require('http');
const { log, addPort, guard } = require('./port_log');
const done = guard();
const handler = (req, res) => {
  let b = '';
  req.on('data', (c) => { b += c; });
  req.on('end', () => { log('server body', b); res.end('got ' + b); });
};
const server = http.createServer(handler);
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  addPort(port);
  const post = (headers, onContinueWrite = true) => new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
      log('client response', res.statusCode, res.statusMessage);
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => { log('client body', d); resolve(); });
    });
    req.on('continue', () => { log('client continue'); req.end('payload'); });
    req.on('information', (info) => log('client information', info.statusCode, info.statusMessage));
    req.on('error', (e) => { log('client error', e.code); resolve(); });
    if (!onContinueWrite) req.end();
  });
  log('--- default (auto writeContinue)');
  await post({ Expect: '100-continue' });
  log('--- checkContinue');
  server.once('checkContinue', (req, res) => {
    log('server checkContinue', req.headers.expect);
    res.writeContinue();
    handler(req, res);
  });
  await post({ Expect: '100-continue' });
  log('--- checkContinue rejecting');
  server.once('checkContinue', (req, res) => {
    log('server rejects');
    res.writeHead(403);
    res.end('no');
  });
  await post({ Expect: '100-continue' });
  log('--- 417');
  await post({ Expect: 'something-else', 'Content-Length': 0 }, false);
  log('--- checkExpectation');
  server.once('checkExpectation', (req, res) => { log('server checkExpectation', req.headers.expect); res.end('custom'); });
  await post({ Expect: 'other' }, false);
  log('--- processing + early hints');
  const s2 = http.createServer((req, res) => {
    res.writeProcessing();
    res.writeEarlyHints({ link: '</styles.css>; rel=preload; as=style', 'x-trace': 'id' });
    res.end('final');
  });
  await new Promise((r) => s2.listen(0, '127.0.0.1', r));
  addPort(s2.address().port);
  await new Promise((resolve) => {
    const req = http.get({ port: s2.address().port, host: '127.0.0.1' }, (res) => {
      log('s2 response', res.statusCode); res.resume(); res.on('end', resolve);
    });
    req.on('information', (info) => log('s2 information', info.statusCode, info.statusMessage, JSON.stringify(info.headers)));
  });
  s2.close();
  http.globalAgent.destroy();
  server.close(() => { log('closed'); done(); });
});
