'use strict';
// `querystring`: https://nodejs.org/docs/latest-v20.x/api/querystring.html

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

let Buffer;
function lazyBuffer() {
  Buffer ??= require('buffer').Buffer;
  return Buffer;
}

// `encodeURIComponent` leaves exactly the characters Node's querystring leaves unescaped
// (A-Z a-z 0-9 - . _ ~ ! ' ( ) *); only its error differs.
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch {
    throw new ERR_INVALID_URI();
  }
}

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// Decodes %XX escapes (and '+' when asked) byte by byte; anything else is kept, one byte per
// UTF-16 unit (its low byte), as Node does.
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */ && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hi < 0 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c === 43 /* + */ && decodeSpaces ? 32 : c & 0xff;
  }
  const B = lazyBuffer();
  return B.from(out.buffer, 0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeDefault(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  // Finite numbers below 1e21 print without characters that need escaping.
  if (typeof v === 'number' && Number.isFinite(v)) {
    return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeDefault : encodeCustom;
  if (obj === null || typeof obj !== 'object') return '';
  let fields = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; j++) {
        if (j) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

function decodePart(s, decode, custom) {
  if (custom) {
    s = s.replaceAll('+', '%20');
    try {
      return decode(s);
    } catch {
      return qsUnescape(s, true);
    }
  }
  if (s.includes('+')) s = s.replaceAll('+', ' ');
  if (!s.includes('%')) return s;
  try {
    return decode(s, true);
  } catch {
    return qsUnescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let pieces = maxKeys > 0 ? maxKeys : Infinity;
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== qsUnescape;

  let start = 0;
  while (pieces-- > 0 && start <= qs.length) {
    let end = qs.indexOf(sep, start);
    if (end < 0) end = qs.length;
    const piece = qs.slice(start, end);
    start = end + sep.length;
    if (piece.length === 0) {
      if (end === qs.length) break;
      continue;
    }
    const at = piece.indexOf(eq);
    const key = decodePart(at < 0 ? piece : piece.slice(0, at), decode, custom);
    const value = at < 0 ? '' : decodePart(piece.slice(at + eq.length), decode, custom);
    const existing = obj[key];
    if (!(key in obj)) obj[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else obj[key] = [existing, value];
    if (end === qs.length) break;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
