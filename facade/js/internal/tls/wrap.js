'use strict';
// The layer under node:tls, in place of node's `tls_wrap` binding and the crypto binding's
// SecureContext: https://nodejs.org/docs/latest-v20.x/api/tls.html
//
// A TLSWrap is a stream handle over another one (a TCP or pipe handle): it takes the parent's
// reads, feeds them to a native rustls session (internalBinding('tls'), see facade/src/node/tls.rs)
// and hands the plaintext to its own `onread`, as the parent would; writes are encrypted and
// written to the parent. node's _tls_wrap.js drives it exactly as it drives node's TLSWrap
// (the ssl methods and the `on*` callbacks), so its logic is node's.
//
// What rustls does not do throws ERR_NOT_IMPLEMENTED when asked for: PSK, OCSP stapling,
// renegotiation, TLS before 1.2, encrypted keys, PFX, session resumption from JS (`getSession`
// gives nothing back, so `isSessionReused` is false). A cipher list is taken as given but the
// suites are rustls's own (all TLS 1.3 suites and the ECDHE AEAD ones of TLS 1.2).

const binding = internalBinding('tls');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  streamBaseState,
  kReadBytesOrError,
  kArrayBufferOffset,
  kBytesWritten,
  kLastWriteWasAsync,
} = require('internal/net/stream_wrap');
const { UV_EOF } = internalBinding('uv');
const { owner_symbol } = require('internal/async_hooks').symbols;
const {
  codes: { ERR_NOT_IMPLEMENTED, ERR_TLS_INVALID_STATE },
} = require('internal/errors');

// node's crypto constants (`crypto.constants`), which the TLS code uses.
const constants = require('internal/crypto/constants');

// Flags of a feed's answer (tls.rs).
const FLAG_CLIENT_HELLO = 1;
const FLAG_HANDSHAKE_DONE = 2;
const FLAG_CLOSE_NOTIFY = 4;

// node's error for a TLS failure: `[code, message]` from the binding.
function tlsError([code, message]) {
  const err = new Error(message);
  err.code = code;
  if (code.startsWith('ERR_SSL_')) {
    err.library = 'SSL routines';
    err.reason = code.slice(8).toLowerCase().replace(/_/g, ' ');
  }
  return err;
}

function verifyErrorOf([code, message]) {
  const err = new Error(message);
  err.code = code;
  return err;
}

function bytesOf(value) {
  if (typeof value === 'string') return Buffer.from(value);
  return value;
}

// The certificates, keys and trust a context was configured with; the native context (parsed
// certificates and key, the root store) is made when a connection first needs it.
class SecureContext {
  constructor() {
    this._certs = [];
    this._keys = [];
    this._ca = null;
    this._minVersion = constants.TLS1_2_VERSION;
    this._maxVersion = constants.TLS1_3_VERSION;
    this._options = 0;
    this._ticketKeys = null;
    this._native = null;
  }

  init(secureProtocol, minVersion, maxVersion) {
    if (minVersion !== undefined && minVersion !== 0) this._minVersion = minVersion;
    if (maxVersion !== undefined && maxVersion !== 0) this._maxVersion = maxVersion;
  }

  setMinProto(v) {
    this._minVersion = v;
    this._native = null;
  }

  setMaxProto(v) {
    this._maxVersion = v;
    this._native = null;
  }

  getMinProto() {
    return this._minVersion;
  }

  getMaxProto() {
    return this._maxVersion;
  }

  setOptions(options) {
    this._options |= options;
    if (this._options & constants.SSL_OP_NO_TLSv1_3 && this._maxVersion > constants.TLS1_2_VERSION) {
      this._maxVersion = constants.TLS1_2_VERSION;
    }
    if (this._options & constants.SSL_OP_NO_TLSv1_2 && this._minVersion < constants.TLS1_3_VERSION) {
      this._minVersion = constants.TLS1_3_VERSION;
    }
    this._native = null;
  }

  setCert(cert) {
    this._certs.push(bytesOf(cert));
    this._native = null;
    this.native();
  }

  setKey(key, passphrase) {
    if (passphrase !== undefined && passphrase !== null) {
      throw new ERR_NOT_IMPLEMENTED('tls: an encrypted key (passphrase)');
    }
    this._keys.push(bytesOf(key));
    this._native = null;
    this.native();
  }

  addCACert(ca) {
    (this._ca ??= []).push(bytesOf(ca));
    this._native = null;
    this.native();
  }

  addRootCerts() {}

  addCRL() {
    throw new ERR_NOT_IMPLEMENTED('tls: the crl option');
  }

  loadPKCS12() {
    throw new ERR_NOT_IMPLEMENTED('tls: the pfx option');
  }

  // No setClientCertEngine or setEngineKey: node's code then throws
  // ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED, as a node built without engines does.

  setDHParam() {
    // rustls negotiates ECDHE only: finite-field parameters are never used. No warning.
    return undefined;
  }

  // rustls's suites and groups are its own (see the header).
  setCiphers() {}

  setCipherSuites() {}

  setECDHCurve() {}

  setSigalgs() {}

  setSessionIdContext() {}

  setSessionTimeout() {}

  setAllowPartialTrustChain() {}

  enableTicketKeyCallback() {
    throw new ERR_NOT_IMPLEMENTED('tls: the ticketKeyCallback option');
  }

  setTicketKeys(keys) {
    this._ticketKeys = Buffer.from(keys);
  }

  getTicketKeys() {
    this._ticketKeys ??= require('crypto').randomBytes(48);
    return Buffer.from(this._ticketKeys);
  }

  getCertificate() {
    const certs = binding.op_tls_own_certs(this.native());
    return certs.length > 0 ? new FastBuffer(certs[0].buffer, certs[0].byteOffset, certs[0].length) : null;
  }

  getIssuer() {
    return null;
  }

  close() {
    this._native = null;
  }

  native() {
    if (this._native === null) {
      const made = binding.op_tls_context(this._certs, this._keys, this._ca, this._minVersion, this._maxVersion);
      if (Array.isArray(made)) throw tlsError(made);
      this._native = made;
    }
    return this._native;
  }
}

function toBuffer(bytes) {
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

// node's raw certificate object (_tls_common's translatePeerCertificate finishes it).
function certificate(der) {
  const cert = binding.op_tls_x509(der);
  if (cert === null) return null;
  if (cert.pubkey !== undefined) cert.pubkey = toBuffer(cert.pubkey);
  cert.raw = toBuffer(der);
  return cert;
}

// The ALPN wire format (length-prefixed names) as a list of names.
function alpnList(wire) {
  const list = [];
  if (!wire) return list;
  const bytes = typeof wire === 'string' ? Buffer.from(wire) : wire;
  for (let i = 0; i < bytes.length; ) {
    const n = bytes[i];
    list.push(Buffer.from(bytes.subarray(i + 1, i + 1 + n)).toString('latin1'));
    i += 1 + n;
  }
  return list;
}

const proto = {};

class TLSWrap {
  constructor(parent, context, isServer) {
    this._parent = parent;
    this._context = context;
    this._isServer = isServer;
    this._session = null;
    this._servername = null;
    this._alpn = [];
    this._requestCert = false;
    this._certCb = false;
    this._alpnCb = false;
    this._handshakeDone = false;
    this._failed = false;
    this._queued = [];
    this._held = [];
    this._eof = false;
    this._info = null;
    this.sni_context = null;
    this.reading = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.writeQueueSize = 0;
    this.onread = null;
    const wrap = this;
    parent.onread = function onParentRead(arrayBuffer) {
      wrap._onParentRead(arrayBuffer);
    };
  }

  get fd() {
    return this._parent.fd;
  }

  getAsyncId() {
    return this._parent.getAsyncId();
  }

  getProviderType() {
    return 0;
  }

  // ---- the stream ----

  readStart() {
    this.reading = true;
    this._release();
    return this._parent.readStart();
  }

  readStop() {
    this.reading = false;
    // The handshake reads whatever the socket's reader wants.
    if (this._handshakeDone) return this._parent.readStop();
    return 0;
  }

  writeBuffer(req, data) {
    return this._write(req, data);
  }

  writev(req, chunks, allBuffers) {
    const list = [];
    if (allBuffers) {
      for (let i = 0; i < chunks.length; i++) list.push(chunks[i]);
    } else {
      for (let i = 0; i < chunks.length; i += 2) {
        const c = chunks[i];
        list.push(typeof c === 'string' ? Buffer.from(c, chunks[i + 1]) : c);
      }
    }
    return this._write(req, Buffer.concat(list));
  }

  writeUtf8String(req, s) {
    return this._write(req, Buffer.from(s, 'utf8'));
  }

  writeAsciiString(req, s) {
    return this._write(req, Buffer.from(s, 'ascii'));
  }

  writeLatin1String(req, s) {
    return this._write(req, Buffer.from(s, 'latin1'));
  }

  writeUcs2String(req, s) {
    return this._write(req, Buffer.from(s, 'ucs2'));
  }

  shutdown(req) {
    if (!this._handshakeDone && !this._failed) {
      this._queued.push([req, null]);
      return 0;
    }
    this._shutdown(req);
    return 0;
  }

  useUserBuffer() {
    throw new ERR_NOT_IMPLEMENTED('tls: the onread option');
  }

  // node's _tls_wrap replaces close() with its own, which closes the parent.
  close(cb) {
    this._parent.close(cb);
  }

  // Bytes the wrapped socket had already read, as if the parent read them now.
  receive(buf) {
    this._feed(buf);
  }

  // ---- the ssl methods node's _tls_wrap calls ----

  setVerifyMode(requestCert, rejectUnauthorized) {
    this._requestCert = !!requestCert;
  }

  setServername(name) {
    this._servername = name;
  }

  getServername() {
    if (this._isServer) return this._session === null ? false : binding.op_tls_info(this._session).servername;
    return this._servername ?? false;
  }

  setALPNProtocols(wire) {
    this._alpn = alpnList(wire);
  }

  getALPNNegotiatedProtocol() {
    return this._sessionInfo()?.alpn ?? false;
  }

  start() {
    if (this._session !== null) return;
    let ctx;
    try {
      ctx = this._context.native();
    } catch (err) {
      this._fail(err);
      return;
    }
    this._session = binding.op_tls_client(ctx, this._servername, this._alpn, proto);
    if (Array.isArray(this._session)) {
      const err = tlsError(this._session);
      this._session = null;
      this._fail(err);
      return;
    }
    this.onhandshakestart?.(Date.now());
    this._feed(null);
    this._parent.readStart();
  }

  enableCertCb() {
    this._certCb = true;
  }

  certCbDone() {
    this._accept(this.sni_context ?? this._context);
  }

  enableSessionCallbacks() {}

  enableALPNCb() {
    this._alpnCb = true;
  }

  enablePskCallback() {
    throw new ERR_NOT_IMPLEMENTED('tls: pre-shared keys (pskCallback)');
  }

  setPskIdentityHint() {
    throw new ERR_NOT_IMPLEMENTED('tls: pre-shared keys (pskIdentityHint)');
  }

  requestOCSP() {
    throw new ERR_NOT_IMPLEMENTED('tls: OCSP (requestOCSP)');
  }

  setOCSPResponse() {
    throw new ERR_NOT_IMPLEMENTED('tls: OCSP stapling');
  }

  enableTrace() {
    throw new ERR_NOT_IMPLEMENTED('tls: enableTrace');
  }

  enableKeylogCallback() {
    throw new ERR_NOT_IMPLEMENTED("tls: the 'keylog' event");
  }

  renegotiate() {
    throw new ERR_TLS_INVALID_STATE();
  }

  setSession() {}

  getSession() {
    return undefined;
  }

  isSessionReused() {
    return false;
  }

  getTLSTicket() {
    return undefined;
  }

  loadSession() {}

  newSessionDone() {}

  endParser() {}

  writesIssuedByPrevListenerDone() {}

  setKeyCert(context) {
    this._context = context;
  }

  setMaxSendFragment() {
    return 1;
  }

  getFinished() {
    return undefined;
  }

  getPeerFinished() {
    return undefined;
  }

  getSharedSigalgs() {
    return [];
  }

  getEphemeralKeyInfo() {
    return {};
  }

  exportKeyingMaterial(length, label, context) {
    if (this._session === null) throw new ERR_TLS_INVALID_STATE();
    const out = binding.op_tls_export_keying_material(this._session, length, label, context);
    if (Array.isArray(out)) throw new ERR_TLS_INVALID_STATE();
    return toBuffer(out);
  }

  getProtocol() {
    return this._sessionInfo()?.protocol ?? null;
  }

  getCipher() {
    return this._sessionInfo()?.cipher ?? undefined;
  }

  // With `detailed`, each certificate links to its issuer: the chain the peer sent, then, as
  // OpenSSL's verified chain does, the trusted certificate it ends at (whose issuer is itself).
  getPeerCertificate(detailed) {
    const peer = this._sessionInfo()?.peer;
    if (!peer || peer.length === 0) return null;
    const certs = peer.map(certificate);
    if (detailed) {
      let last = certs[certs.length - 1];
      if (!sameName(last.issuer, last.subject)) {
        let native = null;
        try {
          native = this._context.native();
        } catch {
          // No context to look in: the chain ends where the peer's did.
        }
        const anchor = native === null ? null : binding.op_tls_issuer(native, last.raw);
        if (anchor !== null) {
          last = certificate(anchor);
          certs.push(last);
        }
      }
      for (let i = 0; i < certs.length - 1; i++) certs[i].issuerCertificate = certs[i + 1];
      if (sameName(last.issuer, last.subject)) last.issuerCertificate = last;
    }
    return certs[0];
  }

  getPeerX509Certificate() {
    return undefined;
  }

  getX509Certificate() {
    return undefined;
  }

  getCertificate() {
    let native;
    try {
      native = this._context.native();
    } catch {
      return null;
    }
    const own = binding.op_tls_own_certs(native);
    return own.length > 0 ? certificate(own[0]) : null;
  }

  verifyError() {
    const info = this._sessionInfo();
    if (info === null) return null;
    if (info.verifyError !== null) return verifyErrorOf(info.verifyError);
    // No certificate at all (a client that sent none): node's verdict for that.
    if (!info.peer || info.peer.length === 0) {
      return verifyErrorOf(['UNABLE_TO_GET_ISSUER_CERT', 'unable to get issuer certificate']);
    }
    return null;
  }

  destroySSL() {
    this._session = null;
    this._info = null;
  }

  // ---- inside ----

  _sessionInfo() {
    if (this._session === null) return this._info;
    if (this._info === null || !this._handshakeDone) {
      const info = binding.op_tls_info(this._session);
      if (!this._handshakeDone) return info;
      this._info = info;
    }
    return this._info;
  }

  _onParentRead(arrayBuffer) {
    const nread = streamBaseState[kReadBytesOrError];
    if (nread > 0) {
      const offset = streamBaseState[kArrayBufferOffset];
      this._feed(new Uint8Array(arrayBuffer, offset, nread));
    } else if (nread < 0) {
      this._deliver(nread);
    }
  }

  // Hands encrypted bytes (or none, to let the session go on) to the session.
  _feed(bytes) {
    if (this._failed) return;
    if (this._session === null) {
      if (!this._isServer) return;
      let ctx;
      try {
        ctx = this._context.native();
      } catch (err) {
        this._fail(err);
        return;
      }
      this._session = binding.op_tls_server(ctx, this._requestCert, proto);
    }
    const [error, plain, out, flags] = binding.op_tls_feed(this._session, bytes ?? kEmpty);
    if (out !== null) this._writeRaw(out);
    if (flags & FLAG_CLIENT_HELLO) this._onClientHello();
    if (flags & FLAG_HANDSHAKE_DONE) this._onHandshakeDone();
    if (plain !== null) this._deliver(plain);
    if (flags & FLAG_CLOSE_NOTIFY) this._deliver(UV_EOF);
    if (error !== null) this._fail(tlsError(error));
  }

  _onClientHello() {
    this.onhandshakestart?.(Date.now());
    if (this._certCb) {
      const info = binding.op_tls_info(this._session);
      this.oncertcb({ servername: info.servername || '', OCSPRequest: false });
      return;
    }
    this._accept(this._context);
  }

  // Goes on with the handshake under `context`, with the protocols ALPNCallback picks (if any).
  _accept(context) {
    let alpn = this._alpn;
    if (this._alpnCb) {
      const offered = binding.op_tls_info(this._session).clientAlpn;
      // As with OpenSSL, the callback runs only when the client offered protocols.
      if (offered.length > 0) {
        const wire = Buffer.concat(offered.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'latin1')])));
        const at = this.ALPNCallback(wire);
        // None picked: the handshake fails with no_application_protocol, as OpenSSL's does
        // when the callback declines. A list sharing nothing with the client's makes rustls
        // send that alert.
        alpn = at === undefined ? ['\0'] : [wire.subarray(at + 1, at + 1 + wire[at]).toString('latin1')];
      }
    }
    const native = typeof context.native === 'function' ? context.native() : context;
    const failed = binding.op_tls_accept(this._session, native, alpn);
    if (failed !== null) {
      this._flushOut();
      this._fail(tlsError(failed));
      return;
    }
    this._feed(null);
  }

  // An alert the session made while failing.
  _flushOut() {
    const [, , out] = binding.op_tls_feed(this._session, kEmpty);
    if (out !== null) this._writeRaw(out);
  }

  _onHandshakeDone() {
    this._handshakeDone = true;
    this.onhandshakedone?.();
    const queued = this._queued;
    this._queued = [];
    for (const [req, data] of queued) {
      if (data === null) this._shutdown(req);
      else this._encrypt(req, data);
    }
    if (!this.reading) this._parent.readStop();
  }

  _fail(err) {
    if (this._failed) return;
    this._failed = true;
    const queued = this._queued;
    this._queued = [];
    for (const [req] of queued) {
      process.nextTick(() => req.oncomplete(-32 /* EPIPE */));
    }
    if (typeof this.onerror === 'function') this.onerror(err);
  }

  // Plaintext (or an end-of-stream or error code) for the reader.
  _deliver(item) {
    if (!this.reading || this._held.length > 0) {
      this._held.push(item);
      return;
    }
    this._emit(item);
  }

  _release() {
    while (this._held.length > 0 && this.reading) this._emit(this._held.shift());
  }

  _emit(item) {
    if (typeof item === 'number') {
      if (this._eof) return;
      this._eof = true;
      streamBaseState[kReadBytesOrError] = item;
      this.onread(undefined);
      return;
    }
    this.bytesRead += item.length;
    streamBaseState[kReadBytesOrError] = item.length;
    streamBaseState[kArrayBufferOffset] = item.byteOffset;
    this.onread(item.buffer);
  }

  _write(req, data) {
    const failed = this._failed;
    if (!failed) {
      this.bytesWritten += data.length;
      if (this._handshakeDone) this._encrypt(req, data);
      else this._queued.push([req, data]);
    }
    // Set last: the write to the parent reports its own.
    streamBaseState[kBytesWritten] = data.length;
    streamBaseState[kLastWriteWasAsync] = 1;
    return failed ? -32 /* EPIPE */ : 0;
  }

  _encrypt(req, data) {
    const out = binding.op_tls_write(this._session, data);
    if (out === null) {
      process.nextTick(() => req.oncomplete(0));
      return;
    }
    this._writeRaw(out, req);
  }

  // Writes encrypted bytes to the parent; `req` (the user's write) completes when they are out.
  _writeRaw(bytes, req) {
    const wrap = this;
    const inner = {
      oncomplete(status) {
        wrap.writeQueueSize -= bytes.length;
        if (req) req.oncomplete(status);
      },
    };
    this.writeQueueSize += bytes.length;
    const err = this._parent.writeBuffer(inner, bytes);
    if (err !== 0) {
      this.writeQueueSize -= bytes.length;
      if (req) process.nextTick(() => req.oncomplete(err));
    } else if (!streamBaseState[kLastWriteWasAsync]) {
      this.writeQueueSize -= bytes.length;
      if (req) process.nextTick(() => req.oncomplete(0));
    }
  }

  _shutdown(req) {
    if (this._session !== null && !this._failed) {
      const out = binding.op_tls_close_notify(this._session);
      if (out !== null) this._writeRaw(out);
    }
    const err = this._parent.shutdown(req);
    if (err !== 0) process.nextTick(() => req.oncomplete(err));
  }
}

const kEmpty = new Uint8Array(0);

function sameName(a, b) {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (String(a[k]) !== String(b[k])) return false;
  return true;
}

function wrap(handle, context, isServer, wrapHasActiveWriteFromPrevOwner) {
  const w = new TLSWrap(handle, context, isServer);
  w[owner_symbol] = handle[owner_symbol];
  return w;
}

let roots;
function getRootCertificates() {
  roots ??= binding.op_tls_root_certificates();
  return roots.slice();
}

function getSSLCiphers() {
  return binding.op_tls_ciphers();
}

module.exports = {
  TLSWrap,
  SecureContext,
  wrap,
  getRootCertificates,
  getSSLCiphers,
  constants,
  HAVE_SSL_TRACE: false,
};
