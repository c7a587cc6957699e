// OutgoingMessage header methods and validation errors.
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const util = require('util');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, '=>', util.inspect(r));
  } catch (e) {
    console.log(label, 'THROWS', e.name, e.code, JSON.stringify(e.message), e instanceof TypeError, e instanceof RangeError);
  }
}

const m = new OutgoingMessage();
show('set', () => m.setHeader('Content-Type', 'text/plain') === m);
show('set X-Foo', () => { m.setHeader('X-Foo', ['a', 'b']); return m.getHeader('x-foo'); });
show('set num', () => { m.setHeader('X-Num', 42); return m.getHeader('X-NUM'); });
show('getHeader missing', () => m.getHeader('nope'));
show('getHeaders', () => m.getHeaders());
show('getHeaders proto', () => Object.getPrototypeOf(m.getHeaders()));
show('getHeaderNames', () => m.getHeaderNames());
show('getRawHeaderNames', () => m.getRawHeaderNames());
show('hasHeader', () => [m.hasHeader('content-type'), m.hasHeader('CONTENT-TYPE'), m.hasHeader('x')]);
show('append new', () => { m.appendHeader('Set-Cookie', 'a=1'); return m.getHeader('set-cookie'); });
show('append more', () => { m.appendHeader('set-cookie', ['b=2', 'c=3']); return m.getHeader('set-cookie'); });
show('append to scalar', () => { m.appendHeader('content-type', 'x'); return m.getHeader('content-type'); });
show('remove', () => { m.removeHeader('X-NUM'); return m.getHeaderNames(); });
show('_renderHeaders', () => m._renderHeaders());
show('headersSent', () => m.headersSent);
show('setHeaders map', () => { m.setHeaders(new Map([['a', '1'], ['set-cookie', ['x=1', 'y=2']]])); return m.getHeaders(); });
show('setHeaders bad', () => m.setHeaders({ a: 1 }));
show('setHeaders arr', () => m.setHeaders([['a', 1]]));
show('setHeaders null', () => m.setHeaders(null));

show('bad name empty', () => m.setHeader('', 'x'));
show('bad name space', () => m.setHeader('a b', 'x'));
show('bad name num', () => m.setHeader(1, 'x'));
show('bad name undefined', () => m.setHeader(undefined, 'x'));
show('bad value undefined', () => m.setHeader('a', undefined));
show('bad value char', () => m.setHeader('a', 'x\ny'));
show('bad value char arr', () => m.setHeader('a', ['ok', 'x\ry']));
show('value null', () => { m.setHeader('n', null); return m.getHeader('n'); });
show('getHeader nonstring', () => m.getHeader(1));
show('hasHeader nonstring', () => m.hasHeader({}));
show('removeHeader nonstring', () => m.removeHeader(null));
show('validateHeaderName', () => validateHeaderName('x y'));
show('validateHeaderName label', () => validateHeaderName('x y', 'Trailer name'));
show('validateHeaderValue', () => validateHeaderValue('x', 'a\u0100'));
show('validateHeaderValue ok', () => validateHeaderValue('x', 'a\u00ff\t'));
show('_implicitHeader', () => m._implicitHeader());
show('err string', () => { try { m.setHeader('a b', 1); } catch (e) { return String(e) + ' | ' + e.stack.split('\n')[0]; } });

const m2 = new OutgoingMessage();
m2._header = 'HTTP/1.1 200 OK\r\n\r\n';
show('set after sent', () => m2.setHeader('a', 'b'));
show('append after sent', () => m2.appendHeader('a', 'b'));
show('remove after sent', () => m2.removeHeader('a'));
show('setHeaders after sent', () => m2.setHeaders(new Map()));
show('render after sent', () => m2._renderHeaders());
show('headersSent 2', () => m2.headersSent);

const m3 = new OutgoingMessage();
show('empty names', () => [m3.getHeaderNames(), m3.getRawHeaderNames(), m3.getHeaders(), m3.getHeader('a'), m3.hasHeader('a')]);
show('props', () => [m3.writable, m3.destroyed, m3.finished, m3.sendDate, m3.chunkedEncoding, m3.shouldKeepAlive, m3.useChunkedEncodingByDefault, m3.writableLength, m3.writableHighWaterMark, m3.writableCorked, m3.writableEnded, m3.writableFinished, m3.writableNeedDrain, m3.writableObjectMode, m3.closed, m3.errored, m3.connection, m3.socket]);
show('cork', () => { m3.cork(); m3.cork(); const a = m3.writableCorked; m3.uncork(); return [a, m3.writableCorked]; });
show('own keys', () => Object.keys(m3));
show('symbols', () => Object.getOwnPropertySymbols(m3).map(String));
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
show('_headers', () => { m3.setHeader('Q', 'w'); return m3._headers; });
show('_headerNames', () => m3._headerNames);
show('_headers set', () => { m3._headers = { AbC: 'x' }; return [m3.getHeaders(), m3.getRawHeaderNames()]; });
show('instanceof', () => [m3 instanceof require('stream').Stream, m3 instanceof require('events')]);
m3.on('error', (e) => console.log('pipe error', e.code, e.message));
m3.pipe();
