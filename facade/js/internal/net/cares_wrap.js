'use strict';
// node's `cares_wrap` binding, the part dns.lookup uses: getaddrinfo, run on the disk pool
// because the system resolver blocks.

const binding = internalBinding('net');

// glibc's values for the hints node passes through.
const AI_V4MAPPED = 0x08;
const AI_ALL = 0x10;
const AI_ADDRCONFIG = 0x20;
const DNS_ORDER_VERBATIM = 0;
const DNS_ORDER_IPV4_FIRST = 1;
const DNS_ORDER_IPV6_FIRST = 2;

class GetAddrInfoReqWrap {
  constructor() {
    this.callback = null;
    this.family = 0;
    this.hostname = undefined;
    this.oncomplete = null;
  }
}

// `order` is node 22's DNS_ORDER_* or node 20's `verbatim` boolean.
function getaddrinfo(req, hostname, family, hints, order) {
  const first =
    order === false || order === DNS_ORDER_IPV4_FIRST ? 4 : order === DNS_ORDER_IPV6_FIRST ? 6 : 0;
  binding.op_net_getaddrinfo(hostname, family, hints | 0, (status, addresses) => {
    if (status === 0 && first !== 0) {
      const isV4 = (a) => !a.includes(':');
      const v4 = addresses.filter(isV4);
      const v6 = addresses.filter((a) => !isV4(a));
      addresses = first === 4 ? v4.concat(v6) : v6.concat(v4);
    }
    req.oncomplete(status, addresses);
  });
  return 0;
}

module.exports = {
  GetAddrInfoReqWrap,
  getaddrinfo,
  AI_ADDRCONFIG,
  AI_ALL,
  AI_V4MAPPED,
  DNS_ORDER_VERBATIM,
  DNS_ORDER_IPV4_FIRST,
  DNS_ORDER_IPV6_FIRST,
};
