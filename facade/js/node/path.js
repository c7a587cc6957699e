'use strict';
// `path`: https://nodejs.org/docs/latest-v20.x/api/path.html
//
// Both flavours are always available: `path.posix` and `path.win32`. The module itself is the
// posix one, since actorjs runs on Linux. Results match node 20 exactly, including its quirks
// (they are part of what programs observe: e.g. basename('a', 'a') is '' while
// basename('/a', 'a') is 'a'; parse('/..') reports ext '.'). Those quirks come from how node
// scans a path from its end, so the scanning helpers below keep the same state.
//
// path.matchesGlob (experimental in node 20) is not provided.

const { validateObject, validateString } = require('internal/validators');

let lazyMatchesGlob;
function globMatch(path, pattern, windows) {
  require('internal/util').emitExperimentalWarning('glob');
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  lazyMatchesGlob ??= require('internal/fs/glob').matchesGlob;
  if (windows) {
    path = path.replaceAll('\\', '/');
    pattern = pattern.replaceAll('\\', '/');
  }
  return lazyMatchesGlob(path, pattern);
}

const isPosixSep = (ch) => ch === '/';
const isWinSep = (ch) => ch === '/' || ch === '\\';

function isDriveLetter(ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

// True when the path starts with a drive prefix such as "C:".
function hasDrivePrefix(path) {
  return path.length >= 2 && isDriveLetter(path[0]) && path[1] === ':';
}

// --- Shared scanning ------------------------------------------------------------------------

// Collapses "." and ".." in a separator-delimited string, without a root: segments go on a
// stack, ".." pops a real segment, or stays (only when allowed) when there is none to pop.
// Empty segments vanish, so leading, trailing and repeated separators are dropped.
function collapseSegments(path, allowAboveRoot, sep, isSep) {
  const out = [];
  let aboveRoot = 0; // number of ".." kept at the bottom of `out`
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path[i])) continue;
    const segment = path.slice(start, i);
    start = i + 1;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > aboveRoot) {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
        aboveRoot++;
      }
      continue;
    }
    out.push(segment);
  }
  return out.join(sep);
}

// Finds the last segment of `path` at or after index `stop`, scanning from the end:
// trailing separators are skipped, `end` is one past the segment's last character (-1 if there
// is none) and `startPart` is just after the separator before it (`noSepStart` when the scan
// reaches `stop` without meeting one). Also reports the segment's last dot and what precedes it,
// which decides whether that dot starts an extension.
function scanTail(path, stop, isSep, noSepStart) {
  let end = -1;
  let startPart = noSepStart;
  let dot = -1;
  // Kind of the leftmost scanned character before `dot` within the segment: 0 none, 1 a dot,
  // -1 anything else.
  let beforeDot = 0;
  for (let i = path.length - 1; i >= stop; i--) {
    const ch = path[i];
    if (isSep(ch)) {
      if (end !== -1) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) end = i + 1;
    if (ch === '.') {
      if (dot === -1) dot = i;
      else beforeDot = 1;
    } else if (dot !== -1) {
      beforeDot = -1;
    }
  }
  return { startPart, end, dot, beforeDot };
}

// Whether the scanned segment has an extension: a dot that is not its first character, and the
// segment is not "..".
function hasExtension(scan) {
  const { startPart, end, dot, beforeDot } = scan;
  if (dot === -1 || end === -1 || beforeDot === 0) return false;
  return !(beforeDot === 1 && dot === end - 1 && dot === startPart + 1);
}

// basename(): the last segment from index `stop`, optionally without `suffix`. The suffix is
// matched right to left against the segment; it is removed only if it matched completely and is
// shorter than the segment. A suffix equal to the whole path yields ''. A suffix longer than the
// segment that matches all of it leaves the end of the path in place (trailing separators
// included), as node does.
function basenameFrom(path, suffix, stop, isSep) {
  let start = stop;
  let end = -1;
  let sawNonSep = false;

  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let suffixIndex = suffix.length - 1;
    let segmentEnd = -1;
    for (let i = path.length - 1; i >= stop; i--) {
      const ch = path[i];
      if (isSep(ch)) {
        if (sawNonSep) {
          start = i + 1;
          break;
        }
        continue;
      }
      if (segmentEnd === -1) {
        sawNonSep = true;
        segmentEnd = i + 1;
      }
      if (suffixIndex >= 0) {
        if (ch === suffix[suffixIndex]) {
          suffixIndex--;
          if (suffixIndex === -1) end = i; // the whole suffix matched: cut here
        } else {
          // Mismatch: keep the segment whole.
          suffixIndex = -1;
          end = segmentEnd;
        }
      }
    }
    if (start === end) end = segmentEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }

  for (let i = path.length - 1; i >= stop; i--) {
    if (isSep(path[i])) {
      if (sawNonSep) {
        start = i + 1;
        break;
      }
    } else if (!sawNonSep) {
      sawNonSep = true;
      end = i + 1;
    }
  }
  return end === -1 ? '' : path.slice(start, end);
}

// path.format(), bound per flavour (so it shows as "bound _format", as in node): `dir` (or
// `root`) joined to `base` (or `name` + `ext`, the dot added if missing).
function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// --- posix ----------------------------------------------------------------------------------

function posixCwd() {
  return process.cwd();
}

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    // Right to left until an absolute path is found; the cwd is the implicit leftmost entry.
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? args[i] : posixCwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path[0] === '/';
    }
    resolved = collapseSegments(resolved, !absolute, '/', isPosixSep);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path[0] === '/';
    const trailingSep = path[path.length - 1] === '/';
    let result = collapseSegments(path, !absolute, '/', isPosixSep);
    if (result.length === 0) {
      if (absolute) return '/';
      return trailingSep ? './' : '.';
    }
    if (trailingSep) result += '/';
    return absolute ? `/${result}` : result;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path[0] === '/';
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are absolute and normalized: compare segment by segment.
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) {
      common++;
    }
    const up = new Array(fromParts.length - common).fill('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Namespaced paths are a Windows notion.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path[0] === '/';
    // Skip trailing separators, then the last segment; stop at the separator before it.
    let end = -1;
    let inTrailingSeps = true;
    for (let i = path.length - 1; i >= 1; i--) {
      if (path[i] === '/') {
        if (!inTrailingSeps) {
          end = i;
          break;
        }
      } else {
        inTrailingSeps = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameFrom(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    const scan = scanTail(path, 0, isPosixSep, 0);
    return hasExtension(scan) ? path.slice(scan.dot, scan.end) : '';
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path[0] === '/';
    if (absolute) ret.root = '/';
    // The root's separator is not scanned; with no other separator, startPart stays 0.
    const scan = scanTail(path, absolute ? 1 : 0, isPosixSep, 0);
    const { startPart, end, dot } = scan;
    if (end !== -1) {
      const baseStart = startPart === 0 && absolute ? 1 : startPart;
      if (hasExtension(scan)) {
        ret.name = path.slice(baseStart, dot);
        ret.base = path.slice(baseStart, end);
        ret.ext = path.slice(dot, end);
      } else {
        ret.base = ret.name = path.slice(baseStart, end);
      }
    }
    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (absolute) ret.dir = '/';
    return ret;
  },

  // Whether `path` matches the glob `pattern`, as fs.glob matches names (node 20.17+,
  // experimental).
  matchesGlob(path, pattern) {
    return globMatch(path, pattern, false);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: null,
};

// --- win32 ----------------------------------------------------------------------------------

// Reads the root of a Windows path. Kinds of root:
// - "\\server\share" (either separator, any run of separators between the two names): a UNC
//   root, `device` is its canonical spelling and `rootEnd` (and `shareEnd`) the index after the
//   share name; `uncOnly` when nothing follows it. With "." or "?" as the server it is a device
//   namespace instead (see below);
// - "C:" or "C:\": a drive, absolute only with the separator;
// - a single leading separator: absolute on the current drive;
// - two leading separators not forming a UNC root: absolute, but `rootEnd` is 0 (the separators
//   are left to the segment collapsing, which drops them).
function readWin32Root(path) {
  const len = path.length;
  const root = { device: '', rootEnd: 0, absolute: false, unc: false, namespace: false, shareEnd: 0, uncOnly: false };
  if (len === 0) return root;
  const first = path[0];

  if (isWinSep(first)) {
    root.absolute = true;
    if (len === 1 || !isWinSep(path[1])) {
      root.rootEnd = 1;
      return root;
    }
    let j = 2;
    while (j < len && !isWinSep(path[j])) j++;
    const serverEnd = j;
    if (serverEnd === 2 || j === len) return root;
    while (j < len && isWinSep(path[j])) j++;
    if (j === len) return root;
    const shareStart = j;
    while (j < len && !isWinSep(path[j])) j++;
    const server = path.slice(2, serverEnd);
    root.unc = true;
    root.shareEnd = j;
    root.uncOnly = j === len;
    if (server === '.' || server === '?') {
      // "\\.\" and "\\?\" open the device namespaces: for resolve() and normalize() the root
      // is just that prefix, and what follows is an ordinary (collapsible) tail.
      root.namespace = true;
      root.device = `\\\\${server}`;
      root.rootEnd = 4;
    } else {
      root.device = `\\\\${server}\\${path.slice(shareStart, j)}`;
      root.rootEnd = j;
    }
    return root;
  }

  if (hasDrivePrefix(path)) {
    root.device = path.slice(0, 2);
    root.rootEnd = 2;
    if (len > 2 && isWinSep(path[2])) {
      root.absolute = true;
      root.rootEnd = 3;
    }
  }
  return root;
}

// DOS device names, reserved in every directory.
const reservedDeviceNames = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
]);

// After collapsing, a relative path must not turn into something Windows would read as rooted
// elsewhere, like "C:foo" out of "x/../C:foo", or a device stream such as "CON:". Node prefixes
// ".\" in those cases; so do we.
function guardRelativeTail(path, tail) {
  if (tail.length >= 2 && isDriveLetter(tail[0]) && tail[1] === ':') return `.\\${tail}`;
  for (let index = path.indexOf(':'); index !== -1; index = path.indexOf(':', index + 1)) {
    if (index === path.length - 1 || isWinSep(path[index + 1])) return `.\\${tail}`;
  }
  return tail;
}

// win32.relative() for the rare paths whose lower-case form has another length. Both are
// resolved; the first segment is the drive or the UNC prefix, so a difference there means the
// paths share nothing.
function relativeBySegments(fromOrig, toOrig) {
  const fromParts = fromOrig.split('\\');
  const toParts = toOrig.split('\\');
  if (fromParts[fromParts.length - 1] === '') fromParts.pop();
  if (toParts[toParts.length - 1] === '') toParts.pop();
  const shorter = Math.min(fromParts.length, toParts.length);
  let common = 0;
  while (common < shorter && fromParts[common].toLowerCase() === toParts[common].toLowerCase()) common++;
  if (common === 0) return toOrig;
  const up = new Array(fromParts.length - common).fill('..');
  return up.concat(toParts.slice(common)).join('\\');
}

function win32Cwd(device) {
  // Windows keeps a current directory per drive in the hidden "=C:" environment variables.
  let path = process.env[`=${device}`] || process.cwd();
  // Use it only if it is on that drive; otherwise the drive's root.
  if (path === undefined || (path.slice(0, 2).toLowerCase() !== device.toLowerCase() && path[2] === '\\')) {
    path = `${device}\\`;
  }
  return path;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        path = win32Cwd(device);
      }

      const root = readWin32Root(path);
      if (root.device.length > 0) {
        if (device.length === 0) {
          device = root.device;
        } else if (root.device.toLowerCase() !== device.toLowerCase()) {
          // A path on another drive or share does not contribute.
          continue;
        }
      }

      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }

    tail = collapseSegments(tail, !absolute, '\\', isWinSep);
    return absolute ? `${device}\\${tail}` : `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isPosixSep(path) ? '\\' : path;

    const root = readWin32Root(path);
    if (root.uncOnly && !root.namespace) return `${root.device}\\`;
    let device = root.unc || root.device.length > 0 ? root.device : undefined;
    if (device === undefined && !root.absolute) {
      // A reserved device name ("CON:", "COM1:foo") must stay relative: it is kept as a
      // ".\"-prefixed root. Node 20 takes the name as everything before the first colon, or,
      // without a colon, everything but the last character (so "conb" is prefixed, "con" not).
      const colon = path.indexOf(':');
      if (reservedDeviceNames.has(path.slice(0, colon).toUpperCase())) {
        device = `.\\${path.slice(0, colon + 1)}`;
        root.rootEnd = colon + 1;
      }
    }

    let tail = root.rootEnd < len ? collapseSegments(path.slice(root.rootEnd), !root.absolute, '\\', isWinSep) : '';
    if (tail.length === 0 && !root.absolute) tail = '.';
    if (tail.length > 0 && isWinSep(path[len - 1])) tail += '\\';
    if (!root.absolute && device === undefined && path.includes(':')) tail = guardRelativeTail(path, tail);

    if (device === undefined) return root.absolute ? `\\${tail}` : tail;
    return root.absolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    return isWinSep(path[0]) || (len > 2 && hasDrivePrefix(path) && isWinSep(path[2]));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let first;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = first = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';

    // normalize() would read a leading "\\" as a UNC root. Keep it only when the first part
    // clearly is one: exactly two separators then a name (so join('//server', 'share') builds
    // "\\server\share\"). Otherwise fold any run of leading separators into one.
    const uncIntended = first.length > 2 && isWinSep(first[0]) && isWinSep(first[1]) && !isWinSep(first[2]);
    if (!uncIntended) {
      let run = 0;
      while (run < joined.length && isWinSep(joined[run])) run++;
      if (run >= 2) joined = `\\${joined.slice(run)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    // Windows paths compare case-insensitively.
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';
    // Lower-casing changed a length ("İ" becomes two code units), so positions in the lowered
    // strings no longer index the originals: compare whole segments instead.
    if (from.length !== fromOrig.length || to.length !== toOrig.length) {
      return relativeBySegments(fromOrig, toOrig);
    }

    // Ignore leading backslashes, and trailing ones (a resolved UNC root has one).
    let fromStart = 0;
    while (fromStart < from.length && from[fromStart] === '\\') fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from[fromEnd - 1] === '\\') fromEnd--;
    const fromLen = fromEnd - fromStart;

    let toStart = 0;
    while (toStart < to.length && to[toStart] === '\\') toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to[toEnd - 1] === '\\') toEnd--;
    const toLen = toEnd - toStart;

    // The longest common prefix, and the last separator inside it.
    const shorter = Math.min(fromLen, toLen);
    let lastCommonSep = -1;
    let i = 0;
    for (; i < shorter; i++) {
      const ch = from[fromStart + i];
      if (ch !== to[toStart + i]) break;
      if (ch === '\\') lastCommonSep = i;
    }

    if (i !== shorter) {
      // They differ before sharing even a root: no relative path exists.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > shorter) {
        // `from` is an ancestor of `to` ("C:\a" and "C:\a\b"), or the drive root ("C:\").
        if (to[toStart + i] === '\\') return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i);
      }
      if (fromLen > shorter) {
        // `to` is an ancestor of `from`, or the drive root.
        if (from[fromStart + i] === '\\') lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    // One ".." per segment of `from` after the common part.
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; i++) {
      if (i === fromEnd || from[i] === '\\') out += out.length === 0 ? '..' : '\\..';
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig[toStart] === '\\') toStart++;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    // Only non-empty strings are converted; anything else passes through untouched.
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved[0] === '\\') {
      // A UNC path that is not already a "\\?\" or "\\.\" one.
      if (resolved[1] === '\\' && resolved[2] !== '?' && resolved[2] !== '.') {
        return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (hasDrivePrefix(resolved) && resolved[2] === '\\') {
      return `\\\\?\\${resolved}`;
    }
    // Anything else comes back resolved, not as given.
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(path[0]) ? path : '.';

    // `rootEnd` is what dirname never goes above; `stop` where the backward scan ends.
    let rootEnd = -1;
    let stop = 0;
    if (isWinSep(path[0])) {
      const root = readWin32Root(path);
      if (root.uncOnly) return path;
      // A UNC root counts with the separator after it, as a plain root would.
      rootEnd = stop = root.unc ? root.shareEnd + 1 : 1;
    } else if (hasDrivePrefix(path)) {
      rootEnd = stop = len > 2 && isWinSep(path[2]) ? 3 : 2;
    }

    let end = -1;
    let inTrailingSeps = true;
    for (let i = len - 1; i >= stop; i--) {
      if (isWinSep(path[i])) {
        if (!inTrailingSeps) {
          end = i;
          break;
        }
      } else {
        inTrailingSeps = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    // A drive prefix is not part of the name: basename('C:foo') is 'foo'.
    return basenameFrom(path, suffix, hasDrivePrefix(path) ? 2 : 0, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    const start = hasDrivePrefix(path) ? 2 : 0;
    const scan = scanTail(path, start, isWinSep, start);
    return hasExtension(scan) ? path.slice(scan.dot, scan.end) : '';
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isWinSep(path[0])) ret.root = ret.dir = path;
      else ret.base = ret.name = path;
      return ret;
    }

    let rootEnd = 0;
    if (isWinSep(path[0])) {
      const root = readWin32Root(path);
      // The root includes the separator after a UNC root, when there is more.
      rootEnd = root.unc ? (root.uncOnly ? root.shareEnd : root.shareEnd + 1) : 1;
    } else if (hasDrivePrefix(path)) {
      // Nothing but the root: it is also the dir.
      if (len === 2 || (len === 3 && isWinSep(path[2]))) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = isWinSep(path[2]) ? 3 : 2;
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);

    const scan = scanTail(path, rootEnd, isWinSep, rootEnd);
    const { startPart, end, dot } = scan;
    if (end !== -1) {
      if (hasExtension(scan)) {
        ret.name = path.slice(startPart, dot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(dot, end);
      } else {
        ret.base = ret.name = path.slice(startPart, end);
      }
    }
    // The dir keeps a root's trailing separator ("C:\abc" -> "C:\") but drops any other.
    ret.dir = startPart > 0 && startPart !== rootEnd ? path.slice(0, startPart - 1) : ret.root;
    return ret;
  },

  // As posix's, with `\` as a separator (minimatch's windowsPathsNoEscape).
  matchesGlob(path, pattern) {
    return globMatch(path, pattern, true);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: null,
};

for (const flavour of [posix, win32]) {
  flavour.win32 = win32;
  flavour.posix = posix;
  // Old name of toNamespacedPath, still used by some packages.
  flavour._makeLong = flavour.toNamespacedPath;
}

module.exports = posix;
