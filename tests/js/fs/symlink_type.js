// symlink's `type`: only Windows looks at it, but a string naming no type is refused in every
// form, and anything that is not a string is ignored.
const fs = require('fs');
const forms = [
  ['sync', () => fs.symlinkSync('', '', '🍏')],
  ['callback', () => fs.symlink('', '', 'nope', () => console.log('callback ran'))],
  ['not a string', () => fs.symlinkSync('', '', false)],
  ['callback in type position', () => fs.symlink('', '', (e) => console.log('cb', e.code))],
];
for (const [name, f] of forms) {
  try {
    f();
    console.log(name, 'no throw');
  } catch (e) {
    console.log(name, e.code, e.name, e.message);
  }
}
fs.promises.symlink('', '', 'x').catch((e) => console.log('promise', e.code, e.message));
