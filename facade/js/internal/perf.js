'use strict';
// The User Timing part of the web's `performance`: now(), timeOrigin, marks and measures.
// https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html
// Times are milliseconds since the process started, from the same monotonic clock as
// process.uptime().

const { op_process_uptime } = internalBinding('process');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_PERFORMANCE_INVALID_TIMESTAMP, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kPrivate = Symbol('kPrivate');

const now = () => op_process_uptime() * 1000;
const timeOrigin = Date.now() - now();

function inspectEntry(self, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(self.toJSON(), opts)}`;
}

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(key, name, type, start, duration, detail) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }

  get name() {
    return this.#name;
  }

  get entryType() {
    return this.#type;
  }

  get startTime() {
    return this.#start;
  }

  get duration() {
    return this.#duration;
  }

  get detail() {
    return this.#detail;
  }

  toJSON() {
    return {
      name: this.#name,
      entryType: this.#type,
      startTime: this.#start,
      duration: this.#duration,
      detail: this.#detail,
    };
  }

  [kInspect](depth, options, inspect) {
    return inspectEntry(this, depth, options, inspect);
  }
}

Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceEntry',
  configurable: true,
});

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    const start = options?.startTime ?? now();
    if (typeof start !== 'number') throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', start);
    if (start < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(start);
    const detail = options?.detail === undefined ? null : structuredClone(options.detail);
    super(kPrivate, name, 'mark', start, 0, detail);
  }
}

Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceMark',
  configurable: true,
});

class PerformanceMeasure extends PerformanceEntry {
  constructor(key, name, start, duration, detail) {
    super(key, name, 'measure', start, duration, detail);
  }
}

Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceMeasure',
  configurable: true,
});

const entries = [];

function markTime(name) {
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  const { DOMException } = require('internal/dom_exception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function clear(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

class Performance {
  constructor(key) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  now() {
    return now();
  }

  get timeOrigin() {
    return timeOrigin;
  }

  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    entries.push(mark);
    return mark;
  }

  measure(name, startOrOptions, endMark) {
    validateString(name, 'name');
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      const { start: s, end: e, duration, detail: d } = startOrOptions;
      start = s === undefined ? (duration !== undefined && e !== undefined ? markTime(e) - duration : 0) : markTime(s);
      end = e === undefined ? (duration !== undefined ? start + duration : now()) : markTime(e);
      detail = d === undefined ? null : structuredClone(d);
    } else {
      start = startOrOptions === undefined ? 0 : markTime(startOrOptions);
      end = endMark === undefined ? now() : markTime(endMark);
    }
    const measure = new PerformanceMeasure(kPrivate, name, start, end - start, detail);
    entries.push(measure);
    return measure;
  }

  clearMarks(name) {
    clear('mark', name === undefined ? undefined : `${name}`);
  }

  clearMeasures(name) {
    clear('measure', name === undefined ? undefined : `${name}`);
  }

  getEntries() {
    return entries.slice().sort((a, b) => a.startTime - b.startTime);
  }

  getEntriesByName(name, type) {
    name = `${name}`;
    return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }

  getEntriesByType(type) {
    type = `${type}`;
    return this.getEntries().filter((e) => e.entryType === type);
  }

  toJSON() {
    return { timeOrigin };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Performance ${inspect({ timeOrigin }, opts)}`;
  }
}

Object.defineProperty(Performance.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'Performance',
  configurable: true,
});

const performance = new Performance(kPrivate);

module.exports = { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance };
