'use strict';
// The User Timing part of the web's `performance`: now(), timeOrigin, marks and measures.
// https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html
// Times are milliseconds since the process started (internal/perf/utils). Marks and measures go
// to the observers and the timeline kept by internal/perf/observe.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_PERFORMANCE_INVALID_TIMESTAMP, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { PerformanceEntry, kSkipThrow, markEnumerable } = require('internal/perf/performance_entry');
const { now, timeOrigin } = require('internal/perf/utils');
const {
  enqueue,
  bufferUserTiming,
  clearEntriesFromBuffer,
  filterBufferMapByNameAndType,
  newestMark,
} = require('internal/perf/observe');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

class PerformanceMark extends PerformanceEntry {
  #detail;

  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    const start = options?.startTime ?? now();
    if (typeof start !== 'number') throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', start);
    if (start < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(start);
    const detail = options?.detail === undefined ? null : structuredClone(options.detail);
    super(kSkipThrow, name, 'mark', start, 0);
    this.#detail = detail;
  }

  get detail() {
    return this.#detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.#detail };
  }
}

markEnumerable(PerformanceMark.prototype, ['detail']);
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceMark',
  configurable: true,
});

class PerformanceMeasure extends PerformanceEntry {
  #detail;

  constructor(key, name, start, duration, detail) {
    super(key, name, 'measure', start, duration);
    this.#detail = detail;
  }

  get detail() {
    return this.#detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.#detail };
  }
}

markEnumerable(PerformanceMeasure.prototype, ['detail']);
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceMeasure',
  configurable: true,
});

function markTime(name) {
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  const mark = newestMark(name);
  if (mark !== undefined) return mark.startTime;
  const { DOMException } = require('internal/dom_exception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

class Performance {
  constructor(key) {
    if (key !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  now() {
    return now();
  }

  get timeOrigin() {
    return timeOrigin;
  }

  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    enqueue(mark);
    bufferUserTiming(mark);
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
    const measure = new PerformanceMeasure(kSkipThrow, name, start, end - start, detail);
    enqueue(measure);
    bufferUserTiming(measure);
    return measure;
  }

  clearMarks(name) {
    clearEntriesFromBuffer('mark', name === undefined ? undefined : `${name}`);
  }

  clearMeasures(name) {
    clearEntriesFromBuffer('measure', name === undefined ? undefined : `${name}`);
  }

  getEntries() {
    return filterBufferMapByNameAndType();
  }

  getEntriesByName(name, type) {
    return filterBufferMapByNameAndType(`${name}`, type === undefined ? undefined : `${type}`);
  }

  getEntriesByType(type) {
    return filterBufferMapByNameAndType(undefined, `${type}`);
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

const performance = new Performance(kSkipThrow);

module.exports = { Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance };
