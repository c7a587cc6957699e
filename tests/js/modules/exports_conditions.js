'use strict';
// "exports" conditions are tried in the order the package.json lists them (not alphabetically):
// the first one that applies wins, so "default" only matters when it comes last.

const show = (label, fn) => {
  try {
    console.log(`${label}:`, fn());
  } catch (err) {
    console.log(`${label}: threw ${err.name} ${err.code}`);
  }
};

show('import/require/default', () => require('pkg-conditions'));
show('node before default', () => require('pkg-conditions/node-first'));
show('nested conditions', () => require('pkg-conditions/nested'));
show('default first', () => require('pkg-conditions/default-first'));
show('unknown condition first', () => require('pkg-conditions/unknown-first'));
show('array of targets', () => require('pkg-conditions/array'));

import('pkg-conditions').then((ns) => console.log('import():', ns.default));
import('pkg-conditions/nested').then((ns) => console.log('import() nested:', ns.default));
