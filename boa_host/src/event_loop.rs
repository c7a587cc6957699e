//! Node's event loop on the actor system:
//!
//! ```text
//! ┌─> timers        due setTimeout/setInterval callbacks
//! │   poll          the actor system's reactor: readiness, pool completions; then the answers
//! │                 to waiting requests, one callback each, in arrival order
//! │   check         setImmediate callbacks queued before this phase began
//! └── (alive?)      a ref'd timer, immediate, request or actor; if not, 'beforeExit', then again
//! ```
//!
//! After every callback the `process.nextTick` queue runs, then the microtasks (promise jobs),
//! until both are empty; then unhandled rejections are reported. An exception that escapes a
//! callback goes to `process`'s `'uncaughtException'` listeners, or ends the process with code 1
//! after `'exit'`, printed as Node prints it.

use std::io::Write as _;
use std::rc::Rc;
use std::time::Duration;

use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsError, JsString, JsValue};
use facade::state::{Completion, State, Waiter, state};

use crate::errors::{call, opaque, plain_text, to_js};
use crate::host::{Host, host};

/// Runs the loop until nothing keeps it alive, or the script ends (`process.exit`, a fatal
/// exception) in a host that unwinds rather than ending the process; returns the exit code.
pub(crate) fn run(cx: &mut Context) -> i32 {
    let h = host(cx);
    let s = state(cx);
    drain(cx);
    loop {
        if let Some(code) = s.exit_requested() {
            return code;
        }
        // As libuv's `uv_run`: a turn only while something ref'd is alive, so an unref'd
        // immediate or timer never runs once nothing else is left.
        if !alive(&h, &s) {
            emit(cx, "beforeExit");
            drain(cx);
            if !alive(&h, &s) {
                break;
            }
            continue;
        }
        h.update_now();
        run_timers(cx, &h);
        // libuv ends a turn with the timers and checks liveness there: what a timer left only
        // unref'd (an immediate, say) does not run.
        if !alive(&h, &s) {
            continue;
        }
        // Messages JS sent since the last poll (a socket to close, a write) are handled first: the
        // events they cause must not wait for the poll's timeout.
        s.system.borrow_mut().dispatch();
        let timeout = poll_timeout(&h, &s);
        let polled = s.system.borrow_mut().run_once(timeout);
        if let Err(e) = polled {
            let _ = writeln!(std::io::stderr(), "actorjs: the event loop failed: {e}");
            return 70;
        }
        h.update_now();
        // A grant revoked from another thread woke the poll: close what it covered.
        s.sweep_if_narrowed();
        run_completions(cx, &s);
        run_immediates(cx, &h);
    }
    emit(cx, "exit");
    s.exit_requested().unwrap_or_else(|| h.exit_code.get())
}

/// Whether the script has ended: nothing more of it may run.
pub(crate) fn ended(cx: &Context) -> bool {
    state(cx).exit_requested().is_some()
}

fn alive(h: &Host, s: &State) -> bool {
    h.timers.borrow().refed_len() > 0
        || h.refed_immediates.get() > 0
        || s.requests.refed() > 0
        || s.requests.has_completions()
        || s.system.borrow_mut().is_alive()
}

fn poll_timeout(h: &Host, s: &State) -> Option<Duration> {
    // As libuv: no waiting when there is work for the check phase, or when nothing ref'd is left
    // (an unref'd timer must not hold the process until it fires).
    if !h.immediates.borrow().is_empty() || s.requests.has_completions() || !alive(h, s) {
        return Some(Duration::ZERO);
    }
    h.timers
        .borrow_mut()
        .next_deadline()
        .map(|deadline| h.until(deadline))
}

fn run_timers(cx: &mut Context, h: &Rc<Host>) {
    let Some(run_timer) = h.hook(|k| &k.run_timer) else {
        return;
    };
    let now = h.now();
    let mark = h.timers.borrow().watermark();
    let mut phase = Phase::default();
    loop {
        let next = h.timers.borrow_mut().pop_expired_before(now, mark);
        let Some((_, timeout)) = next else { break };
        if !phase.before_callback(cx) {
            return;
        }
        phase.after_callback(call(&run_timer, &[timeout.into()], cx), cx);
    }
    drain(cx);
}

/// The order node keeps inside one phase: the tick queue and the microtasks run between two
/// callbacks, but after an exception escaped (from a callback, or from a tick) node re-enters
/// the phase, and the next callback runs before the waiting ticks.
#[derive(Default)]
struct Phase {
    ran: bool,
}

impl Phase {
    /// Whether the next callback may run (the script has not ended); runs what node runs
    /// before it.
    fn before_callback(&mut self, cx: &mut Context) -> bool {
        if std::mem::replace(&mut self.ran, true) {
            drain_until_throw(cx);
        }
        !ended(cx)
    }

    fn after_callback(&mut self, result: Result<JsValue, JsError>, cx: &mut Context) {
        // What a callback entered (`enterWith`) ends with it.
        state(cx).requests.frame.exchange(JsValue::undefined());
        if let Err(e) = result {
            uncaught(e, cx);
            self.ran = false;
        }
    }
}

fn run_immediates(cx: &mut Context, h: &Rc<Host>) {
    let Some(run_immediate) = h.hook(|k| &k.run_immediate) else {
        return;
    };
    let batch = std::mem::take(&mut *h.immediates.borrow_mut());
    let mut phase = Phase::default();
    for (imm, frame) in batch {
        if !phase.before_callback(cx) {
            return;
        }
        state(cx).requests.frame.exchange(frame);
        phase.after_callback(call(&run_immediate, &[imm.into()], cx), cx);
    }
    drain(cx);
}

fn run_completions(cx: &mut Context, s: &Rc<State>) {
    let mut phase = Phase::default();
    while let Some(c) = s.requests.next_completion() {
        let (id, deliver) = match c {
            Completion::Answer { id, deliver } => (id, deliver),
            Completion::Event(event) => {
                if !phase.before_callback(cx) {
                    return;
                }
                phase.after_callback(event(cx).map(|()| JsValue::undefined()), cx);
                continue;
            }
        };
        let Some((waiter, frame)) = s.requests.finish(id) else {
            continue;
        };
        if !phase.before_callback(cx) {
            return;
        }
        s.requests.frame.exchange(frame);
        let result = deliver(cx).map_err(|e| to_js(e, cx));
        let called = match (waiter, result) {
            (Waiter::Callback(cb), Ok(v)) => call(&cb, &[JsValue::null(), v], cx),
            (Waiter::Callback(cb), Err(e)) => {
                let e = opaque(e, cx);
                call(&cb, &[e], cx)
            }
            (Waiter::Promise { resolve, .. }, Ok(v)) => call(&resolve, &[v], cx),
            (Waiter::Promise { reject, .. }, Err(e)) => {
                let e = opaque(e, cx);
                call(&reject, &[e], cx)
            }
        };
        phase.after_callback(called, cx);
    }
    drain(cx);
}

/// Runs the `nextTick` queue and the microtasks until both are empty, then reports unhandled
/// rejections (whose handlers may queue more).
pub(crate) fn drain(cx: &mut Context) {
    while !drain_until_throw(cx) {}
}

/// As [`drain`], but stops after a tick that threw (the error has gone to
/// `'uncaughtException'`), leaving the rest for later, as node does. Returns whether it ran
/// to the end.
fn drain_until_throw(cx: &mut Context) -> bool {
    let h = host(cx);
    loop {
        if ended(cx) {
            return true;
        }
        loop {
            let tick = h.ticks.borrow_mut().pop_front();
            let Some((f, args, frame)) = tick else { break };
            let frames = &state(cx).requests.frame;
            frames.exchange(frame);
            let called = call(&f, &args, cx);
            frames.exchange(JsValue::undefined());
            if let Err(e) = called {
                uncaught(e, cx);
                return false;
            }
        }
        while let Err(e) = h.jobs.run(cx) {
            uncaught(e, cx);
        }
        if ended(cx) {
            return true;
        }
        if h.ticks.borrow().is_empty() && !process_rejections(cx, &h) {
            return true;
        }
    }
}

/// Reports rejections that are still unhandled after the microtasks ran. Returns whether there
/// was anything to report.
fn process_rejections(cx: &mut Context, h: &Rc<Host>) -> bool {
    let (unhandled, handled_late) = {
        let mut r = h.rejections.borrow_mut();
        (
            std::mem::take(&mut r.unhandled),
            std::mem::take(&mut r.handled_late),
        )
    };
    if unhandled.is_empty() && handled_late.is_empty() {
        return false;
    }
    if let Some(hook) = h.hook(|k| &k.rejection_handled) {
        for p in handled_late {
            if let Err(e) = call(&hook, &[p.into()], cx) {
                uncaught(e, cx);
            }
        }
    }
    for promise in unhandled {
        if ended(cx) {
            break;
        }
        let reason = match JsPromise::from_object(promise.clone()).map(|p| p.state()) {
            Ok(boa_engine::builtins::promise::PromiseState::Rejected(r)) => r,
            _ => continue,
        };
        h.rejections.borrow_mut().reported.push(promise.clone());
        // The hook answers `true` when a listener took the rejection, or the error to report as
        // fatal (node wraps non-errors in an UnhandledPromiseRejection).
        let verdict = match h.hook(|k| &k.unhandled_rejection) {
            Some(hook) => match call(&hook, &[promise.into(), reason.clone()], cx) {
                Ok(v) => v,
                Err(e) => {
                    uncaught(e, cx);
                    JsValue::from(true)
                }
            },
            None => reason.clone(),
        };
        if verdict != JsValue::from(true) && !ended(cx) {
            let report = if verdict.is_object() { verdict } else { reason };
            fatal(report, cx);
        }
    }
    true
}

/// An exception escaped a callback: `'uncaughtException'` listeners get it, or the process ends.
/// The unwinding of a script that ended is not an exception.
pub(crate) fn uncaught(e: JsError, cx: &mut Context) {
    if ended(cx) {
        return;
    }
    let value = opaque(e, cx);
    let handled = match host(cx).hook(|k| &k.fatal_exception) {
        Some(hook) => match call(&hook, std::slice::from_ref(&value), cx) {
            Ok(v) => v.to_boolean(),
            // A listener ended the script (process.exit).
            Err(_) if ended(cx) => return,
            Err(inner) => {
                // A throwing 'uncaughtException' listener ends the process at once, as in node:
                // its error is printed, no 'exit' is emitted, and the status is 7.
                let inner = opaque(inner, cx);
                report(&inner, cx);
                end(EXCEPTION_IN_FATAL_HANDLER, cx);
                return;
            }
        },
        None => false,
    };
    if !handled {
        fatal(value, cx);
    }
}

/// Node's exit status when an `'uncaughtException'` listener throws.
const EXCEPTION_IN_FATAL_HANDLER: i32 = 7;

/// Ends the process for an uncaught exception, in node's order: `'exit'` listeners run with code
/// 1 (and may change `process.exitCode`, which becomes the status), then the error is printed as
/// Node prints it. Embedded, it ends the script only: no more of its JS runs and the host's `run`
/// returns the code.
pub(crate) fn fatal(value: JsValue, cx: &mut Context) {
    let h = host(cx);
    h.exit_code.set(1);
    if let Some(emit) = h.hook(|k| &k.emit) {
        // A throwing 'exit' listener changes nothing here, as in node.
        let _ = call(&emit, &[JsString::from("exit").into(), 1.into()], cx);
    }
    // An 'exit' listener that called process.exit ended the process with its code, unprinted.
    if ended(cx) {
        return;
    }
    report(&value, cx);
    end(h.exit_code.get(), cx);
}

/// Prints an uncaught error to stderr as node does.
fn report(value: &JsValue, cx: &mut Context) {
    let h = host(cx);
    let text = match h.hook(|k| &k.format_fatal) {
        Some(format) => match call(&format, std::slice::from_ref(value), cx) {
            Ok(v) if v.is_string() => v
                .as_string()
                .map(|s| s.to_std_string_lossy())
                .unwrap_or_default(),
            _ => plain_text(value, cx),
        },
        None => plain_text(value, cx),
    };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Ends the process (or, embedded, the script) with `code`.
fn end(code: i32, cx: &mut Context) {
    if cx
        .get_data::<facade::node::process::ProcessConfig>()
        .is_none_or(|c| c.exit_ends_process)
    {
        std::process::exit(code);
    }
    state(cx).request_exit(code);
}

/// Calls `process.emit(name)` through the bootstrap's hook (it adds the exit code for 'exit' and
/// 'beforeExit').
fn emit(cx: &mut Context, name: &str) {
    if ended(cx) {
        return;
    }
    let Some(emit) = host(cx).hook(|k| &k.emit) else {
        return;
    };
    if let Err(e) = call(&emit, &[JsString::from(name).into()], cx) {
        uncaught(e, cx);
    }
    drain(cx);
}
