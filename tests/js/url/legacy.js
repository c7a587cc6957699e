'use strict';
// Legacy url.parse/format/resolve/resolveObject on a corpus of odd inputs, and url.format of a
// WHATWG URL with its options, against node.
const url = require('url');
const inputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '  http://a.com/  ', 'HTTP://WWW.EXAMPLE.COM/A',
  'http:\\\\evil.com\\foo?x\\y', '/foo/bar?baz', '//foo/bar', 'foo/bar', 'mailto:user@example.com', 'javascript:alert(1)',
  'http://a@b@c/', 'http://a@b?@c', 'http://x.com/a b<c>"d`e{f}|g^h\'', 'http://[::1]:3000/x', 'http://[fe80::1%25eth0]/',
  'file:///etc/passwd', 'file://host/share', 'file:/x', 'http://ünicode.com/ü', 'http://a.com:abc/x', 'http://a.com:/x',
  'x://y', 'http://a.com#h?q', 'http://a.com?q#h?x', '?a=1&b=2', '#frag', '', '   ', 'http://a\tb\n.com/', 'HTTP://a.com',
  'http://user%20name:p%40ss@h/', 'ws://h:1/', 'git+ssh://git@github.com:org/repo.git', 'http://a.com/%zz', 'http://-a.com',
  'http://a_b.com', 'http://a.com.', 'http://1.2.3.4/', 'http://a..b/', 'xmpp:someone@example.com', 'http://a.com:65536',
  'some.host.com/path', '//user@host/p', 'http://a.com/p?x=1#a#b', 'http://www.a.com/ 😀',
];
for (const s of inputs) {
  for (const [pq, sdh] of [[false, false], [true, false], [false, true]]) {
    try {
      const u = url.parse(s, pq, sdh);
      console.log(JSON.stringify(s), pq, sdh, JSON.stringify(u), u.format());
    } catch (e) { console.log(JSON.stringify(s), pq, sdh, 'threw', e.code, e.message); }
  }
}
const pairs = [
  ['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://a/b/c/d;p?q', 'g;x?y#s'],
  ['http://a/b/c/d;p?q', '../../../g'], ['http://a/b/c/d;p?q', './'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', '//g'], ['mailto:a@b', 'c@d'], ['mailto:local1@domain1', 'local2@domain2'],
  ['http://a.com/x', 'https:foo/bar'], ['http://a.com/x', 'file:foo'], ['http://a/b', 'mailto:x@y'], ['foo/bar', '../../x'],
  ['http://u:p@a.com/x', 'http://b.com/'], ['http://a.com', 'x'], ['/a/b/', '../..'], ['http://a/b/c/', '..'], ['', 'a'],
  ['http://a.com/x', '//b.com'], ['urn:a:b', 'c'], ['http://a/b?x', 'c?y'], ['file:///a/b', 'c'],
];
for (const [a, b] of pairs) {
  console.log(a, '+', b, '=', url.resolve(a, b), JSON.stringify(url.resolveObject(a, b)));
}
console.log(url.format({ protocol: 'http', hostname: 'a.com', port: 80, pathname: 'x y#?', query: { a: [1, 2], b: 'c d' }, hash: 'h' }));
console.log(url.format({ protocol: 'file', pathname: '/x' }), url.format({ hostname: '::1', port: 8 }), url.format({ protocol: 'mailto', auth: 'a b:c@d', host: 'x.com' }));
console.log(url.format({ host: 'a.com', search: 'q=1#x', hash: '#y' }), url.format('http://A.com/b c'));
const w = new URL('http://user:pw@xn--nicode-2ya.com:8/p?q=1#f');
console.log(url.format(w), url.format(w, { auth: false, search: false, fragment: false, unicode: true }), url.format(w, { unicode: true }));
for (const bad of [null, 5, undefined]) { try { url.format(bad); } catch (e) { console.log(e.code, e.message); } }
for (const bad of [null, 5, {}]) { try { url.parse(bad); } catch (e) { console.log(e.code, e.message); } }
console.log(url.parse('http://a.com') instanceof url.Url, Object.keys(new url.Url()));
