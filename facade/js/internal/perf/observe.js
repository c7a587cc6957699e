'use strict';
// The performance timeline's delivery side: PerformanceObserver, PerformanceObserverEntryList,
// the global buffers of marks and measures, and enqueue(), through which every entry reaches the
// observers. https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html#class-performanceobserver
//
// As node's lib/internal/perf/observe.js: an entry is pushed synchronously onto the buffer of
// each observer of its type, and one setImmediate then calls every observer with a pending
// buffer, so a callback sees all the entries of a turn of the loop in one list. Builtins that
// time their own operations ('net') ask internal/perf/observers' hasObserver(type) first, which
// does not load this module, and only then bracket the operation with startPerf()/stopPerf().
//
// supportedEntryTypes lists the types actorjs emits; node's others ('dns', 'function', 'gc',
// 'http', 'http2', 'resource') are absent, so observing them is ignored, as for any unknown type.

const {
  createPerformanceNodeEntry,
  isPerformanceEntry,
  markEnumerable,
} = require('internal/perf/performance_entry');
const { now } = require('internal/perf/utils');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { kEmptyObject, lazyDOMException } = require('internal/util');
const { setImmediate } = require('timers');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kSkipThrow = Symbol('kSkipThrow');

const kTypeSingle = 0;
const kTypeMultiple = 1;

const { countObserver, hasObserver } = require('internal/perf/observers');

const kSupportedEntryTypes = Object.freeze(['mark', 'measure', 'net']);

// The performance timeline: what performance.getEntries() and observe({ buffered: true }) see.
let markEntryBuffer = [];
let measureEntryBuffer = [];
const kPerformanceEntryBufferWarnSize = 1e6;
const kClearPerformanceEntryBuffers = Object.freeze({
  mark: 'performance.clearMarks',
  measure: 'performance.clearMeasures',
});
const kWarnedEntryTypes = new Set();

const kObservers = new Set();
const kPending = new Set();
let isPending = false;

function queuePending() {
  if (isPending) return;
  isPending = true;
  setImmediate(() => {
    isPending = false;
    const pendings = Array.from(kPending);
    kPending.clear();
    for (const pending of pendings) pending[kDispatch]();
  });
}


const byStartTime = (first, second) => first.startTime - second.startTime;

function inspectOptions(options) {
  return { ...options, depth: options.depth == null ? null : options.depth - 1 };
}

class PerformanceObserverEntryList {
  #buffer;

  constructor(skipThrowSymbol = undefined, entries = []) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#buffer = entries.sort(byStartTime);
  }

  getEntries() {
    return this.#buffer.slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this.#buffer.filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type != null) return this.#buffer.filter((entry) => entry.name === name && entry.entryType === type);
    return this.#buffer.filter((entry) => entry.name === name);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${inspect(this.#buffer, inspectOptions(options))}`;
  }
}

markEnumerable(PerformanceObserverEntryList.prototype, ['getEntries', 'getEntriesByType', 'getEntriesByName']);
Object.defineProperty(PerformanceObserverEntryList.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceObserverEntryList',
  configurable: true,
});

class PerformanceObserver {
  #buffer = [];
  #entryTypes = new Set();
  #type;
  #callback;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = kEmptyObject) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.entryTypes',
        entryTypes,
        'options.entryTypes can not set with options.type together',
      );
    }

    switch (this.#type) {
      case undefined:
        if (entryTypes !== undefined) this.#type = kTypeMultiple;
        if (type !== undefined) this.#type = kTypeSingle;
        break;
      case kTypeSingle:
        if (entryTypes !== undefined) {
          throw lazyDOMException(
            'PerformanceObserver can not change to multiple observations',
            'InvalidModificationError',
          );
        }
        break;
      case kTypeMultiple:
        if (type !== undefined) {
          throw lazyDOMException(
            'PerformanceObserver can not change to single observation',
            'InvalidModificationError',
          );
        }
        break;
    }

    if (this.#type === kTypeMultiple) {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      for (const t of this.#entryTypes) countObserver(t, -1);
      this.#entryTypes.clear();
      for (let n = 0; n < entryTypes.length; n++) {
        if (kSupportedEntryTypes.includes(entryTypes[n]) && !this.#entryTypes.has(entryTypes[n])) {
          this.#entryTypes.add(entryTypes[n]);
          countObserver(entryTypes[n], 1);
        }
      }
    } else {
      if (!kSupportedEntryTypes.includes(type)) return;
      if (!this.#entryTypes.has(type)) {
        this.#entryTypes.add(type);
        countObserver(type, 1);
      }
      if (buffered) {
        for (const entry of filterBufferMapByNameAndType(undefined, type)) this.#buffer.push(entry);
        kPending.add(this);
        queuePending();
      }
    }

    if (this.#entryTypes.size) kObservers.add(this);
    else this.disconnect();
  }

  disconnect() {
    for (const t of this.#entryTypes) countObserver(t, -1);
    kObservers.delete(this);
    kPending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = undefined;
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry.entryType)) return;
    this.#buffer.push(entry);
    kPending.add(this);
    queuePending();
  }

  [kDispatch]() {
    const entryList = new PerformanceObserverEntryList(kSkipThrow, this.takeRecords());
    this.#callback(entryList, this);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const state = {
      connected: kObservers.has(this),
      pending: kPending.has(this),
      entryTypes: Array.from(this.#entryTypes),
      buffer: this.#buffer,
    };
    return `PerformanceObserver ${inspect(state, inspectOptions(options))}`;
  }
}

markEnumerable(PerformanceObserver.prototype, ['observe', 'disconnect', 'takeRecords']);
Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'PerformanceObserver',
  configurable: true,
});

// Queues a PerformanceEntry for the observers of its type.
// https://www.w3.org/TR/performance-timeline/#dfn-queue-a-performanceentry
function enqueue(entry) {
  if (!isPerformanceEntry(entry)) throw new ERR_INVALID_ARG_TYPE('entry', 'PerformanceEntry', entry);
  // Iterating even an empty Set is not free, and marks are often made by the thousand.
  if (kObservers.size === 0) return;
  for (const obs of kObservers) obs[kMaybeBuffer](entry);
}

// Adds a mark or measure to the timeline, warning once per type when it grows past a million
// entries that nobody clears.
function bufferUserTiming(entry) {
  const entryType = entry.entryType;
  let buffer;
  if (entryType === 'mark') buffer = markEntryBuffer;
  else if (entryType === 'measure') buffer = measureEntryBuffer;
  else return;

  buffer.push(entry);
  const count = buffer.length;
  if (count > kPerformanceEntryBufferWarnSize && !kWarnedEntryTypes.has(entryType)) {
    kWarnedEntryTypes.add(entryType);
    const w = new Error(
      'Possible perf_hooks memory leak detected. ' +
        `${count} ${entryType} entries added to the global ` +
        'performance entry buffer. Use ' +
        `${kClearPerformanceEntryBuffers[entryType]} to ` +
        'clear the buffer.',
    );
    w.name = 'MaxPerformanceEntryBufferExceededWarning';
    w.entryType = entryType;
    w.count = count;
    process.emitWarning(w);
  }
}

function clearEntriesFromBuffer(type, name) {
  const keep = (entry) => entry.name !== name;
  if (type === 'mark') {
    markEntryBuffer = name === undefined ? [] : markEntryBuffer.filter(keep);
  } else if (type === 'measure') {
    measureEntryBuffer = name === undefined ? [] : measureEntryBuffer.filter(keep);
  }
}

// The most recent mark of a name on the timeline, which is what a measure that names it means.
// node keeps a separate map of mark times, which every mark would have to update (in Boa that
// costs a third more per mark); searching the buffer instead means that, unlike in node, a
// PerformanceMark constructed directly, never on the timeline, cannot be named by a measure.
function newestMark(name) {
  for (let i = markEntryBuffer.length - 1; i >= 0; i--) {
    if (markEntryBuffer[i].name === name) return markEntryBuffer[i];
  }
  return undefined;
}

// The timeline's entries of a name and/or type (both optional), oldest first.
function filterBufferMapByNameAndType(name, type) {
  let bufferList;
  if (type === 'mark') {
    bufferList = markEntryBuffer;
  } else if (type === 'measure') {
    bufferList = measureEntryBuffer;
  } else if (type !== undefined) {
    return [];
  } else {
    bufferList = [...markEntryBuffer, ...measureEntryBuffer];
  }
  if (name !== undefined) {
    bufferList = bufferList.filter((entry) => entry.name === name);
  } else if (type !== undefined) {
    bufferList = bufferList.slice();
  }
  return bufferList.sort(byStartTime);
}

// Starts timing an operation: `context` ({ type, name, detail }) is kept on target[key] with the
// start time, for stopPerf.
function startPerf(target, key, context = {}) {
  target[key] = { ...context, startTime: now() };
}

// Ends the operation startPerf began on target[key] and enqueues its entry, whose detail merges
// the start context's with `context.detail`.
function stopPerf(target, key, context = {}) {
  const ctx = target[key];
  if (!ctx) return;
  const startTime = ctx.startTime;
  const entry = createPerformanceNodeEntry(ctx.name, ctx.type, startTime, now() - startTime, {
    ...ctx.detail,
    ...context.detail,
  });
  enqueue(entry);
}

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
  enqueue,
  hasObserver,
  bufferUserTiming,
  clearEntriesFromBuffer,
  filterBufferMapByNameAndType,
  newestMark,
  startPerf,
  stopPerf,
};
