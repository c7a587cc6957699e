//! `internalBinding('process_wrap')`: child processes for `node:child_process`, on
//! [`actors::process`].
//!
//! A spawned child is a [`ChildWatch`] actor that reports its exit; JS holds its number in this
//! context's table, with a [`KillHandle`] for `kill`. A `'pipe'` stdio entry names an idle net
//! handle (a `Pipe` of `pipe_wrap`): the child gets one end of a socketpair at that index, and the
//! handle becomes a socket actor over the other end, as libuv does for `uv_spawn`. Running a
//! program takes the authority to run programs (`--allow-child-process`).
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_process_spawn` | file, args, cwd, envPairs, stdio, detached, uid, gid, onexit | `[id, pid]` or -errno |
//! | `op_process_kill` | id, signal | 0 or -errno (`ESRCH` once it exited) |
//! | `op_process_ref` | id, on | undefined |
//! | `op_process_close` | id | undefined (the child runs on) |
//! | `op_spawn_sync` | file, args, cwd, envPairs, stdio, detached, uid, gid, input, timeout ms, killSignal, maxBuffer | `{ pid, status, signal, output, error }` |
//!
//! `stdio` has one entry per child descriptor: `['pipe', handle]` (`['pipe']` for
//! `op_spawn_sync`, which collects the output itself), `['ignore']`, `['inherit']`,
//! `['fd', n]` with `n` a descriptor number of the program, or undefined for none (above 2).
//! `onexit(exitCode, signal)` runs once: the code and 0, or 0 and the signal's number.

use std::cell::{RefCell, RefMut};
use std::collections::HashMap;
use std::ffi::OsString;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;
use std::time::Duration;

use actors::process::{
    self, ChildWatch, ExitStatus, KillHandle, SetChildRef, SpawnOptions, StdioSpec, SyncOptions,
    SyncStdio,
};
use actors::{Addr, Rights};
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsObject, JsValue, js_string};

use crate::authority::AccessDenied;
use crate::node::buffer::{array_buffer, with_bytes};
use crate::node::net::{self, HandleId};
use crate::ops::arg;
use crate::ops::{Binding, OpError, OpResult};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "process_wrap",
    ops: &[
        ("op_process_spawn", op_process_spawn),
        ("op_process_kill", op_process_kill),
        ("op_process_ref", op_process_ref),
        ("op_process_close", op_process_close),
        ("op_spawn_sync", op_spawn_sync),
    ],
};

/// A child JS knows about.
struct Child {
    watch: Addr<ChildWatch>,
    kill: KillHandle,
}

/// This context's children, by number.
#[derive(Default)]
struct Children {
    entries: HashMap<u64, Child>,
    next: u64,
}

fn os_string(v: &JsValue, cx: &mut Context) -> Result<OsString, OpError> {
    let s = v.to_string(cx)?.to_std_string_lossy();
    Ok(OsString::from_vec(s.into_bytes()))
}

fn strings(v: &JsValue, cx: &mut Context) -> Result<Vec<OsString>, OpError> {
    let Some(obj) = v.as_object() else {
        return Ok(Vec::new());
    };
    let list = JsArray::from_object(obj.clone())?;
    let mut out = Vec::new();
    for i in 0..list.length(cx)? {
        out.push(os_string(&list.get(i, cx)?, cx)?);
    }
    Ok(out)
}

fn id_of(v: &JsValue) -> Option<u32> {
    v.as_number().filter(|n| *n >= 0.0).map(|n| n as u32)
}

/// One stdio entry as JS gave it: its kind and value.
enum Entry {
    Pipe(Option<HandleId>),
    Ignore,
    Inherit,
    Fd(OwnedFd),
    None,
}

/// A copy of the program's descriptor `n` (0 to 2 are stdio), for the child.
fn program_fd(n: f64, cx: &Context) -> Result<OwnedFd, i32> {
    let s = state(cx);
    let held = s.fds.borrow().get(n, Rights::NONE).ok_or(-libc::EBADF)?;
    // SAFETY: the table holds the descriptor open for at least this call.
    let fd = unsafe { BorrowedFd::borrow_raw(held.raw()) };
    fd.try_clone_to_owned()
        .map_err(|e| -e.raw_os_error().unwrap_or(libc::EBADF))
}

fn stdio_entries(v: &JsValue, cx: &mut Context) -> Result<Result<Vec<Entry>, i32>, OpError> {
    let Some(obj) = v.as_object() else {
        return Ok(Ok(Vec::new()));
    };
    let list = JsArray::from_object(obj.clone())?;
    let mut out = Vec::new();
    for i in 0..list.length(cx)? {
        let item = list.get(i, cx)?;
        let Some(pair) = item.as_object() else {
            out.push(Entry::None);
            continue;
        };
        let kind = pair.get(0, cx)?.to_string(cx)?.to_std_string_lossy();
        let value = pair.get(1, cx)?;
        out.push(match kind.as_str() {
            "pipe" => Entry::Pipe(value.as_number().map(|n| n as HandleId)),
            "ignore" => Entry::Ignore,
            "inherit" => Entry::Inherit,
            "fd" => match program_fd(value.as_number().unwrap_or(-1.0), cx) {
                Ok(fd) => Entry::Fd(fd),
                Err(errno) => return Ok(Err(errno)),
            },
            _ => return Err(OpError::invalid_arg("stdio kind")),
        });
    }
    Ok(Ok(out))
}

/// What to run, from the arguments every spawn op starts with.
fn options<S>(args: &[JsValue], cx: &mut Context) -> Result<SpawnOptions<S>, OpError> {
    if !state(cx).authority.allows_run() {
        // Node names no resource for a denied spawn.
        return Err(OpError::Denied(AccessDenied {
            permission: "ChildProcess",
            resource: String::new(),
        }));
    }
    let mut opts = SpawnOptions::new(os_string(&arg(args, 0), cx)?);
    let argv = strings(&arg(args, 1), cx)?;
    if !argv.is_empty() {
        opts.args = argv;
    }
    let cwd = arg(args, 2);
    if !cwd.is_undefined() && !cwd.is_null() {
        opts.cwd = Some(PathBuf::from(os_string(&cwd, cx)?));
    }
    let env = arg(args, 3);
    if !env.is_undefined() && !env.is_null() {
        let pairs = strings(&env, cx)?;
        opts.env = Some(
            pairs
                .into_iter()
                .map(|p| {
                    let bytes = p.into_vec();
                    match bytes.iter().position(|b| *b == b'=') {
                        Some(at) => (
                            OsString::from_vec(bytes[..at].to_vec()),
                            OsString::from_vec(bytes[at + 1..].to_vec()),
                        ),
                        None => (OsString::from_vec(bytes), OsString::new()),
                    }
                })
                .collect(),
        );
    }
    opts.detached = arg(args, 5).to_boolean();
    opts.uid = id_of(&arg(args, 6));
    opts.gid = id_of(&arg(args, 7));
    Ok(opts)
}

fn errno(e: &std::io::Error) -> i32 {
    -e.raw_os_error().unwrap_or(libc::EIO)
}

fn op_process_spawn(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let mut opts: SpawnOptions<StdioSpec> = options(args, cx)?;
    let entries = match stdio_entries(&arg(args, 4), cx)? {
        Ok(e) => e,
        Err(errno) => return Ok(errno.into()),
    };
    let onexit = arg(args, 8)
        .as_callable()
        .ok_or_else(|| OpError::invalid_arg("onexit"))?;
    // The parent's ends of the pipes, given to their handles once the child runs.
    let mut parents = Vec::new();
    for entry in entries {
        opts.stdio.push(match entry {
            Entry::Pipe(handle) => {
                let (parent, child) = match process::stdio_socketpair() {
                    Ok(pair) => pair,
                    Err(e) => return Ok(errno(&e).into()),
                };
                if let Some(handle) = handle {
                    parents.push((handle, parent));
                }
                StdioSpec::Fd(child)
            }
            Entry::Ignore | Entry::None => StdioSpec::Ignore,
            Entry::Inherit => StdioSpec::Inherit,
            Entry::Fd(fd) => StdioSpec::Fd(fd),
        });
    }
    let spawned = process::spawn(opts);
    // As libuv: the parent's ends are connected even when the program could not run (their
    // other ends are closed by now), so the streams over them end rather than fail.
    for (handle, fd) in parents {
        net::adopt(cx, handle, fd);
    }
    let spawned = match spawned {
        Ok(child) => child,
        Err(e) => return Ok(errno(&e).into()),
    };
    let pid = spawned.pid();
    let kill = spawned.kill_handle();
    let s = state(cx);
    let completer = s.requests.completer();
    let id = {
        let mut children = children(cx);
        children.next += 1;
        children.next
    };
    let watch = s
        .system
        .borrow_mut()
        .spawn(ChildWatch::new(spawned, move |status: ExitStatus| {
            let onexit = onexit.clone();
            let again = completer.clone();
            // The exit goes behind what the child's pipes delivered in the same turn (posted
            // after this), as in node, where the output a child wrote before it exited comes
            // first.
            completer.post(Box::new(move |_: &mut Context| {
                again.post(Box::new(move |cx: &mut Context| {
                    // A child JS closed is no longer heard of.
                    if children(cx).entries.remove(&id).is_none() {
                        return Ok(());
                    }
                    let (code, signal) = (status.code.unwrap_or(0), status.signal.unwrap_or(0));
                    onexit.call(&JsValue::undefined(), &[code.into(), signal.into()], cx)?;
                    Ok(())
                }));
                Ok(())
            }));
        }));
    children(cx).entries.insert(id, Child { watch, kill });
    Ok(JsArray::from_iter([JsValue::from(id as f64), JsValue::from(pid)], cx).into())
}

/// This context's table of children, made on first use.
fn children(cx: &mut Context) -> RefMut<'_, Children> {
    if cx.get_data::<RefCell<Children>>().is_none() {
        cx.insert_data(RefCell::new(Children::default()));
    }
    cx.get_data::<RefCell<Children>>()
        .expect("inserted above")
        .borrow_mut()
}

fn child_id(args: &[JsValue]) -> u64 {
    arg(args, 0).as_number().unwrap_or(0.0) as u64
}

fn op_process_kill(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let signal = arg(args, 1).as_number().unwrap_or(0.0) as i32;
    let kill = children(cx)
        .entries
        .get(&child_id(args))
        .map(|c| c.kill.clone());
    let Some(kill) = kill else {
        return Ok((-libc::ESRCH).into());
    };
    Ok(kill.kill(signal).map_or_else(|e| errno(&e), |()| 0).into())
}

fn op_process_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let on = arg(args, 1).to_boolean();
    let watch = children(cx)
        .entries
        .get(&child_id(args))
        .map(|c| c.watch.clone());
    if let Some(watch) = watch {
        let _ = state(cx).system.borrow_mut().send(&watch, SetChildRef(on));
    }
    Ok(JsValue::undefined())
}

fn op_process_close(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let child = children(cx).entries.remove(&child_id(args));
    if let Some(child) = child {
        // JS no longer hears of it: it keeps nothing alive, and runs on as in node.
        let _ = state(cx)
            .system
            .borrow_mut()
            .send(&child.watch, SetChildRef(false));
    }
    Ok(JsValue::undefined())
}

fn op_spawn_sync(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let mut opts: SpawnOptions<SyncStdio> = options(args, cx)?;
    let result = JsObject::with_object_proto(cx.intrinsics());
    let entries = match stdio_entries(&arg(args, 4), cx)? {
        Ok(e) => e,
        Err(errno) => {
            result.set(js_string!("error"), errno, false, cx)?;
            return Ok(result.into());
        }
    };
    for entry in entries {
        opts.stdio.push(match entry {
            Entry::Pipe(_) => SyncStdio::Pipe,
            Entry::Ignore | Entry::None => SyncStdio::Ignore,
            Entry::Inherit => SyncStdio::Inherit,
            Entry::Fd(fd) => SyncStdio::Fd(fd),
        });
    }
    let input = arg(args, 8);
    let input = if input.is_object() {
        Some(with_bytes(&input, cx, <[u8]>::to_vec)?)
    } else {
        None
    };
    let timeout = arg(args, 9)
        .as_number()
        .filter(|t| *t > 0.0 && t.is_finite())
        .map(|t| Duration::from_secs_f64(t / 1e3));
    let kill_signal = arg(args, 10).as_number().unwrap_or(libc::SIGTERM as f64) as i32;
    let max_buffer = arg(args, 11)
        .as_number()
        .filter(|m| m.is_finite() && *m >= 0.0)
        .map(|m| m as usize);
    let sync = SyncOptions {
        input,
        timeout,
        kill_signal,
        max_buffer,
    };
    match process::spawn_sync(opts, sync) {
        Err(e) => {
            result.set(js_string!("pid"), 0, false, cx)?;
            result.set(js_string!("output"), JsValue::null(), false, cx)?;
            result.set(js_string!("error"), errno(&e), false, cx)?;
        }
        Ok(out) => {
            result.set(js_string!("pid"), out.pid, false, cx)?;
            let status = out.status.code.map_or(JsValue::null(), JsValue::from);
            result.set(js_string!("status"), status, false, cx)?;
            result.set(
                js_string!("signal"),
                out.status.signal.unwrap_or(0),
                false,
                cx,
            )?;
            let mut output = Vec::with_capacity(out.output.len());
            for o in out.output {
                output.push(match o {
                    Some(bytes) => JsValue::from(array_buffer(&bytes, cx)?),
                    None => JsValue::null(),
                });
            }
            let output = JsArray::from_iter(output, cx);
            result.set(js_string!("output"), output, false, cx)?;
            if let Some(e) = out.error {
                result.set(js_string!("error"), errno(&e), false, cx)?;
            }
        }
    }
    Ok(result.into())
}
