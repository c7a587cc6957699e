// OutgoingMessage write path: _storeHeader, chunked / Content-Length, trailers, end, errors.
const { OutgoingMessage, kUniqueHeaders, parseUniqueHeadersOption } = require('_http_outgoing');
const { Writable } = require('stream');

const probe = new OutgoingMessage();
const sym = (name) => Object.getOwnPropertySymbols(probe).find((s) => s.description === name);
const kOutHeaders = sym('kOutHeaders');

class Msg extends OutgoingMessage {
  constructor(firstLine, opts) {
    super(opts);
    this.firstLine = firstLine || 'HTTP/1.1 200 OK\r\n';
  }
  _implicitHeader() {
    this._storeHeader(this.firstLine, this[kOutHeaders]);
  }
}

function fakeSocket(log) {
  const s = new Writable({
    highWaterMark: 64,
    write(chunk, enc, cb) { log.push(chunk.toString('latin1')); cb(); },
    writev(chunks, cb) { log.push(chunks.map((c) => c.chunk.toString('latin1')).join('')); cb(); },
  });
  s.on('error', (e) => log.push('[sock error ' + e.message + ']'));
  return s;
}

let seq = Promise.resolve();
function test(name, fn) {
  seq = seq.then(() => new Promise((resolve) => {
    const log = [];
    const out = [];
    const note = (...a) => out.push(a.map((x) => typeof x === 'string' ? x : JSON.stringify(x)).join(' '));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      console.log(`--- ${name}`);
      for (const l of out) console.log('  ' + l);
      console.log('  wire: ' + JSON.stringify(log.join('')).replace(/Date: [^\\]*/, 'Date: X'));
      resolve();
    };
    try {
      fn(log, note, finish);
    } catch (e) {
      note('THROWS', e.code, e.message);
    }
    setTimeout(finish, 30);
  }));
}

function attached(log, opts, firstLine) {
  const m = new Msg(firstLine, opts);
  const s = fakeSocket(log);
  m.socket = s;
  s._httpMessage = m;
  return m;
}

test('no socket buffering then flush', (log, note) => {
  const m = new Msg();
  m.setHeader('X-A', '1');
  note('write ret', m.write('hello'));
  note('outputData', m.outputData.map((d) => [String(d.data), d.encoding]), m.outputSize, m.writableLength);
  note('header', m._header, m._headerSent, m.chunkedEncoding);
  m.end('!');
  note('after end', m.outputData.length, m.finished, m.writableEnded, m.writableFinished);
  const s = fakeSocket(log);
  m.socket = s;
  s._httpMessage = m;
  m.on('prefinish', () => note('prefinish'));
  m.on('finish', () => note('finish'));
  m._flush();
});

test('content-length from end', (log, note) => {
  const m = attached(log);
  m.on('finish', () => note('finish'));
  m.on('prefinish', () => note('prefinish'));
  m.end('hello world', () => note('end cb'));
  note('cl', m._contentLength, m.chunkedEncoding, m._last);
});

test('end empty', (log, note) => {
  const m = attached(log);
  m.end();
  note('cl', m._contentLength, m.finished);
});

test('chunked writes + trailers', (log, note) => {
  const m = attached(log);
  m.setHeader('Trailer', 'X-Sum');
  m.write('abc', () => note('w1 cb'));
  m.write(Buffer.from('défg'));
  m.write('');
  m.write('ü', 'latin1');
  m.addTrailers({ 'X-Sum': 'ok', 'X-Arr': ['1', '2'] });
  m.end(() => note('end cb'));
  note('chunked', m.chunkedEncoding);
});

test('trailers array form', (log, note) => {
  const m = attached(log);
  m.addTrailers([['A', '1'], ['B', ['x', 'y']]]);
  note(m._trailer);
  try { m.addTrailers({ 'bad name': 'x' }); } catch (e) { note(e.code, e.message); }
  try { m.addTrailers({ ok: 'x\ny' }); } catch (e) { note(e.code, e.message); }
  try { m.addTrailers({ ok: ['a', 'x\ny'] }); } catch (e) { note(e.code, e.message); }
  m[kUniqueHeaders] = parseUniqueHeadersOption(['B']);
  m.addTrailers([['B', ['x', 'y']]]);
  note(m._trailer);
});

test('trailer with content-length throws', (log, note) => {
  const m = attached(log);
  m.setHeader('Content-Length', '3');
  m.setHeader('Trailer', 'x');
  try { m.end('abc'); } catch (e) { note(e.code, e.message); }
});

test('explicit content-length', (log, note) => {
  const m = attached(log);
  m.setHeader('Content-Length', 5);
  m.write('he');
  m.end('llo');
  note(m._contentLength, m.chunkedEncoding);
});

test('strictContentLength mismatch', (log, note) => {
  const m = attached(log);
  m.strictContentLength = true;
  m.setHeader('Content-Length', 5);
  m.write('he');
  try { m.write('llooo'); } catch (e) { note(e.code, e.message); }
  try { m.end('x'); } catch (e) { note(e.code, e.message); }
  try { m.end(); } catch (e) { note(e.code, e.message); }
});

test('connection close header', (log, note) => {
  const m = attached(log);
  m.setHeader('Connection', 'close');
  m.end('x');
  note('last', m._last, m.shouldKeepAlive);
});

test('keepalive timeout', (log, note) => {
  const m = attached(log);
  m._keepAliveTimeout = 5000;
  m._maxRequestsPerSocket = 7;
  m.end();
});

test('keepalive false', (log, note) => {
  const m = attached(log);
  m.shouldKeepAlive = false;
  m.end('x');
  note('last', m._last);
});

test('max requests reached', (log, note) => {
  const m = attached(log);
  m.maxRequestsOnConnectionReached = true;
  m.end('x');
});

test('no chunked by default', (log, note) => {
  const m = attached(log, undefined, 'GET / HTTP/1.1\r\n');
  m.useChunkedEncodingByDefault = false;
  m.write('abc');
  m.end();
  note('last', m._last, m.chunkedEncoding);
});

test('removed headers', (log, note) => {
  const m = attached(log);
  m.removeHeader('Content-Length');
  m.removeHeader('Transfer-Encoding');
  m.removeHeader('connection');
  m.write('a');
  m.end('b');
  note('last', m._last, m._removedConnection, m._removedContLen, m._removedTE);
});

test('no body (HEAD)', (log, note) => {
  const m = attached(log);
  m._hasBody = false;
  note('write', m.write('abc', () => note('w cb')));
  m.end('zz');
  note('chunked', m.chunkedEncoding);
});

test('reject non standard body writes', (log, note) => {
  const m = attached(log, { rejectNonStandardBodyWrites: true });
  m._hasBody = false;
  try { m.write('abc'); } catch (e) { note(e.code, e.message); }
});

test('204 chunked', (log, note) => {
  const m = attached(log, undefined, 'HTTP/1.1 204 No Content\r\n');
  m.statusCode = 204;
  m.setHeader('Transfer-Encoding', 'chunked');
  m.end();
  note(m.chunkedEncoding, m.shouldKeepAlive, m._last);
});

test('sendDate', (log, note) => {
  const m = attached(log);
  m.sendDate = true;
  m.end();
});

test('array headers store', (log, note) => {
  const m = attached(log);
  m._storeHeader('HTTP/1.1 200 OK\r\n', ['A', '1', 'B', '2']);
  note(m._header);
  const m2 = attached(log);
  m2._storeHeader('HTTP/1.1 200 OK\r\n', [['A', '1'], ['Cookie', ['a', 'b']], ['Set-Cookie', ['a', 'b']]]);
  note(m2._header);
  const m3 = attached(log);
  try { m3._storeHeader('X\r\n', ['A', '1', 'B']); } catch (e) { note(e.code, e.message); }
  const m4 = attached(log);
  m4._storeHeader('X\r\n', { 'Content-Type': 'a', bad: ['x', 'y'] });
  note(m4._header);
  const m5 = attached(log);
  try { m5._storeHeader('X\r\n', { 'bad name': 'a' }); } catch (e) { note(e.code, e.message); }
  try { m5._storeHeader('X\r\n', { ok: 'a\rb' }); } catch (e) { note(e.code, e.message); }
  try { m5._storeHeader('X\r\n', { ok: undefined }); } catch (e) { note(e.code, e.message); }
  const m6 = attached(log);
  m6[kUniqueHeaders] = parseUniqueHeadersOption(['X-U']);
  m6.setHeader('x-u', ['a', 'b']);
  m6.setHeader('Content-Disposition', 'attachment; filename=é');
  m6._contentLength = 3;
  m6._implicitHeader();
  note(m6._header);
});

test('expect 100-continue sends header immediately', (log, note) => {
  const m = attached(log, undefined, 'POST / HTTP/1.1\r\n');
  m.setHeader('Expect', '100-continue');
  m._implicitHeader();
  note('sent', m._headerSent);
});

test('flushHeaders', (log, note) => {
  const m = attached(log);
  m.setHeader('A', 'b');
  m.flushHeaders();
  note('sent', m._headerSent, m.headersSent);
  m.end('x');
});

test('write errors', (log, note) => {
  const m = attached(log);
  try { m.write(null); } catch (e) { note(e.name, e.code, e.message); }
  try { m.write(1); } catch (e) { note(e.name, e.code, e.message); }
  try { m.write({}); } catch (e) { note(e.name, e.code, e.message); }
  m.end();
  m.on('error', (e) => note('error event', e.code, e.message));
  note('write after end', m.write('x', (e) => note('cb', e && e.code)));
  m.end('y', (e) => note('end cb', e && e.code));
  m.end((e) => note('end cb2', e && e.code));
});

test('end after finished (already finished)', (log, note) => {
  const m = attached(log);
  m.end();
  setTimeout(() => {
    note('writableFinished', m.writableFinished);
    m.end((e) => note('end cb', e && e.code, e && e.message));
  }, 5);
});

test('destroyed write', (log, note) => {
  const m = attached(log);
  m.on('error', (e) => note('error event', e.code));
  m.destroy(new Error('x'));
  note('destroyed', m.destroyed, m.errored && m.errored.message);
  note('ret', m.write('a', (e) => note('cb', e && e.code, e && e.message)));
});

test('destroy without socket', (log, note) => {
  const m = new Msg();
  m.destroy();
  note(m.destroyed, m.listenerCount('socket'));
  note(m.destroy() === m);
});

test('setTimeout', (log, note) => {
  const m = new Msg();
  m.setTimeout(10, () => {});
  note(m.listenerCount('socket'), m.listenerCount('timeout'));
});

test('backpressure without socket', (log, note) => {
  const m = new Msg(undefined, { highWaterMark: 10 });
  m.on('drain', () => note('drain'));
  note(m.writableHighWaterMark);
  note(m.write('12345'), m.writableNeedDrain);
  note(m.write('123456789'), m.writableNeedDrain, m.outputSize);
  const s = fakeSocket(log);
  m.socket = s;
  s._httpMessage = m;
  m._flush();
  note(m.writableNeedDrain, m.outputSize);
});

test('cork before socket', (log, note) => {
  const m = new Msg();
  m.cork();
  m.write('a');
  const s = fakeSocket(log);
  m.socket = s;
  s._httpMessage = m;
  note('sock corked', s.writableCorked);
  m._flushOutput(s);
  note('after flush corked', s.writableCorked, m.writableCorked);
  m.end();
});

test('_send with binary first chunk', (log, note) => {
  const m = attached(log);
  m.setHeader('Content-Length', 3);
  m.end(Buffer.from('abc'));
});

test('_send hex encoding first chunk', (log, note) => {
  const m = attached(log);
  m.end('616263', 'hex');
});

test('write utf8 byteLength chunked', (log, note) => {
  const m = attached(log);
  m.write('€uro');
  m.write('ff', 'hex');
  m.end();
});

test('strict content length ok', (log, note) => {
  const m = attached(log);
  m.strictContentLength = true;
  m.setHeader('content-length', 4);
  m.write('ab');
  m.end('€'.slice(0, 0) + 'cd', () => note('ok'));
});
