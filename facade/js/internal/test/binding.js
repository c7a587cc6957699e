'use strict';
// `require('internal/test/binding')`, reachable under --expose-internals as in node: the
// builtins' internalBinding, for tests. The bindings are actorjs's own: 'uv' and 'constants'
// have node's shape, most others do not.

process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');

module.exports = { internalBinding };
