'use strict';
// require() of packages from node_modules: "main", index.js, "exports" with conditions, subpath
// exports and patterns, scoped packages, "imports" (#specifiers), and the errors for what a
// package does not export. Paths are printed relative to this directory.

const path = require('path');

const rel = (p) => path.relative(__dirname, p);
const show = (label, fn) => {
  try {
    console.log(`${label}:`, fn());
  } catch (err) {
    console.log(`${label}: threw ${err.name} ${err.code}`);
  }
};

show('main', () => require('pkg-main'));
show('main resolves to', () => rel(require.resolve('pkg-main')));
show('deep path without exports', () => require('pkg-main/lib/other'));
show('index.js without package.json', () => require('pkg-index'));
show('index resolves to', () => rel(require.resolve('pkg-index')));

show('exports "." require condition', () => require('pkg-exports'));
show('exports "." resolves to', () => rel(require.resolve('pkg-exports')));
show('exports default after an unknown condition', () => require('pkg-exports/fallback'));
show('exports pattern', () => require('pkg-exports/utils/strings'));
show('exports pattern resolves to', () => rel(require.resolve('pkg-exports/utils/strings')));
show('exports json pattern', () => require('pkg-exports/data/colors.json'));
show('exports package.json', () => require('pkg-exports/package.json').name);
show('exports null target', () => require('pkg-exports/utils/private/secret'));
show('not in exports', () => require('pkg-exports/not-exported.js'));
show('no matching condition', () => require('pkg-exports/browser-only'));
show('exports sugar', () => require('pkg-sugar'));
show('exports sugar, subpath', () => require('pkg-sugar/main.js'));

show('scoped', () => require('@scope/pkg'));
show('scoped subpath', () => require('@scope/pkg/sub'));
show('scoped resolves to', () => rel(require.resolve('@scope/pkg/sub')));

show('imports', () => require('pkg-imports'));

show('type module package, .cjs file', () => require('pkg-esm/cjs'));

// The same module object comes back from the cache, whatever the specifier.
show('cache shared between specifiers', () => require('pkg-main') === require('pkg-main/lib/entry.js'));

// The error message of a package path that is not exported names the package.json.
try {
  require('pkg-exports/not-exported.js');
} catch (err) {
  console.log(err.message.replace(__dirname, '<dir>'));
}
try {
  require('pkg-exports/browser-only');
} catch (err) {
  console.log(err.message.replace(__dirname, '<dir>'));
}
