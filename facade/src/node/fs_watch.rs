//! `internalBinding('fs_watch')`: `fs.watch` on the watcher actor (inotify, or polling), and
//! `fs.watchFile` on the stat-watcher actor.
//!
//! One watcher and one stat watcher per context, made on first use, hold every watch. Calls run
//! on the JS thread and answer at once; events arrive after the poll phase through each watch's
//! JS callback.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_fs_watch` | path, recursive, onevent | the watch's id; throws node's error (`watch` syscall) |
//! | `op_fs_watch_close` | id | undefined; no event follows |
//! | `op_fs_watch_ref` | id, on | undefined |
//! | `op_fs_stat_watch` | path, interval ms, bigint, onchange | the stat watch's id |
//! | `op_fs_stat_unwatch` | id | undefined; no change follows |
//! | `op_fs_stat_watch_ref` | id, on | undefined |
//!
//! `onchange(status, stats)` is node's StatWatcher callback: `status` 0 or a negative errno,
//! `stats` the current stat fields followed by the previous ones (36 numbers, or bigints).
//!
//! `onevent('rename' | 'change', filename)` reports a change (the name relative to the watched
//! directory, or a watched file's own name); `onevent('error', -errno)` a failure (`-EOVERFLOW`
//! when the kernel's queue overflowed and events were lost).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use actors::pool::FsError;
use actors::pool::beneath::Follow;
use actors::stat_watcher::{
    SetStatRef, StatChange, StatWatchId, StatWatcher, UnwatchStat, WatchStat,
};
use actors::watcher::{SetWatchRef, Unwatch, Watch, WatchEvent, WatchId, Watcher};
use actors::{ActorError, Addr, Handler, Message, Rights};
use boa_engine::object::builtins::{JsBigInt64Array, JsFloat64Array};
use boa_engine::{Context, JsObject, JsString, JsValue};

use crate::authority::Target;
use crate::node::fs::{place_arg, stat_fields, stat_place};
use crate::ops::{Binding, OpError, OpResult, arg};
use crate::state::{Completer, State, state};

pub(crate) static BINDING: Binding = Binding {
    name: "fs_watch",
    ops: &[
        ("op_fs_watch", op_fs_watch),
        ("op_fs_watch_close", op_fs_watch_close),
        ("op_fs_watch_ref", op_fs_watch_ref),
        ("op_fs_stat_watch", op_fs_stat_watch),
        ("op_fs_stat_unwatch", op_fs_stat_unwatch),
        ("op_fs_stat_watch_ref", op_fs_stat_watch_ref),
    ],
};

/// This context's watcher and the JS callback of each watch.
#[derive(Default)]
pub struct Watches {
    watcher: Option<Addr<Watcher>>,
    callbacks: HashMap<WatchId, JsObject>,
    /// The path each watch was allowed on, when the authority checks paths.
    checked: HashMap<WatchId, PathBuf>,
    /// `fs.watchFile`'s stat watcher, and each stat watch's callback and kind of numbers.
    stat_watcher: Option<Addr<StatWatcher>>,
    stat_callbacks: HashMap<StatWatchId, (JsObject, bool)>,
    stat_checked: HashMap<StatWatchId, PathBuf>,
}

/// Ends every watch the narrowed authority no longer lets the program read; each reports
/// `EACCES` to its watcher, which closes.
pub(crate) fn sweep(s: &State) {
    sweep_stats(s);
    let mut w = s.watch.borrow_mut();
    let gone: Vec<WatchId> = w
        .checked
        .iter()
        .filter(|(_, p)| !s.authority.allows_path(p, Rights::READ))
        .map(|(id, _)| *id)
        .collect();
    let completer = s.requests.completer();
    for id in gone {
        w.checked.remove(&id);
        if let Some(addr) = &w.watcher {
            let _ = s.system.borrow_mut().send(addr, Unwatch(id));
        }
        completer.post(Box::new(move |cx: &mut Context| {
            let callback = state(cx).watch.borrow_mut().callbacks.remove(&id);
            if let Some(callback) = callback {
                callback.call(
                    &JsValue::undefined(),
                    &[JsString::from("error").into(), (-libc::EACCES).into()],
                    cx,
                )?;
            }
            Ok(())
        }));
    }
}

/// Ends every stat watch the narrowed authority no longer lets the program read. It stops
/// quietly: `fs.watchFile` has no error event, and a stat it may not make is no change.
fn sweep_stats(s: &State) {
    let mut w = s.watch.borrow_mut();
    let gone: Vec<StatWatchId> = w
        .stat_checked
        .iter()
        .filter(|(_, p)| !s.authority.allows_path(p, Rights::READ))
        .map(|(id, _)| *id)
        .collect();
    for id in gone {
        w.stat_checked.remove(&id);
        w.stat_callbacks.remove(&id);
        if let Some(addr) = &w.stat_watcher {
            let _ = s.system.borrow_mut().send(addr, UnwatchStat(id));
        }
    }
}

/// Delivers a watch's event to its callback, if the watch is still open.
fn deliver(completer: &Completer, id: WatchId, event: WatchEvent) {
    completer.post(Box::new(move |cx: &mut Context| {
        let callback = state(cx).watch.borrow().callbacks.get(&id).cloned();
        let Some(callback) = callback else {
            return Ok(());
        };
        let (kind, value): (&str, JsValue) = match event {
            WatchEvent::Change(name) => (
                "change",
                JsString::from(name.to_string_lossy().as_ref()).into(),
            ),
            WatchEvent::Rename(name) => (
                "rename",
                JsString::from(name.to_string_lossy().as_ref()).into(),
            ),
            WatchEvent::Overflow => ("error", (-libc::EOVERFLOW).into()),
        };
        callback.call(
            &JsValue::undefined(),
            &[JsString::from(kind).into(), value],
            cx,
        )?;
        Ok(())
    }));
}

fn watcher(cx: &Context) -> Addr<Watcher> {
    let s = state(cx);
    let mut w = s.watch.borrow_mut();
    if let Some(addr) = &w.watcher {
        return addr.clone();
    }
    let completer = s.requests.completer();
    let handler = move |id, event| deliver(&completer, id, event);
    let watcher = match polling_interval() {
        Some(interval) => Watcher::polling(handler, interval),
        None => Watcher::new(handler),
    };
    let addr = s.system.borrow_mut().spawn(watcher);
    w.watcher = Some(addr.clone());
    addr
}

/// `ACTORJS_WATCHER=poll[:ms]` watches by comparing snapshots (every 100 ms, or every `ms`)
/// instead of with inotify, for filesystems whose changes inotify does not see (network and
/// some container filesystems).
fn polling_interval() -> Option<Duration> {
    let choice = std::env::var("ACTORJS_WATCHER").ok()?;
    let rest = choice.strip_prefix("poll")?;
    let ms = match rest.strip_prefix(':') {
        Some(ms) => ms.parse().ok()?,
        None if rest.is_empty() => 100,
        None => return None,
    };
    Some(Duration::from_millis(ms))
}

fn op_fs_watch(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(
        arg(args, 0)
            .as_string()
            .ok_or_else(|| OpError::invalid_arg("path string"))?
            .to_std_string_lossy(),
    );
    // Watching reads: the path must be granted and must not lead out of its grant. The
    // watcher then watches where the path really leads.
    let place = state(cx).authority.place(path.clone(), Rights::READ)?;
    let checked = place.checked_path().map(PathBuf::from);
    let watched = match place.resolve(Follow::All, "watch")? {
        Target::Path(p) => p.to_path_buf(),
        Target::Resolved(r) => r
            .real_path()
            .map_err(|e| FsError::new("watch", e).path(&path))?,
    };
    let recursive = arg(args, 1).to_boolean();
    let callback = arg(args, 2)
        .as_callable()
        .ok_or_else(|| OpError::invalid_arg("event callback"))?
        .clone();
    let addr = watcher(cx);
    let s = state(cx);
    // fs.watch answers at once, as node's does: inotify answers while the message is
    // dispatched; the polling watcher after its first snapshot, taken on the pool.
    let watch = Watch {
        path: watched,
        recursive,
    };
    let result = match ask_now(&s, &addr, watch) {
        Ok(answer) => answer,
        Err(e) => Err(std::io::Error::other(e.to_string())),
    };
    match result {
        Ok(id) => {
            let mut w = s.watch.borrow_mut();
            w.callbacks.insert(id, callback);
            if let Some(p) = checked {
                w.checked.insert(id, p);
            }
            Ok((id as f64).into())
        }
        Err(e) => Err(FsError::new("watch", e).path(path).into()),
    }
}

/// Where an answer lands.
type Slot<T> = Rc<RefCell<Option<T>>>;

/// Sends `msg` to `addr` and runs the system until it is answered: for the ops that answer at
/// once, whose actors answer while the message is dispatched or after a short stay on the pool.
fn ask_now<A, M>(s: &State, addr: &Addr<A>, msg: M) -> Result<M::Reply, ActorError>
where
    A: Handler<M>,
    M: Message,
{
    let answer: Slot<Result<M::Reply, ActorError>> = Rc::default();
    let slot = answer.clone();
    let mut system = s.system.borrow_mut();
    system.ask_then(addr, msg, move |r| *slot.borrow_mut() = Some(r));
    let waited = answer.clone();
    // A poll that fails leaves the question unanswered, which is what the caller hears.
    let _ = system.run_until(|_| waited.borrow().is_some(), Duration::from_millis(10));
    drop(system);
    let answer = answer.borrow_mut().take();
    answer.unwrap_or(Err(ActorError::NoReply { kind: A::KIND }))
}

fn id_arg(args: &[JsValue]) -> WatchId {
    arg(args, 0).as_number().unwrap_or(0.0) as WatchId
}

fn op_fs_watch_close(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = id_arg(args);
    let s = state(cx);
    let addr = {
        let mut w = s.watch.borrow_mut();
        w.callbacks.remove(&id);
        w.checked.remove(&id);
        w.watcher.clone()
    };
    if let Some(addr) = addr {
        let mut system = s.system.borrow_mut();
        let _ = system.send(&addr, Unwatch(id));
        system.dispatch();
    }
    Ok(JsValue::undefined())
}

fn op_fs_watch_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = id_arg(args);
    let on = arg(args, 1).to_boolean();
    let s = state(cx);
    let addr = s.watch.borrow().watcher.clone();
    if let Some(addr) = addr {
        let mut system = s.system.borrow_mut();
        let _ = system.send(&addr, SetWatchRef(id, on));
        system.dispatch();
    }
    Ok(JsValue::undefined())
}

// ---- fs.watchFile: the stat watcher ----

fn stat_watcher(cx: &Context) -> Addr<StatWatcher> {
    let s = state(cx);
    let mut w = s.watch.borrow_mut();
    if let Some(addr) = &w.stat_watcher {
        return addr.clone();
    }
    let completer = s.requests.completer();
    let addr = s
        .system
        .borrow_mut()
        .spawn(StatWatcher::new(move |id, change| {
            deliver_stat(&completer, id, change)
        }));
    w.stat_watcher = Some(addr.clone());
    addr
}

/// Hands a stat watch's change to its callback as node's binding does: the status, then one
/// array of the current stats followed by the previous ones.
fn deliver_stat(completer: &Completer, id: StatWatchId, change: StatChange) {
    completer.post(Box::new(move |cx: &mut Context| {
        let entry = state(cx).watch.borrow().stat_callbacks.get(&id).cloned();
        let Some((callback, bigint)) = entry else {
            return Ok(());
        };
        let both = stat_fields(&change.curr)
            .into_iter()
            .chain(stat_fields(&change.prev));
        let array: JsValue = if bigint {
            JsBigInt64Array::from_iter(both, cx)?.into()
        } else {
            JsFloat64Array::from_iter(both.map(|n| n as f64), cx)?.into()
        };
        callback.call(&JsValue::undefined(), &[change.status.into(), array], cx)?;
        Ok(())
    }));
}

/// `op_fs_stat_watch(path, interval, bigint, onchange)`: stats `path` every `interval` ms on the
/// pool and calls `onchange(status, stats)` when it changes, as uv_fs_poll does; answers the
/// watch's id.
fn op_fs_stat_watch(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ, cx)?;
    let checked = place.checked_path().map(PathBuf::from);
    let interval = Duration::from_millis(arg(args, 1).as_number().unwrap_or(5007.0) as u64);
    let bigint = arg(args, 2).to_boolean();
    let callback = arg(args, 3)
        .as_callable()
        .ok_or_else(|| OpError::invalid_arg("change callback"))?
        .clone();
    let addr = stat_watcher(cx);
    let place_path = place.user().to_path_buf();
    let mut watch = WatchStat::new(move || stat_place(&place), interval);
    watch.label = arg(args, 0)
        .as_string()
        .map(|s| s.to_std_string_lossy())
        .unwrap_or_default();
    let s = state(cx);
    // Answered at once; the first stat follows on the pool.
    let id = ask_now(&s, &addr, watch).map_err(|e| {
        FsError::new("watch", std::io::Error::other(e.to_string())).path(place_path)
    })?;
    let mut w = s.watch.borrow_mut();
    w.stat_callbacks.insert(id, (callback, bigint));
    if let Some(p) = checked {
        w.stat_checked.insert(id, p);
    }
    Ok((id as f64).into())
}

fn op_fs_stat_unwatch(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = id_arg(args) as StatWatchId;
    let s = state(cx);
    let addr = {
        let mut w = s.watch.borrow_mut();
        w.stat_callbacks.remove(&id);
        w.stat_checked.remove(&id);
        w.stat_watcher.clone()
    };
    if let Some(addr) = addr {
        let _ = s.system.borrow_mut().send(&addr, UnwatchStat(id));
    }
    Ok(JsValue::undefined())
}

fn op_fs_stat_watch_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = id_arg(args) as StatWatchId;
    let on = arg(args, 1).to_boolean();
    let s = state(cx);
    let addr = s.watch.borrow().stat_watcher.clone();
    if let Some(addr) = addr {
        let _ = s.system.borrow_mut().send(&addr, SetStatRef(id, on));
    }
    Ok(JsValue::undefined())
}
