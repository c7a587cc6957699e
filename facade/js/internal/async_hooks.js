'use strict';
// The part of node's internal async_hooks that the stream and socket code relies on: async ids
// for resources, the symbols that link a native handle to its JS owner, and the async context
// frame (what AsyncLocalStorage reads): a resource keeps the frame current when it was made and
// makes it current again for its callbacks (the host does this for promises, ticks and request
// callbacks). There are no hooks to install, so a trigger-id scope only has to run its block.
// https://nodejs.org/docs/latest-v20.x/api/async_hooks.html

const {
  op_async_frame_get: currentFrame,
  op_async_frame_exchange: exchangeFrame,
} = internalBinding('async_context');

let asyncIdCounter = 1;

function newAsyncId() {
  return ++asyncIdCounter;
}

function defaultTriggerAsyncIdScope(triggerAsyncId, block, ...args) {
  return block.apply(null, args);
}

module.exports = {
  currentFrame,
  exchangeFrame,
  newAsyncId,
  defaultTriggerAsyncIdScope,
  symbols: {
    async_id_symbol: Symbol('async_id_symbol'),
    owner_symbol: Symbol('owner_symbol'),
    trigger_async_id_symbol: Symbol('trigger_async_id_symbol'),
    async_context_frame: Symbol('kAsyncContextFrame'),
  },
};
