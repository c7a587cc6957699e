// What a socket writes: strings in each encoding and buffers, corked writes that go out together
// (writev), writes queued while connecting and bytesWritten counting them, end(data, cb), and
// setEncoding on the reading side. The server echoes bytes back as hex.
'use strict';
const net = require('net');

setTimeout(() => {
  console.log('timed out');
  process.exit(1);
}, 10000).unref();

function exchange(port, write) {
  return new Promise((resolve) => {
    const client = net.connect(port, '127.0.0.1');
    const log = [];
    let reply = '';
    client.setEncoding('latin1');
    client.on('data', (d) => {
      reply += d;
    });
    client.on('close', () => {
      log.push(`reply ${reply}`);
      resolve(log);
    });
    write(client, log);
  });
}

async function main() {
  const server = net.createServer((socket) => {
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => socket.end(Buffer.concat(chunks).toString('hex')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  console.log('--- encodings');
  console.log(
    await exchange(port, (client) => {
      client.write('é', 'utf8');
      client.write('é', 'latin1');
      client.write('abcd', 'hex');
      client.write('AQID', 'base64');
      client.write('hi', 'ucs2');
      client.write('A', 'ascii');
      client.write(Buffer.from([0xff, 0x00]));
      client.write(new Uint8Array([1, 2]));
      client.end();
    }),
  );

  console.log('--- corked writes');
  console.log(
    await exchange(port, (client, log) => {
      client.on('connect', () => {
        client.cork();
        client.write('a');
        client.write(Buffer.from('b'));
        client.write('ff', 'hex');
        log.push(`corked: writableLength ${client.writableLength}, writableCorked ${client.writableCorked}`);
        client.uncork();
        client.end();
      });
    }),
  );

  console.log('--- writes while connecting');
  console.log(
    await exchange(port, (client, log) => {
      client.write('12345');
      client.write(Buffer.from('678'));
      log.push(`connecting ${client.connecting}, bytesWritten ${client.bytesWritten}, bufferSize ${client.bufferSize}`);
      client.on('connect', () => log.push(`connected, bytesWritten ${client.bytesWritten}`));
      client.end('9', () => log.push(`end callback, bytesWritten ${client.bytesWritten}`));
    }),
  );

  console.log('--- setEncoding on the reading side');
  const decoded = await new Promise((resolve) => {
    const client = net.connect(port, '127.0.0.1');
    client.setEncoding('hex');
    let text = '';
    client.on('data', (d) => {
      text += d;
    });
    client.on('end', () => resolve(`${typeof text} ${text}`));
    client.end('\u00ff');
  });
  console.log(decoded);

  server.close();
  console.log('done');
}

main();
