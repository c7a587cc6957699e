'use strict';
// The `readline/promises` module:
// https://nodejs.org/docs/latest-v20.x/api/readline.html#promises-api
//
// Port of node's lib/readline/promises.js (v20): an Interface whose `question` returns a promise
// (rejected with an AbortError when `options.signal` aborts, or when ctrl+c / ctrl+d end a
// terminal interface), and the Readline class of queued terminal actions.

const { Readline } = require('internal/readline/promises');
const {
  Interface: _Interface,
  kQuestion,
  kQuestionCancel,
  kQuestionReject,
} = require('internal/readline/interface');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { addAbortListener } = require('events');

class Interface extends _Interface {
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  question(query, options = kEmptyObject) {
    return new Promise((resolve, reject) => {
      let cb = resolve;

      if (options?.signal) {
        validateAbortSignal(options.signal, 'options.signal');
        if (options.signal.aborted) {
          return reject(new AbortError(undefined, { cause: options.signal.reason }));
        }

        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: options.signal.reason }));
        };
        const disposable = addAbortListener(options.signal, onAbort);

        cb = (answer) => {
          disposable[Symbol.dispose]();
          resolve(answer);
        };
      }

      this[kQuestionReject] = reject;

      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  Readline,
  createInterface,
};
