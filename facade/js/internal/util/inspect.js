'use strict';
// util.inspect and the util.format family:
// https://nodejs.org/docs/latest-v20.x/api/util.html#utilinspectobject-options
// https://nodejs.org/docs/latest-v20.x/api/util.html#utilformatformat-args
//
// The text produced here must be byte-identical to node v20's, because programs (and their tests)
// compare console output. facade/tools/compare_inspect.js checks that against real node over a
// large corpus; run it after every change.
//
// Natives this module needs
// =========================
// internalBinding('util'):
//   getPromiseDetails(promise) -> [state, result]
//       state is 0 (pending), 1 (fulfilled) or 2 (rejected); result is absent while pending.
//   getProxyDetails(value, full = true) -> undefined when `value` is not a proxy; otherwise
//       [target, handler] when `full` is true, else just target. A revoked proxy gives
//       [null, null] / null. Must not run any trap.
//   previewEntries(obj, isIterator) -> for a WeakMap: flat [k1, v1, k2, v2, ...]; for a WeakSet:
//       [v1, v2, ...]; for a Map/Set iterator with isIterator=true: [entries, isKeyValue] where
//       entries are the *remaining* items (flat pairs when isKeyValue), without advancing it.
//       (An engine that cannot see them may return empty lists: iterators then print as
//       `[Map Iterator] {  }` and weak collections with showHidden as `WeakMap {  }`.)
//   getConstructorName(obj) -> the class name the engine recorded for the object when it was
//       created ('Object' for Object.create(null), 'Foo' for `new Foo`, 'Array', ...), no matter
//       what its prototype chain says now. Only used for objects whose prototype chain names no
//       constructor, e.g. `[Foo: null prototype] {}` for Object.setPrototypeOf(new Foo(), null).
//   getOwnNonIndexProperties(obj, filter) -> own keys that are not array indices, strings first
//       then symbols, in property order; filter is a bit set: 2 = ONLY_ENUMERABLE,
//       16 = SKIP_SYMBOLS, 0 = ALL_PROPERTIES.
//   constants (optional) -> { ALL_PROPERTIES: 0, ONLY_ENUMERABLE: 2, kPending: 0, kRejected: 2 }
//   isClassConstructor(fn) (optional) -> true when fn is an ECMAScript class constructor (its
//       [[IsClassConstructor]] slot). Node recognises classes by their source text; this is
//       consulted only when Function.prototype.toString returns `... { [native code] }` for
//       them instead of the source, as Boa does.
//   getExternalValue(obj) (optional) -> pointer of a v8::External as a bigint/number; only reached
//       when types.isExternal() says true, which an engine without externals never does.
// internalBinding('types'): the is* functions used through internal/util/types.
// internalBinding('builtins') (optional):
//   builtinIds -> array of every builtin module id ('fs', 'internal/errors', ...). Colored error
//       stacks grey out frames `node:<id>:line:col` whose id is in it; without the binding all
//       `node:` frames are greyed.
//
// Everything else (string widths, hex dumps, escapes) is computed here in JS. Node asks ICU for the
// display width of non-ASCII text; the table in `kWidthTable` below was generated from node v20's
// ICU (one entry per run of code points sharing a width), so grouped arrays of CJK text or emoji
// line up exactly as node lines them up.

const utilBinding = internalBinding('util');
const {
  getOwnNonIndexProperties,
  getPromiseDetails,
  getProxyDetails,
  previewEntries,
  getConstructorName: engineConstructorName,
} = utilBinding;
const bindingConstants = utilBinding.constants || {};
const ALL_PROPERTIES = bindingConstants.ALL_PROPERTIES !== undefined ? bindingConstants.ALL_PROPERTIES : 0;
const ONLY_ENUMERABLE =
  bindingConstants.ONLY_ENUMERABLE !== undefined ? bindingConstants.ONLY_ENUMERABLE : 2;
const kPending = bindingConstants.kPending !== undefined ? bindingConstants.kPending : 0;
const kRejected = bindingConstants.kRejected !== undefined ? bindingConstants.kRejected : 2;

const types = require('internal/util/types');
const { isStackOverflowError } = require('internal/errors');
const { validateObject, validateString, kValidateObjectAllowArray } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');

// Intrinsics are captured once, so that programs which patch builtin prototypes (or objects that
// shadow them) cannot change what inspect prints, as node's primordials guarantee.
const uncurry = (fn) => Function.prototype.call.bind(fn);
const getterOf = (proto, key) => uncurry(Object.getOwnPropertyDescriptor(proto, key).get);
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);

const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const isEnumerableOwn = uncurry(Object.prototype.propertyIsEnumerable);
const ordinaryHasInstance = uncurry(Function.prototype[Symbol.hasInstance]);
const functionSource = uncurry(Function.prototype.toString);
const typedArrayTag = getterOf(TypedArrayProto, Symbol.toStringTag);
const typedArrayLength = getterOf(TypedArrayProto, 'length');
const mapSize = getterOf(Map.prototype, 'size');
const setSize = getterOf(Set.prototype, 'size');
const mapEntries = uncurry(Map.prototype.entries);
const setValues = uncurry(Set.prototype.values);
const numberValue = uncurry(Number.prototype.valueOf);
const stringValue = uncurry(String.prototype.valueOf);
const booleanValue = uncurry(Boolean.prototype.valueOf);
const bigintValue = uncurry(BigInt.prototype.valueOf);
const symbolValue = uncurry(Symbol.prototype.valueOf);
const symbolToString = uncurry(Symbol.prototype.toString);
const dateTime = uncurry(Date.prototype.getTime);
const dateISO = uncurry(Date.prototype.toISOString);
const dateString = uncurry(Date.prototype.toString);
const regexpToString = uncurry(RegExp.prototype.toString);
const errorToString = uncurry(Error.prototype.toString);
const {
  getOwnPropertyDescriptor,
  getOwnPropertyNames,
  getOwnPropertySymbols,
  getPrototypeOf,
  keys: objectKeys,
} = Object;
const jsonStringify = JSON.stringify;

const typedArrayConstructors = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

const {
  isAnyArrayBuffer,
  isArrayBuffer,
  isArgumentsObject,
  isAsyncFunction,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDataView,
  isDate,
  isGeneratorFunction,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isNumberObject,
  isPromise,
  isRegExp,
  isSet,
  isSetIterator,
  isStringObject,
  isTypedArray,
  isWeakMap,
  isWeakSet,
  isExternal,
} = types;

// Node decides whether a constructor is "built in" by the globals that exist when it boots, before
// any of its own web globals are installed: exactly V8's ECMAScript constructors and namespaces.
// A fixed list keeps the decision independent of what this runtime or the program adds to
// globalThis, and of when this module happens to be loaded.
const builtInObjects = new Set([
  'Object', 'Function', 'Array', 'Number', 'Infinity', 'NaN', 'Boolean', 'String', 'Symbol',
  'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
  'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
  'FinalizationRegistry', 'WeakRef',
]);

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

// `document.all`-like objects report typeof 'undefined'; none exist here, but the check is cheap.
function isUndetectable(value) {
  return typeof value === 'undefined' && value !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Options

const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});
const optionNames = objectKeys(inspectDefaultOptions);

// What kind of container the entries being laid out belong to: plain key/value pairs, bare
// array items, or an array's extra keys (arrays, typed arrays, iterator pairs, proxies).
const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

// Strings shorter than this are never split at their line breaks.
const kMinLineLength = 16;

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
  };
  for (const name of optionNames) ctx[name] = inspectDefaultOptions[name];
  if (arguments.length > 1) {
    // The pre-options signature was inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of objectKeys(opts)) {
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Unknown keys are handed to custom inspectors untouched.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

Object.defineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    validateObject(options, 'options');
    return Object.assign(inspectDefaultOptions, options);
  },
});

// SGR codes as [set, reset]; 39 and 49 restore the default foreground and background.
inspect.colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
};

// Aliases stay out of Object.keys(inspect.colors) (styleText lists the keys in its error message)
// and follow the original entry when a program reassigns it.
for (const [alias, target] of [
  ['grey', 'gray'],
  ['blackBright', 'gray'],
  ['bgGrey', 'bgGray'],
  ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'],
  ['crossedout', 'strikethrough'],
  ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'],
  ['conceal', 'hidden'],
  ['swapColors', 'inverse'],
  ['swapcolors', 'inverse'],
  ['doubleUnderline', 'doubleunderline'],
]) {
  Object.defineProperty(inspect.colors, alias, {
    __proto__: null,
    get() {
      return this[target];
    },
    set(value) {
      this[target] = value;
    },
    configurable: true,
    enumerable: false,
  });
}

inspect.styles = Object.assign(
  { __proto__: null },
  {
    special: 'cyan',
    number: 'yellow',
    bigint: 'yellow',
    boolean: 'yellow',
    undefined: 'grey',
    null: 'bold',
    string: 'green',
    symbol: 'green',
    date: 'magenta',
    regexp: 'red',
    module: 'underline',
  },
);

// Both lookups happen per call: programs restyle output by editing inspect.styles/colors.
function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// The options object a custom inspector receives: the effective options plus whatever unknown
// keys the caller passed. An object from another realm (or a proxy) gets a null-prototype copy
// with only primitive values and a stylize that cannot leak our functions to it.
function getUserOptions(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of objectKeys(ret)) {
      const v = ret[key];
      if ((typeof v === 'object' || typeof v === 'function') && v !== null) delete ret[key];
    }
    ret.stylize = Object.setPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
        // A failing stylize leaves the text plain.
      }
      return typeof stylized === 'string' ? stylized : value;
    }, null);
  }
  return ret;
}

// ---------------------------------------------------------------------------------------------
// Strings

// Replacement text for each code unit below 0xA0 that needs escaping; '' means "leave as is".
const escapes = [];
for (let c = 0; c < 0xa0; c++) {
  if (c < 0x20 || c >= 0x7f) escapes.push(`\\x${c.toString(16).toUpperCase().padStart(2, '0')}`);
  else escapes.push('');
}
escapes[0x08] = '\\b';
escapes[0x09] = '\\t';
escapes[0x0a] = '\\n';
escapes[0x0c] = '\\f';
escapes[0x0d] = '\\r';
escapes[0x27] = "\\'";
escapes[0x5c] = '\\\\';

// Escapes control characters, the backslash, lone surrogates and (when `quote` is the single
// quote's code, 39) single quotes. Pass -1 to leave every quote alone.
function escapeText(str, quote) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    const c = str.charCodeAt(i);
    let rep;
    if (c < 0x20 || c === 0x5c || (c >= 0x7f && c < 0xa0) || c === quote) {
      rep = escapes[c];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < len) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      rep = `\\u${c.toString(16)}`;
    } else {
      continue;
    }
    out += str.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

// Single quotes unless the text contains one; then double quotes, or backticks when it has
// double quotes too (and nothing a template literal would interpret); only as a last resort are
// single quotes escaped.
function strEscape(str) {
  let open = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) open = '"';
    else if (!str.includes('`') && !str.includes('${')) open = '`';
  }
  return `${open}${escapeText(str, open === "'" ? 39 : -1)}${open}`;
}

// ANSI/VT escape sequences (the pattern popularised by the ansi-regex package): CSI and OSC
// sequences introduced by ESC or the 8-bit CSI, terminated by BEL, ST or a final byte.
const ansiPattern = new RegExp(
  [
    '[\\u001B\\u009B][[\\]()#;?]*',
    '(?:',
    '(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*',
    '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?',
    '(?:\\u0007|\\u001B\\u005C|\\u009C))',
    '|',
    '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~])',
    ')',
  ].join(''),
  'g',
);

function stripVTControlCharacters(str) {
  validateString(str, 'str');
  return str.replace(ansiPattern, '');
}

// Only the colors inspect itself emits (two-digit SGR codes) are removed when measuring lines.
const sgrPattern = /\u001b\[\d\d?m/g;
function removeColors(str) {
  return str.replace(sgrPattern, '');
}

// Display width of every code point, as node's ICU reports it: runs of "<width><start delta in
// base 36>", starting at U+0000. Zero for controls, combining and format characters, two for
// East Asian wide/fullwidth characters and emoji presentation, one otherwise.
const kWidthTable =
  '00,1w,02n,1x,0gw,134,07n,17,07b,119,01,11,01,12,01,12,01,11,01k,16,0a,1b,01,11,01a,1l,0g,11,' +
  '02t,18,01,16,02,12,01,14,0x,11,01,11,0u,1r,02j,1b,01m,19,09,11,0o,14,01,19,01,13,01,15,017,13,' +
  '01g,12,05,19,016,11l,01j,11,01,11,04,18,04,11,03,17,0a,12,0t,11,01m,11,04,14,08,11,0k,12,0q,11,' +
  '02,12,01l,11,04,12,04,12,02,13,03,11,0u,12,03,11,0b,12,01l,11,04,15,01,12,04,11,0k,12,0m,16,01,' +
  '11,01m,11,02,11,01,14,08,11,07,12,0b,12,0u,11,01p,11,0c,11,01e,11,03,11,01j,11,01,13,05,13,01,' +
  '14,07,12,0b,12,0t,11,01m,11,02,11,06,11,05,12,0k,12,0s,12,01l,12,04,14,08,11,0k,12,0t,11,020,' +
  '11,07,13,01,11,02i,11,02,17,0c,18,02q,11,02,19,0b,17,021,12,0r,11,01,11,01,11,01j,1e,01,15,01,' +
  '12,05,1b,01,110,09,11,02u,14,01,16,01,12,02,12,0p,12,04,13,0g,14,0d,11,02,12,06,11,0f,11,22q,' +
  '12o,0e5,13,0qa,13,0t,12,0u,12,0u,12,01s,12,01,17,08,11,02,1b,09,11,019,15,039,12,0y,11,03a,13,' +
  '04,12,09,11,06,13,063,12,02,11,01m,11,01,17,01,11,01,11,02,18,06,1a,02,11,01c,11a,02,1c,0k,14,' +
  '01c,11,01,15,01,11,05,11,014,19,0c,12,0w,14,02,12,01,13,01k,11,01,12,03,11,01,13,01m,18,02,12,' +
  '048,13,01,1d,01,17,04,11,06,11,03,12,05i,11s,0ej,15,0q,15,01d,15,01,1a,02o,1x,2fd,12,2d,12,25a,' +
  '14,23,11,22,11,2eh,12,2l,12,2q,18,2g,1c,217,11,2a,16,23,11,2d,11,28,12,2h,12,25,12,28,11,25,11,' +
  '2l,11,27,12,21,11,24,11,22,11,27,11,24,12,2s,11,2z,11,21,11,24,13,21,11,21p,13,2o,11,2e,11,2nv,' +
  '12,21f,11,24,11,0bd,13,03x,11,02o,1w,23k,1q,21,12h,2c,15y,2q,127,22,12e,22,12v,25,117,21,12m,' +
  '21,12e,29,11c,21,114,28,1mkd,23,11j,0bs,14,01,1a,0w,12,028,12,07k,11,03,11,04,11,0p,12,05,11,' +
  '047,12,0q,1i,0d,11,012,18,0p,1b,2e,1t,03,13,01c,11,02,14,02,12,013,11,01v,16,02,12,02,12,0c,11,' +
  '08,11,01b,11,01f,11,01,13,02,12,05,12,01,11,016,12,08,11,06m,11,02,11,04,11,2i,18mc,26l8,1e8,' +
  '0u,11,0kh,2g,1a,06,2g,1z,21,1j,21,14,043,11,21,12o,23j,17,0i,13,0e9,11,06a,11,045,15,01ae,13,' +
  '01,12,05,14,014,13,04,11,04l,12,0fx,14,01t,15,08t,12,025,16,01y,1b,01d,14,03f,11,01i,1f,015,11,' +
  '02,12,0a,13,01d,14,02,12,02,11,04,11,0a,11,01e,13,010,15,01,18,01q,11,0c,12,01g,19,0a,14,02,11,' +
  '02n,13,02,11,01,12,06,11,02,11,04d,11,03,18,0l,12,01l,12,03,11,011,17,03,15,01y,16,0d,11,01,11,' +
  '01,11,0e,12,02d,18,02,13,01,11,0n,11,02c,16,01,11,04,12,01,12,06m,14,06,12,01,12,0r,12,02d,18,' +
  '02,11,01,12,02y,11,01,11,02,16,01,11,02t,11,01,11,02,14,01,15,077,19,01,12,074,12,01,11,04,11,' +
  '040,14,02,12,04,11,0w,1a,014,16,02,14,08,11,09,16,02,13,01a,1d,01,12,05i,11,01,13,01,11,05l,17,' +
  '01,16,01,11,02a,1m,02,17,01,12,01,12,03e,16,03,11,01,12,01,17,01,11,020,12,03,11,01,11,09n,12,' +
  '0b,12,01g,15,05,11,01,11,0n,11,0445,1h,06,1f,08ug,1c,03,13,01xc,15,01n,17,0t4,11,01r,14,225,15,' +
  '2b,17,29,15p2,215,1w,22p,137,26pp,14,21,17,21,12,21,183,2f,11,2t,13,22,11,2e,14,28,1b0,01wh,12,' +
  '01,14,03mk,11a,02,1n,0f4,13,09,1g,02,17,0u,14,044,13,257,12f,29,1n,01ah,11j,04,11e,08,11,0e,11,' +
  '0m,15,01,1f,011s,17,01,1h,02,17,01,12,01,15,02s,11,04g,17,0af,11,01p,14,0e4,14,072,12,06r,11,' +
  '02,11,07,12,05,11,0d6,17,031,17,21bt,11,25m,11,25a,11,22,1a,223,1t,2d,118,24,19,27,12,2e,16,' +
  '24a,1x,2c,19,21,11y,21,1m,2c,117,24,15,2c,1h,23,11,23,11z,21,11,21,157,22,11r,2d,14,21,1o,2i,' +
  '11,2q,12,2d,11,22e,12d,21c,11y,26,11,23,13,22,14,23,14,2b,12,27,19,26b,1c,24,11,27v,11b,21,1a,' +
  '21,155,234,1d,23,1b,23,11l,21,11,24,1g,22,1c,24,1a,2zr,11eke,22,11eke,0e1oj,11,0u,12o,03k,16o';

let widthStarts;
let widthValues;
function buildWidthTable() {
  const runs = kWidthTable.split(',');
  widthStarts = new Array(runs.length);
  widthValues = new Array(runs.length);
  let start = 0;
  for (let i = 0; i < runs.length; i++) {
    start += parseInt(runs[i].slice(1), 36);
    widthStarts[i] = start;
    widthValues[i] = runs[i].charCodeAt(0) - 48;
  }
}

function codePointWidth(cp) {
  if (widthStarts === undefined) buildWidthTable();
  let lo = 0;
  let hi = widthStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthStarts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return widthValues[lo];
}

function isZeroWidthCodePoint(code) {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

function normalizeNFC(str) {
  try {
    return str.normalize('NFC');
  } catch {
    return str;
  }
}

// Columns a terminal needs for `str`. The ASCII prefix is counted directly; the rest is
// normalized first, the way node hands it to ICU.
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) {
      const rest = normalizeNFC(str.slice(i));
      for (let j = 0; j < rest.length; j++) {
        const cp = rest.codePointAt(j);
        if (cp > 0xffff) j++;
        width += codePointWidth(cp);
      }
      break;
    }
    if (code >= 32) width++;
  }
  return width;
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Groups integer digits by three from the right: 1234567 -> 1_234_567.
function addNumericSeparator(digits) {
  const start = digits[0] === '-' ? 1 : 0;
  let i = digits.length;
  if (i < start + 4) return digits;
  let groups = '';
  for (; i >= start + 4; i -= 3) groups = `_${digits.slice(i - 3, i)}${groups}`;
  return digits.slice(0, i) + groups;
}

// Groups fraction digits by three from the left: 1234567 -> 123_456_7.
function addNumericSeparatorEnd(digits) {
  let out = '';
  let i = 0;
  for (; i < digits.length - 3; i += 3) out += `${digits.slice(i, i + 3)}_`;
  return i === 0 ? digits : out + digits.slice(i);
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    // String(-0) is '0'; inspect shows the sign.
    if (Object.is(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const text = String(number);
  if (Math.trunc(number) === number) {
    if (!Number.isFinite(number) || text.includes('e')) return fn(text, 'number');
    return fn(addNumericSeparator(text), 'number');
  }
  if (Number.isNaN(number)) return fn(text, 'number');
  const dot = text.indexOf('.');
  return fn(
    `${addNumericSeparator(text.slice(0, dot))}.${addNumericSeparatorEnd(text.slice(dot + 1))}`,
    'number',
  );
}

function formatBigInt(fn, bigint, numericSeparator) {
  const text = String(bigint);
  return fn(`${numericSeparator ? addNumericSeparator(text) : text}n`, 'bigint');
}

const remainingText = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;

// ---------------------------------------------------------------------------------------------
// Primitives

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      // Text that would not fit on the line is shown as one quoted piece per source line,
      // joined with `+`. Widths are not measured here: length is what node compares too.
      if (
        ctx.compact !== true &&
        value.length > kMinLineLength &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4
      ) {
        // Each piece keeps its trailing newline; a final newline does not start a piece.
        const pieces = [];
        let from = 0;
        let nl = value.indexOf('\n');
        while (nl !== -1 && nl + 1 < value.length) {
          pieces.push(fn(strEscape(value.slice(from, nl + 1)), 'string'));
          from = nl + 1;
          nl = value.indexOf('\n', from);
        }
        pieces.push(fn(strEscape(value.slice(from)), 'string'));
        return pieces.join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number':
      return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint':
      return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean':
      return fn(`${value}`, 'boolean');
    case 'undefined':
      return fn('undefined', 'undefined');
    default:
      return fn(symbolToString(value), 'symbol');
  }
}

// ---------------------------------------------------------------------------------------------
// Values

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function' && !isUndetectable(value)) {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // A proxy is described through its target, so that inspecting never runs a trap; the proxy
  // itself stays the receiver of a custom inspector.
  const context = value;
  const proxy = getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const custom = value[customInspectSymbol];
    // An inspector that is util.inspect itself would only call back in here with the wrong
    // arguments, and a prototype's inspector is meant for its instances, not for the prototype.
    if (
      typeof custom === 'function' &&
      custom !== inspect &&
      !(value.constructor && value.constructor.prototype === value)
    ) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxy !== undefined || !(context instanceof Object);
      const ret = Reflect.apply(custom, context, [depth, getUserOptions(ctx, isCrossContext), inspect]);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    // Number the cycle targets in the order their cycles are found.
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return ctx.stylize('Proxy [Array]', 'special');
  }
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const parts = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, parts, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

// The name shown in front of an object: the nearest constructor on its prototype chain that
// claims it (`constructor.name` plus an instanceof check), or for chains without one the
// engine's class name followed by the prototype's own description in angle brackets. Null means
// the object has no prototype at all. With showHidden, prototype properties a user defined are
// collected into `protoProps` on the way.
const wellKnownPrototypes = new Map([
  [Object.prototype, { name: 'Object', constructor: Object }],
  [Function.prototype, { name: 'Function', constructor: Function }],
]);

function safeInstanceof(object, ctor) {
  try {
    return object instanceof ctor;
  } catch {
    return false;
  }
}

function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  const original = obj;
  let firstProto;
  while (obj || isUndetectable(obj)) {
    // Object.prototype and Function.prototype are recognised even when their `constructor`
    // property was replaced.
    const known = wellKnownPrototypes.get(obj);
    if (known !== undefined && ordinaryHasInstance(known.constructor, original)) {
      if (protoProps !== undefined && firstProto !== obj) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return known.name;
    }
    const descriptor = getOwnPropertyDescriptor(obj, 'constructor');
    if (
      descriptor !== undefined &&
      typeof descriptor.value === 'function' &&
      descriptor.value.name !== '' &&
      safeInstanceof(original, descriptor.value)
    ) {
      if (protoProps !== undefined && (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }

  if (firstProto === null) return null;

  const internalName = engineConstructorName(original);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${internalName} <Complex prototype>`;

  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoName === null) {
    const shown = inspect(firstProto, { ...pickOptions(ctx), customInspect: false, depth: -1 });
    return `${internalName} <${shown}>`;
  }
  return `${internalName} <${protoName}>`;
}

// The public options currently in effect, e.g. to describe something in a nested inspect() call.
function pickOptions(ctx) {
  const options = { stylize: ctx.stylize };
  for (const name of optionNames) options[name] = ctx[name];
  return options;
}

// With showHidden, data properties that user code put on (up to three of) the prototypes between
// an object and the first builtin prototype are shown with the object, dimmed when colored.
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  let previousKeys;
  let shadowed;
  for (let layer = 0; layer < 3; layer++) {
    if (layer !== 0 || main === obj) {
      obj = getPrototypeOf(obj);
      if (obj === null) return;
      const descriptor = getOwnPropertyDescriptor(obj, 'constructor');
      if (
        descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        builtInObjects.has(descriptor.value.name)
      ) {
        return;
      }
    }
    if (layer === 0) {
      shadowed = new Set();
    } else {
      for (const key of previousKeys) shadowed.add(key);
    }
    const keys = Reflect.ownKeys(obj);
    previousKeys = keys;
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || hasOwn(main, key) || (layer !== 0 && shadowed.has(key))) continue;
      const desc = getOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const text = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      output.push(ctx.colors ? `\u001b[2m${text}\u001b[22m` : text);
    }
    ctx.seen.pop();
  }
}

// "Foo ", "Foo [tag] ", "[Array(3): null prototype] " ...: everything before the opening brace.
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getCtxStyle(value, constructor, tag) {
  let fallback = '';
  if (constructor === null) {
    fallback = engineConstructorName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

// Own enumerable keys (all own keys with showHidden), strings before symbols.
function getKeys(value, showHidden) {
  const symbols = getOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = getOwnPropertyNames(value);
    for (const symbol of symbols) keys.push(symbol);
    return keys;
  }
  try {
    keys = objectKeys(value);
  } catch (err) {
    // Object.keys reads the bindings of a module namespace and throws while one is still in
    // its temporal dead zone; the names alone are enough here.
    if (!(isModuleNamespaceObject(value) && isNativeError(err) && err.name === 'ReferenceError')) {
      throw err;
    }
    keys = getOwnPropertyNames(value);
  }
  for (const symbol of symbols) {
    if (isEnumerableOwn(value, symbol)) keys.push(symbol);
  }
  return keys;
}

function noEntries() {
  return [];
}

// How the object is laid out: text before the braces, the braces, which keys follow the
// entries, the function producing the entries and what kind of list they form. `done` carries a
// complete result for the short forms ("[]", "{}", "[Function: f]", "Map(0) {}" ...).
function describeShape(ctx, value, recurseTimes, typedArray, constructor, tag, protoProps) {
  const shape = {
    done: undefined,
    keys: undefined,
    base: '',
    braces: undefined,
    formatter: noEntries,
    extrasType: kObjectType,
  };
  const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
  const bare = () => shape.keys.length === 0 && protoProps === undefined;

  // Iterables first; a null constructor means nothing on the chain could be trusted, so every
  // kind has to be checked.
  if (Symbol.iterator in value || constructor === null) {
    if (Array.isArray(value)) {
      // A plain array has no prefix; subclasses and tagged ones show it with their length.
      const plain = constructor === 'Array' && tag === '';
      const prefix = plain ? '' : getPrefix(constructor, tag, 'Array', `(${value.length})`);
      shape.keys = getOwnNonIndexProperties(value, filter);
      shape.braces = [`${prefix}[`, ']'];
      if (value.length === 0 && bare()) {
        shape.done = `${shape.braces[0]}]`;
        return shape;
      }
      shape.extrasType = kArrayExtrasType;
      shape.formatter = formatArray;
      return shape;
    }
    if (isSet(value)) {
      const size = setSize(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      shape.keys = getKeys(value, ctx.showHidden);
      const source = constructor !== null ? value : setValues(value);
      shape.formatter = (c, v, r) => formatSet(source, c, v, r);
      if (size === 0 && bare()) {
        shape.done = `${prefix}{}`;
        return shape;
      }
      shape.braces = [`${prefix}{`, '}'];
      return shape;
    }
    if (isMap(value)) {
      const size = mapSize(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      shape.keys = getKeys(value, ctx.showHidden);
      const source = constructor !== null ? value : mapEntries(value);
      shape.formatter = (c, v, r) => formatMap(source, c, v, r);
      if (size === 0 && bare()) {
        shape.done = `${prefix}{}`;
        return shape;
      }
      shape.braces = [`${prefix}{`, '}'];
      return shape;
    }
    if (isTypedArray(value)) {
      shape.keys = getOwnNonIndexProperties(value, filter);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        // Without a prototype the elements cannot be read; a copy with the intrinsic
        // constructor brings them back.
        fallback = typedArrayTag(value);
        bound = new typedArrayConstructors[fallback](value);
      }
      const size = typedArrayLength(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      shape.braces = [`${prefix}[`, ']'];
      if (value.length === 0 && shape.keys.length === 0 && !ctx.showHidden) {
        shape.done = `${shape.braces[0]}]`;
        return shape;
      }
      shape.formatter = (c, v, r) => formatTypedArray(bound, size, c, v, r);
      shape.extrasType = kArrayExtrasType;
      return shape;
    }
    if (isMapIterator(value)) {
      shape.keys = getKeys(value, ctx.showHidden);
      const braces = iteratorBraces('Map', tag);
      shape.braces = braces;
      shape.formatter = (c, v, r) => formatIterator(braces, c, v, r);
      return shape;
    }
    if (isSetIterator(value)) {
      shape.keys = getKeys(value, ctx.showHidden);
      const braces = iteratorBraces('Set', tag);
      shape.braces = braces;
      shape.formatter = (c, v, r) => formatIterator(braces, c, v, r);
      return shape;
    }
  }

  shape.keys = getKeys(value, ctx.showHidden);
  shape.braces = ['{', '}'];
  const keys = shape.keys;
  const braces = shape.braces;
  if (typeof value === 'function') {
    shape.base = getFunctionBase(value, constructor, tag);
    if (bare()) shape.done = ctx.stylize(shape.base, 'special');
  } else if (constructor === 'Object') {
    if (isArgumentsObject(value)) {
      braces[0] = '[Arguments] {';
    } else if (tag !== '') {
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
    if (bare()) shape.done = `${braces[0]}}`;
  } else if (isRegExp(value)) {
    // A RegExp without its prototype cannot stringify itself; a fresh copy can.
    let base = regexpToString(constructor !== null ? value : new RegExp(value));
    const prefix = getPrefix(constructor, tag, 'RegExp');
    if (prefix !== 'RegExp ') base = `${prefix}${base}`;
    shape.base = base;
    if (bare() || (recurseTimes > ctx.depth && ctx.depth !== null)) shape.done = ctx.stylize(base, 'regexp');
  } else if (isDate(value)) {
    let base = Number.isNaN(dateTime(value)) ? dateString(value) : dateISO(value);
    const prefix = getPrefix(constructor, tag, 'Date');
    if (prefix !== 'Date ') base = `${prefix}${base}`;
    shape.base = base;
    if (bare()) shape.done = ctx.stylize(base, 'date');
  } else if (isError(value)) {
    shape.base = formatError(value, constructor, tag, ctx, keys);
    if (bare()) shape.done = shape.base;
  } else if (isAnyArrayBuffer(value)) {
    const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer');
    if (typedArray === undefined) {
      shape.formatter = formatArrayBuffer;
    } else if (bare()) {
      // The `buffer` of a typed array shown with showHidden: its bytes were just listed.
      shape.done = `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      return shape;
    }
    braces[0] = `${prefix}{`;
    keys.unshift('byteLength');
  } else if (isDataView(value)) {
    braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
    // These are prototype getters; `buffer` last as the only non-primitive.
    keys.unshift('byteLength', 'byteOffset', 'buffer');
  } else if (isPromise(value)) {
    braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
    shape.formatter = formatPromise;
  } else if (isWeakSet(value)) {
    braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
    shape.formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
  } else if (isWeakMap(value)) {
    braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
    shape.formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
  } else if (isModuleNamespaceObject(value)) {
    braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
    shape.formatter = (c, v, r) => formatNamespaceObject(keys, c, v, r);
  } else if (isBoxedPrimitive(value)) {
    shape.base = getBoxedBase(value, ctx, keys, constructor, tag);
    if (bare()) shape.done = shape.base;
  } else if (isURL(value) && !(recurseTimes > ctx.depth && ctx.depth !== null)) {
    shape.base = value.href;
    if (bare()) shape.done = shape.base;
  } else if (bare()) {
    if (isExternal(value)) {
      const address = utilBinding.getExternalValue(value).toString(16);
      shape.done = ctx.stylize(`[External: ${address}]`, 'special');
    } else {
      shape.done = `${getCtxStyle(value, constructor, tag)}{}`;
    }
  } else {
    braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
  }
  return shape;
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];

  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  // Symbol.toStringTag is worth showing only when it does not come from the object itself (it
  // would be listed among the keys anyway).
  let tag = value[Symbol.toStringTag];
  if (
    typeof tag !== 'string' ||
    (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerableOwn)(value, Symbol.toStringTag))
  ) {
    tag = '';
  }

  const shape = describeShape(ctx, value, recurseTimes, typedArray, constructor, tag, protoProps);
  if (shape.done !== undefined) return shape.done;
  const { keys, braces, formatter, extrasType } = shape;
  let base = shape.base;

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = getCtxStyle(value, constructor, tag).slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    if (protoProps !== undefined) {
      for (const entry of protoProps) output.push(entry);
    }
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    const name = getCtxStyle(value, constructor, tag).slice(0, -1);
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(
      `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
      'special',
    );
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      // Only the named keys after the items are sorted; the items keep their order.
      const start = output.length - keys.length;
      const sorted = output.slice(start).sort(comparator);
      output.splice(start, keys.length, ...sorted);
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  // Inspecting gigantic structures stops descending once the text at one indentation level
  // passes 2 ** 27 characters, so that the final string stays below the engine's maximum.
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function iteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let primitive;
  let type;
  if (isNumberObject(value)) {
    primitive = numberValue(value);
    type = 'Number';
  } else if (isStringObject(value)) {
    primitive = stringValue(value);
    type = 'String';
    // The index keys only repeat the characters of the string shown anyway.
    keys.splice(0, value.length);
  } else if (isBooleanObject(value)) {
    primitive = booleanValue(value);
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    primitive = bigintValue(value);
    type = 'BigInt';
  } else {
    primitive = symbolValue(value);
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function getClassBase(value, constructor, tag) {
  const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

// Source text is the only portable way to tell a class from a function. The comment-stripping
// fallback handles heads like `class A /* (x) */ {`.
const classHeadPattern = /^(\s+[^(]*?)\s*{/;
const commentsPattern = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

function looksLikeClass(source) {
  if (!source.startsWith('class') || source[source.length - 1] !== '}') return false;
  const rest = source.slice(5, -1);
  const brace = rest.indexOf('{');
  if (brace === -1) return false;
  if (!rest.slice(0, brace).includes('(')) return true;
  return classHeadPattern.exec(rest.replace(commentsPattern, '')) !== null;
}

// Some engines (Boa) print every class as `function Name() { [native code] }`; the runtime can
// then say what the source no longer shows.
function isClassConstructor(fn) {
  const source = functionSource(fn);
  if (looksLikeClass(source)) return true;
  const native = utilBinding.isClassConstructor;
  return typeof native === 'function' && source.endsWith('{ [native code] }') && native(fn) === true;
}

function getFunctionBase(value, constructor, tag) {
  if (isClassConstructor(value)) return getClassBase(value, constructor, tag);
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

// ---------------------------------------------------------------------------------------------
// Errors

function getStackString(error) {
  return error.stack ? String(error.stack) : errorToString(error);
}

// The first run of at least four lines of `a` that `b` repeats, as { len, offset into a }.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    const maxLen = Math.min(a.length - i, rest);
    let len = 1;
    while (maxLen > len && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

// Stack frames, with the frames an error shares with its cause collapsed into one line.
function getStackFrames(ctx, err, stack) {
  const frames = stack.split('\n');
  let cause;
  try {
    ({ cause } = err);
  } catch {
    // A throwing `cause` getter is treated as no cause.
  }
  if (cause != null && isError(cause)) {
    const causeStack = getStackString(cause);
    const causeStackStart = causeStack.indexOf('\n    at');
    if (causeStackStart !== -1) {
      const causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

// Makes the first line of an ordinary-looking stack name the error's class as inspect sees it,
// e.g. `Error: x` of a `class Foo extends Error` becomes `Foo: x`, a renamed one `Foo [Bar]: x`.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (
    constructor === null ||
    (name.endsWith('Error') &&
      stack.startsWith(name) &&
      (stack.length === len || stack[len] === ':' || stack[len] === '\n'))
  ) {
    let fallback = 'Error';
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

// name, message and stack are already part of the printed stack unless changed afterwards.
function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const index = keys.indexOf(name);
    if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
  }
}

// Underlines the package name in `.../node_modules/<name>/...` when colored.
function markNodeModules(ctx, line) {
  let out = '';
  let lastPos = 0;
  let searchFrom = 0;
  for (;;) {
    const at = line.indexOf('node_modules', searchFrom);
    if (at === -1) break;
    const separator = line[at - 1];
    const after = line[at + 12];
    if ((after !== '/' && after !== '\\') || (separator !== '/' && separator !== '\\')) {
      searchFrom = at + 1;
      continue;
    }
    const moduleStart = at + 13;
    out += line.slice(lastPos, moduleStart);
    let moduleEnd = line.indexOf(separator, moduleStart);
    if (line[moduleStart] === '@') moduleEnd = line.indexOf(separator, moduleEnd + 1);
    out += ctx.stylize(line.slice(moduleStart, moduleEnd), 'module');
    lastPos = moduleEnd;
    searchFrom = moduleEnd;
  }
  return lastPos === 0 ? line : out + line.slice(lastPos);
}

// Greys out the working directory part of a frame's path when colored.
function markCwd(ctx, line, workingDirectory) {
  let cwdStartPos = line.indexOf(workingDirectory);
  if (cwdStartPos === -1) return line;
  let cwdLength = workingDirectory.length;
  if (line.slice(cwdStartPos - 7, cwdStartPos) === 'file://') {
    cwdLength += 7;
    cwdStartPos -= 7;
  }
  const start = line[cwdStartPos - 1] === '(' ? cwdStartPos - 1 : cwdStartPos;
  const end = start !== cwdStartPos && line.endsWith(')') ? -1 : line.length;
  const workingDirectoryEndPos = cwdStartPos + cwdLength + 1;
  let out = line.slice(0, start);
  out += ctx.stylize(line.slice(start, workingDirectoryEndPos), 'undefined');
  out += line.slice(workingDirectoryEndPos, end);
  if (end === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

function safeGetCWD() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

function pathToFileUrlHref(path) {
  try {
    return require('url').pathToFileURL(path).href;
  } catch {
    // Without the url module: percent-encode what a URL path cannot hold verbatim.
    return `file://${encodeURI(path).replace(/[?#]/g, (c) => encodeURIComponent(c))}`;
  }
}

// Frames of the runtime's own modules look like `    at foo (node:internal/x:1:2)`; colored
// output greys them out when the id names an existing builtin.
const coreFramePattern = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;

let builtinIds;
function isBuiltinId(id) {
  if (builtinIds === undefined) {
    builtinIds = null;
    try {
      builtinIds = new Set(internalBinding('builtins').builtinIds);
    } catch {
      // Without the list every `node:` frame counts as a builtin one.
    }
  }
  return builtinIds === null || builtinIds.has(id);
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = getStackString(err);

  removeDuplicateErrorKeys(ctx, keys, err, stack);

  // cause and errors are usually non-enumerable but always worth showing.
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  if (Array.isArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');

  stack = improveStack(stack, constructor, name, tag);

  // Frames start after the message, which may itself contain "\n    at".
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    // No frames: bracket it so it reads as one value.
    stack = `[${stack}]`;
  } else {
    let newStack = stack.slice(0, stackStart);
    const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
    if (ctx.colors) {
      const workingDirectory = safeGetCWD();
      let esmWorkingDirectory;
      for (let line of lines) {
        const core = coreFramePattern.exec(line);
        if (core !== null && isBuiltinId(core[1])) {
          newStack += `\n${ctx.stylize(line, 'undefined')}`;
          continue;
        }
        line = markNodeModules(ctx, line);
        if (workingDirectory !== undefined) {
          let marked = markCwd(ctx, line, workingDirectory);
          if (marked === line) {
            if (esmWorkingDirectory === undefined) esmWorkingDirectory = pathToFileUrlHref(workingDirectory);
            marked = markCwd(ctx, line, esmWorkingDirectory);
          }
          line = marked;
        }
        newStack += `\n${line}`;
      }
    } else {
      newStack += `\n${lines.join('\n')}`;
    }
    stack = newStack;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// ---------------------------------------------------------------------------------------------
// Entries

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const limit = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < limit; i++) {
    if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, limit, output, i);
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (length - limit > 0) output.push(remainingText(length - limit));
  return output;
}

// Continues an array at its first hole, walking the own keys: each gap becomes one
// `<n empty items>` entry. `i`, the number of entries printed so far, is also the position of
// the next index key among the keys, since index keys come first and in order.
function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = objectKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const numeric = +key;
    if (numeric > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) break;
      const emptyItems = numeric - index;
      output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`, 'undefined'));
      index = numeric;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

const hexDigits = '0123456789abcdef';

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  if (shown < 0 && bytes.length !== 0) {
    // Node's hex dump refuses a negative end (unless there are no bytes at all), and inspect
    // lets that error through.
    const err = new RangeError('Index out of range');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  let str = '';
  for (let i = 0; i < shown; i++) {
    if (i !== 0) str += ' ';
    str += hexDigits[bytes[i] >> 4] + hexDigits[bytes[i] & 15];
  }
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output = new Array(maxLength);
  const elementFormatter = value.length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < maxLength; ++i) {
    output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (remaining > 0) output[maxLength] = remainingText(remaining);
  if (ctx.showHidden) {
    // All but BYTES_PER_ELEMENT are prototype getters, hence listed by hand; the buffer goes
    // last as the only non-primitive.
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      const str = formatValue(ctx, value[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

// `value` is the Set itself, or its values() iterator when its prototype is gone (then there is
// no size, and every value is listed).
function formatSet(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of value) {
    if (i >= maxLength) break;
    output.push(formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const { 0: k, 1: v } of value) {
    if (i >= maxLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

// Weak collections have no order; sorting gives a stable text when everything fits.
function formatSetIterInner(ctx, recurseTimes, entries, weak) {
  const maxLength = Math.min(Math.max(ctx.maxArrayLength, 0), entries.length);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) output[i] = formatValue(ctx, entries[i], recurseTimes);
  ctx.indentationLvl -= 2;
  if (weak && !ctx.sorted) output.sort();
  const remaining = entries.length - maxLength;
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

// `entries` holds key/value pairs flattened: [k1, v1, k2, v2, ...].
function formatMapIterInner(ctx, recurseTimes, entries, weak) {
  const maxArrayLength = Math.max(ctx.maxArrayLength, 0);
  const len = entries.length / 2;
  const remaining = len - maxArrayLength;
  const maxLength = Math.min(maxArrayLength, len);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) {
    const key = formatValue(ctx, entries[i * 2], recurseTimes);
    const val = formatValue(ctx, entries[i * 2 + 1], recurseTimes);
    output[i] = weak
      ? `${key} => ${val}`
      : reduceToSingleString(ctx, [key, val], '', ['[', ']'], kArrayExtrasType, recurseTimes);
  }
  if (weak && !ctx.sorted) output.sort();
  ctx.indentationLvl -= 2;
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatSetIterInner(ctx, recurseTimes, previewEntries(value), true);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatMapIterInner(ctx, recurseTimes, previewEntries(value), true);
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const preview = previewEntries(value, true);
  const entries = preview[0];
  const isKeyValue = preview[1];
  if (isKeyValue) {
    // entries() iterators announce themselves as such.
    braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, false);
  }
  return formatSetIterInner(ctx, recurseTimes, entries, false);
}

function formatPromise(ctx, value, recurseTimes) {
  const details = getPromiseDetails(value);
  const state = details[0];
  const result = details[1];
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

// A namespace binding still in its temporal dead zone throws when read; it is shown as
// `name: <uninitialized>`, laid out as if it were an empty string.
function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
    } catch (err) {
      if (!(isNativeError(err) && err.name === 'ReferenceError')) throw err;
      const placeholder = formatProperty(ctx, { [keys[i]]: '' }, recurseTimes, keys[i], kObjectType);
      const space = placeholder.lastIndexOf(' ');
      output[i] = placeholder.slice(0, space + 1) + ctx.stylize('<uninitialized>', 'special');
    }
  }
  // The keys were consumed here; they must not be printed a second time.
  keys.length = 0;
  return output;
}

// `[Getter]`, `[Setter]`, `[Getter/Setter]`, or with the `getters` option the getter's value.
function formatAccessor(ctx, desc, original, recurseTimes) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const s = ctx.stylize;
  const wanted =
    ctx.getters &&
    (ctx.getters === true ||
      (ctx.getters === 'get' && desc.set === undefined) ||
      (ctx.getters === 'set' && desc.set !== undefined));
  if (!wanted) return s(`[${label}]`, 'special');
  try {
    const result = Reflect.apply(desc.get, original, []);
    ctx.indentationLvl += 2;
    let str;
    if (result === null) {
      str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
    } else if (typeof result === 'object') {
      str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, result, recurseTimes)}`;
    } else {
      str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, result, ctx)}${s(']', 'special')}`;
    }
    ctx.indentationLvl -= 2;
    return str;
  } catch (err) {
    return `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
  }
}

const identifierPattern = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let str;
  let separator = ' ';
  desc = desc || getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    // compact=true keeps `key: value` together and indents values by one more column.
    const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      separator = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    str = formatAccessor(ctx, desc, original, recurseTimes);
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;

  let name;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeText(symbolToString(key), 39), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeText(key, 39)}]`;
  } else if (identifierPattern.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  return `${name}:${separator}${str}`;
}

// ---------------------------------------------------------------------------------------------
// Layout

// Lines up short array items in columns, about as wide as high (a character being ~2.5 times as
// tall as wide), numbers right-aligned and everything else left-aligned.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  // A trailing "... more items" is not part of the grid.
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2; // ", "
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  // Three columns must fit, and one very long item among short ones would leave big gaps.
  const threeFit = actualMax * 3 + ctx.indentationLvl < ctx.breakLength;
  if (!threeFit || (totalLength / actualMax <= 5 && maxLength > 6)) return output;
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
    Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const maxLineLength = [];
  for (let i = 0; i < columns; i++) {
    let lineMaxLength = 0;
    for (let j = i; j < output.length; j += columns) {
      if (dataLen[j] > lineMaxLength) lineMaxLength = dataLen[j];
    }
    maxLineLength.push(lineMaxLength + separatorSpace);
  }
  let padStart = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        padStart = false;
        break;
      }
    }
  }
  const rows = [];
  for (let i = 0; i < outputLength; i += columns) {
    const max = Math.min(i + columns, outputLength);
    let row = '';
    let j = i;
    for (; j < max - 1; j++) {
      // Color codes take no columns, so they widen the padding.
      const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
      row += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
    }
    if (padStart) {
      const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
      row += output[j].padStart(padding, ' ');
    } else {
      row += output[j];
    }
    rows.push(row);
  }
  if (ctx.maxArrayLength < output.length) rows.push(output[outputLength]);
  return rows;
}

function isBelowBreakLength(ctx, output, start, base) {
  // One comma per entry, plus the spaces the caller counted into `start`.
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += ctx.colors ? removeColors(output[i]).length : output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  // A multi-line base (an error's stack) never shares its line with entries.
  return base === '' || !base.includes('\n');
}

function joinList(list, separator) {
  let str = '';
  for (let i = 0; i < list.length; i++) {
    if (i !== 0) str += separator;
    str += list[i];
  }
  return str;
}

// Joins the entries of one object into its final text: on one line when short enough (and,
// in the default mode, when it is at most `compact` levels deep), otherwise one entry per line.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  const basePrefix = base ? `${base} ` : '';
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
      // ctx.currentDepth is how deep the innermost object finished so far went; only the
      // `compact` innermost levels may be put on one line, and never an array laid out as a grid.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = joinList(output, ', ');
          if (!joined.includes('\n')) return `${basePrefix}${braces[0]} ${joined} ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    const body = joinList(output, `,${indentation}  `);
    return `${basePrefix}${braces[0]}${indentation}  ${body}${indentation}${braces[1]}`;
  }
  // compact === true: the pre-v12 layout, closing brace on the last entry's line.
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${joinList(output, ', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  // A one-character brace shares its line with the first entry; a longer opening such as
  // "Set {" would misalign it, so the entries start on the next line then.
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${joinList(output, `,\n${indentation}  `)} ${braces[1]}`;
}

// ---------------------------------------------------------------------------------------------
// URLs

// The URL class of internal/url (which is also the global URL). Where the two differ, as when
// these files run inside node through the harness, either counts.
let urlClasses;
function urlClassList() {
  if (urlClasses === undefined) {
    urlClasses = [];
    try {
      const { URL: internal } = require('internal/url');
      if (typeof internal === 'function') urlClasses.push(internal);
    } catch {
      // No URL internals; the global is all there is.
    }
    if (typeof URL === 'function' && !urlClasses.includes(URL)) urlClasses.push(URL);
  }
  return urlClasses;
}

function isURL(value) {
  if (typeof value.href !== 'string') return false;
  for (const ctor of urlClassList()) {
    if (value instanceof ctor) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// util.format

// Whether %s may print the object with inspect: true unless it (or a user-defined class) has its
// own toString or Symbol.toPrimitive, which %s then calls through String().
function hasBuiltInToString(value) {
  const proxyTarget = getProxyDetails(value, false);
  if (proxyTarget !== undefined) {
    if (proxyTarget === null) return true;
    value = proxyTarget;
  }

  let checkToString = true;
  let checkToPrimitive = true;
  if (typeof value.toString !== 'function') {
    if (typeof value[Symbol.toPrimitive] !== 'function') return true;
    if (hasOwn(value, Symbol.toPrimitive)) return false;
    checkToString = false;
  } else if (hasOwn(value, 'toString')) {
    return false;
  } else if (typeof value[Symbol.toPrimitive] !== 'function') {
    checkToPrimitive = false;
  } else if (hasOwn(value, Symbol.toPrimitive)) {
    return false;
  }

  // Find the prototype that provides the method and judge by its constructor.
  const provides = (obj) =>
    (checkToString && hasOwn(obj, 'toString')) || (checkToPrimitive && hasOwn(obj, Symbol.toPrimitive));
  let pointer = value;
  do {
    pointer = getPrototypeOf(pointer);
  } while (!provides(pointer));

  const descriptor = getOwnPropertyDescriptor(pointer, 'constructor');
  return (
    descriptor !== undefined &&
    typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name)
  );
}

// JSON.stringify's message for cycles differs between engines; learn it from a probe.
let circularJSONMessage;
const firstLine = (error) => String(error.message).split('\n', 1)[0];
function tryStringify(arg) {
  try {
    return jsonStringify(arg);
  } catch (err) {
    if (circularJSONMessage === undefined) {
      try {
        const a = {};
        a.a = a;
        jsonStringify(a);
      } catch (circularError) {
        circularJSONMessage = firstLine(circularError);
      }
    }
    if (err.name === 'TypeError' && firstLine(err) === circularJSONMessage) return '[Circular]';
    throw err;
  }
}

function numericSeparatorOf(options) {
  const v = options == null ? undefined : options.numericSeparator;
  return v !== undefined && v !== null ? v : inspectDefaultOptions.numericSeparator;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, 'inspectOptions', kValidateObjectAllowArray);
  return formatWithOptionsInternal(inspectOptions, args);
}

// Converts the argument for one placeholder letter (one of "sjdOoifc").
function convertPlaceholder(letter, arg, inspectOptions) {
  const separators = () => numericSeparatorOf(inspectOptions);
  switch (letter) {
    case 's':
      if (typeof arg === 'number') return formatNumber(stylizeNoColor, arg, separators());
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, separators());
      if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
      return inspect(arg, { ...inspectOptions, compact: 3, colors: false, depth: 0 });
    case 'j':
      return tryStringify(arg);
    case 'd':
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, separators());
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number(arg), separators());
    case 'O':
      return inspect(arg, inspectOptions);
    case 'o':
      return inspect(arg, { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
    case 'i':
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, separators());
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number.parseInt(arg), separators());
    case 'f':
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number.parseFloat(arg), separators());
    default:
      // %c: CSS has no meaning in a terminal; the argument is consumed silently.
      return '';
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let used = 0; // index of the last argument consumed by the format string
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const letter = first[++i];
      if (used + 1 !== args.length) {
        if (letter === '%') {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        }
        // Only these letters consume an argument; `%` followed by anything else stays.
        if ('sjdOoifc'.includes(letter) === false) continue;
        const text = convertPlaceholder(letter, args[++used], inspectOptions);
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += text;
        lastPos = i + 1;
      } else if (letter === '%') {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      used++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  // Whatever the format string did not consume is appended, strings verbatim.
  for (; used < args.length; used++) {
    const value = args[used];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
  }
  return str;
}

module.exports = {
  identicalSequenceRange,
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  isZeroWidthCodePoint,
  removeColors,
};
