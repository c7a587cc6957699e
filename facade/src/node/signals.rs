//! `internalBinding('signal_wrap')`: `process.on(<signal name>)` on the signal actor.
//!
//! One signal actor per context, made on first use, catches the signals JS listens to; each
//! arrives after the poll phase through the callback given to `op_signal_init`, which emits it
//! on `process`.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_signal_init` | onsignal(signo) | undefined |
//! | `op_signal_start` | signo | 0, or the negative errno (`EINVAL` for SIGKILL and SIGSTOP) |
//! | `op_signal_stop` | signo | undefined; the signal has its default disposition again |

use actors::signals::{Signals, UnwatchSignal};
use actors::{Addr, Rights};
use boa_engine::{Context, JsObject, JsValue};

use crate::ops::{Binding, OpError, OpResult};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "signal_wrap",
    ops: &[
        ("op_signal_init", op_signal_init),
        ("op_signal_start", op_signal_start),
        ("op_signal_stop", op_signal_stop),
    ],
};

/// This context's signal actor and the JS callback its signals go to.
#[derive(Default)]
pub struct SignalState {
    actor: Option<Addr<Signals>>,
    callback: Option<JsObject>,
}

fn signo(args: &[JsValue]) -> i32 {
    args.first().and_then(JsValue::as_number).unwrap_or(0.0) as i32
}

fn op_signal_init(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let callback = args
        .first()
        .and_then(JsValue::as_object)
        .filter(JsObject::is_callable)
        .ok_or_else(|| OpError::invalid_arg("onsignal function"))?;
    state(cx).signals.borrow_mut().callback = Some(callback);
    Ok(JsValue::undefined())
}

fn actor(cx: &Context) -> Addr<Signals> {
    let s = state(cx);
    let mut sig = s.signals.borrow_mut();
    if let Some(addr) = &sig.actor {
        return addr.clone();
    }
    let completer = s.requests.completer();
    let addr = s.system.borrow_mut().spawn(Signals::new(move |signo: i32| {
        completer.post(Box::new(move |cx: &mut Context| {
            let callback = state(cx).signals.borrow().callback.clone();
            if let Some(callback) = callback {
                callback.call(&JsValue::undefined(), &[signo.into()], cx)?;
            }
            Ok(())
        }));
    }));
    sig.actor = Some(addr.clone());
    addr
}

fn op_signal_start(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let signo = signo(args);
    let addr = actor(cx);
    let s = state(cx);
    let mut system = s.system.borrow_mut();
    // Node throws at once when a signal cannot be caught: the actor answers in place.
    let result = system
        .call_now(&addr, Rights::CONTROL, |signals, cx| {
            signals.watch(signo, cx)
        })
        .unwrap_or_else(|| Err(std::io::Error::from_raw_os_error(libc::EBUSY)));
    Ok(match result {
        Ok(()) => 0,
        Err(e) => -e.raw_os_error().unwrap_or(libc::EINVAL),
    }
    .into())
}

fn op_signal_stop(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let signo = signo(args);
    let s = state(cx);
    let actor = s.signals.borrow().actor.clone();
    if let Some(addr) = actor {
        let mut system = s.system.borrow_mut();
        if system
            .call_now(&addr, Rights::CONTROL, |signals, _| signals.unwatch(signo))
            .is_none()
        {
            let _ = system.send(&addr, UnwatchSignal(signo));
        }
    }
    Ok(JsValue::undefined())
}
