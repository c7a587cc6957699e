// node:https: 1,000 keep-alive GETs (8 in flight), 200 fresh connections (one TLS handshake
// each) and one 64 MiB POST, client and server in the same process. The certificates are the
// tls golden tests' fixtures (EC P-256, TLS 1.3).
const https = require('https');
const fs = require('fs');
const path = require('path');
const fixtures = path.join(__dirname, '..', '..', 'tests', 'js', 'tls', 'fixtures');
const key = fs.readFileSync(path.join(fixtures, 'server-key.pem'));
const cert = fs.readFileSync(path.join(fixtures, 'server.pem'));
const ca = fs.readFileSync(path.join(fixtures, 'ca.pem'));
const N = 1000;
const FRESH = 200;
const BULK = 64 << 20;

const server = https.createServer({ key, cert }, (req, res) => {
  let n = 0;
  req.on('data', (d) => (n += d.length));
  req.on('end', () => res.end(req.method === 'POST' ? String(n) : 'hello world'));
});

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
  const get = (agent) =>
    new Promise((resolve, reject) => {
      https
        .get({ host: 'localhost', port, path: '/', agent, ca }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });

  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca });
  let t = process.hrtime.bigint();
  let started = 0;
  const worker = async () => {
    while (started < N) {
      started++;
      await get(agent);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const getMs = ms(t);
  console.log(`BENCH get_1k_ms ${getMs.toFixed(1)} ms`);
  console.log(`BENCH get_req_per_s ${((N / getMs) * 1000).toFixed(0)} req/s`);

  t = process.hrtime.bigint();
  for (let i = 0; i < FRESH; i++) await get(false);
  console.log(`BENCH handshakes_200_ms ${ms(t).toFixed(1)} ms`);

  const chunk = Buffer.alloc(1 << 20, 'x');
  t = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    const req = https.request({ host: 'localhost', port, method: 'POST', agent, ca }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => (text === String(BULK) ? resolve() : reject(new Error(`got ${text}`))));
    });
    let sent = 0;
    const more = () => {
      while (sent < BULK) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', more);
      }
      req.end();
    };
    more();
  });
  console.log(`BENCH post_64m_ms ${ms(t).toFixed(1)} ms`);
  agent.destroy();
  server.close();
});
