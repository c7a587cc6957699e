// IncomingMessage headers/headersDistinct/trailers joining rules.
const { IncomingMessage } = require('_http_incoming');
const util = require('util');
const raw = [
  'Host', 'a.com', 'HOST', 'b.com', 'Set-Cookie', 'x=1', 'set-cookie', 'y=2',
  'Cookie', 'c=1', 'cookie', 'd=2', 'Accept', 'text/html', 'accept', 'text/plain',
  'X-Custom', '1', 'x-custom', '2', 'Authorization', 'a', 'authorization', 'b',
  'Content-Length', '5', 'content-length', '6', 'Date', 'd1', 'DATE', 'd2', 'Vary', 'v',
  'Age', '1', 'ETag', 'e', 'ETAG', 'e2', 'Weird-Name', 'w', 'WEIRD-name', 'w2', 'User-Agent', 'ua',
  'Transfer-Encoding', 'chunked', 'transfer-encoding', 'gzip', 'Connection', 'keep-alive', 'Proxy-Authorization', 'p',
  '__proto__', 'pp', 'constructor', 'cc',
];
for (const join of [false, true]) {
  const m = new IncomingMessage(null);
  m.joinDuplicateHeaders = join;
  m._addHeaderLines(raw.slice(), raw.length);
  console.log('join', join);
  console.log(util.inspect(m.headers));
  console.log(util.inspect(m.headersDistinct));
  console.log(m.rawHeaders.length, m.complete, m.trailers, m.rawTrailers);
  m.complete = true;
  m._addHeaderLines(['X-T', '1', 'x-t', '2', 'Set-Cookie', 's'], 6);
  console.log(util.inspect(m.trailers), util.inspect(m.trailersDistinct), m.rawTrailers);
}
// headers read before trailers added / limited count
const m = new IncomingMessage(null);
m._addHeaderLines(['A', '1', 'B', '2', 'C', '3'], 4);
console.log(m.headers, m.rawHeaders);
console.log(m.headers === m.headers);
const h0 = m.headers;
m.headers = { z: 1 };
console.log(m.headers, h0);
const m2 = new IncomingMessage(null);
console.log(m2.headers, m2.headersDistinct, m2.trailers);
m2._addHeaderLines(['Q', '1'], 2); // after getter: dest exists
console.log(m2.headers, m2.headersDistinct);
const keys = Object.keys(m2);
console.log(keys);
console.log(Object.getOwnPropertySymbols(m2).map(String));
console.log([m2.httpVersion, m2.complete, m2.aborted, m2.upgrade, m2.url, m2.method, m2.statusCode, m2.statusMessage, m2.client, m2.socket, m2.connection]);
console.log(m2.readableHighWaterMark, m2._readableState.readingMore);
const { Duplex } = require('stream');
const fakeSock = new Duplex({ readableHighWaterMark: 1234, read() {}, write(c, e, cb) { cb(); } });
fakeSock.setTimeout = (ms) => console.log('sock timeout', ms);
fakeSock.on('close', () => console.log('sock close', fakeSock.destroyed));
const m3 = new IncomingMessage(fakeSock);
console.log(m3.readableHighWaterMark, m3.socket === fakeSock, m3.client === fakeSock);
m3.setTimeout(100, () => {});
console.log(m3.listenerCount('timeout'));
m3.push(Buffer.from('hello'));
m3.push(null);
m3.on('data', (d) => console.log('data', String(d)));
m3.on('end', () => { console.log('end', m3._consuming, m3.readableEnded); m3.destroy(); });
const m7 = new IncomingMessage(fakeSock);
m7.on('aborted', () => console.log('m7 aborted'));
m7.on('close', () => console.log('m7 close', m7.aborted, fakeSock.destroyed));
setTimeout(() => m7.destroy(), 10);
m3.on('aborted', () => console.log('aborted'));
m3.on('close', () => console.log('close', m3.aborted, m3.destroyed));
const m4 = new IncomingMessage(null);
m4.on('aborted', () => console.log('m4 aborted'));
m4.on('close', () => console.log('m4 close', m4.aborted));
m4.on('error', (e) => console.log('m4 error', e && e.message));
m4.destroy(new Error('boom'));
const m5 = new IncomingMessage(null);
m5.on('close', () => console.log('m5 close', m5.aborted));
m5.destroy(new Error('no listener'));
const m6 = new IncomingMessage(null);
m6.push(Buffer.from('x'));
m6.on('data', () => console.log('m6 data (should not)'));
m6._dump();
console.log('m6 dumped', m6._dumped, m6.listenerCount('data'));
