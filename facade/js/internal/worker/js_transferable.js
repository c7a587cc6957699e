'use strict';
// The keys of node's transfer protocol (lib/internal/worker/js_transferable.js): an object that
// can be moved to another thread through a MessagePort answers [kTransfer]() and
// [kTransferList](), and is rebuilt there with [kDeserialize](). actorjs has no MessagePort, so
// nothing is ever transferred: the web streams still carry [kTransfer](), which checks its
// receiver and throws the DataCloneError node throws for a locked stream, or one saying that
// streams cannot be transferred here, and structuredClone() uses it to refuse them.

const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kTransfer = Symbol('messaging_transfer_symbol');
const kTransferList = Symbol('messaging_transfer_list_symbol');

module.exports = {
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
};
