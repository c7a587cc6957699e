// Client certificates: a server with requestCert verifies the client's certificate against its
// ca; with rejectUnauthorized: false it accepts any client and reports the outcome in
// socket.authorized, with the default (true) it refuses a client that sends no certificate.
'use strict';
const tls = require('tls');
const { fixture, guard, listen, close } = require('./common');

guard();
const ca = fixture('ca.pem');
const server = { key: fixture('server-key.pem'), cert: fixture('server.pem'), ca };
const client = { key: fixture('client-key.pem'), cert: fixture('client.pem') };

// The server's authorizationError, when it is a code every TLS stack reports the same way; else
// only its type. UNABLE_TO_GET_ISSUER_CERT is what node itself reports when the client sent no
// certificate at all (it is node's default in TLSWrap::VerifyError, not OpenSSL's verdict).
const STABLE = ['DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT'];
const authError = (e) => (e === null || STABLE.includes(e) ? e : `(${typeof e === 'object' ? 'Error' : typeof e})`);

async function attempt(title, serverOpts, clientOpts, { refused } = {}) {
  console.log(`--- ${title}`);
  const serverLog = [];
  const srv = tls.createServer(serverOpts);
  const serverDone = new Promise((resolve) => {
    srv.on('secureConnection', (socket) => {
      socket.on('error', () => {});
      const cert = socket.getPeerCertificate();
      serverLog.push(`server authorized=${socket.authorized} authorizationError=${authError(socket.authorizationError)}`);
      serverLog.push(`server peer cert: ${cert.subject ? `${cert.subject.CN} issued by ${cert.issuer.CN}, ext_key_usage ${JSON.stringify(cert.ext_key_usage)}` : JSON.stringify(cert)}`);
      socket.end(`hello ${cert.subject ? cert.subject.CN : 'stranger'}`);
      resolve();
    });
    srv.on('tlsClientError', (err, socket) => {
      serverLog.push(`server tlsClientError ${err instanceof Error} ${socket instanceof tls.TLSSocket}`);
      resolve();
    });
  });
  const port = await listen(srv);
  await new Promise((resolve) => {
    let data = '';
    const c = tls.connect({ port, host: '127.0.0.1', ca, servername: 'localhost', ...clientOpts }, () => {
      if (refused) return; // with TLS 1.3 the client may finish its handshake before the server refuses
      const own = c.getCertificate();
      console.log(`client secureConnect authorized=${c.authorized} own cert=${own.subject ? own.subject.CN : JSON.stringify(own)}`);
    });
    c.setEncoding('utf8');
    c.on('data', (d) => { data += d; });
    c.on('error', (err) => {
      if (!refused) console.log('client error', err.code);
    });
    c.on('close', () => {
      if (refused) console.log('client closed');
      else console.log('client got', JSON.stringify(data));
      resolve();
    });
  });
  await serverDone;
  await close(srv);
  for (const line of serverLog) console.log(line);
}

(async () => {
  const optional = { ...server, requestCert: true, rejectUnauthorized: false };
  await attempt('requestCert, rejectUnauthorized false: client sends client.pem', optional, client);
  await attempt('requestCert, rejectUnauthorized false: client sends no certificate', optional, {});
  await attempt('requestCert, rejectUnauthorized false: client sends a self-signed certificate', optional,
    { key: fixture('self-signed-key.pem'), cert: fixture('self-signed.pem') });
  await attempt('requestCert, rejectUnauthorized false: client cert in a pfx-less array form', optional,
    { key: [client.key], cert: [client.cert] });

  const required = { ...server, requestCert: true };
  await attempt('requestCert (rejectUnauthorized default): client sends client.pem', required, client);
  await attempt('requestCert (rejectUnauthorized default): client sends no certificate', required, {}, { refused: true });

  await attempt('no requestCert: the client certificate is not asked for', server, client);
  console.log('done');
})();
