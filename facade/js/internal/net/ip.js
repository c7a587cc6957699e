'use strict';
// IP address syntax, as node's net.isIPv4 / isIPv6 accept it (no leading zeros in IPv4 parts; an
// IPv6 address may end in an IPv4 part and carry a zone id after '%').

const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4 = new RegExp(`^${v4Part}(?:\\.${v4Part}){3}$`);
const hexGroup = /^[0-9a-fA-F]{1,4}$/;
const zone = /^[0-9a-zA-Z\-.:_]+$/;

// As node's (a RegExp exec), anything but a string is converted to one first.
function isIPv4(s) {
  return v4.test(typeof s === 'string' ? s : `${s}`);
}

function groups(part) {
  if (part === '') return 0;
  const pieces = part.split(':');
  let n = 0;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (i === pieces.length - 1 && p.includes('.')) {
      if (!v4.test(p)) return -1;
      n += 2;
    } else if (hexGroup.test(p)) {
      n += 1;
    } else {
      return -1;
    }
  }
  return n;
}

function isIPv6(s) {
  if (typeof s !== 'string') s = `${s}`;
  if (s.length === 0 || s.length > 100) return false;
  const pct = s.indexOf('%');
  let addr = s;
  if (pct !== -1) {
    if (!zone.test(s.slice(pct + 1))) return false;
    addr = s.slice(0, pct);
  }
  const gap = addr.indexOf('::');
  if (gap === -1) return groups(addr) === 8;
  if (addr.indexOf('::', gap + 1) !== -1) return false;
  const head = groups(addr.slice(0, gap));
  const tail = groups(addr.slice(gap + 2));
  // An IPv4 part can only end the address.
  if (head < 0 || tail < 0 || addr.slice(0, gap).includes('.')) return false;
  return head + tail <= 7;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6 };
