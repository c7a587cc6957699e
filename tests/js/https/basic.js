// https.createServer + https.get/https.request against it on 127.0.0.1: status, headers and body,
// a POST echoed back, the TLS facts of res.socket, a keep-alive https.Agent reusing its socket,
// rejectUnauthorized: false against a self-signed server and the error without it, the URL forms
// of https.request/https.get, and the https globalAgent.
'use strict';
const https = require('https');
const http = require('http');
const tls = require('tls');
const { fixture, guard, listen, close, describeError } = require('../tls/common');

guard();
const ca = fixture('ca.pem');

const handler = (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const info = {
      method: req.method,
      url: req.url,
      body,
      encrypted: req.socket.encrypted,
      serverAuthorized: req.socket.authorized,
      protocol: req.socket.getProtocol(),
      host: req.headers.host.replace(/:\d+$/, ':PORT'),
    };
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Served-By', 'https test');
    res.end(JSON.stringify(info));
  });
};

// Runs one request; prints the response's status, a few headers, the body and its socket's TLS
// facts; resolves to the request.
function go(label, makeRequest, body) {
  return new Promise((resolve) => {
    const req = makeRequest((res) => {
      const s = res.socket; // by 'end' a keep-alive socket has gone back to its agent
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => {
        console.log(label, res.statusCode, res.headers['content-type'], res.headers['x-served-by'], data);
        console.log(label, 'socket', s instanceof tls.TLSSocket, s.encrypted, 'authorized', s.authorized,
          s.authorizationError, 'peer', s.getPeerCertificate().subject.CN, 'reused', req.reusedSocket);
        setImmediate(resolve, req); // lets a keep-alive socket go back to its agent first
      });
    });
    req.on('error', (e) => {
      console.log(label, 'error', describeError(e));
      setImmediate(resolve, req);
    });
    if (body !== undefined) req.end(body);
  });
}

(async () => {
  const server = https.createServer({ key: fixture('server-key.pem'), cert: fixture('server.pem') }, handler);
  console.log('server', server instanceof https.Server, server instanceof tls.Server);
  const port = await listen(server);
  const base = { host: '127.0.0.1', port, ca };

  console.log('--- https.get with ca');
  await go('get', (cb) => https.get({ ...base, path: '/hello?x=1' }, cb));
  console.log('--- https.get with servername localhost');
  await go('get sni', (cb) => https.get({ ...base, servername: 'localhost', path: '/sni' }, cb));
  console.log('--- POST');
  await go('post', (cb) => https.request({ ...base, method: 'POST', path: '/echo', headers: { 'Content-Type': 'text/plain' } }, cb),
    'posted body');
  console.log('--- https.request(new URL(...), options, cb)');
  await go('url', (cb) => https.request(new URL(`https://127.0.0.1:${port}/from-url`), { ca }, cb), '');
  console.log('--- https.get(string, options, cb)');
  await go('string', (cb) => https.get(`https://127.0.0.1:${port}/from-string`, { ca }, cb));

  console.log('--- keep-alive agent');
  const agent = new https.Agent({ keepAlive: true, ca });
  let connections = 0;
  server.on('secureConnection', () => connections++);
  const r1 = await go('ka1', (cb) => https.get({ host: '127.0.0.1', port, path: '/ka1', agent }, cb));
  const r2 = await go('ka2', (cb) => https.get({ host: '127.0.0.1', port, path: '/ka2', agent }, cb));
  console.log('same socket', r1.socket === r2.socket, 'new connections', connections);
  agent.destroy();

  console.log('--- agent with rejectUnauthorized false, default one rejects');
  const selfSigned = https.createServer({ key: fixture('self-signed-key.pem'), cert: fixture('self-signed.pem') }, handler);
  const sport = await listen(selfSigned);
  await go('insecure', (cb) => https.get({ host: '127.0.0.1', port: sport, path: '/insecure', rejectUnauthorized: false }, cb));
  await go('secure', (cb) => https.get({ host: '127.0.0.1', port: sport, path: '/secure' }, cb));
  await go('wrong ca', (cb) => https.get({ host: '127.0.0.1', port: sport, path: '/secure', ca }, cb));

  console.log('--- globalAgent');
  const g = https.globalAgent;
  console.log('globalAgent', g instanceof https.Agent, g instanceof http.Agent, g.defaultPort, g.protocol,
    g.keepAlive, https.Agent === https.globalAgent.constructor);
  console.log('new Agent', new https.Agent().defaultPort, new https.Agent().protocol);

  https.globalAgent.destroy();
  await close(selfSigned);
  await close(server);
  console.log('done');
})();
