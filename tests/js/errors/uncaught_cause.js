'use strict';
// An uncaught error with a cause: the cause is printed below the error.
const cause = new Error('the root cause');
throw new Error('wrapper', { cause });
