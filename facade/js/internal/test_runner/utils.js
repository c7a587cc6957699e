'use strict';
// Helpers of the test runner (node's lib/internal/test_runner/utils.js): the command-line
// options, the reporters wired to their destinations, the counters of the final summary.
// https://nodejs.org/docs/latest-v20.x/api/test.html
//
// Also here: the promise helpers of node's primordials that the runner is written with. They
// wrap each promise the way node's do, so that a test, a hook and the reporter take as many
// microtask turns as in node and their output interleaves with the program's the same way.

const { basename } = require('path');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_TEST_FAILURE },
  kIsNodeError,
} = require('internal/errors');

const kMultipleCallbackInvocations = 'multipleCallbackInvocations';
const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;
const kSupportedFileExtensions = /\.[cm]?js$/;
const kTestFilePattern = /((^test(-.+)?)|(.+[.\-_]test))\.[cm]?js$/;

// --- primordials' promise helpers ------------------------------------------------------------

class SafePromise extends Promise {}

function toSafePromises(promises, mapFn) {
  return promises.map(
    (promise, i) =>
      new SafePromise((a, b) => Promise.prototype.then.call(mapFn == null ? promise : mapFn(promise, i), a, b)),
  );
}

function SafePromiseAll(promises, mapFn) {
  return new Promise((a, b) => SafePromise.all(toSafePromises(promises, mapFn)).then(a, b));
}

function SafePromiseRace(promises, mapFn) {
  return new Promise((a, b) => SafePromise.race(toSafePromises(promises, mapFn)).then(a, b));
}

function SafePromiseAllReturnArrayLike(promises, mapFn) {
  return new Promise((resolve, reject) => {
    const { length } = promises;
    const returnVal = new Array(length);
    Object.setPrototypeOf(returnVal, null);
    if (length === 0) resolve(returnVal);
    let pendingPromises = length;
    for (let i = 0; i < length; i++) {
      const promise = mapFn != null ? mapFn(promises[i], i) : promises[i];
      Promise.prototype.then.call(
        Promise.resolve(promise),
        (result) => {
          returnVal[i] = result;
          if (--pendingPromises === 0) resolve(returnVal);
        },
        reject,
      );
    }
  });
}

function SafePromisePrototypeFinally(thisPromise, onFinally) {
  return new Promise((a, b) =>
    new SafePromise((a, b) => Promise.prototype.then.call(thisPromise, a, b)).finally(onFinally).then(a, b),
  );
}

const { createDeferredPromise } = require('internal/util');

// Calls `callback` once; later calls return what the first returned when asked to.
function once(callback, { preserveReturnValue = false } = {}) {
  let called = false;
  let returnValue;
  return function (...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

// util.inspect, falling back to no custom inspectors when one throws (node's errors.js helper).
let inspectModule;
function inspectWithNoCustomRetry(obj, options) {
  inspectModule ??= require('internal/util/inspect');
  try {
    return inspectModule.inspect(obj, options);
  } catch {
    return inspectModule.inspect(obj, { ...options, customInspect: false });
  }
}

// --- where a test was declared ---------------------------------------------------------------

// [line, column, file] of the code that called the function calling this one, as node's
// getCallerLocation() gives it. V8 places a call at the start of the callee's last name (`it` in
// `it(`, `skip` in `it.skip(`); Boa places it at the opening parenthesis, so the column is moved
// back over that name. Frames of engine builtins (`Reflect.apply`, `Function.prototype.call`),
// which V8 does not show, are passed over.
let readSource;
const sourceLines = new Map();
const kFrame = /\((.+):(\d+):(\d+)\)$|^ {4}at (.+):(\d+):(\d+)$/;
function getCallerLocation() {
  const { stackTraceLimit, prepareStackTrace } = Error;
  let stack;
  try {
    Error.stackTraceLimit = 16;
    Error.prepareStackTrace = undefined;
    stack = new Error().stack;
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = prepareStackTrace;
  }
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => line.startsWith('    at ') && !line.endsWith('(<anonymous>)'));
  // frames[0] is this function, frames[1] the API function that asks for its caller.
  const m = frames.length > 2 ? kFrame.exec(frames[2]) : null;
  if (m === null) return undefined;
  const file = m[1] ?? m[4];
  // Code without a file of its own (eval, new Function) has no location, as in node.
  if (!file.startsWith('/') && !file.startsWith('file://')) return undefined;
  const line = Number(m[2] ?? m[5]);
  return [line, calleeColumn(file, line, Number(m[3] ?? m[6])), file];
}

function calleeColumn(file, line, column) {
  let lines = sourceLines.get(file);
  if (lines === undefined) {
    lines = null;
    try {
      let path = file;
      if (path.startsWith('file://')) path = require('internal/url').fileURLToPath(path);
      readSource ??= internalBinding('modules').op_module_read;
      lines = readSource(path).split('\n');
    } catch {
      // Not a readable file (an eval'd script): keep the engine's column.
    }
    sourceLines.set(file, lines);
  }
  const text = lines?.[line - 1];
  if (text === undefined || text[column - 1] !== '(') return column;
  let i = column - 2;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const end = i;
  while (i >= 0 && /[\w$]/.test(text[i])) i--;
  return end === i ? column : i + 2;
}

// --- the runner proper -----------------------------------------------------------------------

function doesPathMatchFilter(p) {
  return kTestFilePattern.exec(basename(p)) !== null;
}

function isSupportedFileType(p) {
  return kSupportedFileExtensions.exec(p) !== null;
}

function createDeferredCallback() {
  let calledCount = 0;
  const { promise, resolve, reject } = createDeferredPromise();
  const cb = (err) => {
    calledCount++;

    // If the callback is called a second time, let the user know, but
    // don't let them know more than once.
    if (calledCount > 1) {
      if (calledCount === 2) {
        throw new ERR_TEST_FAILURE('callback invoked multiple times', kMultipleCallbackInvocations);
      }

      return;
    }

    if (err) {
      return reject(err);
    }

    resolve();
  };

  return { __proto__: null, promise, cb };
}

function isTestFailureError(err) {
  return err?.code === 'ERR_TEST_FAILURE' && kIsNodeError in err;
}

function convertStringToRegExp(str, name) {
  const match = kRegExpPattern.exec(str);
  const pattern = match?.[1] ?? str;
  const flags = match?.[2] || '';

  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const msg = err?.message;

    throw new ERR_INVALID_ARG_VALUE(name, str, `is an invalid regular expression.${msg ? ` ${msg}` : ''}`);
  }
}

const kBuiltinDestinations = new Map([
  ['stdout', () => process.stdout],
  ['stderr', () => process.stderr],
]);

const kBuiltinReporters = new Map([
  ['spec', 'internal/test_runner/reporter/spec'],
  ['dot', 'internal/test_runner/reporter/dot'],
  ['tap', 'internal/test_runner/reporter/tap'],
  ['junit', 'internal/test_runner/reporter/junit'],
]);

const kDefaultDestination = 'stdout';

function tryBuiltinReporter(name) {
  const builtinPath = kBuiltinReporters.get(name);

  if (builtinPath === undefined) {
    return;
  }

  return require(builtinPath);
}

// A reporter named on the command line that is not a builtin is a module, resolved from the
// working directory as node resolves it.
function loadUserReporter(name) {
  const { createRequire } = require('internal/modules/cjs_loader').Module;
  return createRequire(`${process.cwd()}/`)(name);
}

function getReportersMap(reporters, destinations) {
  return SafePromiseAllReturnArrayLike(reporters, async (name, i) => {
    const destination =
      kBuiltinDestinations.get(destinations[i])?.() ?? require('fs').createWriteStream(destinations[i]);

    let reporter = tryBuiltinReporter(name);

    if (reporter === undefined) {
      reporter = loadUserReporter(name);
    }

    if (reporter?.default) {
      reporter = reporter.default;
    }

    if (reporter?.prototype && Object.getOwnPropertyDescriptor(reporter.prototype, 'constructor')) {
      reporter = new reporter();
    }

    if (!reporter) {
      throw new ERR_INVALID_ARG_VALUE('Reporter', name, 'is not a valid reporter');
    }

    return { __proto__: null, reporter, destination };
  });
}

async function setupTestReporters(rootReporter) {
  const { compose } = require('stream');
  const { reporters, destinations } = parseCommandLine();
  const reportersMap = await getReportersMap(reporters, destinations);
  for (let i = 0; i < reportersMap.length; i++) {
    const { reporter, destination } = reportersMap[i];
    compose(rootReporter, reporter).pipe(destination);
  }
}

// The values of one command-line option in process.execArgv (`--opt=v` or `--opt v`), for the
// options of node's test runner that apply to a single file.
function optionValues(name) {
  const argv = process.execArgv ?? [];
  const values = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name && i + 1 < argv.length) {
      values.push(argv[++i]);
    } else if (argv[i].startsWith(`${name}=`)) {
      values.push(argv[i].slice(name.length + 1));
    }
  }
  return values;
}

function optionFlag(name) {
  const argv = process.execArgv ?? [];
  return argv.includes(name);
}

let globalTestOptions;

function parseCommandLine() {
  if (globalTestOptions) {
    return globalTestOptions;
  }

  // Running a directory of files (`--test`) and coverage are not available; a file runs alone.
  const isTestRunner = false;
  const coverage = false;
  const forceExit = optionFlag('--test-force-exit');
  const sourceMaps = false;
  const isChildProcess = process.env.NODE_TEST_CONTEXT === 'child';
  let destinations;
  let reporters;

  if (isChildProcess) {
    reporters = ['tap'];
    destinations = [kDefaultDestination];
  } else {
    destinations = optionValues('--test-reporter-destination');
    reporters = optionValues('--test-reporter');
    if (reporters.length === 0 && destinations.length === 0) {
      reporters.push(process.stdout.isTTY ? 'spec' : 'tap');
    }

    if (reporters.length === 1 && destinations.length === 0) {
      destinations.push(kDefaultDestination);
    }

    if (destinations.length !== reporters.length) {
      throw new ERR_INVALID_ARG_VALUE(
        '--test-reporter',
        reporters,
        "must match the number of specified '--test-reporter-destination'",
      );
    }
  }

  const testNamePatternFlag = optionValues('--test-name-pattern');
  const testOnlyFlag = optionFlag('--test-only');
  const testNamePatterns =
    testNamePatternFlag.length > 0
      ? testNamePatternFlag.map((re) => convertStringToRegExp(re, '--test-name-pattern'))
      : null;

  globalTestOptions = {
    __proto__: null,
    isTestRunner,
    coverage,
    forceExit,
    sourceMaps,
    testOnlyFlag,
    testNamePatterns,
    reporters,
    destinations,
  };

  return globalTestOptions;
}

function countCompletedTest(test, harness = test.root.harness) {
  if (test.nesting === 0) {
    harness.counters.topLevel++;
  }
  if (test.reportedType === 'suite') {
    harness.counters.suites++;
    return;
  }
  // Check SKIP and TODO tests first, as those should not be counted as
  // failures.
  if (test.skipped) {
    harness.counters.skipped++;
  } else if (test.isTodo) {
    harness.counters.todo++;
  } else if (test.cancelled) {
    harness.counters.cancelled++;
  } else if (!test.passed) {
    harness.counters.failed++;
  } else {
    harness.counters.passed++;
  }
  harness.counters.all++;
}

module.exports = {
  SafePromiseAll,
  SafePromiseAllReturnArrayLike,
  SafePromisePrototypeFinally,
  SafePromiseRace,
  convertStringToRegExp,
  countCompletedTest,
  createDeferredCallback,
  createDeferredPromise,
  doesPathMatchFilter,
  getCallerLocation,
  inspectWithNoCustomRetry,
  isSupportedFileType,
  isTestFailureError,
  once,
  parseCommandLine,
  setupTestReporters,
};
