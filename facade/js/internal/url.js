'use strict';
// WHATWG URL and URLSearchParams, and the file-URL helpers.
// Node docs: https://nodejs.org/docs/latest-v20.x/api/url.html
//
// Parsing and the setters are the URL Standard's, natively (internalBinding('url')); a URL keeps
// the parsed components and asks the native side again whenever one is set.

const {
  op_url_parse,
  op_url_set,
  op_url_can_parse,
  op_url_domain_to_ascii,
  op_url_domain_to_unicode,
  op_url_params_parse,
  op_url_params_serialize,
} = internalBinding('url');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const path = require('path');

const kHref = 0;
const kOrigin = 1;
const kProtocol = 2;
const kUsername = 3;
const kPassword = 4;
const kHost = 5;
const kHostname = 6;
const kPort = 7;
const kPathname = 8;
const kSearch = 9;
const kHash = 10;

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// A USVString, as WebIDL converts: lone surrogates become U+FFFD.
function toUSVString(value) {
  const str = `${value}`;
  return typeof str.toWellFormed === 'function' ? str.toWellFormed() : str;
}

function invalidUrl(input, base) {
  const err = new ERR_INVALID_URL(input);
  if (base !== undefined) err.base = base;
  return err;
}

class ERR_INVALID_TUPLE extends TypeError {
  constructor(name, value) {
    super(`Each query pair must be an iterable [name, value] tuple`);
    this.code = 'ERR_INVALID_TUPLE';
    void name;
    void value;
  }
}

// The live iterator `keys()`, `values()` and `entries()` return: it reads the list as it is
// when `next()` is called, so pairs appended while iterating are seen.
let listOf;
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  next() {
    if (this === null || typeof this !== 'object' || !(#params in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = listOf(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const i = this.#index;
    this.#index += 2;
    const value = this.#kind === 'key' ? list[i] : this.#kind === 'value' ? list[i + 1] : [list[i], list[i + 1]];
    return { value, done: false };
  }

  [kInspect](recurseTimes, ctx) {
    const { inspect } = require('internal/util/inspect');
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = listOf(this.#params);
    const rest = [];
    for (let i = this.#index; i < list.length; i += 2) {
      rest.push(this.#kind === 'key' ? list[i] : this.#kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
    }
    const multiline = inspect(rest, innerOpts).includes('\n');
    const items = rest.map((item) => inspect(item, innerOpts));
    const body = multiline ? `\n  ${items.join(',\n  ')}` : ` ${items.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator',
  configurable: true,
});

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Empty.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && init instanceof URLSearchParams) {
        this.#list = init.#list.slice();
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') {
          throw new ERR_INVALID_ARG_TYPE('Query pairs', 'Iterable<Iterable>', init);
        }
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE();
          }
          const tuple = [...pair];
          if (tuple.length !== 2) throw new ERR_INVALID_TUPLE();
          this.#list.push(toUSVString(tuple[0]), toUSVString(tuple[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (typeof key === 'string' && desc !== undefined && desc.enumerable) {
            this.#list.push(toUSVString(key), toUSVString(init[key]));
          }
        }
      }
    } else {
      let str = toUSVString(init);
      if (str[0] === '?') str = str.slice(1);
      this.#list = op_url_params_parse(str);
    }
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#list in self)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
  }

  // Attaches these params to a URL: changes are written back to its search.
  static attach(params, url, search) {
    params.#url = url;
    params.#list = op_url_params_parse(search.startsWith('?') ? search.slice(1) : search);
  }

  static reparse(params, search) {
    params.#list = op_url_params_parse(search.startsWith('?') ? search.slice(1) : search);
  }

  #update() {
    if (this.#url !== null) URL.setSearchFromParams(this.#url, this.toString());
  }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length; ) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length; ) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const out = [];
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const list = this.#list;
    let found = false;
    for (let i = 0; i < list.length; ) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    const pairs = [];
    for (let i = 0; i < this.#list.length; i += 2) pairs.push([this.#list[i], this.#list[i + 1]]);
    // A stable sort by UTF-16 code units, as the standard requires.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this.#list;
    }
  }

  entries() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  keys() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    URLSearchParams.#check(this);
    return op_url_params_serialize(this.#list);
  }

  get [Symbol.toStringTag]() {
    return 'URLSearchParams';
  }

  static {
    listOf = (params) => params.#list;
  }

  [kInspect](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const { inspect } = require('internal/util/inspect');
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries,
  writable: true,
  configurable: true,
});

class URL {
  #c;
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const c = op_url_parse(input, base);
    if (c === null) throw invalidUrl(input, base);
    this.#c = c;
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#c in self)) {
      throw new ERR_INVALID_THIS('URL');
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    return op_url_can_parse(input, base);
  }

  static setSearchFromParams(url, serialized) {
    const c = op_url_set(url.#c[kHref], 'search', serialized);
    if (c !== null) url.#c = c;
  }

  #set(component, value) {
    const c = op_url_set(this.#c[kHref], component, toUSVString(value));
    if (c !== null) {
      this.#c = c;
      if (this.#searchParams !== null && (component === 'search' || component === 'href')) {
        URLSearchParams.reparse(this.#searchParams, c[kSearch]);
      }
    }
  }

  get href() {
    URL.#check(this);
    return this.#c[kHref];
  }

  set href(value) {
    URL.#check(this);
    value = toUSVString(value);
    const c = op_url_set(this.#c[kHref], 'href', value);
    if (c === null) throw invalidUrl(value);
    this.#c = c;
    if (this.#searchParams !== null) URLSearchParams.reparse(this.#searchParams, c[kSearch]);
  }

  get origin() {
    URL.#check(this);
    return this.#c[kOrigin];
  }

  get protocol() {
    URL.#check(this);
    return this.#c[kProtocol];
  }

  set protocol(value) {
    URL.#check(this);
    this.#set('protocol', value);
  }

  get username() {
    URL.#check(this);
    return this.#c[kUsername];
  }

  set username(value) {
    URL.#check(this);
    this.#set('username', value);
  }

  get password() {
    URL.#check(this);
    return this.#c[kPassword];
  }

  set password(value) {
    URL.#check(this);
    this.#set('password', value);
  }

  get host() {
    URL.#check(this);
    return this.#c[kHost];
  }

  set host(value) {
    URL.#check(this);
    this.#set('host', value);
  }

  get hostname() {
    URL.#check(this);
    return this.#c[kHostname];
  }

  set hostname(value) {
    URL.#check(this);
    this.#set('hostname', value);
  }

  get port() {
    URL.#check(this);
    return this.#c[kPort];
  }

  set port(value) {
    URL.#check(this);
    this.#set('port', value);
  }

  get pathname() {
    URL.#check(this);
    return this.#c[kPathname];
  }

  set pathname(value) {
    URL.#check(this);
    this.#set('pathname', value);
  }

  get search() {
    URL.#check(this);
    return this.#c[kSearch];
  }

  set search(value) {
    URL.#check(this);
    this.#set('search', value);
  }

  get searchParams() {
    URL.#check(this);
    if (this.#searchParams === null) {
      this.#searchParams = new URLSearchParams();
      URLSearchParams.attach(this.#searchParams, this, this.#c[kSearch]);
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#check(this);
    return this.#c[kHash];
  }

  set hash(value) {
    URL.#check(this);
    this.#set('hash', value);
  }

  toString() {
    URL.#check(this);
    return this.#c[kHref];
  }

  toJSON() {
    URL.#check(this);
    return this.#c[kHref];
  }

  get [Symbol.toStringTag]() {
    return 'URL';
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const constructor = this.constructor ?? URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[Symbol('context')] = this.#c.slice();
    return `${constructor.name} ${inspect(obj, opts)}`;
  }

  static createObjectURL(obj) {
    const { Blob } = require('buffer');
    if (!(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = `blob:nodedata:${globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`}`;
    blobUrls.set(id, obj);
    return id;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    blobUrls.delete(`${url}`);
  }
}

const blobUrls = new Map();

for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, name, desc);
}

function isURL(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' && typeof value.protocol === 'string' && value.auth === undefined && value.path === undefined;
}

function fileURLToPath(input) {
  let url;
  if (typeof input === 'string') {
    url = new URL(input);
  } else if (isURL(input)) {
    url = input;
  } else {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], input);
  }
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

// Characters a path may hold that a URL path must carry escaped.
function encodePathChars(filepath) {
  return filepath
    .replace(/%/g, '%25')
    .replace(/\\/g, '%5C')
    .replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D')
    .replace(/\t/g, '%09');
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  let resolved = path.resolve(filepath);
  // path.resolve strips a trailing slash; a directory URL keeps it.
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = encodePathChars(resolved).replace(/\?/g, '%3F').replace(/#/g, '%23');
  return url;
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return op_url_domain_to_ascii(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return op_url_domain_to_unicode(`${domain}`);
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  isURL,
  pathToFileURL,
  toUSVString,
  urlToHttpOptions,
  ERR_INVALID_ARG_VALUE,
};
