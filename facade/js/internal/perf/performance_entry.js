'use strict';
// PerformanceEntry, the base of every entry on the performance timeline, and node's
// PerformanceNodeEntry, the kind builtins emit for their own entry types ('net', ...), which adds
// `detail`. https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html#class-performanceentry
//
// Entries are made only by the runtime: the constructors take kSkipThrow, which user code cannot
// name, and throw ERR_ILLEGAL_CONSTRUCTOR without it.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkipThrow = Symbol('kSkipThrow');

let isPerformanceEntry;

// As node's kEnumerableProperty: the Web IDL attributes and operations are enumerable.
function markEnumerable(proto, names) {
  for (const name of names) Object.defineProperty(proto, name, { __proto__: null, enumerable: true });
}

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;

  constructor(
    skipThrowSymbol = undefined,
    name = undefined,
    type = undefined,
    start = undefined,
    duration = undefined,
  ) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
  }

  static {
    isPerformanceEntry = (obj) => obj !== null && typeof obj === 'object' && #name in obj;
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

  toJSON() {
    return {
      name: this.#name,
      entryType: this.#type,
      startTime: this.#start,
      duration: this.#duration,
    };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${this.constructor.name} ${inspect(this.toJSON(), opts)}`;
  }
}

markEnumerable(PerformanceEntry.prototype, ['name', 'entryType', 'startTime', 'duration', 'toJSON']);

class PerformanceNodeEntry extends PerformanceEntry {
  #detail;

  constructor(skipThrowSymbol, name, type, start, duration, detail) {
    super(skipThrowSymbol, name, type, start, duration);
    this.#detail = detail;
  }

  get detail() {
    return this.#detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.#detail };
  }
}

function createPerformanceNodeEntry(name, type, start, duration, detail) {
  return new PerformanceNodeEntry(kSkipThrow, name, type, start, duration, detail);
}

module.exports = { PerformanceEntry, createPerformanceNodeEntry, isPerformanceEntry, kSkipThrow, markEnumerable };
