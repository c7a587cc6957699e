'use strict';
// node:dns/promises: https://nodejs.org/docs/latest-v20.x/api/dns.html#dns-promises-api
//
// lookup() and the result order (shared with dns); the rest throws ERR_NOT_IMPLEMENTED.

const { buildModule, lookupPromise } = require('internal/net/dns_lookup');

module.exports = buildModule('dns.promises', lookupPromise, false);
