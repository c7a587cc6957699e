// ALPN (ALPNProtocols on both sides, as arrays or wire-format buffers, server preference, no
// overlap, ALPNCallback) and SNI (the servername each side sees, server.addContext with exact and
// wildcard names, SNICallback choosing the certificate, SNICallback failing).
'use strict';
const tls = require('tls');
const { fixture, guard, listen, close, describeError } = require('./common');

guard();
const ca = fixture('ca.pem');
const server = { key: fixture('server-key.pem'), cert: fixture('server.pem') };
const other = { key: fixture('other-key.pem'), cert: fixture('other.pem') };

// Connects once; prints the client's view, then the server's (kept apart: their order is racy).
// `fails` says which side is expected to end the handshake: when it is the client (a name
// mismatch), what the server saw is not printed; when it is the server, the client's error is not
// printed (its code depends on the TLS stack), only that the handshake failed, and the server's
// tlsClientError is waited for.
async function attempt(title, serverOpts, clientOpts, { setup, fails } = {}) {
  console.log(`--- ${title}`);
  const serverLog = [];
  let clientError;
  const srv = tls.createServer(serverOpts, (socket) => {
    socket.on('error', () => {});
    serverLog.push(`server alpn=${socket.alpnProtocol} servername=${socket.servername}`);
    socket.end();
  });
  const serverError = new Promise((resolve) => {
    srv.on('tlsClientError', (err, socket) => {
      serverLog.push(`server tlsClientError ${err instanceof Error} ${socket instanceof tls.TLSSocket}`);
      resolve();
    });
  });
  if (setup) setup(srv);
  const port = await listen(srv);
  await new Promise((resolve) => {
    const client = tls.connect({ port, host: '127.0.0.1', ca, ...clientOpts }, () => {
      const cert = client.getPeerCertificate();
      console.log(`client alpn=${client.alpnProtocol} servername=${client.servername}`,
        `authorized=${client.authorized} cert=${cert.subject.CN} (${cert.subjectaltname})`);
    });
    client.on('error', (err) => {
      clientError = err;
      if (fails !== 'server') console.log('client error', describeError(err));
    });
    client.resume();
    client.on('close', resolve);
  });
  if (fails === 'server') {
    console.log('client: handshake failed', clientError instanceof Error);
    await serverError;
  }
  await close(srv);
  if (fails !== 'client') for (const line of serverLog) console.log(line);
}

(async () => {
  const sni = { servername: 'localhost' };
  await attempt('both offer http/1.1', { ...server, ALPNProtocols: ['h2', 'http/1.1'] },
    { ...sni, ALPNProtocols: ['http/1.1'] });
  await attempt('the server\'s preference wins', { ...server, ALPNProtocols: ['h2', 'foo', 'http/1.1'] },
    { ...sni, ALPNProtocols: ['http/1.1', 'foo'] });
  await attempt('wire-format buffers', { ...server, ALPNProtocols: Buffer.from('\x02h2\x08http/1.1') },
    { ...sni, ALPNProtocols: Buffer.from('\x03abc\x02h2') });
  await attempt('Uint8Array on the client', { ...server, ALPNProtocols: ['abc'] },
    { ...sni, ALPNProtocols: new Uint8Array(Buffer.from('\x03abc')) });
  await attempt('only the client offers ALPN', server, { ...sni, ALPNProtocols: ['h2'] });
  await attempt('only the server offers ALPN', { ...server, ALPNProtocols: ['h2'] }, sni);
  // node 20 ends the handshake with a no_application_protocol alert when nothing matches.
  await attempt('no overlap', { ...server, ALPNProtocols: ['h2'] }, { ...sni, ALPNProtocols: ['spdy/3'] }, { fails: 'server' });
  const calls = [];
  await attempt('ALPNCallback picks the last', {
    ...server,
    ALPNCallback({ servername, protocols }) {
      calls.push(`ALPNCallback ${servername} ${JSON.stringify(protocols)}`);
      return protocols[protocols.length - 1];
    },
  }, { ...sni, ALPNProtocols: ['a', 'b', 'c'] });
  console.log(calls.splice(0).join('\n'));

  console.log('=== SNI');
  await attempt('no servername: none sent (IP host)', server, {});
  const contexts = (srv) => {
    srv.addContext('other.test', other);
    srv.addContext('*.wild.test', tls.createSecureContext(other));
  };
  await attempt('addContext: other.test', server, { servername: 'other.test' }, { setup: contexts });
  await attempt('addContext: localhost gets the default', server, { servername: 'localhost' }, { setup: contexts });
  await attempt('addContext: a.wild.test matches *.wild.test', server,
    { servername: 'a.wild.test', rejectUnauthorized: false }, { setup: contexts });
  await attempt('addContext: unknown.test gets the default (name mismatch)', server,
    { servername: 'unknown.test' }, { setup: contexts, fails: 'client' });

  const sniCalls = [];
  const SNICallback = (servername, cb) => {
    sniCalls.push(`SNICallback ${servername}`);
    if (servername === 'fail.test') cb(new Error('no context'));
    else if (servername === 'other.test') setImmediate(cb, null, tls.createSecureContext(other));
    else cb(null, undefined); // the server's own context
  };
  await attempt('SNICallback: other.test (async)', { ...server, SNICallback }, { servername: 'other.test' });
  await attempt('SNICallback: localhost (default)', { ...server, SNICallback }, { servername: 'localhost' });
  await attempt('SNICallback: error fails the handshake', { ...server, SNICallback }, { servername: 'fail.test' }, { fails: 'server' });
  await attempt('SNICallback: not called without servername', { ...server, SNICallback }, {});
  console.log(sniCalls.join('\n'));
  await attempt('client secureContext holding the ca', other,
    { ca: undefined, secureContext: tls.createSecureContext({ ca }), servername: 'other.test' });
  console.log('done');
})();
