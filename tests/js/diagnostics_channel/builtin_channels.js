// The channels net and http publish on: net.client.socket, net.server.socket, the
// net.server.listen tracing channel (and its error), http.client.request.start,
// http.client.response.finish, http.client.request.error, http.server.request.start and
// http.server.response.finish, with what each message carries.
const dc = require('diagnostics_channel');
const net = require('net');
const http = require('http');

const log = [];
const names = ['net.client.socket', 'net.server.socket', 'http.client.request.start',
  'http.client.response.finish', 'http.client.request.error', 'http.server.request.start',
  'http.server.response.finish'];
for (const name of names) {
  dc.subscribe(name, (message) => {
    const parts = Object.keys(message).map((k) => {
      const v = message[k];
      return `${k}=${v && v.constructor ? v.constructor.name : v}`;
    });
    log.push(`${name}: ${parts.join(' ')}`);
  });
}
dc.tracingChannel('net.server.listen').subscribe({
  start: () => log.push('listen start'),
  end: () => log.push('listen end'),
  asyncStart: (m) => log.push(`listen asyncStart ${Object.keys(m).join(',')}`),
  asyncEnd: (m) => log.push(`listen asyncEnd ${Object.keys(m).join(',')}`),
  error: (m) => log.push(`listen error ${m.error.code}`),
});

const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const again = net.createServer();
  again.on('error', () => {
    http.get({ port, host: '127.0.0.1', path: '/x', agent: false }, (res) => {
      res.resume();
      res.on('end', () => {
        const refused = http.get({ port: 1, host: '127.0.0.1', path: '/' });
        refused.on('error', (e) => {
          log.push(`request error ${e.code}`);
          server.close();
          for (const line of log) console.log(line);
        });
      });
    });
  });
  again.listen(port, '127.0.0.1');
});
