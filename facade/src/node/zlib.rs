//! `internalBinding('zlib')`: the engines under `node:zlib`, driven as node's binding drives
//! zlib and brotli, one `write` at a time.
//!
//! An engine is a JS object (made with the prototype JS gives) that owns a zlib stream
//! (zlib-rs through its C interface, so flush modes, dictionaries, `params` and resets behave as
//! zlib's) or a brotli encoder or decoder. A `*Sync` write runs on the JS thread; an async one
//! moves the engine's state to the disk pool and back, as node runs it on libuv's pool. While it
//! is away the engine is busy: JS never starts a second write, and a close waits (see
//! `internal/zlib_binding.js`).
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_zlib_new` | mode (node's `DEFLATE`..`BROTLI_ENCODE`), proto | an engine |
//! | `op_zlib_init` | engine, windowBits, level, memLevel, strategy, dictionary? | an error or null |
//! | `op_zlib_params` | engine, level, strategy | an error or null |
//! | `op_zlib_reset` | engine | an error or null |
//! | `op_zlib_close` | engine | undefined |
//! | `op_zlib_write` | engine, flush, in (or null), inOff, inLen, out, outOff, outLen, state, done? | without `done`: an error or null; with it: undefined, and later `done(null, error or null)` |
//! | `op_brotli_init` | engine, params (a Uint32Array, `0xffffffff` for unset) | whether every parameter took |
//! | `op_zlib_crc32` | data (a string, UTF-8, or bytes), value | the CRC-32 of data continuing value |
//!
//! An error is node's `[message, errno, code]`, which `onerror` receives. After a write without
//! an error, `state` holds `[availOut, availIn]`, node's write result.

use std::cell::RefCell;
use std::ffi::{CStr, c_int, c_uint, c_ulong};

use actors::Rights;
use boa_engine::object::builtins::{JsArray, JsTypedArray};
use boa_engine::{Context, JsData, JsObject, JsString, JsValue};
use boa_gc::{Finalize, Trace};
use brotli::enc::StandardAlloc;
use brotli::enc::encode::{
    BrotliEncoderOperation, BrotliEncoderParameter, BrotliEncoderStateStruct,
};
use brotli::{BrotliDecompressStream, BrotliResult, BrotliState};
use libz_rs_sys as z;

use crate::node::buffer::{lend, with_bytes};
use crate::node::fs::run;
use crate::ops::{Binding, OpError, OpResult, arg, native_object};

pub(crate) static BINDING: Binding = Binding {
    name: "zlib",
    ops: &[
        ("op_zlib_new", op_zlib_new),
        ("op_zlib_init", op_zlib_init),
        ("op_zlib_params", op_zlib_params),
        ("op_zlib_reset", op_zlib_reset),
        ("op_zlib_close", op_zlib_close),
        ("op_zlib_write", op_zlib_write),
        ("op_brotli_init", op_brotli_init),
        ("op_zlib_crc32", op_zlib_crc32),
    ],
};

// node's modes (`zlib.constants.DEFLATE` ...).
const DEFLATE: i32 = 1;
const INFLATE: i32 = 2;
const GZIP: i32 = 3;
const GUNZIP: i32 = 4;
const DEFLATERAW: i32 = 5;
const INFLATERAW: i32 = 6;
const UNZIP: i32 = 7;
const BROTLI_DECODE: i32 = 8;
const BROTLI_ENCODE: i32 = 9;

const GZIP_HEADER_ID1: u8 = 0x1f;
const GZIP_HEADER_ID2: u8 = 0x8b;

/// node's `[message, errno, code]` for `onerror`.
type Failure = (String, i32, String);

// ---- zlib ----

/// A zlib stream and what node keeps beside it (`ZlibContext`).
struct ZlibCodec {
    /// Boxed: zlib's state points back at its stream, which must not move.
    strm: Box<z::z_stream>,
    mode: i32,
    /// Whether `strm` was initialised (and must be ended).
    live: bool,
    level: c_int,
    window_bits: c_int,
    mem_level: c_int,
    strategy: c_int,
    dictionary: Vec<u8>,
    flush: c_int,
    err: c_int,
    gzip_id_bytes_read: u8,
}

fn is_deflate(mode: i32) -> bool {
    matches!(mode, DEFLATE | GZIP | DEFLATERAW)
}

impl ZlibCodec {
    fn new(mode: i32) -> Self {
        ZlibCodec {
            strm: Box::default(),
            mode,
            live: false,
            level: 0,
            window_bits: 0,
            mem_level: 0,
            strategy: 0,
            dictionary: Vec::new(),
            flush: z::Z_NO_FLUSH,
            err: z::Z_OK,
            gzip_id_bytes_read: 0,
        }
    }

    /// zlib's message for the last error if it gave one, else `message`; the code is the name of
    /// the return value, as node's `ZlibStrerror`.
    fn failure(&self, message: &str) -> Failure {
        let msg = if self.strm.msg.is_null() {
            message.to_owned()
        } else {
            // SAFETY: zlib sets `msg` to a static NUL-terminated string or leaves it null.
            unsafe { CStr::from_ptr(self.strm.msg) }
                .to_string_lossy()
                .into_owned()
        };
        let code = match self.err {
            z::Z_OK => "Z_OK",
            z::Z_STREAM_END => "Z_STREAM_END",
            z::Z_NEED_DICT => "Z_NEED_DICT",
            z::Z_ERRNO => "Z_ERRNO",
            z::Z_STREAM_ERROR => "Z_STREAM_ERROR",
            z::Z_DATA_ERROR => "Z_DATA_ERROR",
            z::Z_MEM_ERROR => "Z_MEM_ERROR",
            z::Z_BUF_ERROR => "Z_BUF_ERROR",
            z::Z_VERSION_ERROR => "Z_VERSION_ERROR",
            _ => "Z_UNKNOWN_ERROR",
        };
        (msg, self.err, code.to_owned())
    }

    fn init(
        &mut self,
        level: c_int,
        window_bits: c_int,
        mem_level: c_int,
        strategy: c_int,
        dictionary: Vec<u8>,
    ) -> Option<Failure> {
        self.level = level;
        self.mem_level = mem_level;
        self.strategy = strategy;
        self.dictionary = dictionary;
        self.window_bits = match self.mode {
            GZIP | GUNZIP => window_bits + 16,
            UNZIP => window_bits + 32,
            // zlib refuses a raw 256-byte window; it widens a zlib-wrapped one to 512 bytes, and
            // node's zlib takes `{ windowBits: 8 }` for raw deflate the same way.
            DEFLATERAW if window_bits == 8 => -9,
            DEFLATERAW | INFLATERAW => -window_bits,
            _ => window_bits,
        };
        let version = z::zlibVersion();
        let size = std::mem::size_of::<z::z_stream>() as c_int;
        self.err = if is_deflate(self.mode) {
            // SAFETY: `strm` is a boxed, zeroed stream with zlib-rs's allocator; zlib keeps a
            // pointer to it, which stays valid because the box never moves its contents.
            unsafe {
                z::deflateInit2_(
                    &mut *self.strm,
                    self.level,
                    z::Z_DEFLATED,
                    self.window_bits,
                    self.mem_level,
                    self.strategy,
                    version,
                    size,
                )
            }
        } else {
            // SAFETY: as above.
            unsafe { z::inflateInit2_(&mut *self.strm, self.window_bits, version, size) }
        };
        if self.err != z::Z_OK {
            self.dictionary.clear();
            return Some(self.failure("Init error"));
        }
        self.live = true;
        self.set_dictionary()
    }

    fn set_dictionary(&mut self) -> Option<Failure> {
        if self.dictionary.is_empty() {
            return None;
        }
        let (ptr, len) = (self.dictionary.as_ptr(), self.dictionary.len() as c_uint);
        self.err = match self.mode {
            // SAFETY: the stream is initialised; zlib copies the dictionary.
            DEFLATE | DEFLATERAW => unsafe { z::deflateSetDictionary(&mut *self.strm, ptr, len) },
            // SAFETY: as above.
            INFLATERAW => unsafe { z::inflateSetDictionary(&mut *self.strm, ptr, len) },
            _ => z::Z_OK,
        };
        (self.err != z::Z_OK).then(|| self.failure("Failed to set dictionary"))
    }

    fn params(&mut self, level: c_int, strategy: c_int) -> Option<Failure> {
        self.err = z::Z_OK;
        // As node: only deflate and raw deflate change their parameters (not gzip).
        if matches!(self.mode, DEFLATE | DEFLATERAW) {
            // SAFETY: the stream is initialised.
            self.err = unsafe { z::deflateParams(&mut *self.strm, level, strategy) };
        }
        (self.err != z::Z_OK && self.err != z::Z_BUF_ERROR)
            .then(|| self.failure("Failed to set parameters"))
    }

    fn reset(&mut self) -> Option<Failure> {
        self.err = z::Z_OK;
        self.err = match self.mode {
            // SAFETY: the stream is initialised.
            DEFLATE | DEFLATERAW | GZIP => unsafe { z::deflateReset(&mut *self.strm) },
            // SAFETY: as above.
            INFLATE | INFLATERAW | GUNZIP => unsafe { z::inflateReset(&mut *self.strm) },
            _ => z::Z_OK,
        };
        if self.err != z::Z_OK {
            return Some(self.failure("Failed to reset stream"));
        }
        self.set_dictionary()
    }

    /// One call's work, node's `ZlibContext::DoThreadPoolWork`.
    ///
    /// # Safety
    /// `next_in`/`avail_in` and `next_out`/`avail_out` of the stream address memory that is
    /// readable (and, for the output, writable) for the whole call.
    unsafe fn work(&mut self) {
        let strm = &mut *self.strm;
        if is_deflate(self.mode) {
            // SAFETY: the caller's promise about the buffers; the stream is initialised.
            self.err = unsafe { z::deflate(strm, self.flush) };
            return;
        }
        if self.mode == UNZIP {
            // Gzip or zlib, by the first two bytes.
            let mut next = 0usize;
            // SAFETY: the bytes read are within `avail_in` of `next_in`.
            let byte = |i: usize| unsafe { *strm.next_in.add(i) };
            if self.gzip_id_bytes_read == 0 && strm.avail_in > 0 {
                if byte(0) == GZIP_HEADER_ID1 {
                    self.gzip_id_bytes_read = 1;
                    next = 1;
                } else {
                    self.mode = INFLATE;
                }
            }
            if self.mode == UNZIP && self.gzip_id_bytes_read == 1 && strm.avail_in as usize > next {
                if byte(next) == GZIP_HEADER_ID2 {
                    self.gzip_id_bytes_read = 2;
                    self.mode = GUNZIP;
                } else {
                    self.mode = INFLATE;
                }
            }
        }
        // SAFETY: as for deflate.
        self.err = unsafe { z::inflate(strm, self.flush) };
        if self.mode != INFLATERAW && self.err == z::Z_NEED_DICT && !self.dictionary.is_empty() {
            let (ptr, len) = (self.dictionary.as_ptr(), self.dictionary.len() as c_uint);
            // SAFETY: the stream is initialised; zlib copies the dictionary.
            self.err = unsafe { z::inflateSetDictionary(strm, ptr, len) };
            if self.err == z::Z_OK {
                // SAFETY: as for deflate.
                self.err = unsafe { z::inflate(strm, self.flush) };
            } else if self.err == z::Z_DATA_ERROR {
                // Both calls say Z_DATA_ERROR; this one means the dictionary was wrong.
                self.err = z::Z_NEED_DICT;
            }
        }
        // More input after a gzip member: another member, or garbage; trailing zeros are padding.
        while strm.avail_in > 0
            && self.mode == GUNZIP
            && self.err == z::Z_STREAM_END
            // SAFETY: `avail_in > 0`, so `next_in` addresses a byte.
            && unsafe { *strm.next_in } != 0
        {
            // SAFETY: the stream is initialised.
            self.err = unsafe { z::inflateReset(strm) };
            // SAFETY: as for deflate.
            self.err = unsafe { z::inflate(strm, self.flush) };
        }
    }

    /// node's `ZlibContext::GetErrorInfo`.
    fn error(&self) -> Option<Failure> {
        match self.err {
            z::Z_OK | z::Z_BUF_ERROR if self.strm.avail_out != 0 && self.flush == z::Z_FINISH => {
                Some(self.failure("unexpected end of file"))
            }
            z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => None,
            z::Z_NEED_DICT if self.dictionary.is_empty() => {
                Some(self.failure("Missing dictionary"))
            }
            z::Z_NEED_DICT => Some(self.failure("Bad dictionary")),
            _ => Some(self.failure("Zlib error")),
        }
    }
}

impl Drop for ZlibCodec {
    fn drop(&mut self) {
        if !self.live {
            return;
        }
        // SAFETY: the stream was initialised by the matching init and is ended once.
        unsafe {
            if is_deflate(self.mode) {
                z::deflateEnd(&mut *self.strm);
            } else {
                z::inflateEnd(&mut *self.strm);
            }
        }
    }
}

// ---- brotli ----

type Decoder = BrotliState<StandardAlloc, StandardAlloc, StandardAlloc>;

/// A brotli encoder with node's `BrotliEncoderContext` bookkeeping.
struct BrotliEncoder {
    state: Box<BrotliEncoderStateStruct<StandardAlloc>>,
    ok: bool,
}

/// A brotli decoder with node's `BrotliDecoderContext` bookkeeping.
struct BrotliDecoder {
    state: Box<Decoder>,
    result: BrotliResult,
    /// The decoder's error code, 0 while there is none.
    error: i32,
}

fn new_decoder() -> Box<Decoder> {
    // `new_strict` refuses large-window streams unless asked, as the C decoder does.
    let mut state = Box::new(Decoder::new_strict(
        StandardAlloc::default(),
        StandardAlloc::default(),
        StandardAlloc::default(),
    ));
    state.large_window = false;
    state
}

// ---- engines ----

/// What an engine holds.
enum Codec {
    Zlib(ZlibCodec),
    Encoder(BrotliEncoder),
    Decoder(BrotliDecoder),
}

/// A write's buffers and flush, for `Codec::write`.
struct Io {
    input: *const u8,
    avail_in: usize,
    output: *mut u8,
    avail_out: usize,
    flush: i32,
}

impl Codec {
    /// Runs one write and gives `(availIn, availOut)` after it, or node's error.
    ///
    /// # Safety
    /// `io.input` is readable for `io.avail_in` bytes and `io.output` writable for
    /// `io.avail_out` bytes, and nothing else writes them, for the whole call.
    unsafe fn write(&mut self, io: &Io) -> Result<(usize, usize), Failure> {
        match self {
            Codec::Zlib(c) => {
                c.strm.next_in = io.input;
                c.strm.avail_in = io.avail_in as c_uint;
                c.strm.next_out = io.output;
                c.strm.avail_out = io.avail_out as c_uint;
                c.flush = io.flush;
                // SAFETY: the stream addresses the caller's buffers.
                unsafe { c.work() };
                match c.error() {
                    Some(f) => Err(f),
                    None => Ok((c.strm.avail_in as usize, c.strm.avail_out as usize)),
                }
            }
            Codec::Encoder(e) => {
                let op = match io.flush {
                    1 => BrotliEncoderOperation::BROTLI_OPERATION_FLUSH,
                    2 => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
                    3 => BrotliEncoderOperation::BROTLI_OPERATION_EMIT_METADATA,
                    _ => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
                };
                // SAFETY: the caller's promise about the buffers.
                let (input, output) = unsafe { slices(io) };
                let (mut avail_in, mut in_off) = (io.avail_in, 0);
                let (mut avail_out, mut out_off) = (io.avail_out, 0);
                e.ok = e.state.compress_stream(
                    op,
                    &mut avail_in,
                    input,
                    &mut in_off,
                    &mut avail_out,
                    output,
                    &mut out_off,
                    &mut None,
                    &mut |_, _, _, _| (),
                );
                if !e.ok {
                    return Err((
                        "Compression failed".into(),
                        -1,
                        "ERR_BROTLI_COMPRESSION_FAILED".into(),
                    ));
                }
                Ok((avail_in, avail_out))
            }
            Codec::Decoder(d) => {
                // SAFETY: the caller's promise about the buffers.
                let (input, output) = unsafe { slices(io) };
                let (mut avail_in, mut in_off) = (io.avail_in, 0);
                let (mut avail_out, mut out_off) = (io.avail_out, 0);
                let mut total = 0;
                d.result = BrotliDecompressStream(
                    &mut avail_in,
                    &mut in_off,
                    input,
                    &mut avail_out,
                    &mut out_off,
                    output,
                    &mut total,
                    &mut d.state,
                );
                if matches!(d.result, BrotliResult::ResultFailure) {
                    d.error = d.state.error_code as i32;
                }
                if d.error != 0 {
                    // JS names the code after the error (`ERR__ERROR_FORMAT_...`), as node.
                    return Err(("Decompression failed".into(), d.error, String::new()));
                }
                if io.flush == 2 && matches!(d.result, BrotliResult::NeedsMoreInput) {
                    return Err((
                        "unexpected end of file".into(),
                        z::Z_BUF_ERROR,
                        "Z_BUF_ERROR".into(),
                    ));
                }
                Ok((avail_in, avail_out))
            }
        }
    }
}

/// The write's buffers as slices.
///
/// # Safety
/// As [`Codec::write`].
unsafe fn slices<'a>(io: &Io) -> (&'a [u8], &'a mut [u8]) {
    let input = if io.avail_in == 0 {
        &[][..]
    } else {
        // SAFETY: the caller's promise.
        unsafe { std::slice::from_raw_parts(io.input, io.avail_in) }
    };
    // SAFETY: the caller's promise; `output` is never null (it is a buffer's bytes).
    let output = unsafe { std::slice::from_raw_parts_mut(io.output, io.avail_out) };
    (input, output)
}

/// Where an engine's codec is.
enum Slot {
    Idle(Box<Codec>),
    /// On the pool for an async write.
    Busy,
    Closed,
}

/// The JS object of an engine.
#[derive(Trace, Finalize, JsData)]
struct Engine {
    #[unsafe_ignore_trace]
    slot: RefCell<Slot>,
}

// SAFETY: a codec's raw pointers are its own (zlib's state, and the buffers of a write, which
// are set at the start of each write and used only within it); moving it to the pool thread for
// a write moves all of it, and nothing on the JS thread touches it meanwhile (the slot is Busy).
unsafe impl Send for Codec {}

// SAFETY: the buffer addresses of one write: the JS buffers they point into are held by the
// write's answer until it has run, and JS leaves those ranges alone meanwhile (zlib.js reads the
// output only in the write's callback). A program that writes into a chunk it handed to zlib
// before the callback races exactly as it does in node.
unsafe impl Send for Io {}

fn engine(value: &JsValue) -> Result<JsObject, OpError> {
    native_object::<Engine>(value, "zlib engine")
}

/// Runs `f` on the engine's idle codec.
fn with_codec<T>(value: &JsValue, f: impl FnOnce(&mut Codec) -> T) -> Result<T, OpError> {
    let obj = engine(value)?;
    let e = obj.downcast_ref::<Engine>().expect("checked above");
    let mut slot = e.slot.borrow_mut();
    match &mut *slot {
        Slot::Idle(c) => Ok(f(c)),
        _ => Err(OpError::invalid_arg("idle zlib engine")),
    }
}

fn failure_value(f: Option<Failure>, cx: &mut Context) -> JsValue {
    match f {
        None => JsValue::null(),
        Some((message, errno, code)) => JsArray::from_iter(
            [
                JsString::from(message.as_str()).into(),
                JsValue::from(errno),
                JsString::from(code.as_str()).into(),
            ],
            cx,
        )
        .into(),
    }
}

fn int(args: &[JsValue], i: usize) -> i32 {
    arg(args, i).as_number().unwrap_or(0.0) as i32
}

fn op_zlib_new(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let mode = int(args, 0);
    let codec = match mode {
        DEFLATE..=UNZIP => Codec::Zlib(ZlibCodec::new(mode)),
        BROTLI_ENCODE => Codec::Encoder(BrotliEncoder {
            state: Box::new(BrotliEncoderStateStruct::new(StandardAlloc::default())),
            ok: true,
        }),
        BROTLI_DECODE => Codec::Decoder(BrotliDecoder {
            state: new_decoder(),
            result: BrotliResult::ResultSuccess,
            error: 0,
        }),
        _ => return Err(OpError::invalid_arg("zlib mode")),
    };
    Ok(JsObject::from_proto_and_data(
        arg(args, 1).as_object(),
        Engine {
            slot: RefCell::new(Slot::Idle(Box::new(codec))),
        },
    )
    .into())
}

fn op_zlib_init(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let dictionary = match arg(args, 5) {
        d if d.is_object() => with_bytes(&d, cx, <[u8]>::to_vec)?,
        _ => Vec::new(),
    };
    let f = with_codec(&arg(args, 0), |c| match c {
        Codec::Zlib(z) => z.init(
            int(args, 2),
            int(args, 1),
            int(args, 3),
            int(args, 4),
            dictionary,
        ),
        _ => None,
    })?;
    Ok(failure_value(f, cx))
}

fn op_zlib_params(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = with_codec(&arg(args, 0), |c| match c {
        Codec::Zlib(z) if z.live => z.params(int(args, 1), int(args, 2)),
        // A brotli engine has no parameters to change after init, as in node.
        _ => None,
    })?;
    Ok(failure_value(f, cx))
}

fn op_zlib_reset(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = with_codec(&arg(args, 0), |c| match c {
        Codec::Zlib(z) if z.live => z.reset(),
        Codec::Zlib(_) => None,
        // As node, a reset brotli stream starts over with the default parameters.
        Codec::Encoder(e) => {
            *e = BrotliEncoder {
                state: Box::new(BrotliEncoderStateStruct::new(StandardAlloc::default())),
                ok: true,
            };
            None
        }
        Codec::Decoder(d) => {
            *d = BrotliDecoder {
                state: new_decoder(),
                result: BrotliResult::ResultSuccess,
                error: 0,
            };
            None
        }
    })?;
    Ok(failure_value(f, cx))
}

fn op_zlib_close(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let obj = engine(&arg(args, 0))?;
    let e = obj.downcast_ref::<Engine>().expect("checked by engine()");
    let mut slot = e.slot.borrow_mut();
    if matches!(*slot, Slot::Idle(_)) {
        *slot = Slot::Closed;
    }
    Ok(JsValue::undefined())
}

fn op_brotli_init(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let params = arg(args, 1)
        .as_object()
        .and_then(|o| JsTypedArray::from_object(o).ok())
        .ok_or_else(|| OpError::invalid_arg("brotli parameters"))?;
    let mut values = Vec::new();
    for i in 0..params.length(cx)? {
        values.push(params.get(i, cx)?.to_u32(cx)?);
    }
    let ok = with_codec(&arg(args, 0), |c| {
        values
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != u32::MAX)
            .all(|(key, &value)| match c {
                Codec::Encoder(e) => set_encoder_parameter(e, key, value),
                Codec::Decoder(d) => match key {
                    // BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: only how the
                    // decoder grows its buffer, which this decoder decides itself.
                    0 => true,
                    // BROTLI_DECODER_PARAM_LARGE_WINDOW
                    1 => {
                        d.state.large_window = value != 0;
                        true
                    }
                    _ => false,
                },
                Codec::Zlib(_) => false,
            })
    })?;
    Ok(JsValue::from(ok))
}

fn set_encoder_parameter(e: &mut BrotliEncoder, key: usize, value: u32) -> bool {
    use BrotliEncoderParameter::*;
    let p = match key {
        0 => BROTLI_PARAM_MODE,
        1 => BROTLI_PARAM_QUALITY,
        2 => BROTLI_PARAM_LGWIN,
        3 => BROTLI_PARAM_LGBLOCK,
        4 => BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
        5 => BROTLI_PARAM_SIZE_HINT,
        6 => BROTLI_PARAM_LARGE_WINDOW,
        // BROTLI_PARAM_NPOSTFIX and BROTLI_PARAM_NDIRECT: how distances are coded. This encoder
        // chooses them itself; a value the C encoder takes is accepted, one it refuses is not.
        7 => return value <= 3,
        8 => return value <= 120,
        _ => return false,
    };
    // The C encoder refuses a flag that is neither 0 nor 1; so does node.
    if key == 4 && value > 1 {
        return false;
    }
    e.state.set_parameter(p, value)
}

fn op_zlib_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let handle = arg(args, 0);
    let obj = engine(&handle)?;
    let flush = int(args, 1);
    let input = arg(args, 2);
    let in_off = int(args, 3).max(0) as usize;
    let in_len = int(args, 4).max(0) as usize;
    let output = arg(args, 5);
    let out_off = int(args, 6).max(0) as usize;
    let out_len = int(args, 7).max(0) as usize;
    let state = arg(args, 8)
        .as_object()
        .and_then(|o| JsTypedArray::from_object(o).ok())
        .ok_or_else(|| OpError::invalid_arg("write state"))?;
    let done = arg(args, 9);

    // The input is lent where it can be, else copied; the output must be lent (zlib.js's own
    // fixed-length buffers).
    let pick = |off: usize, len: usize| {
        move |b: &[u8]| {
            let start = off.min(b.len());
            (start, (start + len).min(b.len()))
        }
    };
    let mut copy = Vec::new();
    let (in_ptr, avail_in) = if input.is_null_or_undefined() || in_len == 0 {
        (std::ptr::null(), 0)
    } else if let Some(l) = lend(&input, cx, pick(in_off, in_len))? {
        l.parts()
    } else {
        copy = with_bytes(&input, cx, |b| {
            let (s, e) = pick(in_off, in_len)(b);
            b[s..e].to_vec()
        })?;
        (copy.as_ptr(), copy.len())
    };
    let (out_ptr, avail_out) = lend(&output, cx, pick(out_off, out_len))?
        .ok_or_else(|| OpError::invalid_arg("zlib output buffer"))?
        .parts();
    let io = Io {
        input: in_ptr,
        avail_in,
        output: out_ptr.cast_mut(),
        avail_out,
        flush,
    };

    let codec = {
        let e = obj.downcast_ref::<Engine>().expect("checked by engine()");
        let mut slot = e.slot.borrow_mut();
        match std::mem::replace(&mut *slot, Slot::Busy) {
            Slot::Idle(c) => c,
            other => {
                *slot = other;
                return Err(OpError::invalid_arg("idle zlib engine"));
            }
        }
    };
    let finish = move |(codec, result): (Box<Codec>, Result<(usize, usize), Failure>),
                       cx: &mut Context|
          -> OpResult {
        // The buffers were held until here.
        drop((input, output));
        if let Some(e) = obj.downcast_ref::<Engine>() {
            *e.slot.borrow_mut() = Slot::Idle(codec);
        }
        let failure = match result {
            Ok((avail_in, avail_out)) => {
                state.set(0, avail_out as u32, true, cx)?;
                state.set(1, avail_in as u32, true, cx)?;
                None
            }
            Err(f) => Some(f),
        };
        Ok(failure_value(failure, cx))
    };
    let req = if done.is_callable() {
        done
    } else {
        JsValue::undefined()
    };
    run(
        &req,
        Rights::NONE,
        move || {
            let copy = copy;
            let mut codec = codec;
            // SAFETY: `io` addresses the lent JS buffers, held by the answer until it runs, or
            // `copy`, alive in this closure; see `Io`'s Send.
            let result = unsafe { codec.write(&io) };
            drop(copy);
            Ok((codec, result))
        },
        finish,
        cx,
    )
}

fn op_zlib_crc32(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let data = arg(args, 0);
    let mut crc = arg(args, 1).to_u32(cx)? as c_ulong;
    let mut update = |bytes: &[u8]| {
        for chunk in bytes.chunks(1 << 30) {
            // SAFETY: `chunk` is a live slice of `chunk.len()` bytes.
            crc = unsafe { z::crc32(crc, chunk.as_ptr(), chunk.len() as c_uint) };
        }
    };
    if let Some(s) = data.as_string() {
        update(s.to_std_string_lossy().as_bytes());
    } else {
        with_bytes(&data, cx, &mut update)?;
    }
    Ok(JsValue::from(crc as u32))
}
