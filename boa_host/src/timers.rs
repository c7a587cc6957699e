//! `internalBinding('timers')`: JS timers, immediates, `process.nextTick` and
//! `queueMicrotask` live in the host, which runs them in Node's phase order.
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/timers.html>.

use boa_engine::job::PromiseJob;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsObject, JsValue};
use facade::{Binding, OpError, OpResult};

use crate::host::{JsHooks, host};

pub(crate) static BINDING: Binding = Binding {
    name: "timers",
    ops: &[
        ("op_timer_start", op_timer_start),
        ("op_timer_cancel", op_timer_cancel),
        ("op_timer_ref", op_timer_ref),
        ("op_timer_now", op_timer_now),
        ("op_immediate_push", op_immediate_push),
        ("op_immediate_ref", op_immediate_ref),
        ("op_next_tick", op_next_tick),
        ("op_queue_microtask", op_queue_microtask),
        ("op_host_set_hooks", op_host_set_hooks),
        ("op_host_set_exit_code", op_host_set_exit_code),
    ],
};

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

fn object(args: &[JsValue], i: usize, what: &str) -> Result<JsObject, OpError> {
    arg(args, i)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg(what))
}

fn number(args: &[JsValue], i: usize) -> f64 {
    arg(args, i).as_number().unwrap_or(0.0)
}

/// `op_timer_start(timeout, ms, refed)` → `[index, seq]`: schedules `timeout` `ms` from now (at
/// least 1 ms, as Node clamps). Like Node's `getLibuvNow()`, "now" is read afresh, so a long
/// synchronous stretch before `setTimeout` does not make the timer due at once. Timers with
/// equal deadlines run in start order.
fn op_timer_start(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let timeout = object(args, 0, "timeout object")?;
    let ms = number(args, 1).max(1.0) as u64;
    let refed = arg(args, 2).to_boolean();
    let h = host(cx);
    let now = h.update_now();
    let key = {
        let mut timers = h.timers.borrow_mut();
        let key = timers.insert(now + ms, timeout);
        if !refed {
            timers.set_ref(key, false);
        }
        key
    };
    let (index, seq) = key.to_bits();
    Ok(JsArray::from_iter([JsValue::from(index), JsValue::from(seq as f64)], cx).into())
}

fn key_of(args: &[JsValue]) -> actors::reactor::TimerKey {
    actors::reactor::TimerKey::from_bits(number(args, 0) as u32, number(args, 1) as u64)
}

/// `op_timer_cancel(index, seq)`.
fn op_timer_cancel(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    host(cx).timers.borrow_mut().cancel(key_of(args));
    Ok(JsValue::undefined())
}

/// `op_timer_ref(index, seq, refed)`.
fn op_timer_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let refed = arg(args, 2).to_boolean();
    host(cx).timers.borrow_mut().set_ref(key_of(args), refed);
    Ok(JsValue::undefined())
}

/// The clock in milliseconds (what Node's timers measure from).
fn op_timer_now(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    Ok(JsValue::from(host(cx).update_now() as f64))
}

/// `op_immediate_push(immediate)`: runs in the next check phase.
fn op_immediate_push(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let imm = object(args, 0, "immediate object")?;
    let frame = facade::state::state(cx).requests.frame.get();
    host(cx).immediates.borrow_mut().push_back((imm, frame));
    Ok(JsValue::undefined())
}

/// `op_immediate_ref(delta)`: how many queued immediates keep the loop alive.
fn op_immediate_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let h = host(cx);
    let n = h.refed_immediates.get() as i64 + number(args, 0) as i64;
    h.refed_immediates.set(n.max(0) as usize);
    Ok(JsValue::undefined())
}

/// `op_next_tick(callback, args)`: queues `callback(...args)` on the tick queue.
fn op_next_tick(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = object(args, 0, "tick callback")?;
    let list = match args.get(1).and_then(JsValue::as_object) {
        Some(a) => {
            let a = boa_engine::object::builtins::JsArray::from_object(a.clone())?;
            let n = a.length(cx)?;
            let mut list = Vec::with_capacity(n as usize);
            for i in 0..n {
                list.push(a.get(i, cx)?);
            }
            list
        }
        None => Vec::new(),
    };
    let frame = facade::state::state(cx).requests.frame.get();
    host(cx).ticks.borrow_mut().push_back((f, list, frame));
    Ok(JsValue::undefined())
}

/// `op_queue_microtask(callback)`: a microtask whose exception is an uncaught exception.
fn op_queue_microtask(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = object(args, 0, "microtask callback")?;
    let frames = facade::state::state(cx).requests.frame.clone();
    let frame = frames.get();
    let job = PromiseJob::new(move |cx| {
        let before = frames.exchange(frame);
        let called = crate::errors::call(&f, &[], cx);
        frames.exchange(before);
        if let Err(e) = called {
            crate::event_loop::uncaught(e, cx);
        }
        Ok(JsValue::undefined())
    });
    host(cx).jobs.push(job);
    Ok(JsValue::undefined())
}

/// `op_host_set_hooks({ runTimer, runImmediate, emit, fatalException, unhandledRejection,
/// rejectionHandled, formatFatal })`.
fn op_host_set_hooks(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = object(args, 0, "hooks")?;
    let mut get = |name: &str| -> Result<JsObject, OpError> {
        obj.get(boa_engine::JsString::from(name), cx)?
            .as_object()
            .ok_or_else(|| OpError::invalid_arg(name))
    };
    let hooks = JsHooks {
        run_timer: get("runTimer")?,
        run_immediate: get("runImmediate")?,
        emit: get("emit")?,
        fatal_exception: get("fatalException")?,
        unhandled_rejection: get("unhandledRejection")?,
        rejection_handled: get("rejectionHandled")?,
        format_fatal: get("formatFatal")?,
    };
    *host(cx).hooks.borrow_mut() = Some(hooks);
    Ok(JsValue::undefined())
}

/// `op_host_set_exit_code(code)`: the code used when the loop ends.
fn op_host_set_exit_code(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    host(cx).exit_code.set(number(args, 0) as i32);
    Ok(JsValue::undefined())
}
