// The log of the http tests: ports differ from run to run, so it prints them as PORT.
const ports = [];
exports.addPort = (p) => ports.push(String(p));
exports.log = (...a) => {
  let s = a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ');
  for (const p of ports) s = s.split(p).join('PORT');
  console.log(s);
};
// Ends the process if a test hangs; the returned function disarms it.
exports.guard = (ms = 8000) => {
  const t = setTimeout(() => {
    console.log('TIMEOUT');
    process.exit(1);
  }, ms);
  return () => clearTimeout(t);
};
