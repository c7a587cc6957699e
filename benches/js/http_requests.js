// 3,000 keep-alive GETs from http.get to http.createServer in the same process, 8 in flight,
// then 300 POSTs of 64 KiB: the per-request cost of node:http on both sides, and its bulk path.
const http = require('http');
const N = 3000;
const POSTS = 300;
const body = Buffer.alloc(64 << 10, 'x');

const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (d) => (n += d.length));
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(req.method === 'POST' ? String(n) : 'hello world');
  });
});

server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const port = server.address().port;
  const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

  let t = process.hrtime.bigint();
  await new Promise((resolve) => {
    let started = 0;
    let done = 0;
    const one = () => {
      if (started === N) return;
      started++;
      http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => (++done === N ? resolve() : one()));
      });
    };
    for (let i = 0; i < 8; i++) one();
  });
  const getMs = ms(t);
  console.log(`BENCH get_3k_ms ${getMs.toFixed(1)} ms`);
  console.log(`BENCH get_req_per_s ${((N / getMs) * 1000).toFixed(0)} req/s`);

  t = process.hrtime.bigint();
  for (let i = 0; i < POSTS; i++) {
    await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/', method: 'POST', agent }, (res) => {
        let text = '';
        res.setEncoding('latin1');
        res.on('data', (d) => (text += d));
        res.on('end', () => (text === String(body.length) ? resolve() : reject(new Error(`got ${text}`))));
      });
      req.end(body);
    });
  }
  console.log(`BENCH post_64k_300_ms ${ms(t).toFixed(1)} ms`);
  agent.destroy();
  server.close();
});
