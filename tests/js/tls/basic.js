// tls.createServer + tls.connect over 127.0.0.1 with a CA-signed EC certificate, then the same
// with an RSA certificate: the handshake events on both sides, authorized/authorizationError,
// the negotiated protocol, the peer certificate as an object, a small string and a 1 MiB buffer
// echoed back byte for byte, and the events each side sees as the connection winds down (the
// reading half and the writing half logged apart, since which comes first depends on timing).
'use strict';
const tls = require('tls');
const { fixture, guard, listen, close } = require('./common');

guard();
const ca = fixture('ca.pem');

function track(socket) {
  const read = [];
  const write = [];
  const other = [];
  socket.on('end', () => read.push('end'));
  socket.on('finish', () => write.push('finish'));
  socket.on('error', (e) => other.push(`error ${e.code}`));
  return new Promise((resolve) => {
    socket.on('close', (hadError) => {
      other.push(`close hadError=${hadError}`);
      resolve({ read, write, other });
    });
  });
}

function show(name, log) {
  console.log(`${name} read:`, log.read.join(', '));
  console.log(`${name} write:`, log.write.join(', '));
  console.log(`${name} events:`, log.other.join(', '));
}

function showCert(label, cert, log) {
  log(`${label} keys`, Object.keys(cert).sort().join(','));
  log(`${label} subject`, JSON.stringify(cert.subject), 'issuer', JSON.stringify(cert.issuer));
  log(`${label} subject proto null`, Object.getPrototypeOf(cert.subject) === null);
  log(`${label} subjectaltname`, cert.subjectaltname);
  log(`${label} ca`, cert.ca, 'bits', cert.bits);
  log(`${label} valid`, cert.valid_from, '|', cert.valid_to);
  log(`${label} serialNumber`, cert.serialNumber);
  log(`${label} fingerprint`, cert.fingerprint);
  log(`${label} fingerprint256`, cert.fingerprint256);
  log(`${label} fingerprint512 length`, cert.fingerprint512.length);
  log(`${label} ext_key_usage`, JSON.stringify(cert.ext_key_usage));
  log(`${label} raw`, Buffer.isBuffer(cert.raw), cert.raw.length);
  log(`${label} pubkey`, Buffer.isBuffer(cert.pubkey), cert.pubkey.length);
  if (cert.asn1Curve !== undefined) log(`${label} curve`, cert.asn1Curve, cert.nistCurve);
  if (cert.modulus !== undefined) log(`${label} rsa`, cert.exponent, cert.modulus.length);
}

// 1 MiB of a fixed pattern.
const big = Buffer.alloc(1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 255;

async function run(keyName, certName, full) {
  console.log(`--- ${certName}`);
  // Each side's log is printed at the end: which side's handshake completes first is racy.
  const clientLog = [];
  const serverLog = [];
  const slog = (...a) => serverLog.push(a.map(String).join(' '));
  const clog = (...a) => clientLog.push(a.map(String).join(' '));
  let serverSide;
  let serverBytes = 0;
  const server = tls.createServer({ key: fixture(keyName), cert: fixture(certName) });
  server.on('secureConnection', (socket) => {
    slog('server secureConnection', socket instanceof tls.TLSSocket, socket.encrypted);
    slog('server authorized', socket.authorized, socket.authorizationError);
    slog('server servername', socket.servername, 'protocol', socket.getProtocol());
    slog('server alpnProtocol', socket.alpnProtocol);
    slog('server peer certificate', JSON.stringify(socket.getPeerCertificate()));
    slog('server own certificate CN', socket.getCertificate().subject.CN);
    slog('server remoteAddress', socket.remoteAddress, typeof socket.remotePort);
    serverSide = track(socket);
    // Echo everything, end when the client ends.
    socket.on('data', (d) => {
      serverBytes += d.length;
      socket.write(d);
    });
    socket.on('end', () => socket.end());
  });
  const port = await listen(server);
  const client = tls.connect({ port, host: '127.0.0.1', ca, servername: 'localhost' }, () => {
    clog('client secureConnect', client.encrypted, client.authorized, client.authorizationError);
    clog('client protocol', client.getProtocol(), 'cipher version', client.getCipher().version);
    clog('client alpnProtocol', client.alpnProtocol, 'session reused', client.isSessionReused());
    clog('client remoteAddress', client.remoteAddress, client.remotePort === port, client.remoteFamily);
    clog('client own certificate', JSON.stringify(client.getCertificate()));
    const cert = client.getPeerCertificate();
    if (full) showCert('peer', cert, clog);
    else clog('peer', cert.subject.CN, cert.bits, cert.exponent, cert.modulus.length, cert.serialNumber);
    client.write('hello');
  });
  clog('connect returns a TLSSocket', client instanceof tls.TLSSocket, client.encrypted);
  const clientSide = track(client);
  const chunks = [];
  let phase = 'small';
  client.on('data', (d) => {
    chunks.push(d);
    if (phase === 'small' && Buffer.concat(chunks).toString() === 'hello') {
      clog('client got the small echo');
      chunks.length = 0;
      phase = 'big';
      const flushed = client.write(big);
      clog('write(big) returned', typeof flushed);
      client.end();
    }
  });
  const c = await clientSide;
  const s = await serverSide;
  for (const line of clientLog) console.log(line);
  for (const line of serverLog) console.log(line);
  const got = Buffer.concat(chunks);
  console.log('client got back', got.length, 'bytes, equal', got.equals(big));
  console.log('server saw', serverBytes, 'bytes');
  show('client', c);
  show('server', s);
  console.log('client after close', client.destroyed, client.readyState);
  await close(server);
  console.log('server closed');
}

(async () => {
  await run('server-key.pem', 'server.pem', true);
  await run('server-rsa-key.pem', 'server-rsa.pem', false);
  console.log('done');
})();
