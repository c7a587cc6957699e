//! `internalBinding('encoding')`: `TextEncoder` and `TextDecoder` on `encoding_rs`, which
//! implements the WHATWG Encoding Standard's encodings, labels and error modes.

use boa_engine::{Context, JsData, JsObject, JsString, JsValue};
use boa_gc::{Finalize, Trace};
use encoding_rs::{CoderResult, Decoder, Encoding};

use crate::node::buffer::{array_buffer, with_bytes, with_bytes_mut};
use crate::ops::{Binding, ErrorClass, OpError, OpResult, arg};

pub(crate) static BINDING: Binding = Binding {
    name: "encoding",
    ops: &[
        ("op_encoding_encode", op_encoding_encode),
        ("op_encoding_encode_into", op_encoding_encode_into),
        ("op_encoding_label", op_encoding_label),
        ("op_encoding_decoder_new", op_encoding_decoder_new),
        ("op_encoding_decode", op_encoding_decode),
    ],
};

/// A streaming decoder's state, held by the JS `TextDecoder`.
#[derive(Trace, Finalize, JsData)]
struct DecoderState {
    #[unsafe_ignore_trace]
    encoding: &'static Encoding,
    #[unsafe_ignore_trace]
    decoder: Option<Decoder>,
    fatal: bool,
    ignore_bom: bool,
}

/// `op_encoding_encode(string)` → an ArrayBuffer with its UTF-8.
fn op_encoding_encode(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let s = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    Ok(array_buffer(s.as_bytes(), cx)?.into())
}

/// `op_encoding_encode_into(string, dest)` → `[read, written]`: as much of `string` as fits, in
/// whole characters; `read` counts UTF-16 code units.
fn op_encoding_encode_into(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let s = arg(args, 0).to_string(cx)?;
    let text = s.to_std_string_lossy();
    let (read, written) = with_bytes_mut(&arg(args, 1), cx, |dest| {
        let (mut read, mut written) = (0usize, 0usize);
        for ch in text.chars() {
            let n = ch.len_utf8();
            if written + n > dest.len() {
                break;
            }
            ch.encode_utf8(&mut dest[written..written + n]);
            written += n;
            read += ch.len_utf16();
        }
        (read, written)
    })?;
    let arr = boa_engine::object::builtins::JsArray::from_iter(
        [JsValue::from(read as f64), JsValue::from(written as f64)],
        cx,
    );
    Ok(arr.into())
}

/// `op_encoding_label(label)` → the canonical lower-case name (`"utf-8"`), or null if the label
/// names no encoding.
fn op_encoding_label(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let label = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    Ok(match Encoding::for_label(label.trim().as_bytes()) {
        Some(e) => JsString::from(e.name().to_ascii_lowercase().as_str()).into(),
        None => JsValue::null(),
    })
}

/// `op_encoding_decoder_new(label, fatal, ignoreBOM)` → a handle, or null for an unknown label.
fn op_encoding_decoder_new(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let label = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
        return Ok(JsValue::null());
    };
    let state = DecoderState {
        encoding,
        decoder: None,
        fatal: arg(args, 1).to_boolean(),
        ignore_bom: arg(args, 2).to_boolean(),
    };
    Ok(JsObject::from_proto_and_data(None, state).into())
}

/// `op_encoding_decode(handle, bytes | undefined, stream)` → the decoded string. With `stream`,
/// an incomplete sequence at the end waits for the next call.
fn op_encoding_decode(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let handle = arg(args, 0)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("decoder handle"))?;
    let stream = arg(args, 2).to_boolean();
    let input = if arg(args, 1).is_undefined() {
        Vec::new()
    } else {
        with_bytes(&arg(args, 1), cx, <[u8]>::to_vec)?
    };
    let mut state = handle
        .downcast_mut::<DecoderState>()
        .ok_or_else(|| OpError::invalid_arg("decoder handle"))?;
    let (encoding, ignore_bom, fatal) = (state.encoding, state.ignore_bom, state.fatal);
    let decoder = state.decoder.get_or_insert_with(|| {
        if ignore_bom {
            encoding.new_decoder_without_bom_handling()
        } else {
            encoding.new_decoder_with_bom_removal()
        }
    });
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length(input.len())
            .unwrap_or(input.len() * 3),
    );
    let last = !stream;
    if fatal {
        let (result, _) = decoder.decode_to_string_without_replacement(&input, &mut out, last);
        if let encoding_rs::DecoderResult::Malformed(_, _) = result {
            state.decoder = None;
            return Err(OpError::node(
                ErrorClass::TypeError,
                "ERR_ENCODING_INVALID_ENCODED_DATA",
                format!(
                    "The encoded data was not valid for encoding {}",
                    encoding.name().to_ascii_lowercase()
                ),
            ));
        }
    } else {
        let (result, _, _) = decoder.decode_to_string(&input, &mut out, last);
        debug_assert!(matches!(result, CoderResult::InputEmpty));
    }
    if last {
        state.decoder = None;
    }
    Ok(JsString::from(out.as_str()).into())
}
