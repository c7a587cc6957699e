//! `internalBinding('buffer')`: encoding, decoding and searching bytes for `Buffer`, natively.
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/buffer.html>.
//!
//! The JS side normalises encoding names and validates arguments; these ops take an encoding as
//! a small integer ([`Encoding`]) and work on the bytes of a `Uint8Array` in place, without
//! copying them out.

use base64::Engine as _;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose};
use boa_engine::builtins::array_buffer::ArrayBuffer;
use boa_engine::object::builtins::{
    AlignedVec, JsArray, JsArrayBuffer, JsSharedArrayBuffer, JsTypedArray, JsUint8Array,
};
use boa_engine::string::JsStrVariant;
use boa_engine::{Context, JsObject, JsStr, JsString, JsValue};

use crate::ops::{Binding, OpError, OpResult, arg};

/// Encodings, numbered as the JS side passes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8 = 0,
    /// UTF-16 little endian (`ucs2`).
    Utf16Le = 1,
    /// Latin-1 (`binary`).
    Latin1 = 2,
    /// ASCII: Latin-1 when encoding, the high bit dropped when decoding.
    Ascii = 3,
    /// Base64 (decoding also accepts the URL alphabet, as Node does).
    Base64 = 4,
    /// Base64 with the URL alphabet and no padding.
    Base64Url = 5,
    /// Hexadecimal.
    Hex = 6,
}

impl Encoding {
    pub(crate) fn from_value(v: &JsValue) -> Result<Encoding, OpError> {
        Ok(match v.as_number().unwrap_or(0.0) as u32 {
            0 => Encoding::Utf8,
            1 => Encoding::Utf16Le,
            2 => Encoding::Latin1,
            3 => Encoding::Ascii,
            4 => Encoding::Base64,
            5 => Encoding::Base64Url,
            6 => Encoding::Hex,
            _ => return Err(OpError::invalid_arg("encoding")),
        })
    }
}

pub(crate) static BINDING: Binding = Binding {
    name: "buffer",
    ops: &[
        ("op_buffer_byte_length", op_buffer_byte_length),
        ("op_buffer_from_string", op_buffer_from_string),
        ("op_buffer_write", op_buffer_write),
        ("op_buffer_to_string", op_buffer_to_string),
        ("op_buffer_compare", op_buffer_compare),
        ("op_buffer_index_of", op_buffer_index_of),
        ("op_buffer_fill", op_buffer_fill),
        ("op_buffer_is_utf8", op_buffer_is_utf8),
        ("op_buffer_is_ascii", op_buffer_is_ascii),
        ("op_buffer_atob", op_buffer_atob),
        ("op_buffer_btoa", op_buffer_btoa),
        ("op_buffer_concat", op_buffer_concat),
        ("op_buffer_account", op_buffer_account),
    ],
};

fn num(args: &[JsValue], i: usize, default: f64) -> f64 {
    args.get(i).and_then(JsValue::as_number).unwrap_or(default)
}

fn js_string(args: &[JsValue], i: usize) -> Result<JsString, OpError> {
    arg(args, i)
        .as_string()
        .ok_or_else(|| OpError::invalid_arg("string"))
}

/// Runs `f` on the bytes of a typed array (or an ArrayBuffer).
pub fn with_bytes<T>(
    value: &JsValue,
    cx: &mut Context,
    f: impl FnOnce(&[u8]) -> T,
) -> Result<T, OpError> {
    let obj = value
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("bytes"))?;
    let (buffer, offset, len) = match view(&obj, cx) {
        Ok(v) => v,
        Err(e) => match shared_bytes(&obj, cx)? {
            Some(copy) => return Ok(f(&copy)),
            None => return Err(e),
        },
    };
    let data = buffer
        .data()
        .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
    let end = (offset + len).min(data.len());
    Ok(f(&data[offset.min(end)..end]))
}

/// The bytes of a SharedArrayBuffer or of a view of one, copied: the engine lends no slice of
/// shared memory. `None` for anything else.
fn shared_bytes(obj: &JsObject, cx: &mut Context) -> Result<Option<Vec<u8>>, OpError> {
    let (buffer, range) = if let Ok(ta) = JsTypedArray::from_object(obj.clone()) {
        let offset = ta.byte_offset(cx)?;
        let len = ta.byte_length(cx)?;
        (ta.buffer(cx)?, Some((offset, len)))
    } else if let Ok(dv) = boa_engine::object::builtins::JsDataView::from_object(obj.clone()) {
        let offset = dv.byte_offset(cx)? as usize;
        let len = dv.byte_length(cx)? as usize;
        (dv.buffer(cx)?, Some((offset, len)))
    } else {
        (obj.clone().into(), None)
    };
    let Some(shared) = buffer
        .as_object()
        .and_then(|b| JsSharedArrayBuffer::from_object(b).ok())
    else {
        return Ok(None);
    };
    let all = shared.to_vec();
    Ok(Some(match range {
        Some((offset, len)) => {
            let end = (offset + len).min(all.len());
            all[offset.min(end)..end].to_vec()
        }
        None => all,
    }))
}

/// A range of a JS buffer's bytes lent to another thread for one call: their address and
/// length. Only fixed-length ArrayBuffers lend: their store can neither move nor be freed while
/// the buffer is alive (the engine is built without `transfer`, the one way JS could detach
/// one), and the lender keeps the buffer alive until the call has answered.
pub(crate) struct Lent {
    ptr: *const u8,
    len: usize,
}

// SAFETY: a `Lent` is an address of memory that stays allocated while the lender holds the
// buffer (above); the borrowing thread hands it to the kernel and makes no Rust reference to it.
unsafe impl Send for Lent {}

impl Lent {
    /// The address and the length.
    pub(crate) fn parts(&self) -> (*const u8, usize) {
        (self.ptr, self.len)
    }
}

/// Lends the range `pick` chooses of `value`'s bytes (a typed array, DataView or ArrayBuffer),
/// or `None` when they cannot be lent (a resizable, shared or detached buffer): the caller
/// copies them then.
pub(crate) fn lend(
    value: &JsValue,
    cx: &mut Context,
    pick: impl FnOnce(&[u8]) -> (usize, usize),
) -> Result<Option<Lent>, OpError> {
    let obj = value
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("bytes"))?;
    let Ok((buffer, offset, len)) = view(&obj, cx) else {
        return Ok(None);
    };
    let buffer = JsObject::from(buffer);
    let Some(mut ab) = buffer.downcast_mut::<ArrayBuffer>() else {
        return Ok(None);
    };
    let Some(size) = ab.data().map(<[u8]>::len) else {
        return Ok(None);
    };
    // `resize` refuses a fixed-length buffer, changing nothing; a resizable one it "resizes"
    // to its own length, which moves nothing either.
    if ab.resize(size as u64).is_ok() {
        return Ok(None);
    }
    let data = ab.data().unwrap_or_default();
    let end = (offset + len).min(data.len());
    let bytes = &data[offset.min(end)..end];
    let (start, end) = pick(bytes);
    let lent = &bytes[start..end];
    Ok(Some(Lent {
        ptr: lent.as_ptr(),
        len: lent.len(),
    }))
}

/// Runs `f` on the bytes of a typed array, mutably.
pub fn with_bytes_mut<T>(
    value: &JsValue,
    cx: &mut Context,
    f: impl FnOnce(&mut [u8]) -> T,
) -> Result<T, OpError> {
    let obj = value
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("bytes"))?;
    let (buffer, offset, len) = view(&obj, cx)?;
    let mut data = buffer
        .data_mut()
        .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
    let end = (offset + len).min(data.len());
    Ok(f(&mut data[offset.min(end)..end]))
}

fn view(obj: &JsObject, cx: &mut Context) -> Result<(JsArrayBuffer, usize, usize), OpError> {
    if let Ok(ta) = JsTypedArray::from_object(obj.clone()) {
        let offset = ta.byte_offset(cx)?;
        let len = ta.byte_length(cx)?;
        let buffer = ta
            .buffer(cx)?
            .as_object()
            .ok_or_else(|| OpError::invalid_arg("typed array without buffer"))?;
        return Ok((JsArrayBuffer::from_object(buffer)?, offset, len));
    }
    if let Ok(dv) = boa_engine::object::builtins::JsDataView::from_object(obj.clone()) {
        let offset = dv.byte_offset(cx)? as usize;
        let len = dv.byte_length(cx)? as usize;
        let buffer = dv
            .buffer(cx)?
            .as_object()
            .ok_or_else(|| OpError::invalid_arg("data view without buffer"))?;
        return Ok((JsArrayBuffer::from_object(buffer)?, offset, len));
    }
    let ab = JsArrayBuffer::from_object(obj.clone())?;
    let len = ab.byte_length();
    Ok((ab, 0, len))
}

/// UTF-8 of a JS string; unpaired surrogates become U+FFFD, as in Node.
fn utf8_of(s: &JsString) -> Vec<u8> {
    match s.as_str().variant() {
        JsStrVariant::Latin1(bytes) => {
            if bytes.is_ascii() {
                return bytes.to_vec();
            }
            let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
            for &b in bytes {
                let mut tmp = [0u8; 4];
                out.extend_from_slice(char::from(b).encode_utf8(&mut tmp).as_bytes());
            }
            out
        }
        JsStrVariant::Utf16(units) => String::from_utf16_lossy(units).into_bytes(),
    }
}

/// The string's code units (one byte each for Latin-1 storage).
fn units(s: &JsString) -> Vec<u16> {
    match s.as_str().variant() {
        JsStrVariant::Latin1(bytes) => bytes.iter().map(|&b| b as u16).collect(),
        JsStrVariant::Utf16(units) => units.to_vec(),
    }
}

/// Node's base64 decoding: both alphabets, whitespace and other junk skipped, stops at the first
/// `=`, and a trailing partial group decoded as far as it goes.
fn base64_decode(input: &[u16]) -> Vec<u8> {
    let mut clean = Vec::with_capacity(input.len());
    for &u in input {
        let c = match u {
            0x2d => b'+',  // '-'
            0x5f => b'/',  // '_'
            0x3d => break, // '='
            u if u < 128 && (u as u8).is_ascii_alphanumeric() || u == 0x2b || u == 0x2f => u as u8,
            _ => continue,
        };
        clean.push(c);
    }
    // A lone trailing character carries no full byte.
    if clean.len() % 4 == 1 {
        clean.pop();
    }
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::RequireNone)
            .with_decode_allow_trailing_bits(true),
    );
    LENIENT.decode(&clean).unwrap_or_default()
}

fn hex_value(u: u16) -> Option<u8> {
    match u {
        0x30..=0x39 => Some((u - 0x30) as u8),
        0x41..=0x46 => Some((u - 0x41 + 10) as u8),
        0x61..=0x66 => Some((u - 0x61 + 10) as u8),
        _ => None,
    }
}

/// Node's hex decoding: pairs of digits until the first invalid pair.
fn hex_decode(input: &[u16]) -> Vec<u8> {
    input
        .chunks_exact(2)
        .map_while(|p| Some(hex_value(p[0])? << 4 | hex_value(p[1])?))
        .collect()
}

/// The bytes of `s` in `enc`.
pub(crate) fn encode(s: &JsString, enc: Encoding) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => utf8_of(s),
        Encoding::Utf16Le => units(s).iter().flat_map(|u| u.to_le_bytes()).collect(),
        Encoding::Latin1 | Encoding::Ascii => match s.as_str().variant() {
            JsStrVariant::Latin1(bytes) => bytes.to_vec(),
            JsStrVariant::Utf16(units) => units.iter().map(|&u| u as u8).collect(),
        },
        Encoding::Base64 | Encoding::Base64Url => base64_decode(&units(s)),
        Encoding::Hex => hex_decode(&units(s)),
    }
}

fn byte_length(s: &JsString, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => match s.as_str().variant() {
            JsStrVariant::Latin1(bytes) => {
                bytes.len() + bytes.iter().filter(|&&b| b >= 0x80).count()
            }
            JsStrVariant::Utf16(units) => {
                let mut n = 0;
                let mut i = 0;
                while i < units.len() {
                    let u = units[i];
                    n += match u {
                        0..=0x7f => 1,
                        0x80..=0x7ff => 2,
                        0xd800..=0xdbff
                            if i + 1 < units.len() && (0xdc00..=0xdfff).contains(&units[i + 1]) =>
                        {
                            i += 1;
                            4
                        }
                        _ => 3,
                    };
                    i += 1;
                }
                n
            }
        },
        Encoding::Utf16Le => s.len() * 2,
        Encoding::Latin1 | Encoding::Ascii => s.len(),
        // Node computes these from the length, before decoding.
        Encoding::Base64 | Encoding::Base64Url => {
            let u = units(s);
            let mut len = u.len();
            if len > 0 && u[len - 1] == 0x3d {
                len -= 1;
            }
            if len > 1 && u[len - 1] == 0x3d {
                len -= 1;
            }
            len * 3 / 4
        }
        Encoding::Hex => s.len() / 2,
    }
}

/// `op_buffer_byte_length(string, encoding)`.
fn op_buffer_byte_length(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let s = js_string(args, 0)?;
    let enc = Encoding::from_value(&arg(args, 1))?;
    Ok(JsValue::from(byte_length(&s, enc) as f64))
}

/// `op_buffer_concat(list, target)`: copies the `Uint8Array`s of `list` one after another into
/// `target` (as far as it has room) and returns the bytes copied; with no target, returns their
/// total length. `-(i + 1)` when `list[i]` is not a `Uint8Array`: the glue then takes node's
/// slower path, which fails the way node does. One call instead of several property reads per
/// chunk, which dominate `Buffer.concat` of many small buffers in the engine.
fn op_buffer_concat(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(list) = arg(args, 0)
        .as_object()
        .and_then(|o| JsArray::from_object(o.clone()).ok())
    else {
        return Ok(JsValue::from(-1));
    };
    let target = match arg(args, 1).as_object() {
        Some(t) => Some(view(&t, cx)?),
        None => None,
    };
    let mut pos = 0usize;
    for i in 0..list.length(cx)? {
        let item = list.get(i, cx)?;
        let Some(obj) = item
            .as_object()
            .filter(|o| JsUint8Array::from_object(o.clone()).is_ok())
        else {
            return Ok(JsValue::from(-(i as f64) - 1.0));
        };
        let (source, offset, len) = view(&obj, cx)?;
        let Some((dest, dest_offset, dest_len)) = &target else {
            pos += len;
            continue;
        };
        let n = len.min(dest_len - pos);
        if n == 0 {
            continue;
        }
        let at = dest_offset + pos;
        if JsObject::equals(&source, dest) {
            // Pooled buffers share one ArrayBuffer with the target.
            let mut data = dest
                .data_mut()
                .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
            data.copy_within(offset..offset + n, at);
        } else {
            let from = source
                .data()
                .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
            let mut to = dest
                .data_mut()
                .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
            to[at..at + n].copy_from_slice(&from[offset..offset + n]);
        }
        pos += n;
    }
    Ok(JsValue::from(pos as f64))
}

/// `op_buffer_account(bytes)`: counts buffer memory the glue allocated (see
/// [`account_external`](crate::buffers::account_external)).
fn op_buffer_account(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    crate::buffers::account_external(num(args, 0, 0.0).max(0.0) as usize);
    Ok(JsValue::undefined())
}

/// An ArrayBuffer holding `bytes`, counted as external memory.
pub fn array_buffer(bytes: &[u8], cx: &mut Context) -> Result<JsArrayBuffer, OpError> {
    Ok(crate::buffers::adopt_array_buffer(
        AlignedVec::from_slice(64, bytes),
        cx,
    )?)
}

/// `op_buffer_from_string(string, encoding)` → an ArrayBuffer with the encoded bytes.
fn op_buffer_from_string(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let s = js_string(args, 0)?;
    let enc = Encoding::from_value(&arg(args, 1))?;
    let bytes = encode(&s, enc);
    Ok(array_buffer(&bytes, cx)?.into())
}

/// `op_buffer_write(target, string, offset, length, encoding)` → bytes written. UTF-8 and UTF-16
/// never write a partial character.
fn op_buffer_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let s = js_string(args, 1)?;
    let offset = num(args, 2, 0.0) as usize;
    let max = num(args, 3, f64::MAX) as usize;
    let enc = Encoding::from_value(&arg(args, 4))?;
    let bytes = encode(&s, enc);
    let written = with_bytes_mut(&arg(args, 0), cx, |target| {
        let room = target.len().saturating_sub(offset).min(max);
        let mut n = bytes.len().min(room);
        match enc {
            Encoding::Utf8 => {
                // Back off to a character boundary.
                while n < bytes.len() && n > 0 && bytes[n] & 0xc0 == 0x80 {
                    n -= 1;
                }
            }
            Encoding::Utf16Le => n -= n % 2,
            _ => {}
        }
        target[offset..offset + n].copy_from_slice(&bytes[..n]);
        n
    })?;
    Ok(JsValue::from(written as f64))
}

/// A JS string from Latin-1 bytes.
fn latin1_string(bytes: &[u8]) -> JsString {
    JsString::from(JsStr::latin1(bytes))
}

/// Decodes bytes.
pub fn decode(bytes: &[u8], enc: Encoding) -> JsString {
    match enc {
        Encoding::Utf8 => {
            if bytes.is_ascii() {
                return latin1_string(bytes);
            }
            JsString::from(String::from_utf8_lossy(bytes).as_ref())
        }
        Encoding::Utf16Le => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            JsString::from(&units[..])
        }
        Encoding::Latin1 => latin1_string(bytes),
        Encoding::Ascii => {
            let masked: Vec<u8> = bytes.iter().map(|b| b & 0x7f).collect();
            latin1_string(&masked)
        }
        Encoding::Base64 => latin1_string(general_purpose::STANDARD.encode(bytes).as_bytes()),
        Encoding::Base64Url => {
            latin1_string(general_purpose::URL_SAFE_NO_PAD.encode(bytes).as_bytes())
        }
        Encoding::Hex => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            let mut out = Vec::with_capacity(bytes.len() * 2);
            for b in bytes {
                out.push(DIGITS[(b >> 4) as usize]);
                out.push(DIGITS[(b & 15) as usize]);
            }
            latin1_string(&out)
        }
    }
}

/// `op_buffer_to_string(source, encoding, start, end)`.
fn op_buffer_to_string(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let enc = Encoding::from_value(&arg(args, 1))?;
    let start = num(args, 2, 0.0) as usize;
    let end = num(args, 3, f64::MAX);
    let s = with_bytes(&arg(args, 0), cx, |b| {
        let end = (end as usize).min(b.len());
        decode(&b[start.min(end)..end], enc)
    })?;
    Ok(s.into())
}

/// `op_buffer_compare(a, aStart, aEnd, b, bStart, bEnd)` → -1, 0 or 1.
fn op_buffer_compare(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let a = with_bytes(&arg(args, 0), cx, |b| b.to_vec())?;
    let (a0, a1) = (
        num(args, 1, 0.0) as usize,
        num(args, 2, a.len() as f64) as usize,
    );
    let ord = with_bytes(&arg(args, 3), cx, |b| {
        let (b0, b1) = (
            num(args, 4, 0.0) as usize,
            num(args, 5, b.len() as f64) as usize,
        );
        let x = &a[a0.min(a.len())..a1.min(a.len()).max(a0.min(a.len()))];
        let y = &b[b0.min(b.len())..b1.min(b.len()).max(b0.min(b.len()))];
        x.cmp(y)
    })?;
    Ok(JsValue::from(ord as i32))
}

/// The needle of an indexOf/fill: bytes of a string in an encoding, of a buffer, or one byte.
fn needle_bytes(value: &JsValue, enc: Encoding, cx: &mut Context) -> Result<Vec<u8>, OpError> {
    if let Some(s) = value.as_string() {
        return Ok(encode(&s, enc));
    }
    if let Some(n) = value.as_number() {
        return Ok(vec![(n as i64 & 255) as u8]);
    }
    with_bytes(value, cx, |b| b.to_vec())
}

/// `op_buffer_index_of(haystack, needle, byteOffset, encoding, forward)` → index or -1.
fn op_buffer_index_of(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let enc = Encoding::from_value(&arg(args, 3))?;
    let needle = needle_bytes(&arg(args, 1), enc, cx)?;
    let offset = num(args, 2, 0.0);
    let forward = arg(args, 4).to_boolean();
    let idx = with_bytes(&arg(args, 0), cx, |hay| {
        let len = hay.len() as i64;
        let mut start = offset as i64;
        if start < 0 {
            start += len;
        }
        if needle.is_empty() {
            return start.clamp(0, len);
        }
        if forward {
            let start = start.max(0) as usize;
            if start >= hay.len() {
                return -1;
            }
            find(&hay[start..], &needle).map_or(-1, |i| (i + start) as i64)
        } else {
            if start < 0 {
                return -1;
            }
            let last_start = (start as usize).min(hay.len().saturating_sub(needle.len()));
            if needle.len() > hay.len() {
                return -1;
            }
            (0..=last_start)
                .rev()
                .find(|&i| hay[i..i + needle.len()] == needle[..])
                .map_or(-1, |i| i as i64)
        }
    })?;
    Ok(JsValue::from(idx as f64))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `op_buffer_fill(target, value, start, end, encoding)` → -1 if the value encodes to nothing
/// (the JS side raises Node's error), else 0.
fn op_buffer_fill(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let enc = Encoding::from_value(&arg(args, 4))?;
    let pattern = needle_bytes(&arg(args, 1), enc, cx)?;
    if pattern.is_empty() {
        return Ok(JsValue::from(-1));
    }
    let start = num(args, 2, 0.0) as usize;
    let end = num(args, 3, f64::MAX);
    with_bytes_mut(&arg(args, 0), cx, |t| {
        let end = (end as usize).min(t.len());
        let target = &mut t[start.min(end)..end];
        if let [byte] = pattern[..] {
            target.fill(byte);
            return;
        }
        for chunk in target.chunks_mut(pattern.len()) {
            chunk.copy_from_slice(&pattern[..chunk.len()]);
        }
    })?;
    Ok(JsValue::from(0))
}

fn op_buffer_is_utf8(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    Ok(JsValue::from(with_bytes(&arg(args, 0), cx, |b| {
        std::str::from_utf8(b).is_ok()
    })?))
}

fn op_buffer_is_ascii(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    Ok(JsValue::from(with_bytes(&arg(args, 0), cx, |b| {
        b.is_ascii()
    })?))
}

/// `atob(data)`: the forgiving-base64 decode of the HTML spec; `null` when the input is invalid
/// (the JS side throws the DOMException).
fn op_buffer_atob(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let s = js_string(args, 0)?;
    let mut data: Vec<u8> = Vec::with_capacity(s.len());
    for u in units(&s) {
        if matches!(u, 0x09 | 0x0a | 0x0c | 0x0d | 0x20) {
            continue;
        }
        if u > 0x7f {
            return Ok(JsValue::null());
        }
        data.push(u as u8);
    }
    if data.len().is_multiple_of(4) {
        if data.ends_with(b"==") {
            data.truncate(data.len() - 2);
        } else if data.ends_with(b"=") {
            data.truncate(data.len() - 1);
        }
    }
    if data.len() % 4 == 1
        || !data
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
    {
        return Ok(JsValue::null());
    }
    const FORGIVING: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::RequireNone)
            .with_decode_allow_trailing_bits(true),
    );
    match FORGIVING.decode(&data) {
        Ok(bytes) => Ok(latin1_string(&bytes).into()),
        Err(_) => Ok(JsValue::null()),
    }
}

/// `btoa(data)`: base64 of a Latin-1 string; `null` if a character is above U+00FF.
fn op_buffer_btoa(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let s = js_string(args, 0)?;
    let units = units(&s);
    if units.iter().any(|&u| u > 0xff) {
        return Ok(JsValue::null());
    }
    let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
    Ok(latin1_string(general_purpose::STANDARD.encode(bytes).as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn base64_is_lenient_like_node() {
        assert_eq!(base64_decode(&u("aGVsbG8=")), b"hello");
        assert_eq!(base64_decode(&u("aGVs bG8")), b"hello");
        assert_eq!(base64_decode(&u("aGVsbG8=trailing")), b"hello");
        assert_eq!(base64_decode(&u("_-8")), [0xff, 0xef]);
        assert_eq!(base64_decode(&u("a")), b"");
    }

    #[test]
    fn hex_stops_at_the_first_bad_pair() {
        assert_eq!(hex_decode(&u("00ffAbzz12")), [0x00, 0xff, 0xab]);
        assert_eq!(hex_decode(&u("abc")), [0xab]);
    }

    use proptest::prelude::*;

    fn round_trip(bytes: &[u8], enc: Encoding) -> Vec<u8> {
        encode(&decode(bytes, enc), enc)
    }

    proptest! {
        // Arbitrary bytes → string → bytes is the identity for every encoding that can carry any
        // byte (UTF-16 needs whole code units).
        #[test]
        fn byte_encodings_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            for enc in [Encoding::Latin1, Encoding::Base64, Encoding::Base64Url, Encoding::Hex] {
                prop_assert_eq!(round_trip(&bytes, enc), bytes.clone(), "{:?}", enc);
            }
            let even = &bytes[..bytes.len() & !1];
            prop_assert_eq!(round_trip(even, Encoding::Utf16Le), even.to_vec());
        }

        // ASCII keeps the low seven bits of each byte, and is the identity on ASCII bytes.
        #[test]
        fn ascii_drops_the_high_bit(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let masked: Vec<u8> = bytes.iter().map(|b| b & 0x7f).collect();
            prop_assert_eq!(round_trip(&bytes, Encoding::Ascii), masked.clone());
            prop_assert_eq!(round_trip(&masked, Encoding::Ascii), masked);
        }

        // UTF-8: valid text survives unchanged; invalid input becomes U+FFFD per maximal invalid
        // subpart (WHATWG's decoder, which node uses), and encoding the result gives valid UTF-8.
        #[test]
        fn utf8_round_trips_text_and_replaces_like_node(
            text in "\\PC{0,80}",
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            prop_assert_eq!(round_trip(text.as_bytes(), Encoding::Utf8), text.as_bytes().to_vec());
            let decoded = decode(&bytes, Encoding::Utf8).to_std_string_lossy();
            prop_assert_eq!(&decoded, &String::from_utf8_lossy(&bytes).into_owned());
            prop_assert!(std::str::from_utf8(&encode(&decode(&bytes, Encoding::Utf8), Encoding::Utf8)).is_ok());
        }

        // Encoded text of the byte encodings is what their decoders accept back.
        #[test]
        fn hex_and_base64_text_shapes(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
            let hex = decode(&bytes, Encoding::Hex).to_std_string_lossy();
            prop_assert_eq!(hex.len(), bytes.len() * 2);
            let b64 = decode(&bytes, Encoding::Base64).to_std_string_lossy();
            prop_assert_eq!(b64.len(), bytes.len().div_ceil(3) * 4);
            let url = decode(&bytes, Encoding::Base64Url).to_std_string_lossy();
            prop_assert!(!url.contains('=') && !url.contains('+') && !url.contains('/'));
        }
    }
}
