//! `internalBinding('tls')`: TLS sessions on rustls, driven by the JS TLSWrap handle
//! (`internal/tls/wrap.js`) the way node's TLSWrap drives OpenSSL.
//!
//! A session is a JS object owning a rustls connection. It never touches a socket: JS hands it
//! the bytes the parent handle read (`op_tls_feed`) and writes what it gives back to the parent,
//! so TLS runs over any of net's handles. Everything runs on the JS thread; a record is at most
//! 16 KiB, so no step is long.
//!
//! Certificate checks follow node, not rustls: the handshake always completes, the chain's
//! verdict is recorded as OpenSSL's code (`DEPTH_ZERO_SELF_SIGNED_CERT`, ...) for
//! `verifyError()`, and JS decides (`rejectUnauthorized`, then `checkServerIdentity` for the
//! name). The handshake's own signatures are always verified.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_tls_context` | certs (PEM bytes), keys (PEM bytes, unencrypted), ca (PEM bytes, or null for the bundled roots), min, max (node's version numbers) | a context, or `[code, message]` |
//! | `op_tls_client` | context, servername (or null), alpn (array of strings), proto | a session |
//! | `op_tls_server` | context, requestCert, proto | a session, waiting for the ClientHello |
//! | `op_tls_accept` | session, context, alpn | null, or `[code, message]` |
//! | `op_tls_feed` | session, bytes | `[error or null, plaintext or null, outgoing or null, flags]` |
//! | `op_tls_write` | session, bytes | outgoing bytes |
//! | `op_tls_close_notify` | session | outgoing bytes |
//! | `op_tls_info` | session | `{ protocol, cipher, alpn, servername, peer: [DER...], verifyError: [code, message] or null, clientAlpn: [names] }` |
//! | `op_tls_own_certs` | context | `[DER...]` |
//! | `op_tls_issuer` | context, DER | the DER of the trusted certificate that issued it, or null |
//! | `op_tls_x509` | DER | node's certificate object (without `raw` and the chain) |
//! | `op_tls_export_keying_material` | session, length, label, context? | bytes |
//! | `op_tls_root_certificates` | | PEM strings |
//! | `op_tls_ciphers` | | names, lowercase |
//!
//! `flags` in a feed's answer: 1 the ClientHello arrived (a server session waits for
//! `op_tls_accept`); 2 the handshake is done; 4 the peer sent close_notify; 8 the peer closed
//! without it (not reported by rustls: JS learns it from EOF).

use std::io::{BufRead, Write};
use std::sync::{Arc, Mutex, OnceLock};

use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{AlignedVec, JsArray, JsUint8Array};
use boa_engine::property::Attribute;
use boa_engine::{Context, JsData, JsObject, JsString, JsValue, js_string};
use boa_gc::{Finalize, Trace};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{Acceptor, ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::{
    ClientConfig, ClientConnection, DigitallySignedStruct, DistinguishedName, RootCertStore,
    ServerConfig, ServerConnection, SignatureScheme, SupportedProtocolVersion,
};

use crate::buffers::uint8_array;
use crate::node::buffer::with_bytes;
use crate::ops::{Binding, OpError, OpResult, arg, native_object};

pub(crate) static BINDING: Binding = Binding {
    name: "tls",
    ops: &[
        ("op_tls_context", op_tls_context),
        ("op_tls_client", op_tls_client),
        ("op_tls_server", op_tls_server),
        ("op_tls_accept", op_tls_accept),
        ("op_tls_feed", op_tls_feed),
        ("op_tls_write", op_tls_write),
        ("op_tls_close_notify", op_tls_close_notify),
        ("op_tls_info", op_tls_info),
        ("op_tls_own_certs", op_tls_own_certs),
        ("op_tls_issuer", op_tls_issuer),
        ("op_tls_x509", op_tls_x509),
        (
            "op_tls_export_keying_material",
            op_tls_export_keying_material,
        ),
        ("op_tls_root_certificates", op_tls_root_certificates),
        ("op_tls_ciphers", op_tls_ciphers),
    ],
};

const FLAG_CLIENT_HELLO: i32 = 1;
const FLAG_HANDSHAKE_DONE: i32 = 2;
const FLAG_CLOSE_NOTIFY: i32 = 4;

// node's version numbers (`crypto.constants.TLS1_2_VERSION` ...).
const TLS1_2_VERSION: i32 = 0x303;
const TLS1_3_VERSION: i32 = 0x304;

fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// The bundled roots as a store, parsed once: every context without its own `ca` (each
/// `tls.connect` or https request that does not pass one) shares it.
fn bundled_roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut roots = RootCertStore::empty();
            roots.add_parsable_certificates(
                webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned(),
            );
            Arc::new(roots)
        })
        .clone()
}

/// A secure context: what `tls.createSecureContext` configured, parsed once.
#[derive(Trace, Finalize, JsData)]
struct TlsContext {
    #[unsafe_ignore_trace]
    inner: Arc<ContextInner>,
}

struct ContextInner {
    provider: Arc<CryptoProvider>,
    versions: Vec<&'static SupportedProtocolVersion>,
    roots: Arc<RootCertStore>,
    /// The trusted certificates themselves, for `getPeerCertificate(true)`'s chain.
    anchors: Vec<CertificateDer<'static>>,
    /// The certificate chain and its key, when the context has one.
    key: Option<Arc<CertifiedKey>>,
}

/// An error the JS glue turns into node's: `[code, message]`.
fn code_error(code: &str, message: impl Into<String>, cx: &mut Context) -> JsValue {
    let message: String = message.into();
    JsArray::from_iter(
        [
            JsValue::from(JsString::from(code)),
            JsValue::from(JsString::from(message.as_str())),
        ],
        cx,
    )
    .into()
}

fn bytes_list(value: &JsValue, cx: &mut Context) -> Result<Vec<Vec<u8>>, OpError> {
    let Some(obj) = value.as_object() else {
        return Ok(Vec::new());
    };
    let array = JsArray::from_object(obj.clone())?;
    let mut out = Vec::new();
    for i in 0..array.length(cx)? {
        let item = array.get(i, cx)?;
        out.push(match item.as_string() {
            Some(s) => s.to_std_string_lossy().into_bytes(),
            None => with_bytes(&item, cx, <[u8]>::to_vec)?,
        });
    }
    Ok(out)
}

fn pem_certs(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, (&'static str, String)> {
    let certs: Result<Vec<_>, _> = CertificateDer::pem_slice_iter(pem).collect();
    match certs {
        Ok(certs) if !certs.is_empty() => Ok(certs),
        Ok(_) => Err((
            "ERR_OSSL_PEM_NO_START_LINE",
            "error:0480006C:PEM routines::no start line".into(),
        )),
        Err(e) => Err(("ERR_OSSL_PEM_BAD_BASE64_DECODE", format!("{e}"))),
    }
}

fn op_tls_context(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let provider = provider();
    let certs = bytes_list(&arg(args, 0), cx)?;
    // Unencrypted keys only: the glue refuses a passphrase (ERR_NOT_IMPLEMENTED).
    let keys = bytes_list(&arg(args, 1), cx)?;
    let ca = arg(args, 2);
    let min = arg(args, 3)
        .as_number()
        .unwrap_or(f64::from(TLS1_2_VERSION)) as i32;
    let max = arg(args, 4)
        .as_number()
        .unwrap_or(f64::from(TLS1_3_VERSION)) as i32;

    let mut versions = Vec::new();
    if min <= TLS1_3_VERSION && max >= TLS1_3_VERSION {
        versions.push(&rustls::version::TLS13);
    }
    if min <= TLS1_2_VERSION && max >= TLS1_2_VERSION {
        versions.push(&rustls::version::TLS12);
    }
    if versions.is_empty() {
        return Ok(code_error(
            "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
            "error:0A0000BF:SSL routines::no protocols available",
            cx,
        ));
    }

    let (roots, anchors) = if ca.is_null() || ca.is_undefined() {
        let anchors = webpki_root_certs::TLS_SERVER_ROOT_CERTS.to_vec();
        (bundled_roots(), anchors)
    } else {
        let mut anchors = Vec::new();
        for pem in bytes_list(&ca, cx)? {
            match pem_certs(&pem) {
                Ok(list) => anchors.extend(list),
                Err((code, msg)) => return Ok(code_error(code, msg, cx)),
            }
        }
        // A certificate the store cannot use as an anchor is skipped, as OpenSSL adds what it
        // can parse.
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(anchors.iter().cloned());
        (Arc::new(roots), anchors)
    };

    let key = match (certs.is_empty(), keys.first()) {
        (true, _) => None,
        (false, None) => None,
        (false, Some(key_pem)) => {
            let mut chain = Vec::new();
            for pem in &certs {
                match pem_certs(pem) {
                    Ok(list) => chain.extend(list),
                    Err((code, msg)) => return Ok(code_error(code, msg, cx)),
                }
            }
            let Ok(key_der) = PrivateKeyDer::from_pem_slice(key_pem) else {
                return Ok(code_error(
                    "ERR_OSSL_UNSUPPORTED",
                    "error:1E08010C:DECODER routines::unsupported",
                    cx,
                ));
            };
            let signing = match provider.key_provider.load_private_key(key_der) {
                Ok(k) => k,
                Err(e) => return Ok(code_error("ERR_OSSL_UNSUPPORTED", e.to_string(), cx)),
            };
            let certified = CertifiedKey::new(chain, signing);
            // Only a proven mismatch is refused: webpki cannot read every certificate OpenSSL
            // takes (a v1 one, say), and then it cannot tell.
            if let Err(rustls::Error::InconsistentKeys(rustls::InconsistentKeys::KeyMismatch)) =
                certified.keys_match()
            {
                return Ok(code_error(
                    "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
                    "error:05800074:x509 certificate routines::key values mismatch",
                    cx,
                ));
            }
            Some(Arc::new(certified))
        }
    };

    let inner = ContextInner {
        provider,
        versions,
        roots,
        anchors,
        key,
    };
    Ok(JsObject::from_proto_and_data(
        None,
        TlsContext {
            inner: Arc::new(inner),
        },
    )
    .into())
}

fn context(value: &JsValue) -> Result<Arc<ContextInner>, OpError> {
    let obj = native_object::<TlsContext>(value, "tls context")?;
    let ctx = obj
        .downcast_ref::<TlsContext>()
        .ok_or_else(|| OpError::invalid_arg("tls context"))?;
    Ok(ctx.inner.clone())
}

/// OpenSSL's verdict on a chain, as node reports it.
type Verdict = Arc<Mutex<Option<(&'static str, &'static str)>>>;

/// Maps a chain error to OpenSSL's code and message.
fn verdict_of(
    err: &rustls::Error,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> (&'static str, &'static str) {
    use rustls::CertificateError as C;
    let self_issued = |der: &CertificateDer<'_>| {
        x509_parser::parse_x509_certificate(der)
            .map(|(_, c)| c.subject().as_raw() == c.issuer().as_raw())
            .unwrap_or(false)
    };
    match err {
        rustls::Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => {
            ("CERT_HAS_EXPIRED", "certificate has expired")
        }
        rustls::Error::InvalidCertificate(C::NotValidYet | C::NotValidYetContext { .. }) => {
            ("CERT_NOT_YET_VALID", "certificate is not yet valid")
        }
        rustls::Error::InvalidCertificate(C::BadSignature) => {
            ("CERT_SIGNATURE_FAILURE", "certificate signature failure")
        }
        rustls::Error::InvalidCertificate(C::InvalidPurpose | C::InvalidPurposeContext { .. }) => {
            ("INVALID_PURPOSE", "unsupported certificate purpose")
        }
        _ if intermediates.is_empty() && self_issued(end_entity) => {
            ("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate")
        }
        _ if intermediates.last().is_some_and(self_issued) => (
            "SELF_SIGNED_CERT_IN_CHAIN",
            "self-signed certificate in certificate chain",
        ),
        _ if intermediates.is_empty() => (
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "unable to verify the first certificate",
        ),
        _ => (
            "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
            "unable to get local issuer certificate",
        ),
    }
}

/// Checks a peer's chain against the context's roots and records OpenSSL's verdict, but lets the
/// handshake go on: node decides after it (`rejectUnauthorized`, `checkServerIdentity`).
#[derive(Debug)]
struct Recorder {
    provider: Arc<CryptoProvider>,
    roots: Arc<RootCertStore>,
    verdict: Verdict,
    /// For a server: whether it asks for a client certificate at all.
    request: bool,
}

impl std::fmt::Debug for ContextInner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContextInner").finish_non_exhaustive()
    }
}

impl Recorder {
    fn check(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
        client: bool,
    ) {
        let result = rustls::server::ParsedCertificate::try_from(end_entity).and_then(|cert| {
            if client {
                // A client certificate: the same chain rules, with the client-auth purpose.
                let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                    self.roots.clone(),
                    self.provider.clone(),
                )
                .build()
                .map_err(|_| {
                    rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)
                })?;
                verifier
                    .verify_client_cert(end_entity, intermediates, now)
                    .map(|_| ())
            } else {
                rustls::client::verify_server_cert_signed_by_trust_anchor(
                    &cert,
                    &self.roots,
                    intermediates,
                    now,
                    self.provider.signature_verification_algorithms.all,
                )
            }
        });
        let verdict = result
            .err()
            .map(|e| verdict_of(&e, end_entity, intermediates));
        *self.verdict.lock().unwrap_or_else(|p| p.into_inner()) = verdict;
    }
}

impl Recorder {
    /// Checks a handshake signature with the key of a certificate webpki cannot read (a v1
    /// certificate, which OpenSSL, and so node, accepts): the key comes from x509-parser, the
    /// check from the same algorithms. Any other failure stands.
    fn verify_unparsed(
        &self,
        err: rustls::Error,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
        tls13: bool,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        if !matches!(err, rustls::Error::InvalidCertificate(_)) {
            return Err(err);
        }
        let Ok((_, parsed)) = x509_parser::parse_x509_certificate(cert) else {
            return Err(err);
        };
        let key = parsed.public_key().subject_public_key.data.as_ref();
        let algs = &self.provider.signature_verification_algorithms;
        for (scheme, candidates) in algs.mapping {
            if *scheme != dss.scheme {
                continue;
            }
            let tried = if tls13 { &candidates[..1] } else { candidates };
            if tried
                .iter()
                .any(|alg| alg.verify_signature(key, message, dss.signature()).is_ok())
            {
                return Ok(HandshakeSignatureValid::assertion());
            }
        }
        Err(err)
    }
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.check(end_entity, intermediates, now, false);
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algs = &self.provider.signature_verification_algorithms;
        verify_tls12_signature(message, cert, dss, algs)
            .or_else(|e| self.verify_unparsed(e, message, cert, dss, false))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algs = &self.provider.signature_verification_algorithms;
        verify_tls13_signature(message, cert, dss, algs)
            .or_else(|e| self.verify_unparsed(e, message, cert, dss, true))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

impl ClientCertVerifier for Recorder {
    fn offer_client_auth(&self) -> bool {
        self.request
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        self.check(end_entity, intermediates, now, true);
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        ServerCertVerifier::verify_tls12_signature(self, message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        ServerCertVerifier::verify_tls13_signature(self, message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        ServerCertVerifier::supported_verify_schemes(self)
    }
}

/// A server's one certificate (node picks the context before the handshake goes on).
#[derive(Debug)]
struct OneCert(Option<Arc<CertifiedKey>>);

impl ResolvesServerCert for OneCert {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        self.0.clone()
    }
}

enum Conn {
    /// A server waiting for the ClientHello.
    Accepting(Box<Acceptor>),
    /// A server that has the ClientHello and waits for JS to pick the context.
    Accepted(Box<rustls::server::Accepted>),
    Client(Box<ClientConnection>),
    Server(Box<ServerConnection>),
    /// After a fatal error.
    Failed,
}

/// One TLS session.
#[derive(Trace, Finalize, JsData)]
struct Session {
    #[unsafe_ignore_trace]
    conn: Conn,
    #[unsafe_ignore_trace]
    verdict: Verdict,
    #[unsafe_ignore_trace]
    request_cert: bool,
    /// The SNI name a server received.
    servername: Option<String>,
    /// The protocols a client offered (ALPN), as a server received them.
    #[unsafe_ignore_trace]
    client_alpn: Vec<Vec<u8>>,
    /// Whether the handshake-done flag was reported.
    reported_done: bool,
    /// Encrypted bytes produced while waiting (an alert) that the next answer carries.
    #[unsafe_ignore_trace]
    pending_out: Vec<u8>,
}

fn session_object(value: &JsValue) -> Result<JsObject, OpError> {
    native_object::<Session>(value, "tls session")
}

fn op_tls_client(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let ctx = context(&arg(args, 0))?;
    let servername = arg(args, 1);
    let alpn = bytes_list(&arg(args, 2), cx)?;
    let verdict: Verdict = Arc::default();
    let recorder = Arc::new(Recorder {
        provider: ctx.provider.clone(),
        roots: ctx.roots.clone(),
        verdict: verdict.clone(),
        request: false,
    });
    let builder = match ClientConfig::builder_with_provider(ctx.provider.clone())
        .with_protocol_versions(&ctx.versions)
    {
        Ok(b) => b,
        Err(e) => {
            return Ok(code_error(
                "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
                e.to_string(),
                cx,
            ));
        }
    };
    let builder = builder
        .dangerous()
        .with_custom_certificate_verifier(recorder);
    // The context's certificate chain, offered whenever the server asks for one.
    let mut config = builder.with_client_cert_resolver(Arc::new(ClientCert(ctx.key.clone())));
    config.alpn_protocols = alpn;
    // A name that is not a hostname (none, or an IP address) sends no SNI, as node sends none.
    let name = servername
        .as_string()
        .map(|s| s.to_std_string_lossy())
        .filter(|s| !s.is_empty())
        .and_then(|s| ServerName::try_from(s).ok())
        .unwrap_or(ServerName::IpAddress(
            std::net::Ipv4Addr::UNSPECIFIED.into(),
        ));
    let conn = match ClientConnection::new(Arc::new(config), name) {
        Ok(c) => c,
        Err(e) => return Ok(code_error("ERR_SSL_INTERNAL_ERROR", e.to_string(), cx)),
    };
    Ok(JsObject::from_proto_and_data(
        arg(args, 3).as_object(),
        Session {
            conn: Conn::Client(Box::new(conn)),
            verdict,
            request_cert: false,
            servername: None,
            client_alpn: Vec::new(),
            reported_done: false,
            pending_out: Vec::new(),
        },
    )
    .into())
}

/// A client's certificate chain, offered whenever the server asks.
#[derive(Debug)]
struct ClientCert(Option<Arc<CertifiedKey>>);

impl rustls::client::ResolvesClientCert for ClientCert {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<CertifiedKey>> {
        self.0.clone()
    }

    fn has_certs(&self) -> bool {
        self.0.is_some()
    }
}

fn op_tls_server(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    // The context is picked once the ClientHello is in (`op_tls_accept`); it is checked here.
    context(&arg(args, 0))?;
    let request_cert = arg(args, 1).to_boolean();
    Ok(JsObject::from_proto_and_data(
        arg(args, 2).as_object(),
        Session {
            conn: Conn::Accepting(Box::default()),
            verdict: Arc::default(),
            request_cert,
            servername: None,
            client_alpn: Vec::new(),
            reported_done: false,
            pending_out: Vec::new(),
        },
    )
    .into())
}

fn op_tls_accept(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    let ctx = context(&arg(args, 1))?;
    let alpn = bytes_list(&arg(args, 2), cx)?;
    let mut session = obj
        .downcast_mut::<Session>()
        .ok_or_else(|| OpError::invalid_arg("tls session"))?;
    let Conn::Accepted(accepted) = std::mem::replace(&mut session.conn, Conn::Failed) else {
        return Err(OpError::invalid_arg("tls session waiting for its context"));
    };
    let recorder = Arc::new(Recorder {
        provider: ctx.provider.clone(),
        roots: ctx.roots.clone(),
        verdict: session.verdict.clone(),
        request: session.request_cert,
    });
    let builder = match ServerConfig::builder_with_provider(ctx.provider.clone())
        .with_protocol_versions(&ctx.versions)
    {
        Ok(b) => b,
        Err(e) => {
            return Ok(code_error(
                "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
                e.to_string(),
                cx,
            ));
        }
    };
    let mut config = builder
        .with_client_cert_verifier(recorder)
        .with_cert_resolver(Arc::new(OneCert(ctx.key.clone())));
    config.alpn_protocols = alpn;
    match accepted.into_connection(Arc::new(config)) {
        Ok(conn) => {
            session.conn = Conn::Server(Box::new(conn));
            Ok(JsValue::null())
        }
        Err((err, mut alert)) => {
            let mut out = Vec::new();
            let _ = alert.write_all(&mut out);
            session.pending_out = out;
            let (code, message) = tls_error(&err, true);
            Ok(code_error(&code, message, cx))
        }
    }
}

/// node's code and message for a TLS failure (OpenSSL's names where there is one).
fn tls_error(err: &rustls::Error, server: bool) -> (String, String) {
    use rustls::Error as E;
    let code = match err {
        E::AlertReceived(alert) => {
            let name = format!("{alert:?}");
            let mut snake = String::new();
            for (i, ch) in name.chars().enumerate() {
                if ch.is_uppercase() && i > 0 {
                    snake.push('_');
                }
                snake.push(ch.to_ascii_uppercase());
            }
            let family = if matches!(
                alert,
                rustls::AlertDescription::HandshakeFailure
                    | rustls::AlertDescription::BadCertificate
                    | rustls::AlertDescription::UnexpectedMessage
            ) {
                "SSLV3"
            } else {
                "TLSV1"
            };
            format!("ERR_SSL_{family}_ALERT_{snake}")
        }
        E::InvalidMessage(_) => "ERR_SSL_WRONG_VERSION_NUMBER".into(),
        E::NoApplicationProtocol => "ERR_SSL_NO_APPLICATION_PROTOCOL".into(),
        E::PeerIncompatible(_) if server => "ERR_SSL_NO_SHARED_CIPHER".into(),
        E::PeerIncompatible(_) => "ERR_SSL_UNSUPPORTED_PROTOCOL".into(),
        E::DecryptError => "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC".into(),
        _ => "ERR_SSL_SSL_HANDSHAKE_FAILURE".into(),
    };
    (code, err.to_string())
}

/// Bytes on their way to JS, in memory an ArrayBuffer adopts as is.
type Bytes = AlignedVec<u8>;

fn bytes(capacity: usize) -> Bytes {
    AlignedVec::with_capacity(64, capacity)
}

/// Records written straight into `Bytes`.
struct Sink<'a>(&'a mut Bytes);

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Drains a connection's plaintext into `plain` and its records into `out`. Returns whether the
/// peer closed (close_notify).
fn drain<C>(conn: &mut rustls::ConnectionCommon<C>, plain: &mut Bytes, out: &mut Bytes) -> bool {
    let mut closed = false;
    let mut reader = conn.reader();
    loop {
        match reader.fill_buf() {
            Ok([]) => {
                closed = true;
                break;
            }
            Ok(chunk) => {
                let n = chunk.len();
                plain.extend_from_slice(chunk);
                reader.consume(n);
            }
            Err(_) => break,
        }
    }
    while conn.wants_write() {
        if conn.write_tls(&mut Sink(out)).is_err() {
            break;
        }
    }
    closed
}

/// Feeds `input` to the connection until it has taken all of it.
fn feed_conn<C>(
    conn: &mut rustls::ConnectionCommon<C>,
    mut input: &[u8],
    plain: &mut Bytes,
    out: &mut Bytes,
) -> Result<bool, rustls::Error> {
    let mut closed = false;
    let mut stalled = false;
    loop {
        // An error here is a full plaintext buffer: draining it below makes room.
        let progressed = !input.is_empty() && conn.read_tls(&mut input).is_ok_and(|n| n > 0);
        let state = conn.process_new_packets();
        closed |= drain(conn, plain, out);
        state?;
        if input.is_empty() || (!progressed && stalled) {
            break;
        }
        stalled = !progressed;
    }
    Ok(closed)
}

fn op_tls_feed(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    // The records are read where they lie, in the parent's read buffer.
    let (error, plain, out, flags) = with_bytes(&arg(args, 1), cx, |input| feed(&obj, input))??;
    let error = match error {
        Some((code, message)) => code_error(&code, message, cx),
        None => JsValue::null(),
    };
    let plain = bytes_or_null(plain, cx)?;
    let out = bytes_or_null(out, cx)?;
    Ok(JsArray::from_iter([error, plain, out, JsValue::from(flags)], cx).into())
}

type Fed = (Option<(String, String)>, Bytes, Bytes, i32);

/// Feeds a connection past its ClientHello; a fatal error comes back as node's code and
/// message, with the alert the connection wrote in `out`.
fn step<C>(
    conn: &mut rustls::ConnectionCommon<C>,
    input: &[u8],
    plain: &mut Bytes,
    out: &mut Bytes,
    flags: &mut i32,
    server: bool,
) -> Result<(), (String, String)> {
    match feed_conn(conn, input, plain, out) {
        Ok(closed) => {
            if closed {
                *flags |= FLAG_CLOSE_NOTIFY;
            }
            Ok(())
        }
        Err(err) => {
            drain(conn, plain, out);
            Err(tls_error(&err, server))
        }
    }
}

fn feed(obj: &JsObject, input: &[u8]) -> Result<Fed, OpError> {
    let mut plain = bytes(input.len());
    let mut flags = 0;
    let mut error = None;
    let mut out = bytes(0);
    {
        let mut session = obj
            .downcast_mut::<Session>()
            .ok_or_else(|| OpError::invalid_arg("tls session"))?;
        out.extend_from_slice(&std::mem::take(&mut session.pending_out));
        let conn = std::mem::replace(&mut session.conn, Conn::Failed);
        session.conn = match conn {
            Conn::Accepting(mut acceptor) => {
                let mut rd = input;
                let mut next = None;
                while !rd.is_empty() && next.is_none() {
                    if acceptor.read_tls(&mut rd).is_err() {
                        break;
                    }
                    match acceptor.accept() {
                        Ok(Some(accepted)) => next = Some(Ok(accepted)),
                        Ok(None) => {}
                        Err((err, mut alert)) => {
                            let _ = alert.write_all(&mut Sink(&mut out));
                            next = Some(Err(err));
                        }
                    }
                }
                match next {
                    None => Conn::Accepting(acceptor),
                    Some(Ok(accepted)) => {
                        // Bytes past the ClientHello stay in the acceptor's buffer.
                        let hello = accepted.client_hello();
                        session.servername = hello.server_name().map(str::to_string);
                        session.client_alpn = hello
                            .alpn()
                            .map(|list| list.map(<[u8]>::to_vec).collect())
                            .unwrap_or_default();
                        flags |= FLAG_CLIENT_HELLO;
                        Conn::Accepted(Box::new(accepted))
                    }
                    Some(Err(err)) => {
                        error = Some(tls_error(&err, true));
                        Conn::Failed
                    }
                }
            }
            Conn::Client(mut c) => {
                match step(&mut c, input, &mut plain, &mut out, &mut flags, false) {
                    Ok(()) => Conn::Client(c),
                    Err(e) => {
                        error = Some(e);
                        Conn::Failed
                    }
                }
            }
            Conn::Server(mut c) => {
                match step(&mut c, input, &mut plain, &mut out, &mut flags, true) {
                    Ok(()) => Conn::Server(c),
                    Err(e) => {
                        error = Some(e);
                        Conn::Failed
                    }
                }
            }
            other => other,
        };
        let handshaking = match &session.conn {
            Conn::Client(c) => c.is_handshaking(),
            Conn::Server(c) => c.is_handshaking(),
            _ => true,
        };
        if !handshaking && !session.reported_done {
            session.reported_done = true;
            flags |= FLAG_HANDSHAKE_DONE;
        }
    }
    Ok((error, plain, out, flags))
}

fn bytes_or_null(bytes: Bytes, cx: &mut Context) -> OpResult {
    if bytes.is_empty() {
        return Ok(JsValue::null());
    }
    let buffer = crate::buffers::adopt_array_buffer(bytes, cx)?;
    Ok(JsUint8Array::from_array_buffer(buffer, cx)?.into())
}

fn op_tls_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    let data = arg(args, 1);
    let write = |conn: &mut Conn, bytes: &[u8]| {
        // Room for the records: the bytes plus a header and tag per 16 KiB record.
        let mut out = self::bytes(bytes.len() + (bytes.len() / 16384 + 1) * 64);
        fn go<C>(c: &mut rustls::ConnectionCommon<C>, mut bytes: &[u8], out: &mut Bytes) {
            while !bytes.is_empty() {
                let n = c.writer().write(bytes).unwrap_or(0);
                bytes = &bytes[n..];
                while c.wants_write() {
                    if c.write_tls(&mut Sink(out)).is_err() {
                        return;
                    }
                }
                if n == 0 {
                    return;
                }
            }
        }
        match conn {
            Conn::Client(c) => go(c, bytes, &mut out),
            Conn::Server(c) => go(c, bytes, &mut out),
            _ => {}
        }
        out
    };
    let out = {
        let mut session = obj
            .downcast_mut::<Session>()
            .ok_or_else(|| OpError::invalid_arg("tls session"))?;
        let conn = &mut session.conn;
        match data.as_string() {
            Some(s) => write(conn, s.to_std_string_lossy().as_bytes()),
            None => with_bytes(&data, cx, |b| write(conn, b))?,
        }
    };
    bytes_or_null(out, cx)
}

fn op_tls_close_notify(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    let mut out = bytes(64);
    {
        let mut session = obj
            .downcast_mut::<Session>()
            .ok_or_else(|| OpError::invalid_arg("tls session"))?;
        let mut plain = bytes(0);
        match &mut session.conn {
            Conn::Client(c) => {
                c.send_close_notify();
                drain(c, &mut plain, &mut out);
            }
            Conn::Server(c) => {
                c.send_close_notify();
                drain(c, &mut plain, &mut out);
            }
            _ => {}
        }
    }
    bytes_or_null(out, cx)
}

fn version_name(v: rustls::ProtocolVersion) -> &'static str {
    match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
        rustls::ProtocolVersion::TLSv1_1 => "TLSv1.1",
        rustls::ProtocolVersion::TLSv1_0 => "TLSv1",
        _ => "unknown",
    }
}

/// OpenSSL's name of a cipher suite (node's `getCipher().name`) and the IANA one.
fn suite_names(suite: rustls::SupportedCipherSuite) -> (&'static str, &'static str) {
    use rustls::CipherSuite as S;
    match suite.suite() {
        S::TLS13_AES_256_GCM_SHA384 => ("TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
        S::TLS13_AES_128_GCM_SHA256 => ("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
        S::TLS13_CHACHA20_POLY1305_SHA256 => (
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
        ),
        S::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 => (
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        ),
        S::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 => (
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        ),
        S::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 => (
            "ECDHE-ECDSA-CHACHA20-POLY1305",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        ),
        S::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 => (
            "ECDHE-RSA-AES256-GCM-SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        ),
        S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 => (
            "ECDHE-RSA-AES128-GCM-SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        ),
        S::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 => (
            "ECDHE-RSA-CHACHA20-POLY1305",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        ),
        _ => ("unknown", "unknown"),
    }
}

fn op_tls_info(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    let session = obj
        .downcast_ref::<Session>()
        .ok_or_else(|| OpError::invalid_arg("tls session"))?;
    let (version, suite, alpn, peer) = match &session.conn {
        Conn::Client(c) => (
            c.protocol_version(),
            c.negotiated_cipher_suite(),
            c.alpn_protocol().map(<[u8]>::to_vec),
            c.peer_certificates().map(<[CertificateDer<'_>]>::to_vec),
        ),
        Conn::Server(c) => (
            c.protocol_version(),
            c.negotiated_cipher_suite(),
            c.alpn_protocol().map(<[u8]>::to_vec),
            c.peer_certificates().map(<[CertificateDer<'_>]>::to_vec),
        ),
        _ => (None, None, None, None),
    };
    let verdict = *session.verdict.lock().unwrap_or_else(|p| p.into_inner());
    let servername = session.servername.clone();
    let client_alpn = session
        .client_alpn
        .iter()
        .map(|p| JsValue::from(JsString::from(String::from_utf8_lossy(p).as_ref())))
        .collect::<Vec<_>>();
    drop(session);
    let client_alpn = JsArray::from_iter(client_alpn, cx);
    let protocol: JsValue = version
        .map(|v| JsString::from(version_name(v)).into())
        .unwrap_or(JsValue::null());
    let cipher: JsValue = match suite {
        Some(s) => {
            let (name, standard) = suite_names(s);
            let version = match s {
                rustls::SupportedCipherSuite::Tls13(_) => "TLSv1.3",
                rustls::SupportedCipherSuite::Tls12(_) => "TLSv1.2",
            };
            ObjectInitializer::new(cx)
                .property(js_string!("name"), JsString::from(name), Attribute::all())
                .property(
                    js_string!("standardName"),
                    JsString::from(standard),
                    Attribute::all(),
                )
                .property(
                    js_string!("version"),
                    JsString::from(version),
                    Attribute::all(),
                )
                .build()
                .into()
        }
        None => JsValue::null(),
    };
    let alpn: JsValue = match alpn {
        Some(a) => JsString::from(String::from_utf8_lossy(&a).as_ref()).into(),
        None => JsValue::from(false),
    };
    let peer: JsValue = match peer {
        Some(list) => {
            let mut items = Vec::new();
            for der in list {
                items.push(JsValue::from(uint8_array(&der, cx)?));
            }
            JsArray::from_iter(items, cx).into()
        }
        None => JsValue::null(),
    };
    let verify_error = match verdict {
        Some((code, message)) => code_error(code, message, cx),
        None => JsValue::null(),
    };
    let servername: JsValue = servername
        .map(|s| JsString::from(s.as_str()).into())
        .unwrap_or(JsValue::from(false));
    Ok(ObjectInitializer::new(cx)
        .property(js_string!("protocol"), protocol, Attribute::all())
        .property(js_string!("cipher"), cipher, Attribute::all())
        .property(js_string!("alpn"), alpn, Attribute::all())
        .property(js_string!("servername"), servername, Attribute::all())
        .property(js_string!("peer"), peer, Attribute::all())
        .property(js_string!("verifyError"), verify_error, Attribute::all())
        .property(js_string!("clientAlpn"), client_alpn, Attribute::all())
        .build()
        .into())
}

fn op_tls_own_certs(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let ctx = context(&arg(args, 0))?;
    let mut items = Vec::new();
    if let Some(key) = &ctx.key {
        for der in &key.cert {
            items.push(JsValue::from(uint8_array(der, cx)?));
        }
    }
    Ok(JsArray::from_iter(items, cx).into())
}

/// The trusted certificate of `context` that issued `der`, or null.
fn op_tls_issuer(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let ctx = context(&arg(args, 0))?;
    let der = with_bytes(&arg(args, 1), cx, <[u8]>::to_vec)?;
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(&der) else {
        return Ok(JsValue::null());
    };
    let issuer = cert.issuer().as_raw();
    for anchor in &ctx.anchors {
        if let Ok((_, ca)) = x509_parser::parse_x509_certificate(anchor)
            && ca.subject().as_raw() == issuer
        {
            return Ok(uint8_array(anchor, cx)?.into());
        }
    }
    Ok(JsValue::null())
}

fn op_tls_export_keying_material(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = session_object(&arg(args, 0))?;
    let len = arg(args, 1).as_number().unwrap_or(0.0).max(0.0) as usize;
    let label = arg(args, 2).to_string(cx)?.to_std_string_lossy();
    let context_value = arg(args, 3);
    let extra = if context_value.is_undefined() || context_value.is_null() {
        None
    } else {
        Some(with_bytes(&context_value, cx, <[u8]>::to_vec)?)
    };
    let mut output = vec![0u8; len];
    let result = {
        let session = obj
            .downcast_ref::<Session>()
            .ok_or_else(|| OpError::invalid_arg("tls session"))?;
        match &session.conn {
            Conn::Client(c) => c
                .export_keying_material(&mut output, label.as_bytes(), extra.as_deref())
                .map(|_| ()),
            Conn::Server(c) => c
                .export_keying_material(&mut output, label.as_bytes(), extra.as_deref())
                .map(|_| ()),
            _ => Err(rustls::Error::HandshakeNotComplete),
        }
    };
    match result {
        Ok(()) => Ok(uint8_array(&output, cx)?.into()),
        Err(e) => Ok(code_error("ERR_TLS_INVALID_STATE", e.to_string(), cx)),
    }
}

fn op_tls_root_certificates(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let pems = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| JsValue::from(JsString::from(pem("CERTIFICATE", der).as_str())));
    Ok(JsArray::from_iter(pems, cx).into())
}

/// `der` as PEM, 64 characters a line as OpenSSL writes it.
fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----"));
    out
}

fn op_tls_ciphers(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let names = provider()
        .cipher_suites
        .iter()
        .map(|s| JsValue::from(JsString::from(suite_names(*s).0.to_lowercase().as_str())))
        .collect::<Vec<_>>();
    Ok(JsArray::from_iter(names, cx).into())
}

// ---- X.509: node's certificate object ----

fn hex_upper(bytes: &[u8], sep: &str) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// OpenSSL's `ASN1_TIME_print`: `Nov 21 10:00:00 2026 GMT`.
fn asn1_time(t: &x509_parser::time::ASN1Time) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let dt = t.to_datetime();
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[usize::from(u8::from(dt.month())) - 1],
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.year()
    )
}

/// OpenSSL's short name of a name attribute (node's keys of `subject` and `issuer`).
fn short_name(oid: &str) -> String {
    match oid {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        other => return other.to_string(),
    }
    .to_string()
}

/// An alternative name as node prints it: as is when safe, else as a JSON string (so that
/// commas, quotes and control characters cannot forge another entry).
fn alt_name(prefix: &str, name: &str) -> String {
    let safe = name
        .chars()
        .all(|c| (' '..='~').contains(&c) && !matches!(c, '"' | '\\' | ',' | '\''));
    if safe {
        return format!("{prefix}:{name}");
    }
    let mut out = format!("{prefix}:\"");
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name as node shows it: an object of short names, a repeated one as an array.
fn name_object(name: &x509_parser::x509::X509Name<'_>, cx: &mut Context) -> OpResult {
    let obj = JsObject::with_null_proto();
    for rdn in name.iter() {
        for attr in rdn.iter() {
            let oid = attr.attr_type();
            let key = short_name(&oid.to_id_string());
            let value = attr
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|_| String::from_utf8_lossy(attr.attr_value().data).into_owned());
            let key = JsString::from(key.as_str());
            let value = JsValue::from(JsString::from(value.as_str()));
            let existing = obj.get(key.clone(), cx)?;
            if existing.is_undefined() {
                obj.set(key, value, false, cx)?;
            } else if let Some(arr) = existing.as_object().filter(|o| o.is_array()) {
                JsArray::from_object(arr.clone())?.push(value, cx)?;
            } else {
                let arr = JsArray::from_iter([existing, value], cx);
                obj.set(key, arr, false, cx)?;
            }
        }
    }
    Ok(obj.into())
}

fn op_tls_x509(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    use sha1::Digest as _;
    use x509_parser::extensions::{GeneralName, ParsedExtension};
    let der = with_bytes(&arg(args, 0), cx, <[u8]>::to_vec)?;
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(&der) else {
        return Ok(JsValue::null());
    };
    let out = JsObject::with_object_proto(cx.intrinsics());
    let subject = name_object(cert.subject(), cx)?;
    out.set(js_string!("subject"), subject, false, cx)?;
    let issuer = name_object(cert.issuer(), cx)?;
    out.set(js_string!("issuer"), issuer, false, cx)?;

    let mut alt = Vec::new();
    let mut info_access: Vec<(String, String)> = Vec::new();
    let mut eku = Vec::new();
    let mut ca = false;
    for ext in cert.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                for name in &san.general_names {
                    alt.push(match name {
                        GeneralName::DNSName(d) => alt_name("DNS", d),
                        GeneralName::RFC822Name(e) => alt_name("email", e),
                        GeneralName::URI(u) => alt_name("URI", u),
                        GeneralName::IPAddress(ip) => match ip.len() {
                            4 => format!(
                                "IP Address:{}",
                                std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], ip[3])
                            ),
                            16 => {
                                let mut a = [0u8; 16];
                                a.copy_from_slice(ip);
                                // OpenSSL prints every group, uppercase, without compression.
                                let groups = a
                                    .chunks(2)
                                    .map(|g| format!("{:X}", u16::from_be_bytes([g[0], g[1]])))
                                    .collect::<Vec<_>>()
                                    .join(":");
                                format!("IP Address:{groups}")
                            }
                            _ => "IP Address:<invalid>".to_string(),
                        },
                        other => format!("othername:{other:?}"),
                    });
                }
            }
            ParsedExtension::BasicConstraints(bc) => ca = bc.ca,
            ParsedExtension::AuthorityInfoAccess(aia) => {
                for desc in &aia.accessdescs {
                    let method = match desc.access_method.to_id_string().as_str() {
                        "1.3.6.1.5.5.7.48.1" => "OCSP - URI".to_string(),
                        "1.3.6.1.5.5.7.48.2" => "CA Issuers - URI".to_string(),
                        other => other.to_string(),
                    };
                    if let GeneralName::URI(u) = &desc.access_location {
                        info_access.push((method, u.to_string()));
                    }
                }
            }
            ParsedExtension::ExtendedKeyUsage(e) => {
                if e.server_auth {
                    eku.push("1.3.6.1.5.5.7.3.1".to_string());
                }
                if e.client_auth {
                    eku.push("1.3.6.1.5.5.7.3.2".to_string());
                }
                if e.code_signing {
                    eku.push("1.3.6.1.5.5.7.3.3".to_string());
                }
                if e.email_protection {
                    eku.push("1.3.6.1.5.5.7.3.4".to_string());
                }
                if e.time_stamping {
                    eku.push("1.3.6.1.5.5.7.3.8".to_string());
                }
                if e.ocsp_signing {
                    eku.push("1.3.6.1.5.5.7.3.9".to_string());
                }
                eku.extend(e.other.iter().map(|o| o.to_id_string()));
            }
            _ => {}
        }
    }
    if !alt.is_empty() {
        out.set(
            js_string!("subjectaltname"),
            JsString::from(alt.join(", ").as_str()),
            false,
            cx,
        )?;
    }
    if !info_access.is_empty() {
        // OpenSSL's text of the extension, one `method:location` a line, which node's
        // translatePeerCertificate turns into an object.
        let text: String = info_access
            .iter()
            .map(|(k, v)| format!("{k}:{v}\n"))
            .collect();
        out.set(
            js_string!("infoAccess"),
            JsString::from(text.as_str()),
            false,
            cx,
        )?;
    }
    out.set(js_string!("ca"), ca, false, cx)?;

    match cert.public_key().parsed() {
        Ok(x509_parser::public_key::PublicKey::RSA(rsa)) => {
            let modulus = rsa
                .modulus
                .iter()
                .skip_while(|b| **b == 0)
                .copied()
                .collect::<Vec<_>>();
            out.set(
                js_string!("modulus"),
                JsString::from(hex_upper(&modulus, "").as_str()),
                false,
                cx,
            )?;
            out.set(js_string!("bits"), modulus.len() * 8, false, cx)?;
            let exponent = rsa
                .exponent
                .iter()
                .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
            out.set(
                js_string!("exponent"),
                JsString::from(format!("0x{exponent:x}").as_str()),
                false,
                cx,
            )?;
            let spki = uint8_array(cert.public_key().raw, cx)?;
            out.set(js_string!("pubkey"), spki, false, cx)?;
        }
        Ok(x509_parser::public_key::PublicKey::EC(point)) => {
            let curve = cert
                .public_key()
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string());
            let (bits, asn1, nist) = match curve.as_deref() {
                Some("1.2.840.10045.3.1.7") => (256, "prime256v1", "P-256"),
                Some("1.3.132.0.34") => (384, "secp384r1", "P-384"),
                Some("1.3.132.0.35") => (521, "secp521r1", "P-521"),
                _ => (point.key_size(), "", ""),
            };
            out.set(js_string!("bits"), bits, false, cx)?;
            let spki = uint8_array(point.data(), cx)?;
            out.set(js_string!("pubkey"), spki, false, cx)?;
            if !asn1.is_empty() {
                out.set(js_string!("asn1Curve"), JsString::from(asn1), false, cx)?;
                out.set(js_string!("nistCurve"), JsString::from(nist), false, cx)?;
            }
        }
        _ => {}
    }

    let validity = cert.validity();
    out.set(
        js_string!("valid_from"),
        JsString::from(asn1_time(&validity.not_before).as_str()),
        false,
        cx,
    )?;
    out.set(
        js_string!("valid_to"),
        JsString::from(asn1_time(&validity.not_after).as_str()),
        false,
        cx,
    )?;
    let sha1 = sha1::Sha1::digest(&der);
    let sha256 = sha2::Sha256::digest(&der);
    let sha512 = sha2::Sha512::digest(&der);
    out.set(
        js_string!("fingerprint"),
        JsString::from(hex_upper(&sha1, ":").as_str()),
        false,
        cx,
    )?;
    out.set(
        js_string!("fingerprint256"),
        JsString::from(hex_upper(&sha256, ":").as_str()),
        false,
        cx,
    )?;
    out.set(
        js_string!("fingerprint512"),
        JsString::from(hex_upper(&sha512, ":").as_str()),
        false,
        cx,
    )?;
    if !eku.is_empty() {
        let list = eku
            .iter()
            .map(|s| JsValue::from(JsString::from(s.as_str())))
            .collect::<Vec<_>>();
        let arr = JsArray::from_iter(list, cx);
        out.set(js_string!("ext_key_usage"), arr, false, cx)?;
    }
    let serial = cert.tbs_certificate.raw_serial();
    let serial = serial
        .iter()
        .skip_while(|b| **b == 0)
        .copied()
        .collect::<Vec<_>>();
    out.set(
        js_string!("serialNumber"),
        JsString::from(hex_upper(&serial, "").as_str()),
        false,
        cx,
    )?;
    Ok(out.into())
}
