'use strict';
// node:dns: https://nodejs.org/docs/latest-v20.x/api/dns.html
//
// lookup() (the operating system's resolver, as net uses it) and the result order are here; the
// DNS protocol functions (Resolver, resolve*, reverse, lookupService, setServers, getServers)
// throw ERR_NOT_IMPLEMENTED naming themselves.

const { buildModule, lookup } = require('internal/net/dns_lookup');

module.exports = buildModule('dns', lookup, true);

let promises = null;
Object.defineProperties(module.exports, {
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (promises === null) promises = require('dns/promises');
      return promises;
    },
  },
});
