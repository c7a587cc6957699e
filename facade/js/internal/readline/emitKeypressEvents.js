'use strict';
// readline.emitKeypressEvents(stream[, interface]): makes a readable stream emit 'keypress'
// events, parsed from its data, for as long as somebody listens to them.
// https://nodejs.org/docs/latest-v20.x/api/readline.html#readlineemitkeypresseventsstream-interface
//
// A lone ESC could be the Escape key or the start of a sequence; as GNU readline does, it is
// taken as the key when nothing follows within `escapeCodeTimeout` ms (500 by default).

const { charLengthAt, CSI, emitKeys } = require('internal/readline/utils');
const { kSawKeyPress } = require('internal/readline/interface');
const { clearTimeout, setTimeout } = require('timers');
const { StringDecoder } = require('string_decoder');

const { kEscape } = CSI;

const KEYPRESS_DECODER = Symbol('keypress-decoder');
const ESCAPE_DECODER = Symbol('escape-decoder');

const ESCAPE_CODE_TIMEOUT = 500;

function emitKeypressEvents(stream, iface = {}) {
  if (stream[KEYPRESS_DECODER]) return;

  stream[KEYPRESS_DECODER] = new StringDecoder('utf8');

  stream[ESCAPE_DECODER] = emitKeys(stream);
  stream[ESCAPE_DECODER].next();

  const triggerEscape = () => stream[ESCAPE_DECODER].next('');
  const { escapeCodeTimeout = ESCAPE_CODE_TIMEOUT } = iface;
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[KEYPRESS_DECODER].write(input);
      if (string) {
        clearTimeout(timeoutId);

        // A key is one character, which may take two UTF-16 units.
        iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
        iface.isCompletionEnabled = false;

        let length = 0;
        for (const character of string) {
          length += character.length;
          if (length === string.length) iface.isCompletionEnabled = true;

          try {
            stream[ESCAPE_DECODER].next(character);
            // An ESC at the end of the chunk waits to see whether a sequence follows.
            if (length === string.length && character === kEscape) {
              timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
            }
          } catch (err) {
            // A throwing 'keypress' listener ends the generator; a fresh one keeps parsing.
            stream[ESCAPE_DECODER] = emitKeys(stream);
            stream[ESCAPE_DECODER].next();
            throw err;
          }
        }
      }
    } else {
      // Nobody listens any more: stop decoding until somebody does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = emitKeypressEvents;
