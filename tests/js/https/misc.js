// More of node:https: server.setTimeout on an https.Server, client certificates through
// https.request options (key/cert) with a requestCert server, agent: false, and https.Server
// options that reach tls (ALPN is not offered by the https client by default).
'use strict';
const https = require('https');
const tls = require('tls');
const { fixture, guard, listen, close } = require('../tls/common');

guard();
const ca = fixture('ca.pem');
const creds = { key: fixture('server-key.pem'), cert: fixture('server.pem') };

function get(options) {
  return new Promise((resolve) => {
    const req = https.get(options, (res) => {
      const socket = res.socket;
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => {
        console.log('response', res.statusCode, data);
        console.log('client socket alpn', socket.alpnProtocol, 'authorized', socket.authorized,
          'own cert', socket.getCertificate().subject ? socket.getCertificate().subject.CN : '(none)');
        resolve();
      });
    });
    req.on('error', (e) => {
      console.log('error', e.code);
      resolve();
    });
  });
}

(async () => {
  console.log('--- server.setTimeout');
  const server = https.createServer(creds, (req, res) => res.end('ok'));
  const log = [];
  const ret = server.setTimeout(100, (socket) => {
    log.push(`timeout callback, a TLSSocket: ${socket instanceof tls.TLSSocket}`);
    socket.destroy();
  });
  console.log('setTimeout returns the server', ret === server, 'server.timeout', server.timeout);
  const port = await listen(server);
  await new Promise((resolve) => {
    // A TLS client that never sends a request.
    const idle = tls.connect({ port, host: '127.0.0.1', ca, servername: 'localhost' });
    idle.on('error', () => {});
    idle.on('close', resolve);
  });
  console.log('idle client closed');
  console.log(log.join('\n'));
  await close(server);

  console.log('--- client certificates');
  const mtls = https.createServer({ ...creds, ca, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const cert = req.socket.getPeerCertificate();
    res.end(`authorized=${req.socket.authorized} CN=${cert.subject ? cert.subject.CN : '(none)'}`);
  });
  const mport = await listen(mtls);
  const base = { host: '127.0.0.1', port: mport, ca, agent: false };
  await get({ ...base, key: fixture('client-key.pem'), cert: fixture('client.pem') });
  await get(base);
  await close(mtls);

  console.log('--- https.Server with ALPNProtocols, client without');
  const alpn = https.createServer({ ...creds, ALPNProtocols: ['http/1.1'] }, (req, res) => {
    res.end(`server alpn ${req.socket.alpnProtocol}`);
  });
  const aport = await listen(alpn);
  await get({ host: '127.0.0.1', port: aport, ca, agent: false });
  await get({ host: '127.0.0.1', port: aport, ca, agent: false, ALPNProtocols: ['http/1.1'] });
  await close(alpn);
  console.log('done');
})();
