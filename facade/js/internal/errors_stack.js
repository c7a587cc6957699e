'use strict';
// V8-shaped error stacks on Boa: `err.stack` is "Name: message\n    at frame..." and
// Error.captureStackTrace / Error.stackTraceLimit behave as code written for node expects.
//
// Boa records an error's frames when the error is created; this module formats them the way V8
// prints them: top-level code of a CommonJS module shows as `Object.<anonymous>`, anonymous
// functions as a bare location, and columns on a module's first line exclude the wrapper the
// loader put around the source.

const { op_error_frames } = internalBinding('errors');
const { op_module_wrapper_prefix } = internalBinding('modules');

const cjsPrefixLength = op_module_wrapper_prefix().length;
// Files compiled with the CommonJS wrapper (their line 1 columns are shifted).
const wrappedFiles = new Set();

const frameRe = /^ {4}at (.*?) \((.*):(\d+):(\d+)\)$/;
const nativeRe = /^ {4}at (.*?) \((native|native at [^)]*)\)$/;

function formatFrame(line) {
  let m = frameRe.exec(line);
  if (m !== null) {
    let [, name, file, row, col] = m;
    if (row === '1' && wrappedFiles.has(file)) {
      col = String(Math.max(1, Number(col) - cjsPrefixLength));
    }
    if (name === '<main>') {
      return wrappedFiles.has(file) ? `    at Object.<anonymous> (${file}:${row}:${col})` : `    at ${file}:${row}:${col}`;
    }
    if (name === '' || name === '<anonymous>') return `    at ${file}:${row}:${col}`;
    return `    at ${name} (${file}:${row}:${col})`;
  }
  m = nativeRe.exec(line);
  if (m !== null) return `    at ${m[1] || '<anonymous>'} (<anonymous>)`;
  return line;
}

function frameLines(err) {
  const raw = op_error_frames(err);
  if (typeof raw !== 'string' || raw.length === 0) return [];
  return raw.split('\n').filter((l) => l.length > 0).map(formatFrame);
}

function header(err) {
  let name;
  let message;
  try {
    name = err.name;
    message = err.message;
  } catch {
    return 'Error';
  }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

function limit() {
  const l = Error.stackTraceLimit;
  return typeof l === 'number' && l >= 0 ? l : 0;
}

function buildStack(err, frames) {
  const shown = frames.slice(0, limit());
  return shown.length > 0 ? `${header(err)}\n${shown.join('\n')}` : header(err);
}

function install() {
  const proto = Error.prototype;
  Object.defineProperty(proto, 'stack', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      if (this === null || typeof this !== 'object') return undefined;
      const frames = frameLines(this);
      if (frames.length === 0 && !(this instanceof Error)) return undefined;
      return buildStack(this, frames);
    },
    set(value) {
      Object.defineProperty(this, 'stack', {
        __proto__: null,
        value,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    },
  });

  Error.stackTraceLimit = 10;

  // Error.captureStackTrace(target[, constructorOpt]): gives `target` a `stack` as of here,
  // leaving out this function's own frame and, with `constructorOpt`, every frame up to and
  // including the first call of that function.
  Object.defineProperty(Error, 'captureStackTrace', {
    __proto__: null,
    writable: true,
    configurable: true,
    enumerable: false,
    value: function captureStackTrace(target, constructorOpt) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
        throw new TypeError('Invalid argument');
      }
      let frames = frameLines(new Error());
      frames = frames.slice(1);
      if (typeof constructorOpt === 'function' && constructorOpt.name) {
        const at = frames.findIndex((f) => f.startsWith(`    at ${constructorOpt.name} `) || f.includes(`.${constructorOpt.name} (`));
        if (at !== -1) frames = frames.slice(at + 1);
      }
      Object.defineProperty(target, 'stack', {
        __proto__: null,
        value: buildStack(target, frames),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    },
  });
}

module.exports = { install, wrappedFiles, frameLines, header };
