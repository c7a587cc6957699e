'use strict';
// Error codes only the console uses.

const { codes } = require('internal/errors');

class ERR_CONSOLE_WRITABLE_STREAM extends TypeError {
  constructor(name) {
    super(`Console expects a writable stream instance for ${name}`);
    this.code = 'ERR_CONSOLE_WRITABLE_STREAM';
  }
}

class ERR_INCOMPATIBLE_OPTION_PAIR extends TypeError {
  constructor(a, b) {
    super(`Option "${a}" cannot be used in combination with option "${b}"`);
    this.code = 'ERR_INCOMPATIBLE_OPTION_PAIR';
  }
}

module.exports = {
  codes: {
    ...codes,
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
};
