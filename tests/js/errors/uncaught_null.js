'use strict';
// Throwing null from a timer callback.
setTimeout(() => {
  throw null;
}, 1);
