// punycode: encode/decode, toASCII/toUnicode on mixed domains and emails, ucs2 helpers, the
// version, and the errors for bad input.
const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode).sort().join(' '));
for (const s of ['mañana', 'bücher', '☃-⌘', 'ü', 'abc', '', '他们为什么不说中文']) {
  const e = punycode.encode(s);
  console.log(JSON.stringify(s), e, punycode.decode(e) === s);
}
for (const d of ['mañana.com', '例え.テスト', 'xn--mnchen-3ya.de', 'user@bücher.example', 'ＡＢＣ.com', 'already.ascii']) {
  const a = punycode.toASCII(d);
  console.log(d, a, punycode.toUnicode(a));
}
console.log(punycode.ucs2.decode('\u{1F600}a'), punycode.ucs2.encode([0x1f600, 97]));
for (const bad of ['\x81-', 'ls8h=', 'xn--' + 'a'.repeat(2) + '\x80']) {
  try {
    console.log(punycode.decode(bad));
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log(require('node:punycode') === punycode);
