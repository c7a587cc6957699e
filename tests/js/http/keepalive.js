// Keep-alive with the global Agent: reuse, maxSockets queueing, agent.destroy().
const http = require('http');
const { log, addPort, guard } = require('./port_log');
const done = guard();
let conns = 0;
const server = http.createServer((req, res) => {
  setTimeout(() => res.end(`${req.url} on ${req.socket.remotePort === undefined ? '?' : 'sock'}`), 20);
});
server.on('connection', () => { conns++; });
function get(agent, path) {
  return new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => {
        log('res', path, d, 'reused', req.reusedSocket, 'shouldKeepAlive', req.shouldKeepAlive);
        resolve(req.socket || null);
      });
    });
    req.on('error', (e) => { log('err', path, e.code); resolve(null); });
  });
}
const names = (o) => Object.keys(o).map((k) => `${k.replace(/:\d+:/, ':P:')}=${o[k].length}`).join(',');
server.listen(0, '127.0.0.1', async () => {
  addPort(server.address().port);
  const g = http.globalAgent;
  await get(undefined, '/a');
  await new Promise((r) => setImmediate(r));
  log('free after a', names(g.freeSockets), 'sockets', names(g.sockets), 'total', g.totalSocketCount);
  await get(undefined, '/b');
  await new Promise((r) => setImmediate(r));
  log('conns after b', conns);
  // parallel with default agent: 3 sockets
  await Promise.all([get(undefined, '/p1'), get(undefined, '/p2'), get(undefined, '/p3')]);
  await new Promise((r) => setImmediate(r));
  log('conns after parallel', conns, 'free', names(g.freeSockets));
  // maxSockets = 1 agent queues requests
  const a1 = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const before = conns;
  const ps = [get(a1, '/q1'), get(a1, '/q2'), get(a1, '/q3')];
  log('queued', names(a1.requests), 'sockets', names(a1.sockets));
  await Promise.all(ps);
  await new Promise((r) => setImmediate(r));
  log('new conns for a1', conns - before, 'free', names(a1.freeSockets));
  a1.destroy();
  // non keep-alive agent: Connection: close
  const a2 = new http.Agent();
  await get(a2, '/nk');
  // agent: false
  await get(false, '/nf');
  g.destroy();
  await new Promise((r) => setTimeout(r, 50));
  log('after destroy free', names(g.freeSockets), 'total', g.totalSocketCount, 'a1 total', a1.totalSocketCount);
  log('getName', g.getName({ host: 'h', port: 1, localAddress: 'x', family: 4 }), g.getName());
  server.close(() => { log('closed'); done(); });
});
