'use strict';
// node's `pipe_wrap` binding: Unix domain socket handles (paths, and abstract names starting with
// a NUL byte) over the socket and server actors (see stream_wrap).

const { LibuvStreamWrap } = require('internal/net/stream_wrap');
const {
  currentFrame,
  symbols: { async_context_frame },
} = require('internal/async_hooks');

const constants = { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 };
const kPath = Symbol('kPath');

class Pipe extends LibuvStreamWrap {
  // `id` is given for a connection a server accepted.
  constructor(type, id) {
    super(id);
    this.type = type;
    this[kPath] = undefined;
    this.onconnection = null;
  }

  // Only the IPC channel a parent process gave can be opened (the host found it at start);
  // adopting any other descriptor would hand JS a resource the host never granted.
  open() {
    if (this.type === constants.IPC) return this._openIpc();
    return -95; // UV_ENOTSUP: see TCP.open
  }

  bind(path) {
    this[kPath] = path;
    return this._bind(path);
  }

  listen(backlog) {
    return this._listen(backlog, false);
  }

  connect(req, path) {
    return this._connect(req, path);
  }

  // `readableAll`/`writableAll` of a listening socket: the mode of its file.
  fchmod(mode) {
    if (this[kPath] === undefined || this[kPath][0] === '\0') return -22;
    let bits = 0;
    if (mode & constants.UV_READABLE) bits |= 0o444;
    if (mode & constants.UV_WRITABLE) bits |= 0o222;
    try {
      const fs = require('fs');
      fs.chmodSync(this[kPath], (fs.statSync(this[kPath]).mode & 0o777) | bits);
    } catch (e) {
      return typeof e.errno === 'number' ? e.errno : -22;
    }
    return 0;
  }

  setPendingInstances() {}
}

class PipeConnectWrap {
  constructor() {
    this.oncomplete = null;
    this[async_context_frame] = currentFrame();
    this.address = undefined;
  }
}

module.exports = { Pipe, PipeConnectWrap, constants };
