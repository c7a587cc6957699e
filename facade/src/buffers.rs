//! Bytes between Rust and JS.

use boa_engine::object::builtins::{AlignedVec, JsArrayBuffer, JsUint8Array};
use boa_engine::{Context, JsResult};

/// A `Uint8Array` over `bytes`. The engine keeps array buffer memory 64-byte aligned, so bytes
/// that were not allocated that way are copied once here.
pub fn uint8_array(bytes: &[u8], cx: &mut Context) -> JsResult<JsUint8Array> {
    let block = AlignedVec::from_slice(64, bytes);
    let buffer = JsArrayBuffer::from_byte_block(block, cx)?;
    JsUint8Array::from_array_buffer(buffer, cx)
}
