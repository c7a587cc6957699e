'use strict';
// Throwing a plain object: printed with util.inspect.
throw { reason: 'plain object', nested: { n: 1 } };
