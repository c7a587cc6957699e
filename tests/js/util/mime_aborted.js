// util.MIMEType and util.MIMEParams (the WHATWG MIME type parser), util.aborted, and the old
// util._errnoException/_exceptionWithHostPort.
const util = require('util');
const { MIMEType, MIMEParams } = util;

for (const input of [
  'text/html',
  'Text/HTML; Charset="utf-8"; foo=bar',
  'application/json;charset=UTF-8',
  'text/plain; a=1; a=2; b="quoted \\" value"; c=',
  'image/svg+xml ; q=0.9 ',
  'multipart/form-data; boundary=----abc',
]) {
  const m = new MIMEType(input);
  console.log(JSON.stringify(input), '->', String(m), m.type, m.subtype, m.essence, JSON.stringify([...m.params]));
}

const m = new MIMEType('text/plain;charset=ascii');
m.type = 'application';
m.subtype = 'X-Custom';
m.params.set('charset', 'utf-8');
m.params.set('Format', 'flowed words');
m.params.delete('missing');
console.log(m.toString(), JSON.stringify(m), m.params.has('format'), m.params.get('format'), m.params.get('nope'));
console.log([...m.params.keys()], [...m.params.values()], [...m.params.entries()].length);
console.log(util.inspect(m));
console.log(util.inspect(m.params));
console.log(m instanceof MIMEType, m.params instanceof MIMEParams, typeof MIMEParams);

for (const bad of ['', 'text', 'text/', '/html', 'te xt/html', 'text/ht ml']) {
  try {
    new MIMEType(bad);
  } catch (e) {
    console.log(JSON.stringify(bad), e.name, e.code, e.message);
  }
}
for (const f of [() => (m.type = ''), () => (m.subtype = 'a b'), () => m.params.set('a b', 'x'), () => m.params.set('a', '\u0100')]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// util.aborted resolves when the signal aborts.
(async () => {
  const ac = new AbortController();
  const resource = {};
  const p = util.aborted(ac.signal, resource);
  setTimeout(() => ac.abort(), 5);
  console.log('aborted resolved', (await p).type);
  console.log('signal aborted', ac.signal.aborted);
  console.log('already aborted', await util.aborted(AbortSignal.abort(), {}));
  for (const args of [[undefined, {}], [{}, {}], [ac.signal, null], [ac.signal, 1]]) {
    try {
      await util.aborted(...args);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  const e1 = util._errnoException(-2, 'open', 'x.txt');
  console.log(e1.message, e1.code, e1.errno, e1.syscall, e1 instanceof Error);
  const e2 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80, 'local');
  console.log(e2.message, e2.code, e2.errno, e2.syscall, e2.address, e2.port);
})();
