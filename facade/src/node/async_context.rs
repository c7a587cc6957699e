//! `internalBinding('async_context')`: the current async context frame (see
//! [`crate::state::AsyncFrame`]), which `AsyncLocalStorage` and `AsyncResource` read and set.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_async_frame_get` | | the current frame |
//! | `op_async_frame_exchange` | frame | the frame before; `frame` is current |

use boa_engine::{Context, JsValue};

use crate::ops::{Binding, OpResult, arg};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "async_context",
    ops: &[
        ("op_async_frame_get", op_async_frame_get),
        ("op_async_frame_exchange", op_async_frame_exchange),
    ],
};

fn op_async_frame_get(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    Ok(state(cx).requests.frame.get())
}

fn op_async_frame_exchange(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    Ok(state(cx).requests.frame.exchange(arg(args, 0)))
}
