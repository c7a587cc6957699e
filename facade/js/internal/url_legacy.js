'use strict';
// The legacy `url.parse()` / `url.format()` / `url.resolve()` API. Node documents it as lenient
// and non-standard; programs depend on its exact quirks, so this follows Node 20's results
// (trimming, backslashes before the query, `@` in the authority, hostnames cut at the first
// character a host cannot hold, IDNA, escaping of "unwise" characters), checked against node.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');
const { URL, domainToUnicode } = require('internal/url');
const { op_url_idna_to_ascii } = internalBinding('url');
const querystring = require('querystring');

// Protocols whose URLs never have a host, those that always have `//`, and those whose
// "unsafe" characters are kept as they are. Each with and without its colon.
const withColons = (...names) => new Set(names.flatMap((n) => [n, `${n}:`]));
const hostlessProtocols = withColons('javascript');
const slashedProtocols = withColons('http', 'https', 'ftp', 'gopher', 'file', 'ws', 'wss');
const unsafeProtocols = withColons('javascript');

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const authorityPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const maxHostnameLength = 255;
// Characters that cannot appear in a hostname once IDNA has run (WHATWG's forbidden host code
// points that the host scan below lets through, plus `:`, `@`, `[` and `]`, which would let a
// hostname pass for a scheme, credentials or an IPv6 literal).
const forbiddenInHost = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenInIpv6Host = /[\0\t\n\r #%/<>?@\\^|]/;

// What the authority scan does with each character: `end` ends the host (and the authority),
// `bad` cannot be in a host (the host stops there unless an `@` follows), `drop` is removed.
const scanClass = new Map([
  ...['/', '?', '#'].map((c) => [c, 'end']),
  ...[' ', '"', '%', "'", ';', '<', '>', '\\', '^', '`', '{', '|', '}'].map((c) => [c, 'bad']),
  ...['\t', '\n', '\r'].map((c) => [c, 'drop']),
  ['@', 'at'],
]);

// Characters escaped after the host, whatever the protocol (except `javascript:`).
const autoEscaped = new Map(
  ['\t', '\n', '\r', ' ', '"', "'", '<', '>', '\\', '^', '`', '{', '|', '}'].map((c) => [
    c,
    `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  ]),
);

function escapeUnwise(text) {
  let out = '';
  for (const c of text) out += autoEscaped.get(c) ?? c;
  return out;
}

function isTrimmable(code) {
  return code <= 0x20 || code === 0xa0 || code === 0xfeff;
}

function isIpv6Literal(hostname) {
  return hostname.length > 0 && hostname[0] === '[' && hostname[hostname.length - 1] === ']';
}

// Trims the input and turns backslashes into slashes up to the first `?` or `#`, as browsers
// do. Also reports whether the string has a `#` or an `@` before its query.
function normalizeInput(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmable(url.charCodeAt(start))) start++;
  while (end > start && isTrimmable(url.charCodeAt(end - 1))) end--;
  const text = url.slice(start, end);
  let split = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '?' || text[i] === '#') {
      split = i;
      break;
    }
  }
  const head = text.slice(0, split);
  return {
    rest: head.replaceAll('\\', '/') + text.slice(split),
    hasHash: text.includes('#'),
    hasAt: head.includes('@'),
  };
}

let warnedInvalidPort = false;

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  let { rest, hasHash, hasAt } = normalizeInput(url);

  // A plain path (`/a/b?x`) needs none of the work below.
  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simple = simplePathPattern.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  const protoMatch = protocolPattern.exec(rest);
  const proto = protoMatch ? protoMatch[0] : undefined;
  const lowerProto = proto?.toLowerCase();
  if (proto) {
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // `user@server` always means a host, and `//host/path` does when slashes denote hosts or
  // a protocol was given.
  let slashes = false;
  if (slashesDenoteHost || proto || authorityPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocols.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocols.has(lowerProto) && (slashes || (proto && !slashedProtocols.has(proto)))) {
    rest = this._parseAuthority(rest, url);
  }

  if (!unsafeProtocols.has(lowerProto)) rest = escapeUnwise(rest);

  // The fragment starts at the first `#`; the query at the first `?` before it.
  const hashAt = rest.indexOf('#');
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt);
  if (hashAt >= 0) this.hash = rest.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt >= 0) {
    this.search = beforeHash.slice(queryAt);
    this.query = beforeHash.slice(queryAt + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  const pathEnd = queryAt >= 0 ? queryAt : beforeHash.length;
  if (pathEnd > 0) this.pathname = beforeHash.slice(0, pathEnd);
  if (slashedProtocols.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Takes `[auth@]host[:port]` off the front of `rest` and returns what follows it.
Url.prototype._parseAuthority = function parseAuthority(rest, url) {
  // The host ends at `/`, `?` or `#`. Before that, the last `@` separates the credentials;
  // a character that cannot be in a host ends it unless an `@` comes later.
  let at = -1;
  let stop = -1;
  for (let i = 0; i < rest.length; i++) {
    const kind = scanClass.get(rest[i]);
    if (kind === undefined) continue;
    if (kind === 'drop') {
      rest = rest.slice(0, i) + rest.slice(i + 1);
      i--;
    } else if (kind === 'at') {
      at = i;
      stop = -1;
    } else {
      if (stop < 0) stop = i;
      if (kind === 'end') break;
    }
  }
  const hostStart = at >= 0 ? at + 1 : 0;
  if (at >= 0) this.auth = decodeURIComponent(rest.slice(0, at));
  this.host = stop < 0 ? rest.slice(hostStart) : rest.slice(hostStart, stop);
  rest = stop < 0 ? '' : rest.slice(stop);

  this.parseHost();
  if (typeof this.hostname !== 'string') this.hostname = '';
  const ipv6 = isIpv6Literal(this.hostname);

  // A hostname holding a slash, `#`, `?` or a stray colon ends there; the remainder joins the
  // path. (A stray colon is an invalid port: Node warns once and carries on.)
  if (!ipv6) {
    const name = this.hostname;
    const cut = name.search(/[/\\#?:]/);
    if (cut >= 0) {
      if (name[cut] === ':' && !warnedInvalidPort) {
        warnedInvalidPort = true;
        process.emitWarning(
          `The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
          'DeprecationWarning',
          'DEP0170',
        );
      }
      this.hostname = name.slice(0, cut);
      rest = `/${name.slice(cut)}${rest}`;
    }
  }

  this.hostname =
    this.hostname.length > maxHostnameLength ? '' : this.hostname.toLowerCase();
  if (this.hostname !== '') {
    if (ipv6) {
      if (forbiddenInIpv6Host.test(this.hostname)) throw new ERR_INVALID_URL(url);
    } else {
      this.hostname = op_url_idna_to_ascii(this.hostname);
      // IDNA can only empty a hostname or bring in a forbidden character by mangling it:
      // refuse rather than guess.
      if (this.hostname === '' || forbiddenInHost.test(this.hostname)) {
        throw new ERR_INVALID_URL(url);
      }
    }
  }
  this.host = this.hostname + (this.port ? `:${this.port}` : '');
  if (ipv6) {
    this.hostname = this.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = portPattern.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

// Credentials keep `!'()*-._~` and `:` unescaped, everything else outside [A-Za-z0-9] is
// percent-encoded (as UTF-8).
function escapeAuth(auth) {
  return encodeURIComponent(auth).replaceAll('%3A', ':');
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${escapeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const name = this.hostname;
    host = auth + (name.includes(':') && !isIpv6Literal(name) ? `[${name}]` : name);
    if (this.port) host += `:${this.port}`;
  }
  const query =
    this.query !== null && typeof this.query === 'object' ? querystring.stringify(this.query) : '';
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replaceAll('#', '%23').replaceAll('?', '%3F');

  // Only protocols that always have `//` get it, unless the URL had it.
  if (this.slashes || slashedProtocols.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replaceAll('#', '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

// `url.format(URL, options)`: the WHATWG href, without the parts the options leave out.
function formatWhatwg(url, options) {
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    validateObject(options, 'options');
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const copy = new URL(url.href);
  if (!auth) {
    copy.username = '';
    copy.password = '';
  }
  if (!search) copy.search = '';
  if (!fragment) copy.hash = '';
  let href = copy.href;
  if (unicode && copy.hostname) {
    const credentials = copy.username
      ? `${copy.username}${copy.password ? `:${copy.password}` : ''}@`
      : '';
    const prefix = `${copy.protocol}//${credentials}`;
    if (href.startsWith(prefix + copy.hostname)) {
      href = prefix + domainToUnicode(copy.hostname) + href.slice(prefix.length + copy.hostname.length);
    }
  }
  return href;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (urlObject instanceof URL) {
    return formatWhatwg(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function copyFields(target, source, skip) {
  for (const key of Object.keys(source)) {
    if (key !== skip) target[key] = source[key];
  }
}

function setPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
}

// Splits `user@host` stuck in the host of a hostless URL (`mailto:a@b` resolved against
// another) back into its credentials and host.
function splitAuthFromHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const parts = result.host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

// Drops `.` segments and resolves `..` against what precedes them; returns how many `..`
// climbed above the start.
function removeDotSegments(segments) {
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (s === '.') {
      segments.splice(i, 1);
    } else if (s === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up) {
      segments.splice(i, 1);
      up--;
    }
  }
  return up;
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyFields(result, this);
  // The fragment always comes from the relative URL, even when that is empty.
  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // `//host/path` keeps only the protocol of the base.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (slashedProtocols.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return this._resolveOtherProtocol(result, relative);
  }

  const sourceAbsolute = Boolean(result.pathname && result.pathname[0] === '/');
  const relativeAbsolute = Boolean(
    relative.host || (relative.pathname && relative.pathname[0] === '/'),
  );
  let mustEndAbsolute = Boolean(
    relativeAbsolute || sourceAbsolute || (result.host && relative.pathname),
  );
  const removeAllDots = mustEndAbsolute;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  // URLs without `//` (`mailto:`, `urn:`) let `..` climb into the host, so the host is
  // treated as the first path segment and put back at the end.
  const hostInPath = Boolean(result.protocol && !slashedProtocols.has(result.protocol));
  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbsolute = mustEndAbsolute && (relPath[0] === '' || srcPath[0] === '');
  }

  if (relativeAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // A relative path replaces the last segment of the base.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query (`?x`).
    if (hostInPath) {
      result.hostname = result.host = srcPath.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // A path ending in `.` or `..` (with something before it) or in `/` keeps a trailing slash.
  let last = srcPath[srcPath.length - 1];
  const trailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
    last === '';
  let up = removeDotSegments(srcPath);
  if (!mustEndAbsolute && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbsolute && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) {
    srcPath.unshift('');
  }
  if (trailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');
  const isAbsolute = srcPath[0] === '' || Boolean(srcPath[0] && srcPath[0][0] === '/');

  if (hostInPath) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    splitAuthFromHost(result);
  }
  mustEndAbsolute = mustEndAbsolute || Boolean(result.host && srcPath.length);
  if (mustEndAbsolute && !isAbsolute) srcPath.unshift('');

  if (!srcPath.length) {
    result.pathname = null;
    result.path = null;
  } else {
    result.pathname = srcPath.join('/');
  }
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

// Resolving against a URL with a different protocol.
Url.prototype._resolveOtherProtocol = function resolveOtherProtocol(result, relative) {
  // Anything but a `//` protocol is absolute as it stands.
  if (!slashedProtocols.has(relative.protocol)) {
    copyFields(result, relative);
    result.href = result.format();
    return result;
  }
  result.protocol = relative.protocol;
  if (
    !relative.host &&
    !/^file:?$/.test(relative.protocol) &&
    !hostlessProtocols.has(relative.protocol)
  ) {
    // `http:foo/bar`: the first path segment becomes the host.
    const relPath = (relative.pathname || '').split('/');
    while (relPath.length && !(relative.host = relPath.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (relPath[0] !== '') relPath.unshift('');
    if (relPath.length < 2) relPath.unshift('');
    result.pathname = relPath.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

module.exports = {
  Url,
  parse: urlParse,
  format: urlFormat,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
};
