// How a tls client verifies the server's certificate: trusted and untrusted chains, self-signed,
// expired, an intermediate sent by the server, the name checks against servername or the IP
// connected to, rejectUnauthorized: false, and a custom checkServerIdentity. Only the client's
// view is printed; what the server sees of a rejected handshake differs between TLS stacks.
'use strict';
const tls = require('tls');
const { fixture, guard, listen, close, describeError } = require('./common');

guard();
const ca = fixture('ca.pem');
const pem = (name) => fixture(`${name}.pem`);
const key = (name) => fixture(`${name}-key.pem`);
let returned; // the error a custom checkServerIdentity returned

async function attempt(title, serverOpts, clientOpts) {
  console.log(`--- ${title}`);
  const server = tls.createServer(serverOpts, (socket) => {
    socket.on('error', () => {});
    socket.end('hi');
  });
  server.on('tlsClientError', () => {});
  const port = await listen(server);
  await new Promise((resolve) => {
    const events = [];
    let data = '';
    const client = tls.connect({ port, host: '127.0.0.1', ...clientOpts }, () => {
      events.push('secureConnect');
      // With rejectUnauthorized: false a failed verification leaves its code here, as a string.
      const authErr = client.authorizationError;
      console.log('authorized', client.authorized, 'authorizationError', typeof authErr === 'string' ? authErr : describeError(authErr));
      const cert = client.getPeerCertificate(true);
      const names = [];
      for (let c = cert, n = 0; c && c.subject && n < 5; c = c.issuerCertificate, n++) {
        names.push(c.subject.CN);
        if (c.issuerCertificate === c) {
          names.push('(self)');
          break;
        }
      }
      console.log('peer chain', names.join(' <- '));
    });
    client.setEncoding('utf8');
    client.on('data', (d) => { data += d; });
    client.on('end', () => events.push(`end ${JSON.stringify(data)}`));
    client.on('error', (err) => {
      events.push('error');
      if (err.code === 'ECUSTOM') console.log('error', err.code, err.message, err === returned);
      else console.log('error', describeError(err));
    });
    client.on('close', () => {
      events.push('close');
      console.log('client events:', events.join(', '));
      resolve();
    });
  });
  await close(server);
}

(async () => {
  const server = { key: key('server'), cert: pem('server') };
  await attempt('trusted CA, servername localhost', server, { ca, servername: 'localhost' });
  await attempt('trusted CA, no servername: checked against the IP SAN', server, { ca });
  await attempt('ca given as an array of strings', server, { ca: [ca.toString(), pem('other').toString()], servername: 'localhost' });
  await attempt('CA not trusted (default root store)', server, { servername: 'localhost' });
  await attempt('CA not trusted, rejectUnauthorized false', server, { servername: 'localhost', rejectUnauthorized: false });

  const selfSigned = { key: key('self-signed'), cert: pem('self-signed') };
  await attempt('self-signed, no ca', selfSigned, { servername: 'localhost' });
  await attempt('self-signed, rejectUnauthorized false', selfSigned, { servername: 'localhost', rejectUnauthorized: false });
  await attempt('self-signed, trusted as its own ca', selfSigned, { ca: pem('self-signed'), servername: 'localhost' });

  const other = { key: key('other'), cert: pem('other') };
  await attempt('other.test cert, servername localhost', other, { ca, servername: 'localhost' });
  await attempt('other.test cert, no servername (IP 127.0.0.1)', other, { ca });
  await attempt('other.test cert, servername other.test', other, { ca, servername: 'other.test' });
  await attempt('other.test cert, rejectUnauthorized false', other, { ca, servername: 'localhost', rejectUnauthorized: false });

  const seen = [];
  await attempt('other.test cert, checkServerIdentity accepts', other, {
    ca,
    servername: 'localhost',
    checkServerIdentity(host, cert) {
      seen.push(`${host} ${cert.subject.CN} ${cert.subjectaltname}`);
      return undefined;
    },
  });
  console.log('checkServerIdentity called with', seen);
  await attempt('server.pem, checkServerIdentity rejects', server, {
    ca,
    servername: 'localhost',
    checkServerIdentity(host) {
      returned = new Error(`no thanks, ${host}`);
      returned.code = 'ECUSTOM';
      return returned;
    },
  });

  await attempt('expired', { key: key('expired'), cert: pem('expired') }, { ca, servername: 'localhost' });

  const leaf = pem('leaf-via-intermediate');
  const viaKey = key('leaf-via-intermediate');
  const chain = Buffer.concat([leaf, pem('intermediate')]);
  await attempt('leaf + intermediate sent, root trusted', { key: viaKey, cert: chain }, { ca, servername: 'localhost' });
  await attempt('leaf + intermediate sent, root not trusted', { key: viaKey, cert: chain }, { servername: 'localhost' });
  await attempt('leaf only sent, root trusted', { key: viaKey, cert: leaf }, { ca, servername: 'localhost' });
  await attempt('leaf + root sent, root not trusted', { key: key('server'), cert: Buffer.concat([pem('server'), ca]) }, { servername: 'localhost' });
  console.log('done');
})();
