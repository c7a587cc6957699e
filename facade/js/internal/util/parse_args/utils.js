'use strict';
// Helpers of util.parseArgs that classify one argument string: a lone short option (`-f`), a
// short group (`-abc`), a short option with its value (`-fFILE`), a lone long option (`--foo`)
// or a long option with its value (`--foo=bar`). Port of node's
// lib/internal/util/parse_args/utils.js (v20).

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateArray, validateObject } = require('internal/validators');

const hasOwn = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);

// The named property, only when it is an own property: a config inherited from
// Object.prototype must not turn into an option.
function objectGetOwn(obj, prop) {
  if (hasOwn(obj, prop)) return obj[prop];
}

function optionsGetOwn(options, longOption, prop) {
  if (hasOwn(options, longOption)) return objectGetOwn(options[longOption], prop);
}

// Whether the argument after an option can be its value. The Open Group utility conventions let
// an option-argument start with a dash, so any argument qualifies (greedy).
function isOptionValue(value) {
  return value != null;
}

// Whether a value looks like an option (`--port --verbose`), which strict mode refuses as the
// value of a string option unless it was given inline.
function isOptionLikeValue(value) {
  if (value == null) return false;
  return value.length > 1 && value.charAt(0) === '-';
}

function isLoneShortOption(arg) {
  return arg.length === 2 && arg.charAt(0) === '-' && arg.charAt(1) !== '-';
}

function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

// `-ab` is a group unless its first letter is a string option, in which case the rest is that
// option's value (`-fFILE`). `-bfFILE` is a group the caller splits into `-b -fFILE`.
function isShortOptionGroup(arg, options) {
  if (arg.length <= 2) return false;
  if (arg.charAt(0) !== '-') return false;
  if (arg.charAt(1) === '-') return false;
  const longOption = findLongOptionForShort(arg.charAt(1), options);
  return optionsGetOwn(options, longOption, 'type') !== 'string';
}

function isShortOptionAndValue(arg, options) {
  validateObject(options, 'options');
  if (arg.length <= 2) return false;
  if (arg.charAt(0) !== '-') return false;
  if (arg.charAt(1) === '-') return false;
  const longOption = findLongOptionForShort(arg.charAt(1), options);
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

// The long name configured for a short letter, or the letter itself when none is.
function findLongOptionForShort(shortOption, options) {
  validateObject(options, 'options');
  const entry = Object.entries(options).find(
    ({ 1: optionConfig }) => objectGetOwn(optionConfig, 'short') === shortOption,
  );
  return entry?.[0] ?? shortOption;
}

// Whether an option has a default and the arguments did not set it.
function useDefaultValueOption(longOption, optionConfig, values) {
  return objectGetOwn(optionConfig, 'default') !== undefined && values[longOption] === undefined;
}

// Node's validateStringArray, validateBooleanArray and validateUnion, which only parseArgs uses
// among the builtins so far.
function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) {
    if (typeof value[i] !== 'string') throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
  }
}

function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) {
    if (value[i] !== true && value[i] !== false) {
      throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'boolean', value[i]);
    }
  }
}

function validateUnion(value, name, union) {
  if (!union.includes(value)) throw new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
}

module.exports = {
  findLongOptionForShort,
  isLoneLongOption,
  isLoneShortOption,
  isLongOptionAndValue,
  isOptionValue,
  isOptionLikeValue,
  isShortOptionAndValue,
  isShortOptionGroup,
  useDefaultValueOption,
  objectGetOwn,
  optionsGetOwn,
  validateBooleanArray,
  validateStringArray,
  validateUnion,
};
