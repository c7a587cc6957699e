// fs.glob / globSync / fsPromises.glob (node 22+). Node v20 has no glob, so glob.out was
// written by hand: the test asserts every result itself (expectations taken from node's
// test/parallel/test-fs-glob.mjs fixture) and prints 'ok' lines only when they hold.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'x-')));
const fixture = path.join(tmp, 'fixtures');
const absDir = path.join(tmp, 'abs');

for (const f of [
  'a/.abcdef/x/y/z/a',
  'a/abcdef/g/h',
  'a/abcfed/g/h',
  'a/b/c/d',
  'a/bc/e/f',
  'a/c/d/c/b',
  'a/cb/e/f',
  'a/x/.y/b',
  'a/z/.y/b',
]) {
  fs.mkdirSync(path.dirname(path.join(fixture, f)), { recursive: true });
  fs.writeFileSync(path.join(fixture, f), 'i like tests');
}
fs.mkdirSync(path.join(fixture, 'a/symlink/a/b'), { recursive: true });
fs.symlinkSync('../..', path.join(fixture, 'a/symlink/a/b/c'), 'dir');
for (const w of ['foo', 'bar', 'baz', 'asdf', 'quux', 'qwer', 'rewq']) fs.mkdirSync(path.join(absDir, w), { recursive: true });

const patterns = {
  'a/c/d/*/b': ['a/c/d/c/b'],
  'a//c//d//*//b': ['a/c/d/c/b'],
  'a/*/d/*/b': ['a/c/d/c/b'],
  'a/*/+(c|g)/./d': ['a/b/c/d'],
  'a/{b,c,d,e,f}/**/g': [],
  'a/b/**': ['a/b', 'a/b/c', 'a/b/c/d'],
  'a/{b/**,b/c}': ['a/b', 'a/b/c', 'a/b/c/d'],
  './**/g': ['a/abcdef/g', 'a/abcfed/g'],
  'a/abc{fed,def}/g/h': ['a/abcdef/g/h', 'a/abcfed/g/h'],
  'a/abc{fed/g,def}/**/': ['a/abcdef', 'a/abcdef/g', 'a/abcfed/g'],
  'a/abc{fed/g,def}/**///**/': ['a/abcdef', 'a/abcdef/g', 'a/abcfed/g'],
  '**/a': ['a', 'a/symlink/a'],
  './**/a': ['a', 'a/symlink/a', 'a/symlink/a/b/c/a'],
  '+(a|b|c)/a{/,bc*}/**': ['a/abcdef', 'a/abcdef/g', 'a/abcdef/g/h', 'a/abcfed', 'a/abcfed/g', 'a/abcfed/g/h'],
  '*/*/*/f': ['a/bc/e/f', 'a/cb/e/f'],
  './**/f': ['a/bc/e/f', 'a/cb/e/f'],
  [`{./*/*,${absDir}/*}`]: [
    `${absDir}/asdf`, `${absDir}/bar`, `${absDir}/baz`, `${absDir}/foo`, `${absDir}/quux`, `${absDir}/qwer`,
    `${absDir}/rewq`, 'a/abcdef', 'a/abcfed', 'a/b', 'a/bc', 'a/c', 'a/cb', 'a/symlink', 'a/x', 'a/z',
  ],
  [`{${absDir}/*,*}`]: [
    `${absDir}/asdf`, `${absDir}/bar`, `${absDir}/baz`, `${absDir}/foo`, `${absDir}/quux`, `${absDir}/qwer`,
    `${absDir}/rewq`, 'a',
  ],
  'a/!(symlink)/**': [
    'a/abcdef', 'a/abcdef/g', 'a/abcdef/g/h', 'a/abcfed', 'a/abcfed/g', 'a/abcfed/g/h', 'a/b', 'a/b/c', 'a/b/c/d',
    'a/bc', 'a/bc/e', 'a/bc/e/f', 'a/c', 'a/c/d', 'a/c/d/c', 'a/c/d/c/b', 'a/cb', 'a/cb/e', 'a/cb/e/f', 'a/x', 'a/z',
  ],
  'a/symlink/a/**/*': ['a/symlink/a/b', 'a/symlink/a/b/c', 'a/symlink/a/b/c/a'],
  'a/**/[cg]/../[cg]': ['a/abcdef/g', 'a/abcfed/g', 'a/b/c', 'a/c', 'a/c/d/c', 'a/symlink/a/b/c'],
  'a/!(symlink)/**/..': ['a', 'a/abcdef', 'a/abcfed', 'a/b', 'a/bc', 'a/c', 'a/c/d', 'a/cb'],
  'a/.abcdef/**/a': ['a/.abcdef/x/y/z/a'],
  'a/*/.y/b': ['a/x/.y/b', 'a/z/.y/b'],
  'a/?/[b-c]': ['a/b/c'],
  'a/[!b]b': ['a/cb'],
  'nothing/*': [],
};

let failures = 0;
function check(name, actual, expected) {
  const a = JSON.stringify([...actual].sort());
  const e = JSON.stringify([...expected].sort());
  if (a !== e) {
    failures++;
    console.log(`MISMATCH ${name}\n  actual   ${a}\n  expected ${e}`);
  }
}

(async () => {
  for (const [pattern, expected] of Object.entries(patterns)) {
    check(`globSync ${pattern}`, fs.globSync(pattern, { cwd: fixture }), expected);
    const viaCallback = await new Promise((resolve, reject) =>
      fs.glob(pattern, { cwd: fixture }, (err, res) => (err ? reject(err) : resolve(res))),
    );
    check(`glob ${pattern}`, viaCallback, expected);
    const viaPromise = [];
    for await (const item of fsp.glob(pattern, { cwd: fixture })) viaPromise.push(item);
    check(`fsPromises.glob ${pattern}`, viaPromise, expected);
    const dirents = fs.globSync(pattern, { cwd: fixture, withFileTypes: true });
    if (!dirents.every((d) => d instanceof fs.Dirent)) {
      failures++;
      console.log(`MISMATCH withFileTypes ${pattern}: not Dirents`);
    }
    check(
      `withFileTypes ${pattern}`,
      dirents.map((d) => path.relative(fixture, path.join(d.parentPath, d.name))),
      expected.map((e) => (path.isAbsolute(e) ? path.relative(fixture, e) : path.join(e))),
    );
  }
  console.log('ok patterns', Object.keys(patterns).length);

  check('exclude array', fs.globSync('a/{b,c}*', { cwd: fixture, exclude: ['a/*c'] }), ['a/b', 'a/cb']);
  check('exclude array 2', fs.globSync('a/{a,b,c}*', { cwd: fixture, exclude: ['a/*bc*', 'a/cb'] }), ['a/b', 'a/c']);
  check('exclude prunes', fs.globSync('a/**', { cwd: fixture, exclude: ['a/**'] }), []);
  check('exclude star', fs.globSync('a/**', { cwd: fixture, exclude: ['*'] }), []);
  check('exclude function', fs.globSync('a/**', { cwd: fixture, exclude: () => true }), []);
  check('exclude function names', fs.globSync('a/*', { cwd: fixture, exclude: (p) => p.endsWith('c') }),
    ['a/abcdef', 'a/abcfed', 'a/b', 'a/cb', 'a/symlink', 'a/x', 'a/z']);
  check('exclude abs', fs.globSync(`${absDir}/*`, { exclude: [`${absDir}/asdf`, `${absDir}/ba*`] }),
    [`${absDir}/foo`, `${absDir}/quux`, `${absDir}/qwer`, `${absDir}/rewq`]);
  check('array of patterns', fs.globSync(['a/b/*', 'a/c/*'], { cwd: fixture }), ['a/b/c', 'a/c/d']);
  console.log('ok exclude');

  const types = fs.globSync('a/b/**', { cwd: fixture, withFileTypes: true })
    .map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}`)
    .sort();
  check('dirent types', types, ['b:dir', 'c:dir', 'd:file']);
  console.log('ok withFileTypes');

  const errors = [];
  for (const fn of [
    () => fs.globSync(5),
    () => fs.globSync(['a', 5]),
    () => fs.globSync('a', 'x'),
    () => fs.globSync('a', { exclude: 5 }),
    () => fs.glob('a'),
  ]) {
    try {
      fn();
      errors.push('no error');
    } catch (e) {
      errors.push(`${e.name} ${e.code} ${e.message}`);
    }
  }
  check('errors', errors, [
    'TypeError ERR_INVALID_ARG_TYPE The "patterns" argument must be of type string. Received type number (5)',
    'TypeError ERR_INVALID_ARG_TYPE The "patterns[1]" argument must be of type string. Received type number (5)',
    'TypeError ERR_INVALID_ARG_TYPE The "options" argument must be of type object. Received type string (\'x\')',
    'TypeError ERR_INVALID_ARG_TYPE The "options.exclude" property must be of type function or string[]. Received type number (5)',
    'TypeError ERR_INVALID_ARG_TYPE The "cb" argument must be of type function. Received undefined',
  ]);
  console.log('ok errors');
  console.log(failures === 0 ? 'ok all' : `${failures} mismatches`);
})()
  .catch((e) => console.log('FAIL', e))
  .finally(() => fs.rmSync(tmp, { recursive: true }));
