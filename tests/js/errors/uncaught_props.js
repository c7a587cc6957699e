'use strict';
// An uncaught error with extra properties: they are printed after the stack, as util.inspect
// shows them.

const err = new TypeError('bad input');
err.code = 'E_BAD_INPUT';
err.details = { field: 'name', limits: [1, 2] };
err.retry = false;
throw err;
