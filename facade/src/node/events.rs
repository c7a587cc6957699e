//! `internalBinding('events')`: `EventEmitter.prototype.emit` in Rust for the common case.
//!
//! An emit is the most frequent call in a Node program (every stream chunk is one). In the
//! engine, the JS version pays for a rest parameter and an `apply` per listener; this one reads
//! `_events[type]` and calls the listeners directly, which halves the cost. Everything unusual
//! (an `'error'` event, an emitter whose listeners' rejections are captured, a `_events` that is
//! not an object) goes to the JS version given to `op_events_init`, which holds node's full
//! semantics.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_events_init` | the JS emit | undefined |
//! | `op_events_capturing` | | undefined (from now on, every emit takes the JS version) |
//! | `op_events_emit` | `this` = the emitter; type, ...args | whether there were listeners |

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsObject, JsValue, js_string};

use crate::ops::{Binding, OpError, OpResult};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "events",
    ops: &[
        ("op_events_init", op_events_init),
        ("op_events_capturing", op_events_capturing),
        ("op_events_emit", op_events_emit),
    ],
};

/// The JS emit, and whether it must take every call.
#[derive(Default)]
pub struct Emit {
    slow: Option<JsObject>,
    capturing: bool,
}

fn op_events_init(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let slow = args
        .first()
        .and_then(JsValue::as_callable)
        .ok_or_else(|| OpError::invalid_arg("emit function"))?;
    state(cx).emit.borrow_mut().slow = Some(slow.clone());
    Ok(JsValue::undefined())
}

fn op_events_capturing(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    state(cx).emit.borrow_mut().capturing = true;
    Ok(JsValue::undefined())
}

fn slow(this: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = state(cx).emit.borrow().slow.clone();
    match f {
        Some(f) => Ok(f.call(this, args, cx)?),
        None => Err(OpError::invalid_arg(
            "events binding used before op_events_init",
        )),
    }
}

fn op_events_emit(this: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let ty = args.first().cloned().unwrap_or_default();
    let (Some(emitter), false) = (this.as_object(), state(cx).emit.borrow().capturing) else {
        return slow(this, args, cx);
    };
    if ty.as_string().is_some_and(|s| s == js_string!("error")) {
        return slow(this, args, cx);
    }
    let events = emitter.get(js_string!("_events"), cx)?;
    let Some(events) = events.as_object() else {
        return if events.is_undefined() {
            Ok(false.into())
        } else {
            slow(this, args, cx)
        };
    };
    let key = ty.to_property_key(cx)?;
    let handler = events.get(key, cx)?;
    if handler.is_undefined() {
        return Ok(false.into());
    }
    let rest = args.get(1..).unwrap_or_default();
    if let Some(f) = handler.as_callable() {
        f.call(this, rest, cx)?;
        return Ok(true.into());
    }
    let Some(list) = handler
        .as_object()
        .and_then(|o| JsArray::from_object(o.clone()).ok())
    else {
        return slow(this, args, cx);
    };
    // A listener added or removed during the emit does not change who is called this time.
    let n = list.length(cx)?;
    let mut listeners = Vec::with_capacity(n as usize);
    for i in 0..n {
        match list.get(i, cx)?.as_callable() {
            Some(f) => listeners.push(f.clone()),
            None => return slow(this, args, cx),
        }
    }
    for f in listeners {
        f.call(this, rest, cx)?;
    }
    Ok(true.into())
}
