// AsyncLocalStorage: a store reaches what descends from run() through promises, await, ticks,
// microtasks, timers, immediates, fs callbacks and promises, sockets and http, and nothing
// else; enterWith, exit, disable, nesting, several storages, bind and snapshot.
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const fs = require('fs');
const net = require('net');
const http = require('http');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = [];
const seen = (label) => log.push(`${label}: ${JSON.stringify(als.getStore())} ${JSON.stringify(other.getStore())}`);

console.log(als.getStore(), als.run(1, () => als.getStore()), als.getStore());
console.log(als.run(2, (a, b) => a + b, 3, 4));

// A promise resolved elsewhere keeps the store of whoever called then().
let resolveLater;
const later = new Promise((r) => (resolveLater = r));
als.run('then-time', () => later.then(() => seen('then registered in run')));

als.run('A', () => {
  other.run('B', () => {
    process.nextTick(() => seen('nextTick'));
    queueMicrotask(() => seen('queueMicrotask'));
    Promise.resolve().then(() => seen('then'));
    (async () => {
      await null;
      seen('after await');
      await new Promise((r) => setTimeout(r, 1));
      seen('after awaited timer');
    })();
    setTimeout(() => seen('setTimeout'), 2);
    const iv = setInterval(() => {
      seen('setInterval');
      clearInterval(iv);
    }, 1);
    setImmediate(() => seen('setImmediate'));
    fs.stat(__filename, () => seen('fs callback'));
    fs.promises.readFile(__filename).then(() => seen('fs promise'));
    als.exit(() => {
      seen('inside exit');
      setTimeout(() => seen('timer from exit'), 3);
    });
    seen('after exit');
  });
  seen('outer run after inner');
});
als.run('resolver', () => resolveLater());
seen('top level');

// enterWith lasts for the rest of the callback and what it schedules, not for the next one.
setTimeout(() => {
  als.enterWith('entered');
  seen('after enterWith');
  setTimeout(() => seen('scheduled after enterWith'), 1);
}, 5);
setTimeout(() => seen('next timer'), 5);

// disable: undefined until the next run.
setTimeout(() => {
  als.run('x', () => {
    als.disable();
    seen('disabled');
    als.run('y', () => seen('run after disable'));
  });
}, 10);

// bind, snapshot, AsyncResource.
setTimeout(() => {
  const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
  const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
  const res = als.run('resource', () => new AsyncResource('X'));
  console.log(bound(), snap(() => als.getStore()), res.runInAsyncScope(() => als.getStore()), als.getStore());
  const f = res.bind(function (a) { return [this, a, als.getStore()]; });
  console.log(f.length, JSON.stringify(f.call('t', 1)));
}, 15);

// Sockets and http: the handler runs in the server's frame; what it runs in a store keeps it.
setTimeout(() => {
  const server = net.createServer((socket) => {
    seen('connection');
    als.run('socket', () => {
      socket.on('data', (d) => {
        seen('server data');
        socket.end(d);
      });
    });
  });
  als.run('listen', () => server.listen(0, '127.0.0.1', () => {
    seen('listening');
    const c = als.run('client', () => net.connect(server.address().port, '127.0.0.1', () => {
      seen('connected');
      c.write('hi', () => seen('write callback'));
    }));
    c.on('data', () => seen('client data'));
    c.on('close', () => {
      server.close();
      httpPart();
    });
  }));
}, 20);

function httpPart() {
  const server = http.createServer((req, res) => {
    als.run({ id: req.url }, () => {
      setTimeout(() => {
        seen('request timer');
        res.end(String(als.getStore().id));
      }, 1);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    let n = 0;
    for (const path of ['/a', '/b']) {
      als.run(`get ${path}`, () => http.get({ port, path, host: '127.0.0.1' }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          seen(`response ${body}`);
          if (++n === 2) {
            server.close();
            setTimeout(finish, 5);
          }
        });
      }));
    }
  });
}

function finish() {
  // Each async step logs in an order that can vary by a turn; compare as a sorted set.
  for (const line of log.sort()) console.log(line);
}
