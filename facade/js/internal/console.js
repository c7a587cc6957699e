'use strict';
// The Console class and the global console: https://nodejs.org/docs/latest-v20.x/api/console.html

const {
  codes: { ERR_CONSOLE_WRITABLE_STREAM, ERR_INVALID_ARG_VALUE, ERR_INCOMPATIBLE_OPTION_PAIR },
} = require('internal/console_errors');
const { validateArray, validateObject, validateOneOf, validateInteger } = require('internal/validators');
// util.inspect is large to compile; a console that prints only strings and numbers never loads it.
let inspectModule;
const lazyInspect = () => (inspectModule ??= require('internal/util/inspect'));
const inspect = (...args) => lazyInspect().inspect(...args);
const getStringWidth = (...args) => lazyInspect().getStringWidth(...args);
const types = require('internal/util/types');
const { StdioSink, kWriteErrorsThrown } = require('internal/process/stdio');

const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kCounts = Symbol('counts');
const kTimers = Symbol('kTimers');
const kColorMode = Symbol('kColorMode');
const kInspectOptions = Symbol('kInspectOptions');
const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const kIgnoreErrors = Symbol('kIgnoreErrors');

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

function now() {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// Node's console.time* duration format.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [sec, milli] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(sec)}.${milli} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

const tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, widths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + ' '.repeat(widths[i] - getStringWidth(cell));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  return out + tableChars.right;
}

function cliTable(head, columns) {
  const rows = [];
  const widths = head.map((h) => getStringWidth(h));
  const longest = Math.max(...columns.map((c) => c.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = (rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '');
      widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
    }
  }
  const divider = widths.map((w) => tableChars.middleMiddle.repeat(w + 2));
  let result =
    `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, widths)}\n` +
    `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, widths)}\n`;
  result += `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const {
    stdout,
    stderr: errStream = stdout,
    ignoreErrors: ignore = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;
  if (!stdout || typeof stdout.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  if (!errStream || typeof errStream.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
  }
  initConsole(this, stdout, errStream, ignore, colorMode, inspectOptions, groupIndentation ?? 2);
  // Methods are bound so that `const { log } = console` works, as in node, and keep their names.
  for (const key of Object.getOwnPropertyNames(Console.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Console.prototype, key);
    if (typeof desc.value === 'function') {
      Object.defineProperty(this, key, { ...desc, value: bindNamed(desc.value, this, key), enumerable: true });
    }
  }
}

function bindNamed(fn, receiver, name) {
  const bound = fn.bind(receiver);
  Object.defineProperty(bound, 'name', { __proto__: null, value: name });
  return bound;
}

function initConsole(self, stdout, stderr, ignoreErrors, colorMode, inspectOptions, indentWidth) {
  const hidden = (key, value) =>
    Object.defineProperty(self, key, { __proto__: null, value, writable: true, configurable: true, enumerable: false });
  hidden(kStdout, stdout);
  hidden(kStderr, stderr);
  // `_stdout` and `_stderr` are where node's console writes; programs replace them.
  for (const [name, key] of [
    ['_stdout', kStdout],
    ['_stderr', kStderr],
  ]) {
    Object.defineProperty(self, name, {
      __proto__: null,
      get() {
        const stream = this[key];
        // The global console's sink stands for process.stdout or stderr.
        return stream instanceof StdioSink ? stream.stream() : stream;
      },
      set(stream) {
        this[key] = stream;
      },
      enumerable: false,
      configurable: true,
    });
  }
  hidden(kIgnoreErrors, ignoreErrors);
  hidden(kColorMode, colorMode);
  hidden(kInspectOptions, inspectOptions);
  hidden(kGroupIndent, '');
  hidden(kGroupIndentationWidth, indentWidth);
  hidden(kCounts, new Map());
  hidden(kTimers, new Map());
}

function useColors(self, stream) {
  const mode = self[kColorMode];
  if (mode !== 'auto') return mode;
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function inspectOptionsFor(self, stream) {
  const opts = self[kInspectOptions];
  if (opts) {
    if (opts.colors === undefined) return { ...opts, colors: useColors(self, stream) };
    return opts;
  }
  return useColors(self, stream) ? { colors: true } : {};
}

function writeTo(self, useStdErr, string) {
  const indent = self[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  const stream = useStdErr ? self[kStderr] : self[kStdout];
  if (self[kIgnoreErrors] === false) {
    stream.write(string);
    return;
  }
  // As node: a console swallows the errors of its streams, thrown at once (files, terminals) or
  // reported later (pipes), all but running out of stack. process.stdout and stderr only throw,
  // so writing to them skips the listener around the write.
  if (stream[kWriteErrorsThrown] === true) {
    try {
      stream.write(string);
    } catch (e) {
      if (isStackOverflowError(e)) throw e;
    }
    return;
  }
  try {
    if (stream.listenerCount?.('error') === 0) stream.once('error', noop);
    stream.write(string, (err) => swallowLaterError(stream, err));
  } catch (e) {
    if (isStackOverflowError(e)) throw e;
  } finally {
    stream.removeListener?.('error', noop);
  }
}

function noop() {}

// The write callback: an error the stream reports later (a pipe's) will be emitted as 'error';
// a one-time listener keeps it from being uncaught, as node's console does.
function swallowLaterError(stream, err) {
  if (err !== null && err !== undefined && !stream._writableState?.errorEmitted) {
    if (stream.listenerCount?.('error') === 0) stream.once('error', noop);
  }
}

function isStackOverflowError(e) {
  return e instanceof RangeError && /call stack|recursi/i.test(e.message);
}

function formatArgs(self, stream, args) {
  const options = inspectOptionsFor(self, stream);
  return formatPrimitives(options, args) ?? lazyInspect().formatWithOptions(options, ...args);
}

// What formatWithOptions gives for arguments that are all strings, numbers, bigints, booleans,
// null or undefined, without format specifiers or colours; null for anything else.
function formatPrimitives(options, args) {
  if (options.colors || options.numericSeparator) return null;
  if (inspectModule?.inspect.defaultOptions.numericSeparator) return null;
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    let text;
    switch (typeof value) {
      case 'string':
        if (i === 0 && value.includes('%')) return null;
        text = value;
        break;
      case 'number':
        text = Object.is(value, -0) ? '-0' : `${value}`;
        break;
      case 'bigint':
        text = `${value}n`;
        break;
      case 'boolean':
      case 'undefined':
        text = `${value}`;
        break;
      default:
        if (value !== null) return null;
        text = 'null';
    }
    out += i === 0 ? text : ` ${text}`;
  }
  return out;
}

const consoleMethods = {
  log(...args) {
    writeTo(this, false, formatArgs(this, this[kStdout], args));
  },
  warn(...args) {
    writeTo(this, true, formatArgs(this, this[kStderr], args));
  },
  dir(object, options) {
    writeTo(
      this,
      false,
      inspect(object, { customInspect: false, ...inspectOptionsFor(this, this[kStdout]), ...options }),
    );
  },
  time(label = 'default') {
    label = `${label}`;
    const timers = this[kTimers];
    if (timers.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    timers.set(label, now());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace(...args) {
    const err = { name: 'Trace', message: formatArgs(this, this[kStderr], args) };
    Error.captureStackTrace(err, consoleMethods.trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      // As node: the first argument joins the message as a string.
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      this.warn(...args);
    }
  },
  clear() {
    const stdout = this[kStdout];
    if (stdout.isTTY && process.env.TERM !== 'dumb') stdout.write('\x1b[1;1H\x1b[0J');
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(label);
  },
  group(...data) {
    if (data.length > 0) this.log(...data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const final = (k, v) => this.log(cliTable(k, v));
    const cellInspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opt = { depth, maxArrayLength: 3, breakLength: Infinity, ...inspectOptionsFor(this, this[kStdout]) };
      return inspect(v, opt);
    };
    const indexArray = (length) => Array.from({ length }, (_, i) => cellInspect(i));

    // Node reads an iterator through a preview, which does not consume it; a Map's entries()
    // iterator gives keys and values. Boa gives no preview of an iterator, so it is read here
    // (and consumed), its entries told by their [key, value] shape.
    const mapIter = types.isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      const items = Array.from(tabularData);
      isKeyValue = items.length > 0 && items.every((e) => Array.isArray(e) && e.length === 2);
      tabularData = isKeyValue ? items.flat(1) : items;
    }
    if (isKeyValue || types.isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (let i = 0; i < tabularData.length / 2; i++) {
          keys.push(cellInspect(tabularData[i * 2]));
          values.push(cellInspect(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const [k, v] of tabularData) {
          keys.push(cellInspect(k));
          values.push(cellInspect(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [indexArray(length), keys, values]);
    }
    const setIter = types.isSetIterator(tabularData);
    if (setIter) tabularData = Array.from(tabularData);
    if (setIter || mapIter || types.isSet(tabularData)) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(cellInspect(v));
        length++;
      }
      return final([iterKey, valuesKey], [indexArray(length), values]);
    }
    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = cellInspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) map[key][i] = '';
          else map[key][i] = cellInspect(item[key]);
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
  // Inspector-only methods: present, and silent, as in node without the inspector.
  profile() {},
  profileEnd() {},
  timeStamp() {},
  context() {
    return this;
  },
};

function timeLogImpl(self, name, label, data) {
  const start = self[kTimers].get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(now() - start);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

consoleMethods.info = consoleMethods.log;
consoleMethods.debug = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const [name, fn] of Object.entries(consoleMethods)) {
  Object.defineProperty(Console.prototype, name, {
    __proto__: null,
    value: fn,
    writable: true,
    configurable: true,
    enumerable: true,
  });
}

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance !== null && typeof instance === 'object' && kStdout in instance;
  },
});

// The global console: an object (not a Console instance by prototype, as in node) whose methods
// are bound to it, writing to process.stdout and process.stderr.
function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  initConsole(globalConsole, new StdioSink(1), new StdioSink(2), true, 'auto', undefined, 2);
  for (const name of Object.keys(consoleMethods)) {
    Object.defineProperty(globalConsole, name, {
      __proto__: null,
      // Bound and named after its key, as node's global console.
      value: bindNamed(consoleMethods[name], globalConsole, name),
      writable: true,
      configurable: true,
      enumerable: true,
    });
  }
  Object.defineProperty(globalConsole, 'Console', {
    __proto__: null,
    value: Console,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(globalConsole, Symbol.toStringTag, {
    __proto__: null,
    value: 'console',
    writable: false,
    enumerable: false,
    configurable: true,
  });
  return globalConsole;
}

module.exports = { Console, createGlobalConsole, formatTime, kStdout, kStderr };
void ERR_INVALID_ARG_VALUE;
