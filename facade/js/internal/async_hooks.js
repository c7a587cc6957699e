'use strict';
// The part of node's internal async_hooks that the stream and socket code relies on: async ids
// for resources and the symbols that link a native handle to its JS owner. There are no hooks
// to install, so a trigger-id scope only has to run its block.
// https://nodejs.org/docs/latest-v20.x/api/async_hooks.html

let asyncIdCounter = 1;

function newAsyncId() {
  return ++asyncIdCounter;
}

function defaultTriggerAsyncIdScope(triggerAsyncId, block, ...args) {
  return block.apply(null, args);
}

module.exports = {
  newAsyncId,
  defaultTriggerAsyncIdScope,
  symbols: {
    async_id_symbol: Symbol('async_id_symbol'),
    owner_symbol: Symbol('owner_symbol'),
    trigger_async_id_symbol: Symbol('trigger_async_id_symbol'),
  },
};
