'use strict';
// dns.lookup() and dns.promises.lookup(), which resolve names the way the operating system does
// (getaddrinfo, through internal/net/cares_wrap), and the result order they share. Follows
// node's lib/dns.js, lib/internal/dns/promises.js and lib/internal/dns/utils.js.
// https://nodejs.org/docs/latest-v20.x/api/dns.html#dnslookuphostname-options-callback

const cares = require('internal/net/cares_wrap');
const { isIP } = require('internal/net/ip');
const { customPromisifyArgs } = require('internal/util');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  DNSException,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');

const { GetAddrInfoReqWrap } = cares;
const DNS_ORDER_VERBATIM = cares.DNS_ORDER_VERBATIM ?? 0;
const DNS_ORDER_IPV4_FIRST = cares.DNS_ORDER_IPV4_FIRST ?? 1;
const DNS_ORDER_IPV6_FIRST = cares.DNS_ORDER_IPV6_FIRST ?? 2;

const validDnsOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const validFamilies = [0, 4, 6];

// node's --dns-result-order default.
let dnsOrder = 'verbatim';

function setDefaultResultOrder(value) {
  validateOneOf(value, 'dnsOrder', validDnsOrders);
  dnsOrder = value;
}

function getDefaultResultOrder() {
  return dnsOrder;
}

function validateHints(hints) {
  const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = cares;
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

let invalidHostnameWarningEmitted = false;
function emitInvalidHostnameWarning(hostname) {
  if (!invalidHostnameWarningEmitted) {
    process.emitWarning(
      `The provided hostname "${hostname}" is not a valid ` +
        'hostname, and is supported in the dns module solely for compatibility.',
      'DeprecationWarning',
      'DEP0118',
    );
    invalidHostnameWarningEmitted = true;
  }
}

function orderCode(order) {
  if (order === 'ipv4first') return DNS_ORDER_IPV4_FIRST;
  if (order === 'ipv6first') return DNS_ORDER_IPV6_FIRST;
  return DNS_ORDER_VERBATIM;
}

// The error codes of c-ares, exported by dns and dns.promises.
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// --- dns.lookup ------------------------------------------------------------------------------

function onlookup(err, addresses) {
  if (err) {
    return this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
  }
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
}

function onlookupall(err, addresses) {
  if (err) {
    return this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
  }

  const family = this.family;
  for (let i = 0; i < addresses.length; i++) {
    const addr = addresses[i];
    addresses[i] = {
      address: addr,
      family: family || isIP(addr),
    };
  }

  this.callback(null, addresses);
}

// lookup(hostname[, options], callback)
// `all`, and the result order from `verbatim` or `order` (which wins), as both lookups read them.
function allOption(options, all) {
  if (options?.all == null) return all;
  validateBoolean(options.all, 'options.all');
  return options.all;
}

function orderOption(options, order) {
  if (options?.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options?.order != null) {
    validateOneOf(options.order, 'options.order', validDnsOrders);
    order = options.order;
  }
  return order;
}

function lookup(hostname, options, callback) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = getDefaultResultOrder();

  if (hostname) {
    validateString(hostname, 'hostname');
  }

  if (typeof options === 'function') {
    callback = options;
    family = 0;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');

    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    validateFunction(callback, 'callback');

    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4':
          family = 4;
          break;
        case 'IPv6':
          family = 6;
          break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
          break;
      }
    }
    all = allOption(options, all);
    order = orderOption(options, order);
  }

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) {
      process.nextTick(callback, null, []);
    } else {
      process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    }
    return {};
  }

  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) {
      process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    } else {
      process.nextTick(callback, null, hostname, matchedFamily);
    }
    return {};
  }

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;

  const err = cares.getaddrinfo(req, hostname, family, hints, orderCode(order));
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
    return {};
  }
  return req;
}

Object.defineProperty(lookup, customPromisifyArgs, {
  __proto__: null,
  value: ['address', 'family'],
  enumerable: false,
});

// --- dns.promises.lookup ---------------------------------------------------------------------

function onlookupPromise(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }

  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
}

function onlookupallPromise(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }

  const family = this.family;

  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i];

    addresses[i] = {
      address,
      family: family || isIP(addresses[i]),
    };
  }

  this.resolve(addresses);
}

function createLookupPromise(family, hostname, all, hints, order) {
  return new Promise((resolve, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
      return;
    }

    const matchedFamily = isIP(hostname);

    if (matchedFamily !== 0) {
      const result = { address: hostname, family: matchedFamily };
      resolve(all ? [result] : result);
      return;
    }

    const req = new GetAddrInfoReqWrap();

    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupallPromise : onlookupPromise;
    req.resolve = resolve;
    req.reject = reject;

    const err = cares.getaddrinfo(req, hostname, family, hints, orderCode(order));

    if (err) {
      reject(new DNSException(err, 'getaddrinfo', hostname));
    }
  });
}

function lookupPromise(hostname, options) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = getDefaultResultOrder();

  if (hostname) {
    validateString(hostname, 'hostname');
  }

  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      validateOneOf(options.family, 'options.family', validFamilies);
      family = options.family;
    }
    all = allOption(options, all);
    order = orderOption(options, order);
  }

  return createLookupPromise(family, hostname, all, hints, order);
}

// What the rest of dns would add (a Resolver, resolve*, reverse, lookupService, setServers and
// getServers); calling one says it is not there.
const resolverKeys = [
  'getServers',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];

function notImplemented(prefix, name) {
  return {
    [name]() {
      const {
        codes: { ERR_NOT_IMPLEMENTED },
      } = require('internal/errors');
      throw new ERR_NOT_IMPLEMENTED(`${prefix}.${name}`);
    },
  }[name];
}

function makeResolverClass(prefix) {
  return class Resolver {
    constructor() {
      const {
        codes: { ERR_NOT_IMPLEMENTED },
      } = require('internal/errors');
      throw new ERR_NOT_IMPLEMENTED(`${prefix}.Resolver`);
    }
  };
}

// The dns or dns.promises module object, in node's key order.
function buildModule(prefix, lookupFn, withFlags) {
  const out = {
    lookup: lookupFn,
    lookupService: notImplemented(prefix, 'lookupService'),
    Resolver: makeResolverClass(prefix),
    getDefaultResultOrder,
    setDefaultResultOrder,
    setServers: notImplemented(prefix, 'setServers'),
  };
  if (withFlags) {
    // getaddrinfo flags.
    out.ADDRCONFIG = cares.AI_ADDRCONFIG;
    out.ALL = cares.AI_ALL;
    out.V4MAPPED = cares.AI_V4MAPPED;
  }
  Object.assign(out, errorCodes);
  for (const key of resolverKeys) out[key] = notImplemented(prefix, key);
  return out;
}

module.exports = {
  buildModule,
  getDefaultResultOrder,
  lookup,
  lookupPromise,
  setDefaultResultOrder,
};
