// Flags: --no-warnings
// The parts of node:tls that are plain JavaScript in node: argument validation of tls.connect,
// tls.createServer and tls.createSecureContext; tls.checkServerIdentity on hand-made certificate
// objects; the module's constants and root certificates; the DEP0123 warning for an IP address
// given as servername; ECONNREFUSED from tls.connect to a closed port.
'use strict';
const tls = require('tls');
const net = require('net');
const { fixture, guard, listen, close, describeError } = require('./common');

guard();
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

function attempt(name, fn) {
  try {
    const r = fn();
    console.log(name, '->', r === undefined ? 'undefined' : typeof r);
  } catch (e) {
    console.log(name, '-> throws', e.name, e.code, '|', e.message);
  }
}

console.log('=== argument validation');
const port = { port: 1, host: '127.0.0.1' }; // never reached: each of these throws first
attempt('connect()', () => tls.connect());
attempt('connect bad port', () => tls.connect({ port: -1, host: '127.0.0.1' }));
attempt('connect ALPNProtocols [5]', () => tls.connect({ ...port, ALPNProtocols: [5] }));
attempt('connect ALPNProtocols too long', () => tls.connect({ ...port, ALPNProtocols: ['x'.repeat(256)] }));
attempt('connect minVersion TLSv9', () => tls.connect({ ...port, minVersion: 'TLSv9' }));
attempt('connect ca 5', () => tls.connect({ ...port, ca: 5 }));
attempt('createServer ALPNProtocols too long', () => tls.createServer({ ALPNProtocols: ['y'.repeat(300)] }));
attempt('createServer ALPNCallback + ALPNProtocols', () => tls.createServer({ ALPNCallback() {}, ALPNProtocols: ['a'] }));
attempt('createServer SNICallback 5', () => tls.createServer({ SNICallback: 5 }));
attempt('createServer handshakeTimeout x', () => tls.createServer({ handshakeTimeout: 'x' }));
attempt('createServer sessionTimeout x', () => tls.createServer({ sessionTimeout: 'x' }));
attempt('createServer ticketKeys 3 bytes', () => tls.createServer({ ticketKeys: Buffer.alloc(3) }));
attempt('createServer listener 5', () => tls.createServer({}, 5));
attempt('createServer pskCallback 5', () => tls.createServer({ pskCallback: 5 }));
attempt('createServer pskIdentityHint 5', () => tls.createServer({ pskIdentityHint: 5 }));
attempt('setSecureContext(5)', () => tls.createServer().setSecureContext(5));
attempt('createSecureContext minVersion TLSv9', () => tls.createSecureContext({ minVersion: 'TLSv9' }));
attempt('createSecureContext maxVersion TLSv9', () => tls.createSecureContext({ maxVersion: 'TLSv9' }));
attempt('createSecureContext minVersion 3', () => tls.createSecureContext({ minVersion: 3 }));
attempt('createSecureContext minVersion > maxVersion', () => tls.createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' }));
attempt('createSecureContext minVersion + secureProtocol', () => tls.createSecureContext({ minVersion: 'TLSv1.2', secureProtocol: 'TLS_method' }));
attempt('createSecureContext key 5', () => tls.createSecureContext({ key: 5 }));
attempt('createSecureContext cert 5', () => tls.createSecureContext({ cert: 5 }));
attempt('createSecureContext ca [5]', () => tls.createSecureContext({ ca: [5] }));
attempt('createSecureContext ciphers 5', () => tls.createSecureContext({ ciphers: 5 }));
attempt('createSecureContext ecdhCurve 5', () => tls.createSecureContext({ ecdhCurve: 5 }));
attempt('createSecureContext()', () => tls.createSecureContext());
attempt('createSecureContext with PEM strings', () => tls.createSecureContext({
  key: fixture('server-key.pem').toString(), cert: fixture('server.pem').toString(), ca: fixture('ca.pem').toString(),
}));
attempt('addContext without a context', () => tls.createServer().addContext('x.test'));

console.log('=== checkServerIdentity');
function check(host, cert) {
  const e = tls.checkServerIdentity(host, cert);
  const what = e === undefined
    ? 'ok'
    : `${e.name} ${e.code} | ${e.message} | reason=${e.reason} | host=${e.host} | same cert ${e.cert === cert}`;
  console.log(JSON.stringify(host), JSON.stringify(cert.subjectaltname), JSON.stringify(cert.subject), '->', what);
}
check('localhost', { subjectaltname: 'DNS:localhost, IP Address:127.0.0.1', subject: { CN: 'localhost' } });
check('a.example.com', { subjectaltname: 'DNS:*.example.com', subject: {} });
check('a.b.example.com', { subjectaltname: 'DNS:*.example.com', subject: {} });
check('example.com', { subjectaltname: 'DNS:*.example.com', subject: {} });
check('EXAMPLE.com.', { subjectaltname: 'DNS:example.COM', subject: {} });
check('foo.example.com', { subjectaltname: 'DNS:f*.example.com', subject: {} });
check('bar.example.com', { subjectaltname: 'DNS:f*.example.com', subject: {} });
check('a.com', { subjectaltname: 'DNS:*.com', subject: {} });
check('x.a.com', { subjectaltname: 'DNS:x.*.com', subject: {} });
check('a.example.com', { subjectaltname: 'DNS:"*.example.com"', subject: {} });
check('127.0.0.1', { subjectaltname: 'IP Address:127.0.0.1', subject: {} });
check('127.0.0.2', { subjectaltname: 'DNS:localhost, IP Address:127.0.0.1', subject: {} });
check('::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1', subject: {} });
check('::1', { subjectaltname: 'IP Address:::1', subject: {} });
check('127.0.0.1', { subjectaltname: 'DNS:127.0.0.1', subject: {} });
check('127.0.0.1', { subject: { CN: '127.0.0.1' } });
check('example.com', { subject: { CN: 'example.com' } });
check('example.com', { subject: { CN: '*.com' } });
check('other.com', { subject: { CN: 'example.com' } });
check('b.com', { subject: { CN: ['a.com', 'b.com'] } });
check('example.com', { subjectaltname: 'DNS:other.com', subject: { CN: 'example.com' } });
check('example.com', { subjectaltname: 'URI:http://example.com/', subject: { CN: 'example.com' } });
check('example.com', { subjectaltname: 'URI:http://example.com/', subject: {} });
check('example.com', { subject: {} });
check('example.com', { subjectaltname: 'email:a@example.com', subject: {} });

console.log('=== module constants');
const roots = tls.rootCertificates;
console.log('rootCertificates', Array.isArray(roots), Object.isFrozen(roots), roots.length > 100,
  roots.every((c) => typeof c === 'string' && c.startsWith('-----BEGIN CERTIFICATE-----\n')),
  roots.every((c) => c.trimEnd().endsWith('-----END CERTIFICATE-----')), roots === tls.rootCertificates);
console.log('DEFAULT_MIN_VERSION', tls.DEFAULT_MIN_VERSION, 'DEFAULT_MAX_VERSION', tls.DEFAULT_MAX_VERSION);
console.log('DEFAULT_ECDH_CURVE', tls.DEFAULT_ECDH_CURVE, 'typeof DEFAULT_CIPHERS', typeof tls.DEFAULT_CIPHERS);
console.log('CLIENT_RENEG_LIMIT', tls.CLIENT_RENEG_LIMIT, 'CLIENT_RENEG_WINDOW', tls.CLIENT_RENEG_WINDOW);
const ciphers = tls.getCiphers();
console.log('getCiphers', Array.isArray(ciphers), ciphers.includes('tls_aes_256_gcm_sha384'),
  ciphers.includes('tls_aes_128_gcm_sha256'), ciphers.every((c) => c === c.toLowerCase()));
console.log('classes', typeof tls.TLSSocket, typeof tls.Server, typeof tls.SecureContext,
  tls.TLSSocket.prototype instanceof net.Socket, tls.Server.prototype instanceof net.Server);
const ctx = tls.createSecureContext();
console.log('SecureContext', ctx instanceof tls.SecureContext, typeof ctx.context);
const srv = tls.createServer();
console.log('createServer', srv instanceof tls.Server, srv instanceof net.Server, srv.listening);

(async () => {
  console.log('=== servername given as an IP address');
  const server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server.pem') }, (s) => s.end());
  const p = await listen(server);
  await new Promise((resolve) => {
    const c = tls.connect({ port: p, host: '127.0.0.1', servername: '127.0.0.1', ca: fixture('ca.pem') }, () => {
      console.log('connected, authorized', c.authorized);
    });
    c.on('error', (e) => console.log('error', describeError(e)));
    c.resume();
    c.on('close', resolve);
  });
  await close(server);

  console.log('=== ECONNREFUSED');
  await new Promise((resolve) => {
    const c = tls.connect({ port: p, host: '127.0.0.1', servername: 'localhost' }, () => console.log('connected?!'));
    c.on('error', (e) => console.log('error', describeError(e), '| syscall', e.syscall, e.address, e.port === p));
    c.on('close', (hadError) => {
      console.log('close', hadError);
      resolve();
    });
  });
  console.log('done');
})();
