'use strict';
// assert.ok's message for a falsy value: the source text of the failing call, read from the
// caller's file ("The expression evaluated to a falsy value:\n\n  assert.ok(x)\n").
//
// Node parses the file with acorn from the call site on. Here a small scanner does the part that
// matters: it skips strings, template literals, comments and regular expressions, pairs up the
// brackets, and takes the innermost call expression (callee chain plus arguments) around the
// call site's column. Engines point at different places of a call (V8 at the callee's last name,
// Boa at the opening parenthesis); both lie inside the call's text.

const AssertionError = require('internal/assert/assertion_error');
const { isError } = require('internal/util');

let readSource;
function lazyReadSource() {
  if (readSource === undefined) readSource = internalBinding('modules').op_module_read;
  return readSource;
}

const errorCache = new Map();

// Control characters other than \t, \n and \r are shown escaped.
// eslint-disable-next-line no-control-regex
const escapeSequencesRegExp = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const meta = [
  '\\u0000', '\\u0001', '\\u0002', '\\u0003', '\\u0004', '\\u0005', '\\u0006', '\\u0007', '\\b', '',
  '', '\\u000b', '\\f', '', '\\u000e', '\\u000f', '\\u0010', '\\u0011', '\\u0012', '\\u0013',
  '\\u0014', '\\u0015', '\\u0016', '\\u0017', '\\u0018', '\\u0019', '\\u001a', '\\u001b', '\\u001c',
  '\\u001d', '\\u001e', '\\u001f',
];
const escapeFn = (str) => meta[str.charCodeAt(0)];

const identStart = /[\p{ID_Start}$_\\]/u;
const identPart = /[\p{ID_Continue}$_\u200c\u200d\\]/u;
// Keywords after which `/` starts a regular expression and `(` is not a call.
const keywords = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'export', 'extends', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'let', 'new', 'return', 'switch', 'throw', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'yield',
]);

// Splits `code` into tokens: { type: 'ident' | 'punct' | 'string' | 'number' | 'regexp' |
// 'template', value, start, end }. Template literals are one token (their substitutions are not
// looked into). Stops quietly at anything it cannot follow.
function tokenize(code, limit) {
  const tokens = [];
  let pos = 0;
  let depth = 0;
  const len = code.length;
  const regexpAllowed = () => {
    const prev = tokens[tokens.length - 1];
    if (prev === undefined) return true;
    if (prev.type === 'ident') return keywords.has(prev.value);
    if (prev.type === 'punct') return prev.value !== ')' && prev.value !== ']' && prev.value !== '}';
    return false;
  };
  while (pos < len) {
    const ch = code[pos];
    // Once past the call site, only the brackets still open matter.
    if (pos > limit && depth <= 0) break;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' ||
        ch === '\u00a0' || ch === '\ufeff' || ch === '\u2028' || ch === '\u2029') {
      pos++;
      continue;
    }
    const start = pos;
    if (ch === '/' && code[pos + 1] === '/') {
      const nl = code.indexOf('\n', pos);
      pos = nl === -1 ? len : nl;
      continue;
    }
    if (ch === '/' && code[pos + 1] === '*') {
      const close = code.indexOf('*/', pos + 2);
      if (close === -1) return tokens;
      pos = close + 2;
      continue;
    }
    if (ch === '\'' || ch === '"') {
      pos++;
      while (pos < len && code[pos] !== ch) {
        if (code[pos] === '\\') pos++;
        else if (code[pos] === '\n') return tokens;
        pos++;
      }
      pos++;
      tokens.push({ type: 'string', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (ch === '`') {
      pos = skipTemplate(code, pos);
      if (pos === -1) return tokens;
      tokens.push({ type: 'template', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (ch === '/' && regexpAllowed()) {
      pos++;
      let inClass = false;
      while (pos < len && (inClass || code[pos] !== '/')) {
        if (code[pos] === '\\') pos++;
        else if (code[pos] === '[') inClass = true;
        else if (code[pos] === ']') inClass = false;
        else if (code[pos] === '\n') return tokens;
        pos++;
      }
      pos++;
      while (pos < len && identPart.test(code[pos])) pos++;
      tokens.push({ type: 'regexp', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (identStart.test(ch) || ch.charCodeAt(0) >= 0xd800) {
      pos++;
      while (pos < len && (identPart.test(code[pos]) || code.charCodeAt(pos) >= 0xd800)) pos++;
      tokens.push({ type: 'ident', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if ((ch >= '0' && ch <= '9') || (ch === '.' && code[pos + 1] >= '0' && code[pos + 1] <= '9')) {
      pos++;
      while (pos < len && /[0-9a-zA-Z_.]/.test(code[pos])) {
        if ((code[pos] === 'e' || code[pos] === 'E') && (code[pos + 1] === '+' || code[pos + 1] === '-')) pos++;
        pos++;
      }
      tokens.push({ type: 'number', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    let value = ch;
    if (ch === '?' && code[pos + 1] === '.' && !(code[pos + 2] >= '0' && code[pos + 2] <= '9')) value = '?.';
    else if (ch === '=' && code[pos + 1] === '>') value = '=>';
    if (value === '(' || value === '[' || value === '{') depth++;
    else if ((value === ')' || value === ']' || value === '}') && depth > 0) depth--;
    pos += value.length;
    tokens.push({ type: 'punct', value, start, end: pos });
  }
  return tokens;
}

// The index just past the template literal starting at `pos`, or -1.
function skipTemplate(code, pos) {
  pos++;
  while (pos < code.length) {
    const ch = code[pos];
    if (ch === '\\') {
      pos += 2;
    } else if (ch === '`') {
      return pos + 1;
    } else if (ch === '$' && code[pos + 1] === '{') {
      let depth = 1;
      pos += 2;
      while (pos < code.length && depth > 0) {
        const c = code[pos];
        if (c === '{') depth++;
        else if (c === '}') depth--;
        else if (c === '`') {
          pos = skipTemplate(code, pos);
          if (pos === -1) return -1;
          continue;
        } else if (c === '\'' || c === '"') {
          pos++;
          while (pos < code.length && code[pos] !== c) {
            if (code[pos] === '\\') pos++;
            pos++;
          }
        }
        pos++;
      }
    } else {
      pos++;
    }
  }
  return -1;
}

// [start, end) of the innermost call expression around `offset`, or undefined.
function findCall(code, offset) {
  const tokens = tokenize(code, offset);
  const match = new Array(tokens.length).fill(-1);
  const stack = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'punct') continue;
    if (t.value === '(' || t.value === '[' || t.value === '{') {
      stack.push(i);
    } else if (t.value === ')' || t.value === ']' || t.value === '}') {
      // A closer of a bracket opened on an earlier line has no partner here.
      const open = stack.pop();
      if (open === undefined) continue;
      match[open] = i;
      match[i] = open;
    }
  }
  let best;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'punct' || t.value !== '(' || match[i] === -1) continue;
    const calleeStart = findCalleeStart(tokens, match, i - 1);
    if (calleeStart === -1) continue;
    const start = tokens[calleeStart].start;
    const end = tokens[match[i]].end;
    if (start <= offset && end >= offset && (best === undefined || end - start < best[1] - best[0])) {
      best = [start, end];
    }
  }
  return best;
}

// The first token of the callee that ends at token `i`, or -1 when `(` after it is no call.
function findCalleeStart(tokens, match, i) {
  let t = tokens[i];
  if (t.type === 'ident') {
    if (keywords.has(t.value)) return -1;
  } else if (t.type === 'template' || (t.type === 'punct' && (t.value === ')' || t.value === ']'))) {
    // A tagged template or a call on a call / element / parenthesized expression.
  } else {
    return -1;
  }
  for (;;) {
    t = tokens[i];
    if (t.type === 'punct' && (t.value === ')' || t.value === ']')) {
      if (match[i] === -1) return -1;
      i = match[i];
      const before = tokens[i - 1];
      // `a[0]`, `f(x)`, `a?.[0]`: the group belongs to the expression before it.
      if (before !== undefined && (before.type === 'ident' ? !keywords.has(before.value)
        : before.type === 'punct' && (before.value === ')' || before.value === ']' || before.value === '?.'))) {
        i--;
        if (before.value === '?.') i--;
        continue;
      }
      // Otherwise a parenthesized expression or an array literal starts the callee.
    } else if (t.type === 'template') {
      if (i > 0 && tokens[i - 1].type === 'ident' && !keywords.has(tokens[i - 1].value)) {
        i--;
        continue;
      }
    }
    const prev = tokens[i - 1];
    if (prev !== undefined && prev.type === 'punct' && (prev.value === '.' || prev.value === '?.')) {
      i -= 2;
      if (i < 0) return -1;
      continue;
    }
    return i;
  }
}

// The message for `assert.ok(value)` failing without a message of its own, or undefined when the
// call's source cannot be read.
function getErrMessage(message, fn) {
  const tmpLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  const err = {};
  Error.captureStackTrace(err, fn);
  Error.stackTraceLimit = tmpLimit;

  const frame = String(err.stack).split('\n')[1];
  if (frame === undefined) return message;
  const m = /\((.+):(\d+):(\d+)\)$/.exec(frame) || /^ {4}at (.+):(\d+):(\d+)$/.exec(frame);
  if (m === null) return message;
  let filename = m[1];
  const line = Number(m[2]) - 1;
  const column = Number(m[3]) - 1;
  const identifier = `${filename}${line}${column}`;
  if (errorCache.has(identifier)) return errorCache.get(identifier);

  try {
    if (filename.startsWith('file://')) filename = require('internal/url').fileURLToPath(filename);
    if (!filename.startsWith('/')) {
      errorCache.set(identifier, undefined);
      return undefined;
    }
    const source = lazyReadSource()(filename);
    let lineStart = 0;
    for (let i = 0; i < line; i++) {
      lineStart = source.indexOf('\n', lineStart) + 1;
      if (lineStart === 0) throw null; // eslint-disable-line no-throw-literal
    }
    // Node reads at most 2500 characters past the call site.
    const code = source.slice(lineStart, lineStart + column + 2500);
    const found = findCall(code, column);
    if (found === undefined) throw null; // eslint-disable-line no-throw-literal
    const start = found[0];
    message = code.slice(start, found[1]).replace(escapeSequencesRegExp, escapeFn);
    // Continuation lines lose the indentation up to the call's own column.
    if (message.includes('\n')) {
      const frames = message.replace(/\r\n/g, '\n').split('\n');
      message = frames.shift();
      for (const text of frames) {
        let pos = 0;
        while (pos < start && (text[pos] === ' ' || text[pos] === '\t')) pos++;
        message += `\n  ${text.slice(pos)}`;
      }
    }
    message = `The expression evaluated to a falsy value:\n\n  ${message}\n`;
    errorCache.set(identifier, message);
    return message;
  } catch {
    errorCache.set(identifier, undefined);
    return undefined;
  }
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(message, fn);
    } else if (isError(message)) {
      throw message;
    }
    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

module.exports = { innerOk };
