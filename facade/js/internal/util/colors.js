'use strict';
// The ANSI colors node's own messages use (assert's diffs), empty unless stderr is a terminal
// that takes colors. `refresh()` re-reads the terminal and FORCE_COLOR, as node does before each
// generated assertion message.

const { shouldColorize } = require('internal/util');

const colors = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize,
  refresh() {
    const stderr = process.stderr;
    if (!stderr.isTTY) return;
    const hasColors = shouldColorize(stderr);
    colors.blue = hasColors ? '\u001b[34m' : '';
    colors.green = hasColors ? '\u001b[32m' : '';
    colors.white = hasColors ? '\u001b[39m' : '';
    colors.yellow = hasColors ? '\u001b[33m' : '';
    colors.red = hasColors ? '\u001b[31m' : '';
    colors.gray = hasColors ? '\u001b[90m' : '';
    colors.clear = hasColors ? '\u001bc' : '';
    colors.reset = hasColors ? '\u001b[0m' : '';
    colors.hasColors = hasColors;
  },
};

colors.refresh();

module.exports = colors;
