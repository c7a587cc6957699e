'use strict';
// querystring: parse (separators, maxKeys, custom decoders, malformed escapes), stringify,
// escape/unescape, against node.
const qs = require('querystring');
const cases = ['a=1&&b=2', '=', '&', '&=&', 'a', 'a=', '=a', 'a=1&a=2&a=3', 'a+b=c+d', '%zz=%41', 'a=%E0%A4%A', 'a=b=c', '  a = b ', '__proto__=1', 'hasOwnProperty=x', 'a[]=1&a[]=2', '%2B=%2b'];
for (const c of cases) console.log(JSON.stringify(c), JSON.stringify(qs.parse(c)), Object.getPrototypeOf(qs.parse(c)));
console.log(qs.parse('a=1;b=2', ';'), qs.parse('a:1;;b:2', ';;', ':'), qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2}));
console.log(qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 0}), qs.parse('a=1&&&&b=2', null, null, {maxKeys: 2}));
console.log(qs.parse('a=%41', null, null, {decodeURIComponent: (s) => s.toUpperCase()}));
console.log(qs.stringify({a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: {}, g: 1e21, h: 10n, i: NaN, j: [], 'k l': "!'()*~"}));
console.log(qs.stringify({a: 1}, ';', ':'), qs.stringify('x'), qs.stringify(null), qs.stringify({a: 'é'}, null, null, {encodeURIComponent: (s) => `<${s}>`}));
console.log(qs.escape('a b&c/é\u{1F600}'), qs.escape(5), qs.escape({toString(){return 'x y'}}));
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(qs.unescape('a%20b+c'), qs.unescape('%zz%41'), qs.unescapeBuffer('a%20b+c%E2%82%AC', true), qs.unescapeBuffer('%4'));
console.log(qs.decode === qs.parse, qs.encode === qs.stringify, Object.keys(qs));
console.log(qs.parse('a=1&b=2', '&', '=', { maxKeys: -1 }));
console.log(qs.parse(5), qs.parse(''), qs.parse('a=1', '', ''));
console.log(qs.parse('a%20b=c%2'), qs.parse('a=%F0%9F%98%80'));
console.log(qs.stringify({ a: '\ud83d\ude00' }));
console.log(qs.parse('a+b=%41+', null, null, {decodeURIComponent: (s) => `<${s}>`}));
console.log(qs.parse('a=1+%zz'), qs.parse('a=1', 'a', 'a'), qs.parse('xa=1a=b', 'a', '='));
console.log(qs.parse('a=1&b=2', 5, {}));
console.log(qs.parse('a==1'), qs.parse('a=1&=2&=3'));
try { qs.stringify({a: '\udc00'}) } catch (e) { console.log(e.code) }
console.log(qs.stringify({a: [1, [2,3], {}]}), qs.stringify([1,2]), qs.stringify({a:1},'',''));
console.log(qs.unescapeBuffer('%41%4g%%41'));
console.log(qs.escape('\u00e9\u0800\uffff'), qs.escape(null), qs.escape(undefined), qs.escape(Symbol.iterator === 1));
console.log(qs.parse('a=%C3', null, null, {decodeURIComponent: decodeURIComponent}).a);
