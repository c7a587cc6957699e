// More of the tls server and socket: setTimeout on a server socket, handshakeTimeout, tlsClientError
// for a plain TCP client sending garbage, the secureConnection count and the close callback,
// TLS 1.2 by maxVersion and a version mismatch, and STARTTLS: TLS over an already connected
// net.Socket (tls.connect({ socket }) on the client, new tls.TLSSocket(socket, { isServer })
// on the server).
'use strict';
const tls = require('tls');
const net = require('net');
const { fixture, guard, listen, close } = require('./common');

guard();
const ca = fixture('ca.pem');
const creds = { key: fixture('server-key.pem'), cert: fixture('server.pem') };
const clientOpts = (port, extra) => ({ port, host: '127.0.0.1', ca, servername: 'localhost', ...extra });

// Resolves when the socket closes, with what it read.
const closed = (socket) => new Promise((resolve) => {
  let data = '';
  socket.on('data', (d) => { data += d; });
  socket.on('error', () => {});
  socket.on('close', () => resolve(data));
});

async function socketTimeout() {
  console.log('--- an idle server socket times out (tls.Server itself has no setTimeout)');
  const log = [];
  const server = tls.createServer(creds, (socket) => {
    const ret = socket.setTimeout(100, () => {
      log.push('timeout callback');
      socket.end('bye');
    });
    socket.on('timeout', () => log.push('timeout event'));
    log.push(`setTimeout returns the socket ${ret === socket}`);
  });
  console.log('typeof server.setTimeout', typeof server.setTimeout);
  const port = await listen(server);
  const client = tls.connect(clientOpts(port));
  console.log('client read', JSON.stringify(await closed(client)));
  console.log(log.join('\n'));
  await close(server);
}

async function handshakeTimeout() {
  console.log('--- handshakeTimeout: a TCP client that never says hello');
  const server = tls.createServer({ ...creds, handshakeTimeout: 100 });
  const errors = [];
  server.on('tlsClientError', (err, socket) => {
    errors.push(`tlsClientError ${err.code} ${err.message} ${socket instanceof tls.TLSSocket} destroyed=${socket.destroyed}`);
    socket.destroy(); // the timeout only reports; the listener ends the connection
  });
  const port = await listen(server);
  const tcp = net.connect(port, '127.0.0.1');
  await closed(tcp);
  console.log('tcp client closed');
  console.log(errors.join('\n'));
  await close(server);
}

async function garbage() {
  console.log('--- a plain TCP client sends an HTTP request to a TLS server');
  const server = tls.createServer(creds);
  let secure = 0;
  server.on('secureConnection', (s) => {
    secure++;
    s.end('hi');
  });
  const errors = new Promise((resolve) => {
    server.on('tlsClientError', (err, socket) => {
      resolve(`tlsClientError, an Error: ${err instanceof Error}, a TLSSocket: ${socket instanceof tls.TLSSocket}`);
    });
  });
  const port = await listen(server);
  const tcp = net.connect(port, '127.0.0.1', () => tcp.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  await closed(tcp);
  console.log('tcp client closed');
  console.log(await errors);
  for (let i = 0; i < 3; i++) {
    const c = tls.connect(clientOpts(port));
    console.log(`tls client ${i} read`, JSON.stringify(await closed(c)));
  }
  console.log('secureConnection count', secure);
  const events = [];
  server.on('close', () => events.push('close event'));
  await new Promise((resolve) => server.close((err) => {
    events.push(`close callback ${err}`);
    resolve();
  }));
  console.log(events.join(', '), 'listening', server.listening);
  server.close((err) => console.log('second close:', err.code));
  await new Promise((r) => setImmediate(r));
}

async function versions() {
  console.log('--- TLS 1.2 by the client\'s maxVersion');
  const server = tls.createServer(creds, (s) => {
    s.end(`server sees ${s.getProtocol()}`);
  });
  const port = await listen(server);
  const c = tls.connect(clientOpts(port, { maxVersion: 'TLSv1.2' }), () => {
    console.log('client protocol', c.getProtocol(), 'authorized', c.authorized);
  });
  console.log('client read', JSON.stringify(await closed(c)));
  const c13 = tls.connect(clientOpts(port, { minVersion: 'TLSv1.3' }), () => {
    console.log('client protocol', c13.getProtocol());
  });
  console.log('client read', JSON.stringify(await closed(c13)));
  await close(server);

  console.log('--- server minVersion TLSv1.3, client maxVersion TLSv1.2');
  const strict = tls.createServer({ ...creds, minVersion: 'TLSv1.3' }, (s) => s.end());
  const failed = new Promise((resolve) => strict.on('tlsClientError', (err) => resolve(err instanceof Error)));
  const sport = await listen(strict);
  const old = tls.connect(clientOpts(sport, { maxVersion: 'TLSv1.2' }), () => console.log('connected?!'));
  let clientError = null;
  old.on('error', (e) => { clientError = e; });
  await closed(old);
  console.log('client handshake failed', clientError instanceof Error, 'server tlsClientError', await failed);
  await close(strict);
}

async function starttls() {
  console.log('--- STARTTLS over a connected net.Socket');
  const secureContext = tls.createSecureContext(creds);
  const serverLog = [];
  const server = net.createServer((raw) => {
    raw.once('data', (d) => {
      serverLog.push(`server plaintext ${JSON.stringify(String(d))}`);
      raw.write('GO AHEAD\n', () => {
        const secure = new tls.TLSSocket(raw, { isServer: true, secureContext });
        secure.on('secure', () => serverLog.push(`server secure ${secure.getProtocol()} servername=${secure.servername}`));
        secure.on('data', (m) => secure.end(`echo ${m}`));
        secure.on('error', (e) => serverLog.push(`server error ${e.message}`));
      });
    });
  });
  const port = await listen(server);
  const raw = net.connect(port, '127.0.0.1');
  raw.write('STARTTLS\n');
  await new Promise((resolve) => raw.once('data', (d) => {
    console.log('client plaintext', JSON.stringify(String(d)));
    resolve();
  }));
  const secure = tls.connect({ socket: raw, ca, servername: 'localhost' }, () => {
    console.log('client secureConnect', secure.authorized, secure.getProtocol(), secure.encrypted);
    secure.write('over tls');
  });
  console.log('client read', JSON.stringify(await closed(secure)));
  console.log(serverLog.join('\n'));
  await close(server);
}

(async () => {
  await socketTimeout();
  await handshakeTimeout();
  await garbage();
  await versions();
  await starttls();
  console.log('done');
})();
