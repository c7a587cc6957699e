'use strict';
// Module namespace objects.
const util = require('util');

import('./fixtures/namespace.mjs').then((ns) => {
  console.log(util.inspect(ns));
  console.log(util.inspect(ns, { showHidden: true }));
  console.log(util.inspect({ ns }, { depth: 0 }));
  console.log(util.types.isModuleNamespaceObject(ns), util.types.isModuleNamespaceObject({}));
});
