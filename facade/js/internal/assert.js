'use strict';
// node's internal assert: a check of the builtins' own invariants, whose failure is a bug in
// actorjs rather than in the program (ERR_INTERNAL_ASSERTION asks for a report).

let ERR_INTERNAL_ASSERTION;
function lazyError() {
  ERR_INTERNAL_ASSERTION ??= require('internal/errors').codes.ERR_INTERNAL_ASSERTION;
  return ERR_INTERNAL_ASSERTION;
}

function assert(value, message) {
  if (!value) {
    const ERR = lazyError();
    throw new ERR(message);
  }
}

function fail(message) {
  const ERR = lazyError();
  throw new ERR(message);
}

assert.fail = fail;

module.exports = assert;
