'use strict';
// node's `tcp_wrap` binding: TCP handles over the socket and server actors (see stream_wrap).

const { LibuvStreamWrap } = require('internal/net/stream_wrap');
const {
  currentFrame,
  symbols: { async_context_frame },
} = require('internal/async_hooks');

const constants = { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1, UV_TCP_REUSEPORT: 2 };
const kIpv6Only = Symbol('kIpv6Only');
const kReusePort = Symbol('kReusePort');

class TCP extends LibuvStreamWrap {
  // `id` is given for a connection a server accepted.
  constructor(type, id) {
    super(id);
    this.type = type;
    this[kIpv6Only] = false;
    this[kReusePort] = false;
    this.onconnection = null;
  }

  open() {
    // Adopting an existing descriptor would hand JS a resource the host never granted.
    return -95; // UV_ENOTSUP
  }

  // The port is an int32 truncated to 16 bits, as the C++ binding's is: `localAddress` without
  // `localPort` binds port 0.
  bind(address, port, flags) {
    this[kReusePort] = (flags & constants.UV_TCP_REUSEPORT) !== 0;
    return this._bind(address, (port | 0) & 0xffff, this[kReusePort]);
  }

  bind6(address, port, flags) {
    this[kIpv6Only] = (flags & constants.UV_TCP_IPV6ONLY) !== 0;
    this[kReusePort] = (flags & constants.UV_TCP_REUSEPORT) !== 0;
    return this._bind(address, (port | 0) & 0xffff, this[kReusePort]);
  }

  listen(backlog) {
    return this._listen(backlog, this[kIpv6Only], this[kReusePort]);
  }

  connect(req, address, port) {
    return this._connect(req, address, port);
  }

  connect6(req, address, port) {
    return this._connect(req, address, port);
  }

  getsockname(out) {
    return this._address(false, out);
  }

  getpeername(out) {
    return this._address(true, out);
  }

  setNoDelay(enable) {
    return this._setNoDelay(enable);
  }

  setKeepAlive(enable, initialDelay) {
    return this._setKeepAlive(enable, initialDelay);
  }

  setTypeOfService(tos) {
    return this._setTypeOfService(tos);
  }

  getTypeOfService() {
    return this._getTypeOfService();
  }

  setSimultaneousAccepts() {}
}

class TCPConnectWrap {
  constructor() {
    this.oncomplete = null;
    this[async_context_frame] = currentFrame();
    this.address = undefined;
    this.port = undefined;
    this.localAddress = undefined;
    this.localPort = undefined;
  }
}

module.exports = { TCP, TCPConnectWrap, constants };
