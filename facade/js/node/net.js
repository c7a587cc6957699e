'use strict';
// node:net. The address helpers and the Happy Eyeballs defaults are here; sockets and servers
// are not implemented yet, and say so when used.
// https://nodejs.org/docs/latest-v20.x/api/net.html

const { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateBoolean, validateInt32 } = require('internal/validators');

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

function getDefaultAutoSelectFamily() {
  return autoSelectFamily;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeout;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}

function notImplemented(name) {
  return {
    [name]() {
      throw new ERR_NOT_IMPLEMENTED(`net.${name}`);
    },
  }[name];
}

module.exports = {
  connect: notImplemented('connect'),
  createConnection: notImplemented('createConnection'),
  createServer: notImplemented('createServer'),
  isIP,
  isIPv4,
  isIPv6,
  Server: notImplemented('Server'),
  Socket: notImplemented('Socket'),
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
