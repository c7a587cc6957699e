'use strict';
// The WHATWG URL and URLSearchParams classes, file URL helpers and domain conversion, against
// node: parsing, setters, search params, inspection and errors.
const { URL, URLSearchParams, pathToFileURL, fileURLToPath, urlToHttpOptions, domainToASCII, domainToUnicode } = require('url');

const inputs = [
  ['https://a:b@example.com:8080/p/a/../t?x=1&y=2#h'], ['HTTP://EXAMPLE.com:80/'], ['http://[::1]:3000/x'],
  ['file:///tmp/a b'], ['mailto:someone@example.com'], ['data:text/plain,hi'], ['blob:https://a.com/uuid'],
  ['x', 'http://a.com/b/c'], ['../d?q', 'http://a.com/b/c'], ['//other.com/p', 'https://a.com'],
  ['http://ünicode.com/ü?ü#ü'], ['http://0x7f.1/'], ['http://a.com/%zz%41'], ['ws://h/ws'], ['http://a.com?'], ['http://a.com#'],
  ['non-special://host/path'], ['http://a.com/ tab\tnl\n'], ['  http://trim.com  '],
];
for (const [i, b] of inputs) {
  const u = new URL(i, b);
  console.log(JSON.stringify([u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash]));
}
for (const [i, b] of [['nope'], ['nope', 'also'], ['http://a b'], ['http://[::1'], ['/x'], ['http://a.com:99999']]) {
  try { new URL(i, b); console.log('parsed', i); } catch (e) { console.log(e.name, e.code, e.message, e.input, e.base, Object.keys(e)); }
}
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://y'));
try { new URL(); } catch (e) { console.log(e.name, e.code, e.message); }

const u = new URL('https://a:b@example.com:8080/p?x=1#h');
console.log(u);
console.log(String(u), u.toString(), u.toJSON(), JSON.stringify({ u }));
u.protocol = 'http'; u.username = 'us er'; u.password = 'p@ss'; u.hostname = 'EXAMPLE.org'; u.port = '80';
u.pathname = '/a b/c'; u.search = 'q=a b'; u.hash = 'frag ment';
console.log(u.href);
u.port = ''; u.host = 'h.com:81'; console.log(u.href);
u.protocol = 'mailto'; console.log(u.href);
u.href = 'http://new.com/'; console.log(u.href, u.searchParams.toString());
try { u.href = 'bad'; } catch (e) { console.log(e.name, e.code, e.message); }
u.search = '?a=1&b=2'; console.log([...u.searchParams]);
u.searchParams.append('c', 'x y'); console.log(u.href, u.search);
u.searchParams.delete('a'); console.log(u.href);

const sp = new URLSearchParams('?a=1&b=2&a=3&c=%20+&d');
console.log(sp, sp.size, [...sp.keys()], [...sp.values()], [...sp.entries()], sp.get('a'), sp.getAll('a'), sp.get('zz'));
console.log(sp.has('a'), sp.has('a', '3'), sp.has('a', '9'), sp.toString());
sp.set('a', 'new'); sp.delete('b'); sp.append('z', '1'); sp.append('e', '2'); sp.delete('z', '2'); sp.sort();
console.log(sp.toString());
sp.forEach(function (v, k, o) { console.log(k, v, o === sp, this === undefined); });
console.log(new URLSearchParams({ x: 1, y: [1, 2] }).toString(), new URLSearchParams([['a', 'b'], ['c', 'd']]).toString());
console.log(new URLSearchParams(new Map([['m', 'n']])).toString(), new URLSearchParams(sp).toString());
console.log(new URLSearchParams('a=%F0%9F%98%80&b=%zz&c=%E2%82').toString(), new URLSearchParams({ 'é&=': '/?#' }).toString());
for (const bad of [[[1]], [[1, 2, 3]], [5]]) {
  try { new URLSearchParams(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { sp.get(); } catch (e) { console.log(e.name, e.code, e.message); }
try { URLSearchParams.prototype.get.call({}, 'a'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.prototype.toString.call(sp), Object.prototype.toString.call(sp.keys()), sp[Symbol.iterator] === sp.entries);
const it = sp.keys(); console.log(it.next(), typeof it[Symbol.iterator]);
console.log(new URLSearchParams(''), new URLSearchParams('a=1').keys());

console.log(pathToFileURL('/tmp/a b#c?d%e\\f').href, pathToFileURL('rel/x').href.endsWith('/rel/x'), pathToFileURL('/dir/').href);
console.log(fileURLToPath('file:///tmp/a%20b'), fileURLToPath(new URL('file:///x/y')), fileURLToPath('file://localhost/etc'));
for (const bad of ['http://x', 'file:///a%2fb', 'file://host/x', 5]) {
  try { fileURLToPath(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(urlToHttpOptions(new URL('https://u:p@a.com:444/p?q#h')));
console.log(domainToASCII('español.com'), domainToASCII('xn--iñvalid.com'), domainToUnicode('xn--espaol-zwa.com'), domainToASCII('1.2.3.4'));
