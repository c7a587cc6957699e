'use strict';
// The .env format of util.parseEnv() and process.loadEnvFile(), read as node 20's C++ parser
// (src/node_dotenv.cc) reads it, edge cases included:
//
// - carriage returns are dropped everywhere, then spaces (only spaces) trimmed at both ends;
// - lines that start with `#`, and empty lines, are skipped; a line without `=` is skipped;
//   `KEY=value` with an empty key ends the parsing;
// - a leading `export ` on the key is dropped, spaces around key and value are trimmed, and a
//   later line wins over an earlier one with the same key;
// - a value in `"`, `'` or `` ` `` runs to the next same quote, across lines, and only a
//   double-quoted one has its `\n` sequences turned into newlines; an unclosed quote makes
//   the rest of the line the value (quote included), or, on the last line, is read again as a
//   line of its own;
// - an unquoted value ends at `#`;
// - a key of spaces only is read as "\n" (what node's trim of it yields);
// - the keys come out in byte order (the parser keeps them in a sorted map).
//
// All delimiters are ASCII, so working on the string's code units gives the same splits as
// node's work on the UTF-8 bytes.

// Spaces only (not tabs or newlines), at both ends.
function trimSpaces(s) {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) === 0x20) end--;
  return s.slice(start, end);
}

// Code point order, which is the byte order of the UTF-8 the parser compares.
function compareKeys(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

// Returns the variables of `input` as [key, value] pairs in node's order.
function parseContent(input) {
  const store = new Map();
  let content = trimSpaces(input.replaceAll('\r', ''));

  while (content !== '') {
    if (content[0] === '\n' || content[0] === '#') {
      const newline = content.indexOf('\n');
      if (newline !== -1) {
        content = content.slice(newline + 1);
        continue;
      }
    }

    const equal = content.indexOf('=');
    if (equal === -1) {
      const newline = content.indexOf('\n');
      content = newline === -1 ? '' : content.slice(newline + 1);
      continue;
    }

    let key = trimSpaces(content.slice(0, equal));
    // Node's trim of a key made only of spaces steps one byte back, onto the newline before
    // the line, and keeps it: ` =v` on a later line sets the key "\n".
    if (key === '' && equal > 0) key = '\n';
    content = trimSpaces(content.slice(equal + 1));
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);

    if (content === '') {
      store.set(key, '');
      break;
    }

    const first = content[0];
    if (first === '"' || first === "'" || first === '`') {
      const closing = content.indexOf(first, 1);
      if (closing === -1) {
        const newline = content.indexOf('\n');
        if (newline !== -1) {
          store.set(key, content.slice(0, newline));
          content = content.slice(newline + 1);
        }
        continue;
      }
      let value = content.slice(1, closing);
      if (first === '"') value = value.replaceAll('\\n', '\n');
      store.set(key, value);
      const newline = content.indexOf('\n', closing + 1);
      content = newline === -1 ? '' : content.slice(newline + 1);
      continue;
    }

    const newline = content.indexOf('\n');
    let value = newline === -1 ? content : content.slice(0, newline);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    store.set(key, trimSpaces(value));
    content = newline === -1 ? '' : content.slice(newline + 1);
  }

  return [...store].sort((a, b) => compareKeys(a[0], b[0]));
}

module.exports = { parseContent };
