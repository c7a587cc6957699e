//! `internalBinding('crypto')`: hashes, HMAC, key derivation and random bytes for `node:crypto`
//! and Web Crypto, on the RustCrypto crates and the OS's random source (`getrandom`).
//!
//! A `Hash` or `Hmac` object holds its running state itself (the ops make it, with the prototype
//! JS gives); `op_crypto_digest` consumes the state.
//! Key derivations run where `fs` runs its calls: on the JS thread for the `*Sync` forms, on the
//! disk pool for a callback or a promise (see [`run`]).
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_crypto_hashes` | | the names `getHashes()` lists |
//! | `op_crypto_hash_new` | name, outputLength?, proto? | a hash; null for no such digest, false for a length a fixed-length digest does not have |
//! | `op_crypto_hash_copy` | hash, outputLength?, proto? | a hash with a copy of the state |
//! | `op_crypto_hmac_new` | name, key, proto? | an HMAC (`ERR_CRYPTO_INVALID_DIGEST` for no such digest) |
//! | `op_crypto_finished` | hash | whether `digest()` was called |
//! | `op_crypto_update` | hash, data, encoding | 0; 1 after `digest()`; 2 after the stream's end digested it |
//! | `op_crypto_digest` | hash, encoding (-1: bytes), byCaller | an ArrayBuffer or a string; null after `digest()` |
//!
//! As in node, the digest a hash stream pushes at its end does not count as the caller's
//! `digest()`: that call still answers, with the same digest for a hash, an empty one for an HMAC.
//! | `op_crypto_pbkdf2` | password, salt, iterations, keylen, digest, req | an ArrayBuffer |
//! | `op_crypto_hkdf` | digest, key, salt, info, length, req | an ArrayBuffer |
//! | `op_crypto_scrypt` | password, salt, keylen, N, r, p, maxmem, req | an ArrayBuffer |
//! | `op_crypto_random_fill` | view, offset, size, req | undefined, once the bytes are there |
//! | `op_crypto_random_uuid` | cached | a version 4 UUID string |
//! | `op_crypto_timing_safe_equal` | a, b (same length) | whether they are equal |
//!
//! `data`, `key`, `password`, `salt` and `info` are a string (`data` with `encoding`, a number of
//! `internalBinding('buffer')`; the others UTF-8), an ArrayBuffer or a view of one.

use std::cell::RefCell;

use actors::Rights;
use actors::pool::FsError;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsData, JsObject, JsString, JsValue};
use boa_gc::{Finalize, Trace};
use digest::{DynDigest, ExtendableOutput, Update};
use hmac::{KeyInit, Mac};

use crate::node::buffer::{Encoding, array_buffer, decode, encode, with_bytes, with_bytes_mut};
use crate::node::fs::run;
use crate::ops::{Binding, ErrorClass, OpError, OpResult, arg, native_object};

pub(crate) static BINDING: Binding = Binding {
    name: "crypto",
    ops: &[
        ("op_crypto_hashes", op_crypto_hashes),
        ("op_crypto_hash_new", op_crypto_hash_new),
        ("op_crypto_hash_copy", op_crypto_hash_copy),
        ("op_crypto_hmac_new", op_crypto_hmac_new),
        ("op_crypto_finished", op_crypto_finished),
        ("op_crypto_update", op_crypto_update),
        ("op_crypto_digest", op_crypto_digest),
        ("op_crypto_pbkdf2", op_crypto_pbkdf2),
        ("op_crypto_hkdf", op_crypto_hkdf),
        ("op_crypto_scrypt", op_crypto_scrypt),
        ("op_crypto_random_fill", op_crypto_random_fill),
        ("op_crypto_random_uuid", op_crypto_random_uuid),
        ("op_crypto_timing_safe_equal", op_crypto_timing_safe_equal),
    ],
};

// ---- the digests ----

/// The digests there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Ripemd160,
    Shake128,
    Shake256,
}

use Algorithm::*;

/// Every name a digest is known by, compared without regard to case, as OpenSSL does; `true`
/// marks the spellings `getHashes()` lists (in node's order).
static NAMES: &[(&str, Algorithm, bool)] = &[
    ("RSA-MD5", Md5, true),
    ("RSA-RIPEMD160", Ripemd160, true),
    ("RSA-SHA1", Sha1, true),
    ("RSA-SHA1-2", Sha1, true),
    ("RSA-SHA224", Sha224, true),
    ("RSA-SHA256", Sha256, true),
    ("RSA-SHA3-224", Sha3_224, true),
    ("RSA-SHA3-256", Sha3_256, true),
    ("RSA-SHA3-384", Sha3_384, true),
    ("RSA-SHA3-512", Sha3_512, true),
    ("RSA-SHA384", Sha384, true),
    ("RSA-SHA512", Sha512, true),
    ("RSA-SHA512/224", Sha512_224, true),
    ("RSA-SHA512/256", Sha512_256, true),
    ("id-rsassa-pkcs1-v1_5-with-sha3-224", Sha3_224, true),
    ("id-rsassa-pkcs1-v1_5-with-sha3-256", Sha3_256, true),
    ("id-rsassa-pkcs1-v1_5-with-sha3-384", Sha3_384, true),
    ("id-rsassa-pkcs1-v1_5-with-sha3-512", Sha3_512, true),
    ("md5", Md5, true),
    ("md5WithRSAEncryption", Md5, true),
    ("ripemd", Ripemd160, true),
    ("ripemd160", Ripemd160, true),
    ("ripemd160WithRSA", Ripemd160, true),
    ("rmd160", Ripemd160, true),
    ("sha1", Sha1, true),
    ("sha1WithRSAEncryption", Sha1, true),
    ("sha224", Sha224, true),
    ("sha224WithRSAEncryption", Sha224, true),
    ("sha256", Sha256, true),
    ("sha256WithRSAEncryption", Sha256, true),
    ("sha3-224", Sha3_224, true),
    ("sha3-256", Sha3_256, true),
    ("sha3-384", Sha3_384, true),
    ("sha3-512", Sha3_512, true),
    ("sha384", Sha384, true),
    ("sha384WithRSAEncryption", Sha384, true),
    ("sha512", Sha512, true),
    ("sha512-224", Sha512_224, true),
    ("sha512-224WithRSAEncryption", Sha512_224, true),
    ("sha512-256", Sha512_256, true),
    ("sha512-256WithRSAEncryption", Sha512_256, true),
    ("sha512WithRSAEncryption", Sha512, true),
    ("shake128", Shake128, true),
    ("shake256", Shake256, true),
    ("ssl3-md5", Md5, true),
    ("ssl3-sha1", Sha1, true),
    // OpenSSL 3's own names, which it also accepts.
    ("ripemd-160", Ripemd160, false),
    ("sha-1", Sha1, false),
    ("sha-224", Sha224, false),
    ("sha2-224", Sha224, false),
    ("sha-256", Sha256, false),
    ("sha2-256", Sha256, false),
    ("sha-384", Sha384, false),
    ("sha2-384", Sha384, false),
    ("sha-512", Sha512, false),
    ("sha2-512", Sha512, false),
    ("sha-512/224", Sha512_224, false),
    ("sha2-512/224", Sha512_224, false),
    ("sha-512/256", Sha512_256, false),
    ("sha2-512/256", Sha512_256, false),
    ("shake-128", Shake128, false),
    ("shake-256", Shake256, false),
];

fn algorithm(name: &str) -> Option<Algorithm> {
    NAMES
        .iter()
        .find(|(n, _, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, a, _)| a)
}

/// Runs `$body` with `$D` naming the digest type of a fixed-length `$alg`, or `$xof` for an
/// extendable-output one.
macro_rules! with_digest {
    ($alg:expr, |$D:ident| $body:expr, xof => $xof:expr) => {
        match $alg {
            Md5 => {
                type $D = md5::Md5;
                $body
            }
            Sha1 => {
                type $D = sha1::Sha1;
                $body
            }
            Sha224 => {
                type $D = sha2::Sha224;
                $body
            }
            Sha256 => {
                type $D = sha2::Sha256;
                $body
            }
            Sha384 => {
                type $D = sha2::Sha384;
                $body
            }
            Sha512 => {
                type $D = sha2::Sha512;
                $body
            }
            Sha512_224 => {
                type $D = sha2::Sha512_224;
                $body
            }
            Sha512_256 => {
                type $D = sha2::Sha512_256;
                $body
            }
            Sha3_224 => {
                type $D = sha3::Sha3_224;
                $body
            }
            Sha3_256 => {
                type $D = sha3::Sha3_256;
                $body
            }
            Sha3_384 => {
                type $D = sha3::Sha3_384;
                $body
            }
            Sha3_512 => {
                type $D = sha3::Sha3_512;
                $body
            }
            Ripemd160 => {
                type $D = ripemd::Ripemd160;
                $body
            }
            Shake128 | Shake256 => $xof,
        }
    };
}

/// The length of a fixed-length digest; `None` for an XOF.
fn output_size(alg: Algorithm) -> Option<usize> {
    with_digest!(alg, |D| Some(<D as digest::OutputSizeUser>::output_size()), xof => None)
}

/// A digest whose name is in argument `i`, or `Invalid digest: <name>`.
fn fixed_digest(args: &[JsValue], i: usize, cx: &mut Context) -> Result<Algorithm, OpError> {
    let name = arg(args, i).to_string(cx)?.to_std_string_lossy();
    algorithm(&name)
        .filter(|&a| output_size(a).is_some())
        .ok_or_else(|| {
            OpError::node(
                ErrorClass::TypeError,
                "ERR_CRYPTO_INVALID_DIGEST",
                format!("Invalid digest: {name}"),
            )
        })
}

// ---- running hashes and MACs ----

/// An extendable-output function and the length it gives.
#[derive(Clone)]
enum Xof {
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
}

/// An HMAC over any digest.
trait MacState {
    fn update(&mut self, data: &[u8]);
    fn finalize(self: Box<Self>) -> Vec<u8>;
}

impl<M: Mac> MacState for M {
    fn update(&mut self, data: &[u8]) {
        Mac::update(self, data);
    }
    fn finalize(self: Box<Self>) -> Vec<u8> {
        Mac::finalize(*self).into_bytes().to_vec()
    }
}

enum Running {
    Hash(Box<dyn DynDigest>),
    Xof(Box<Xof>, usize),
    Mac(Box<dyn MacState>),
}

/// What a `Hash` or `Hmac` object holds: the running state, gone once digested; a hash's
/// digest, kept; and whether the caller's `digest()` was made.
#[derive(Trace, Finalize, JsData)]
struct Digester {
    #[unsafe_ignore_trace]
    running: Option<Running>,
    kept: Option<Vec<u8>>,
    finished: bool,
}

fn handle(value: &JsValue) -> Result<JsObject, OpError> {
    native_object::<Digester>(value, "hash handle")
}

/// A new object with `running` and the prototype in argument `i` (none if it is not an object).
fn new_handle(running: Running, args: &[JsValue], i: usize) -> JsValue {
    JsObject::from_proto_and_data(
        arg(args, i).as_object(),
        Digester {
            running: Some(running),
            kept: None,
            finished: false,
        },
    )
    .into()
}

/// The state of a new hash of `alg`; `None` when `output_length` asks a fixed-length digest for
/// another length, which OpenSSL does not support. An XOF without a length gives node's default:
/// the security strength's worth of bytes.
fn start_hash(alg: Algorithm, output_length: Option<usize>) -> Option<Running> {
    with_digest!(alg, |D| {
        match output_length {
            Some(n) if n != <D as digest::OutputSizeUser>::output_size() => None,
            _ => Some(Running::Hash(Box::new(D::default()))),
        }
    }, xof => {
        Some(if alg == Shake128 {
            Running::Xof(Box::new(Xof::Shake128(Default::default())), output_length.unwrap_or(16))
        } else {
            Running::Xof(Box::new(Xof::Shake256(Default::default())), output_length.unwrap_or(32))
        })
    })
}

fn output_length(args: &[JsValue], i: usize) -> Option<usize> {
    arg(args, i).as_number().map(|n| n as usize)
}

fn op_crypto_hashes(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let names = NAMES
        .iter()
        .filter(|(_, _, listed)| *listed)
        .map(|(n, _, _)| JsValue::from(JsString::from(*n)));
    Ok(JsArray::from_iter(names, cx).into())
}

fn op_crypto_hash_new(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let name = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    let Some(alg) = algorithm(&name) else {
        return Ok(JsValue::null());
    };
    Ok(start_hash(alg, output_length(args, 1))
        .map(|r| new_handle(r, args, 2))
        .unwrap_or(JsValue::from(false)))
}

fn op_crypto_hash_copy(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let from = handle(&arg(args, 0))?;
    let state = from
        .downcast_ref::<Digester>()
        .ok_or_else(|| OpError::invalid_arg("hash handle"))?;
    let copy = match &state.running {
        Some(Running::Hash(h)) => Running::Hash(h.box_clone()),
        // As in node, a copy without a length has the default one, not the original's.
        Some(Running::Xof(x, _)) => {
            let default = if matches!(**x, Xof::Shake128(_)) {
                16
            } else {
                32
            };
            Running::Xof(x.clone(), output_length(args, 1).unwrap_or(default))
        }
        _ => return Err(OpError::invalid_arg("hash handle")),
    };
    Ok(new_handle(copy, args, 2))
}

fn op_crypto_hmac_new(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let alg = fixed_digest(args, 0, cx)?;
    let key = bytes_of(&arg(args, 1), Encoding::Utf8, cx)?;
    let mac: Box<dyn MacState> = with_digest!(alg, |D| {
        Box::new(hmac::Hmac::<D>::new_from_slice(&key).expect("HMAC takes keys of any length"))
    }, xof => unreachable!("fixed_digest gives fixed-length digests"));
    Ok(new_handle(Running::Mac(mac), args, 2))
}

/// The bytes of a string (in `enc`) or of a buffer.
fn bytes_of(value: &JsValue, enc: Encoding, cx: &mut Context) -> Result<Vec<u8>, OpError> {
    match value.as_string() {
        Some(s) => Ok(encode(&s, enc)),
        None => with_bytes(value, cx, <[u8]>::to_vec),
    }
}

fn op_crypto_finished(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let obj = handle(&arg(args, 0))?;
    let state = obj
        .downcast_ref::<Digester>()
        .ok_or_else(|| OpError::invalid_arg("hash handle"))?;
    Ok(JsValue::from(state.finished))
}

fn op_crypto_update(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = handle(&arg(args, 0))?;
    let data = arg(args, 1);
    let mut state = obj
        .downcast_mut::<Digester>()
        .ok_or_else(|| OpError::invalid_arg("hash handle"))?;
    if state.finished {
        return Ok(JsValue::from(1));
    }
    let Some(running) = state.running.as_mut() else {
        return Ok(JsValue::from(2));
    };
    let mut feed = |bytes: &[u8]| match running {
        Running::Hash(h) => h.update(bytes),
        Running::Xof(x, _) => match x.as_mut() {
            Xof::Shake128(x) => x.update(bytes),
            Xof::Shake256(x) => x.update(bytes),
        },
        Running::Mac(m) => m.update(bytes),
    };
    match data.as_string() {
        Some(s) => feed(&encode(&s, Encoding::from_value(&arg(args, 2))?)),
        // A buffer is hashed where it lies (finding its bytes runs no JS).
        None => with_bytes(&data, cx, feed)?,
    }
    Ok(JsValue::from(0))
}

fn op_crypto_digest(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = handle(&arg(args, 0))?;
    let out = {
        let mut state = obj
            .downcast_mut::<Digester>()
            .ok_or_else(|| OpError::invalid_arg("hash handle"))?;
        let by_caller = arg(args, 2).to_boolean();
        if by_caller {
            if state.finished {
                return Ok(JsValue::null());
            }
            state.finished = true;
        }
        match state.running.take() {
            Some(Running::Hash(h)) => state.kept.insert(h.finalize().into_vec()).clone(),
            Some(Running::Xof(x, len)) => state
                .kept
                .insert(match *x {
                    Xof::Shake128(x) => xof_output(x, len),
                    Xof::Shake256(x) => xof_output(x, len),
                })
                .clone(),
            Some(Running::Mac(m)) => m.finalize(),
            None => state.kept.clone().unwrap_or_default(),
        }
    };
    bytes_out(&out, &arg(args, 1), cx)
}

fn xof_output(x: impl ExtendableOutput, len: usize) -> Vec<u8> {
    let mut out = vec![0; len];
    x.finalize_xof_into(&mut out);
    out
}

/// `bytes` as an ArrayBuffer (encoding -1) or as a string in the encoding.
fn bytes_out(bytes: &[u8], enc: &JsValue, cx: &mut Context) -> OpResult {
    if enc.as_number() == Some(-1.0) {
        return Ok(array_buffer(bytes, cx)?.into());
    }
    Ok(decode(bytes, Encoding::from_value(enc)?).into())
}

// ---- key derivation ----

fn derived(bytes: Vec<u8>, cx: &mut Context) -> OpResult {
    Ok(array_buffer(&bytes, cx)?.into())
}

fn uint(args: &[JsValue], i: usize) -> u64 {
    arg(args, i).as_number().unwrap_or(0.0).max(0.0) as u64
}

fn op_crypto_pbkdf2(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let password = bytes_of(&arg(args, 0), Encoding::Utf8, cx)?;
    let salt = bytes_of(&arg(args, 1), Encoding::Utf8, cx)?;
    let rounds = uint(args, 2) as u32;
    let keylen = uint(args, 3) as usize;
    let alg = fixed_digest(args, 4, cx)?;
    run(
        &arg(args, 5),
        Rights::NONE,
        move || {
            let mut out = vec![0; keylen];
            with_digest!(alg, |D| pbkdf2::pbkdf2_hmac::<D>(&password, &salt, rounds, &mut out),
                xof => unreachable!("fixed_digest gives fixed-length digests"));
            Ok(out)
        },
        derived,
        cx,
    )
}

fn op_crypto_hkdf(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let alg = fixed_digest(args, 0, cx)?;
    let key = bytes_of(&arg(args, 1), Encoding::Utf8, cx)?;
    let salt = bytes_of(&arg(args, 2), Encoding::Utf8, cx)?;
    let info = bytes_of(&arg(args, 3), Encoding::Utf8, cx)?;
    let length = uint(args, 4) as usize;
    if output_size(alg).is_some_and(|n| length > 255 * n) {
        return Err(OpError::node(
            ErrorClass::RangeError,
            "ERR_CRYPTO_INVALID_KEYLEN",
            "Invalid key length",
        ));
    }
    run(
        &arg(args, 5),
        Rights::NONE,
        move || {
            let mut out = vec![0; length];
            with_digest!(alg, |D| {
                hkdf::Hkdf::<D>::new(Some(&salt), &key)
                    .expand(&info, &mut out)
                    .expect("the length was checked");
            }, xof => unreachable!("fixed_digest gives fixed-length digests"));
            Ok(out)
        },
        derived,
        cx,
    )
}

/// OpenSSL's checks of scrypt's parameters (`EVP_PBE_scrypt_ex`): `Err(None)` for values scrypt
/// does not take, `Err(Some(reason))` for ones that need too much memory.
fn check_scrypt(n: u64, r: u64, p: u64, maxmem: u64) -> Result<(), Option<&'static str>> {
    const PR_MAX: u64 = (1 << 30) - 1;
    const TOO_MUCH: Option<&str> =
        Some("error:030000AC:digital envelope routines::memory limit exceeded");
    if r == 0 || p == 0 || n < 2 || n & (n - 1) != 0 {
        return Err(None);
    }
    if p > PR_MAX / r {
        return Err(TOO_MUCH);
    }
    if 16 * r <= 63 && n >= 1 << (16 * r) {
        return Err(TOO_MUCH);
    }
    let b_len = p * 128 * r;
    if b_len > i32::MAX as u64 {
        return Err(TOO_MUCH);
    }
    if n + 2 > u64::MAX / (32 * 4) / r {
        return Err(TOO_MUCH);
    }
    let v_len = 32 * r * (n + 2) * 4;
    if b_len > u64::MAX - v_len || b_len + v_len > maxmem {
        return Err(TOO_MUCH);
    }
    Ok(())
}

fn op_crypto_scrypt(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let password = bytes_of(&arg(args, 0), Encoding::Utf8, cx)?;
    let salt = bytes_of(&arg(args, 1), Encoding::Utf8, cx)?;
    let keylen = uint(args, 2) as usize;
    let (n, r, p, maxmem) = (uint(args, 3), uint(args, 4), uint(args, 5), uint(args, 6));
    let invalid = |reason: Option<&str>| {
        OpError::node(
            ErrorClass::RangeError,
            "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
            match reason {
                Some(why) => format!("Invalid scrypt params: {why}"),
                None => "Invalid scrypt params".to_owned(),
            },
        )
    };
    check_scrypt(n, r, p, maxmem).map_err(invalid)?;
    let params = scrypt::Params::new(n.trailing_zeros() as u8, r as u32, p as u32)
        .map_err(|_| invalid(None))?;
    run(
        &arg(args, 7),
        Rights::NONE,
        move || {
            let mut out = vec![0; keylen];
            if keylen > 0 {
                scrypt::scrypt(&password, &salt, &params, &mut out)
                    .map_err(|_| FsError::errno("scrypt", libc::EINVAL))?;
            }
            Ok(out)
        },
        derived,
        cx,
    )
}

// ---- random bytes ----

fn random_error(e: getrandom::Error) -> FsError {
    FsError::errno("getrandom", e.raw_os_error().unwrap_or(libc::EIO))
}

fn op_crypto_random_fill(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let target = arg(args, 0);
    let offset = uint(args, 1) as usize;
    let size = uint(args, 2) as usize;
    let req = arg(args, 3);
    if req.is_undefined() {
        with_bytes_mut(&target, cx, |bytes| {
            let end = (offset + size).min(bytes.len());
            getrandom::fill(&mut bytes[offset.min(end)..end])
        })?
        .map_err(random_error)?;
        return Ok(JsValue::undefined());
    }
    // Made on the pool, like node's job on its thread pool, and copied in when they arrive.
    run(
        &req,
        Rights::NONE,
        move || {
            let mut out = vec![0; size];
            getrandom::fill(&mut out).map_err(random_error)?;
            Ok(out)
        },
        move |random: Vec<u8>, cx| {
            with_bytes_mut(&target, cx, |bytes| {
                let end = (offset + random.len()).min(bytes.len());
                let n = end.saturating_sub(offset);
                bytes[offset..end].copy_from_slice(&random[..n]);
            })?;
            Ok(JsValue::undefined())
        },
        cx,
    )
}

/// How many UUIDs' worth of random bytes are fetched at once, as node does.
const UUID_BATCH: usize = 128;

thread_local! {
    static UUID_CACHE: RefCell<(Vec<u8>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

fn op_crypto_random_uuid(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let mut b = [0u8; 16];
    if arg(args, 0).to_boolean() {
        UUID_CACHE.with_borrow_mut(|(cache, used)| {
            if *used == cache.len() {
                cache.resize(16 * UUID_BATCH, 0);
                getrandom::fill(cache).map_err(random_error)?;
                *used = 0;
            }
            b.copy_from_slice(&cache[*used..*used + 16]);
            *used += 16;
            Ok::<_, FsError>(())
        })?;
    } else {
        getrandom::fill(&mut b).map_err(random_error)?;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push(b'-');
        }
        out.push(HEX[(byte >> 4) as usize]);
        out.push(HEX[(byte & 15) as usize]);
    }
    Ok(decode(&out, Encoding::Latin1).into())
}

fn op_crypto_timing_safe_equal(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let a = with_bytes(&arg(args, 0), cx, <[u8]>::to_vec)?;
    let equal = with_bytes(&arg(args, 1), cx, |b| {
        // Every byte is looked at, whatever the first difference.
        let diff = a
            .iter()
            .zip(b)
            .fold(0u8, |acc, (x, y)| acc | std::hint::black_box(x ^ y));
        a.len() == b.len() && diff == 0
    })?;
    Ok(JsValue::from(equal))
}
