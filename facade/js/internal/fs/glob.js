'use strict';
// fs.glob, fs.globSync and fsPromises.glob (node 22+):
// https://nodejs.org/docs/latest-v22.x/api/fs.html#fspromisesglobpattern-options
//
// Patterns are minimatch's subset that node documents: `*`, `?`, `[...]`, `**`, `{a,b}`
// braces and the extglobs `+(..)`, `*(..)`, `?(..)`, `@(..)`, `!(..)`. Magic never matches a
// leading dot unless the pattern segment starts with one, and `**` does not enter dot
// directories. As in node, `**` does not walk into symlinked directories; it only crosses one
// when the next segment matches the link's name, or when the pattern starts with `./`.
//
// The walk is a generator that yields the filesystem calls it needs (`['readdir', path]`,
// `['lstat', path]`, `['stat', path]`); globSync answers them with fs's sync calls and glob
// with fs/promises, so both give the same results. Results are paths relative to `cwd` (absolute
// for absolute patterns), each once, or Dirents with `withFileTypes`.

const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const { DirentFromStats, toPathIfFileURL } = require('internal/fs/utils');

const GLOBSTAR = Symbol('globstar');

// --- Patterns -------------------------------------------------------------------------------

// Expands `{a,b}` alternatives and `{1..3}` ranges into separate patterns, innermost last.
function expandBraces(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(start + 1, i);
        const alternatives = splitTopLevel(body);
        const head = pattern.slice(0, start);
        const tail = pattern.slice(i + 1);
        let choices;
        if (alternatives.length > 1) {
          choices = alternatives;
        } else {
          const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
          if (range === null) {
            // Not an alternation: the braces are literal; look for others after them.
            return expandBraces(tail).map((rest) => `${head}{${body}}${rest}`);
          }
          choices = [];
          const from = Number(range[1]);
          const to = Number(range[2]);
          const step = from <= to ? 1 : -1;
          for (let n = from; step > 0 ? n <= to : n >= to; n += step) choices.push(String(n));
        }
        const out = [];
        for (const choice of choices) {
          for (const expanded of expandBraces(head + choice + tail)) out.push(expanded);
        }
        return out;
      }
    }
  }
  return [pattern];
}

function splitTopLevel(body) {
  const parts = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (c === ',' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

function hasMagic(segment) {
  return /[*?[\]]|[+@!]\(/.test(segment);
}

function escapeRegExp(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

// One path segment of a glob as a RegExp source (no anchors).
function segmentSource(segment) {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    const next = segment[i + 1];
    if ('+@!*?'.includes(c) && next === '(') {
      const close = findClose(segment, i + 1);
      if (close !== -1) {
        const alternatives = splitAlternatives(segment.slice(i + 2, close)).map(segmentSource).join('|');
        switch (c) {
          case '+':
            out += `(?:${alternatives})+`;
            break;
          case '*':
            out += `(?:${alternatives})*`;
            break;
          case '?':
            out += `(?:${alternatives})?`;
            break;
          case '@':
            out += `(?:${alternatives})`;
            break;
          default: {
            const rest = segmentSource(segment.slice(close + 1));
            return `${out}(?!(?:${alternatives})${rest}$)[^/]*?${rest}`;
          }
        }
        i = close;
        continue;
      }
    }
    if (c === '\\' && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i]);
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let body = segment.slice(i + 1, close);
        let negate = false;
        if (body[0] === '!' || body[0] === '^') {
          negate = true;
          body = body.slice(1);
        }
        out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

function findClose(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
    } else if (s[i] === '(') {
      depth++;
    } else if (s[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitAlternatives(body) {
  const parts = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
    } else if (body[i] === '(') {
      depth++;
    } else if (body[i] === ')') {
      depth--;
    } else if (body[i] === '|' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

// A segment matcher: a string (literal), GLOBSTAR, or { test(name) } honouring the dot rule.
function compileSegment(segment) {
  if (segment === '**') return GLOBSTAR;
  if (!hasMagic(segment)) return segment.replace(/\\(.)/g, '$1');
  const re = new RegExp(`^${segmentSource(segment)}$`);
  const allowDot = segment[0] === '.';
  return {
    test(name) {
      if (!allowDot && name[0] === '.') return false;
      return re.test(name);
    },
  };
}

// A pattern as segments: { absolute, segments, dirOnly, dotStart }.
function parsePattern(pattern) {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/');
  const dirOnly = parts.length > 1 && parts[parts.length - 1] === '';
  const segments = [];
  for (const part of parts) {
    if (part === '') continue;
    const compiled = compileSegment(part);
    // `**/**` is `**`.
    if (compiled === GLOBSTAR && segments[segments.length - 1] === GLOBSTAR) continue;
    segments.push(compiled);
  }
  return { absolute, segments, dirOnly, dotStart: segments[0] === '.' };
}

// A whole-path matcher for `exclude` patterns (absolute paths, after resolving against cwd).
function compilePathMatcher(pattern) {
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let source = '^';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (i === 0 && part === '') continue;
    if (part === '**') {
      // Zero or more segments, none starting with a dot.
      source += last ? '(?:/(?!\\.)[^/]*)*' : '(?:/(?!\\.)[^/]*)*';
      continue;
    }
    const allowDot = part[0] === '.';
    source += `/${allowDot ? '' : '(?!\\.)'}${hasMagic(part) ? segmentSource(part) : escapeRegExp(part)}`;
  }
  source += '/?$';
  return new RegExp(source);
}

// --- The walk -------------------------------------------------------------------------------

function* walk(pattern, root, results, isExcluded) {
  const { absolute, segments, dirOnly, dotStart } = pattern;
  const last = segments.length;
  const seen = new Set();

  function* add(relPath, entryIsDir) {
    if (dirOnly) {
      const isDir = entryIsDir ?? (yield ['isDir', fullPath(relPath)]);
      if (!isDir) return;
    }
    if (yield* excluded(relPath)) return;
    results.add(relPath);
  }

  function* excluded(relPath) {
    return yield ['excluded', relPath];
  }

  function fullPath(relPath) {
    return pathModule.resolve(root, relPath);
  }

  function* visit(relPath, index) {
    const key = `${index}\0${relPath}`;
    if (seen.has(key)) return;
    seen.add(key);

    if (index === last) {
      yield* add(relPath);
      return;
    }
    const segment = segments[index];

    if (segment === '.') {
      yield* visit(relPath, index + 1);
      return;
    }
    if (segment === '..') {
      const parent = pathModule.join(relPath, '..');
      if (yield ['exists', fullPath(parent)]) yield* visit(parent, index + 1);
      return;
    }
    if (typeof segment === 'string') {
      const child = pathModule.join(relPath, segment);
      const stats = yield ['lstat', fullPath(child)];
      if (stats === null) return;
      if (yield* excluded(child)) return;
      if (index + 1 === last) {
        yield* add(child, stats.isDirectory() ? true : undefined);
      } else if (stats.isDirectory() || (stats.isSymbolicLink() && (yield ['isDir', fullPath(child)]))) {
        yield* visit(child, index + 1);
      }
      return;
    }

    const entries = yield ['readdir', fullPath(relPath)];

    if (segment === GLOBSTAR) {
      // Zero segments: the rest of the pattern applies here.
      yield* visit(relPath, index + 1);
      const next = segments[index + 1];
      for (const entry of entries) {
        if (entry.name[0] === '.') continue;
        const child = pathModule.join(relPath, entry.name);
        if (yield* excluded(child)) continue;
        if (entry.isDirectory()) {
          yield* visit(child, index);
        } else if (index + 1 === last) {
          yield* add(child, entry.isSymbolicLink() ? undefined : false);
        }
        if (entry.isSymbolicLink()) {
          const nextMatches = next !== undefined && testSegment(next, entry.name);
          if ((nextMatches || dotStart) && index + 1 < last && (yield ['isDir', fullPath(child)])) {
            yield* visit(child, index + 1);
          }
        }
      }
      return;
    }

    for (const entry of entries) {
      if (!segment.test(entry.name)) continue;
      const child = pathModule.join(relPath, entry.name);
      if (yield* excluded(child)) continue;
      if (index + 1 === last) {
        yield* add(child, entry.isDirectory() ? true : undefined);
      } else if (entry.isDirectory() || (entry.isSymbolicLink() && (yield ['isDir', fullPath(child)]))) {
        yield* visit(child, index + 1);
      }
    }
  }

  yield* visit(absolute ? '/' : '.', 0);
}

function testSegment(segment, name) {
  if (segment === GLOBSTAR) return true;
  if (typeof segment === 'string') return segment === name;
  return segment.test(name);
}

// --- Options and drivers --------------------------------------------------------------------

function validateStringArrayOrFunction(value, name) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; ++i) {
      if (typeof value[i] !== 'string') throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
    }
    return;
  }
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, ['string[]', 'function'], value);
}

class Glob {
  constructor(pattern, options = {}) {
    validateObject(options, 'options');
    const { exclude, cwd, withFileTypes } = options;
    this.root = toPathIfFileURL(cwd) ?? '.';
    this.withFileTypes = Boolean(withFileTypes);
    this.excludeFn = null;
    this.excludeMatchers = null;
    if (exclude != null) {
      validateStringArrayOrFunction(exclude, 'options.exclude');
      if (Array.isArray(exclude)) {
        this.excludeMatchers = exclude.flatMap(expandBraces).map((p) => compilePathMatcher(pathModule.resolve(this.root, p)));
      } else {
        this.excludeFn = exclude;
      }
    }
    let patterns;
    if (typeof pattern === 'object' && pattern !== null) {
      if (!Array.isArray(pattern)) throw new ERR_INVALID_ARG_TYPE('patterns', 'Array', pattern);
      for (let i = 0; i < pattern.length; i++) {
        if (typeof pattern[i] !== 'string') throw new ERR_INVALID_ARG_TYPE(`patterns[${i}]`, 'string', pattern[i]);
      }
      patterns = pattern;
    } else {
      validateString(pattern, 'patterns');
      patterns = [pattern];
    }
    this.patterns = patterns.flatMap(expandBraces).map(parsePattern);
  }

  *steps() {
    const results = new Set();
    for (const pattern of this.patterns) yield* walk(pattern, this.root, results, null);
    return [...results];
  }

  direntFor(relPath, lstat) {
    const full = pathModule.isAbsolute(relPath) ? relPath : pathModule.join(this.root, relPath);
    return new DirentFromStats(pathModule.basename(full), lstat, pathModule.dirname(full));
  }

  isExcludedByPatterns(relPath) {
    if (this.excludeMatchers === null) return false;
    const full = pathModule.resolve(this.root, relPath);
    return this.excludeMatchers.some((re) => re.test(full));
  }
}

let fs;
function lazyFs() {
  fs ??= require('fs');
  return fs;
}

let fsp;
function lazyFsp() {
  fsp ??= require('internal/fs/promises').exports;
  return fsp;
}

function answerSync(glob, [name, arg]) {
  const f = lazyFs();
  switch (name) {
    case 'readdir':
      try {
        return f.readdirSync(arg, { withFileTypes: true });
      } catch {
        return [];
      }
    case 'lstat':
      return f.lstatSync(arg, { throwIfNoEntry: false }) ?? null;
    case 'exists':
      return f.existsSync(arg);
    case 'isDir':
      try {
        return f.statSync(arg).isDirectory();
      } catch {
        return false;
      }
    case 'excluded': {
      if (glob.isExcludedByPatterns(arg)) return true;
      if (glob.excludeFn === null) return false;
      if (!glob.withFileTypes) return Boolean(glob.excludeFn(arg));
      const stats = f.lstatSync(pathModule.resolve(glob.root, arg), { throwIfNoEntry: false });
      return stats !== undefined && Boolean(glob.excludeFn(glob.direntFor(arg, stats)));
    }
  }
  return undefined;
}

async function answerAsync(glob, [name, arg]) {
  const p = lazyFsp();
  switch (name) {
    case 'readdir':
      try {
        return await p.readdir(arg, { withFileTypes: true });
      } catch {
        return [];
      }
    case 'lstat':
      try {
        return await p.lstat(arg);
      } catch {
        return null;
      }
    case 'exists':
      try {
        await p.access(arg);
        return true;
      } catch {
        return false;
      }
    case 'isDir':
      try {
        return (await p.stat(arg)).isDirectory();
      } catch {
        return false;
      }
    case 'excluded': {
      if (glob.isExcludedByPatterns(arg)) return true;
      if (glob.excludeFn === null) return false;
      if (!glob.withFileTypes) return Boolean(glob.excludeFn(arg));
      let stats;
      try {
        stats = await p.lstat(pathModule.resolve(glob.root, arg));
      } catch {
        return false;
      }
      return Boolean(glob.excludeFn(glob.direntFor(arg, stats)));
    }
  }
  return undefined;
}

function runSync(glob) {
  const gen = glob.steps();
  let step = gen.next();
  while (!step.done) step = gen.next(answerSync(glob, step.value));
  const paths = step.value;
  if (!glob.withFileTypes) return paths;
  const f = lazyFs();
  const out = [];
  for (const path of paths) {
    const stats = f.lstatSync(pathModule.resolve(glob.root, path), { throwIfNoEntry: false });
    if (stats !== undefined) out.push(glob.direntFor(path, stats));
  }
  return out;
}

async function runAsync(glob) {
  const gen = glob.steps();
  let step = gen.next();
  while (!step.done) step = gen.next(await answerAsync(glob, step.value));
  const paths = step.value;
  if (!glob.withFileTypes) return paths;
  const p = lazyFsp();
  const out = [];
  for (const path of paths) {
    try {
      out.push(glob.direntFor(path, await p.lstat(pathModule.resolve(glob.root, path))));
    } catch {
      // Gone since the walk saw it.
    }
  }
  return out;
}

function globSync(pattern, options) {
  return runSync(new Glob(pattern, options));
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  runAsync(new Glob(pattern, options)).then(
    (res) => process.nextTick(callback, null, res),
    (err) => process.nextTick(callback, err),
  );
}

// fsPromises.glob: an async iterator of the matches.
async function* globPromise(pattern, options) {
  const results = await runAsync(new Glob(pattern, options));
  yield* results;
}

// Whether a relative path matches a glob pattern, segment by segment (`**` spans any number of
// segments, none of them hidden). With `matchBase`, a pattern without a slash is matched
// against the path's last segment (minimatch's option of that name): `*.log` matches
// `sub/file.log`.
// Braces expand first, as minimatch's do: `*.{js,ts}` is either pattern.
function matchesGlob(path, pattern, matchBase = false) {
  const parts = path.split('/').filter((p) => p !== '');
  return expandBraces(pattern).some((expanded) => {
    const { segments } = parsePattern(expanded);
    if (matchBase && !expanded.includes('/')) {
      return parts.length > 0 && matchSegments(segments, [parts[parts.length - 1]], 0, 0);
    }
    return matchSegments(segments, parts, 0, 0);
  });
}

function matchSegments(segments, parts, si, pi) {
  for (; si < segments.length; si++) {
    const segment = segments[si];
    if (segment === GLOBSTAR) {
      for (let k = pi; k <= parts.length; k++) {
        if (matchSegments(segments, parts, si + 1, k)) return true;
        if (k < parts.length && parts[k][0] === '.') return false;
      }
      return false;
    }
    if (pi >= parts.length) return false;
    const part = parts[pi++];
    if (typeof segment === 'string' ? segment !== part : !segment.test(part)) return false;
  }
  return pi === parts.length;
}

module.exports = {
  glob,
  globPromise,
  globSync,
  matchesGlob,
};
