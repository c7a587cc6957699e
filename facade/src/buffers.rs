//! Bytes between Rust and JS.
//!
//! Boa's collector counts the objects it allocates, not the bytes an ArrayBuffer holds outside
//! them: a loop reading files could keep gigabytes in buffers that are garbage but tiny in the
//! collector's eyes. Every buffer handed to JS is counted here, and each 64 MiB of them triggers
//! a collection.

use std::cell::Cell;

use boa_engine::object::builtins::{AlignedVec, JsArrayBuffer, JsUint8Array};
use boa_engine::{Context, JsResult};

/// External bytes between forced collections.
const COLLECT_EVERY: usize = 64 << 20;

thread_local! {
    static EXTERNAL_SINCE_COLLECT: Cell<usize> = const { Cell::new(0) };
}

/// Records `bytes` more of buffer memory handed to JS, collecting when enough has accumulated.
pub fn account_external(bytes: usize) {
    let total = EXTERNAL_SINCE_COLLECT.with(|c| {
        let t = c.get() + bytes;
        c.set(t);
        t
    });
    if total >= COLLECT_EVERY {
        EXTERNAL_SINCE_COLLECT.with(|c| c.set(0));
        boa_gc::force_collect();
    }
}

/// An `ArrayBuffer` that takes `block` as its store, without a copy.
pub fn adopt_array_buffer(block: AlignedVec<u8>, cx: &mut Context) -> JsResult<JsArrayBuffer> {
    account_external(block.capacity());
    JsArrayBuffer::from_byte_block(block, cx)
}

/// A `Uint8Array` over `bytes`. The engine keeps array buffer memory 64-byte aligned, so bytes
/// that were not allocated that way are copied once here.
pub fn uint8_array(bytes: &[u8], cx: &mut Context) -> JsResult<JsUint8Array> {
    let buffer = adopt_array_buffer(AlignedVec::from_slice(64, bytes), cx)?;
    JsUint8Array::from_array_buffer(buffer, cx)
}
