//! `internalBinding('fs_lock')`: `actorjs:fs`'s locks, pidfiles and atomic writes, on
//! [`actors::lock`].
//!
//! A lock is a [`FileLock`] actor owning its own open of the lock file; JS holds its number in
//! this context's lock table. Waiting for a lock is the actor's (a retry on timers), so it never
//! holds the loop or a worker. Pidfiles and atomic writes are blocking calls on the disk pool,
//! made beneath the grant that covers their directory.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_lock_open` | path | promise of the lock's number (the file is opened, created if missing) |
//! | `op_lock_acquire` | n, shared, wait | promise; `EWOULDBLOCK` when held and not waiting, `ECANCELED` when cancelled |
//! | `op_lock_cancel` | n | undefined; ends a wait |
//! | `op_lock_close` | n | promise; the lock is released, then the file closed |
//! | `op_pid_lock` | path, stale ms or -1, req | 0 when taken, the holder's pid when held, -1 when it keeps being taken |
//! | `op_pid_unlock` | path, req | whether the file was ours and is gone |
//! | `op_atomic_write` | path, bytes, mode, fsync, fsyncDir, req | undefined |
//!
//! `req` as in `internalBinding('fs')`: absent for a synchronous call, `true` for a promise.

use std::ffi::OsStr;
use std::os::fd::BorrowedFd;
use std::path::{Path, PathBuf};
use std::time::Duration;

use actors::lock::{self, Acquire, AtomicWrite, Cancel, FileLock, PidLockError, Release};
use actors::pool::beneath::Follow;
use actors::pool::ops::{FsError, FsResult};
use actors::{ActorError, Addr, Rights};
use boa_engine::{Context, JsValue};
use slab::Slab;

use crate::authority::{Place, Target};
use crate::node::buffer::with_bytes;
use crate::node::fs::{flag, int, num, place_arg, run, undefined};
use crate::ops::arg;
use crate::ops::{Binding, OpError, OpResult};
use crate::state::{State, state};

pub(crate) static BINDING: Binding = Binding {
    name: "fs_lock",
    ops: &[
        ("op_lock_open", op_lock_open),
        ("op_lock_acquire", op_lock_acquire),
        ("op_lock_cancel", op_lock_cancel),
        ("op_lock_close", op_lock_close),
        ("op_pid_lock", op_pid_lock),
        ("op_pid_unlock", op_pid_unlock),
        ("op_atomic_write", op_atomic_write),
    ],
};

/// This context's locks.
#[derive(Default)]
pub struct Locks {
    table: Slab<Lock>,
}

struct Lock {
    addr: Addr<FileLock>,
    /// The path it was allowed on, when the authority checks paths.
    checked: Option<PathBuf>,
}

/// Closes every lock the narrowed authority no longer covers: its actor stops, and closing the
/// file releases the lock.
pub(crate) fn sweep(s: &State) {
    let mut locks = s.locks.borrow_mut();
    let gone: Vec<usize> = locks
        .table
        .iter()
        .filter(|(_, l)| {
            l.checked
                .as_deref()
                .is_some_and(|p| !s.authority.allows_path(p, Rights::READ | Rights::WRITE))
        })
        .map(|(n, _)| n)
        .collect();
    for n in gone {
        let _ = locks.table.remove(n).addr.stop();
    }
}

fn lock_arg(args: &[JsValue], i: usize, cx: &Context) -> Result<Addr<FileLock>, OpError> {
    let n = num(args, i)?;
    state(cx)
        .locks
        .borrow()
        .table
        .get(n as usize)
        .map(|l| l.addr.clone())
        .ok_or_else(|| {
            OpError::Fs(FsError::new(
                "flock",
                std::io::Error::from_raw_os_error(libc::EBADF),
            ))
        })
}

/// A promise answered by `addr`'s reply to `msg`.
fn ask<M>(addr: &Addr<FileLock>, msg: M, cx: &mut Context) -> OpResult
where
    M: actors::Message<Reply = FsResult<()>>,
    FileLock: actors::Handler<M>,
{
    let s = state(cx);
    let (id, promise) = s.requests.start_promise(cx);
    let reply = s.reply_to(id, |r: Result<FsResult<()>, ActorError>, _| {
        r??;
        Ok(JsValue::undefined())
    });
    addr.send_with(msg, reply);
    Ok(promise.into())
}

fn op_lock_open(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ | Rights::WRITE, cx)?;
    let checked = place.checked_path().map(Path::to_path_buf);
    let user = place.user().to_path_buf();
    run(
        &JsValue::from(true),
        Rights::READ | Rights::WRITE,
        move || place.open(libc::O_RDWR | libc::O_CREAT | libc::O_CLOEXEC, 0o644),
        move |fd, cx| {
            let s = state(cx);
            let addr = s.system.borrow_mut().spawn(FileLock::new(fd, user));
            let n = s.locks.borrow_mut().table.insert(Lock { addr, checked });
            Ok(JsValue::from(n as f64))
        },
        cx,
    )
}

fn op_lock_acquire(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let addr = lock_arg(args, 0, cx)?;
    let acquire = Acquire {
        shared: flag(args, 1),
        wait: flag(args, 2),
    };
    ask(&addr, acquire, cx)
}

fn op_lock_cancel(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let addr = lock_arg(args, 0, cx)?;
    let _ = addr.tell(Cancel);
    Ok(JsValue::undefined())
}

/// Releases the lock, then stops its actor (which closes the file); the promise settles once
/// the lock is free, so the next lock of the file in this process gets it.
fn op_lock_close(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let n = num(args, 0)? as usize;
    let s = state(cx);
    let Some(lock) = s.locks.borrow_mut().table.try_remove(n) else {
        return Ok(JsValue::undefined());
    };
    let (id, promise) = s.requests.start_promise(cx);
    let addr = lock.addr.clone();
    let reply = s.reply_to(id, move |r: Result<FsResult<()>, ActorError>, _| {
        let _ = addr.stop();
        r??;
        Ok(JsValue::undefined())
    });
    lock.addr.send_with(Release, reply);
    Ok(promise.into())
}

/// Runs `at` on the directory and last name `place` resolves to (or `plain` on the path as it
/// is, under full authority), so the call never walks the path again.
fn in_dir<T>(
    place: &Place,
    syscall: &'static str,
    at: impl FnOnce(BorrowedFd<'_>, &OsStr) -> FsResult<T>,
    plain: impl FnOnce(&Path) -> FsResult<T>,
) -> FsResult<T> {
    match place.resolve(Follow::NotLast, syscall)? {
        Target::Path(p) => plain(p),
        Target::Resolved(r) => match r.name() {
            Some(name) => at(r.fd(), name).map_err(|e| place.relabel(e)),
            None => Err(
                FsError::new(syscall, std::io::Error::from_raw_os_error(libc::EISDIR))
                    .path(place.user()),
            ),
        },
    }
}

fn op_pid_lock(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ | Rights::WRITE, cx)?;
    let stale = num(args, 1)?;
    let stale = (stale >= 0.0).then(|| Duration::from_secs_f64(stale / 1000.0));
    run(
        &arg(args, 2),
        Rights::READ | Rights::WRITE,
        move || {
            let taken = in_dir(
                &place,
                "open",
                |dir, name| Ok(lock::pid_lock_at(dir, name, stale)),
                |path| Ok(lock::pid_lock(path, stale)),
            )?;
            match taken {
                Ok(()) => Ok(0.0),
                Err(PidLockError::Held { pid, .. }) => Ok(f64::from(pid)),
                Err(PidLockError::Contended { .. }) => Ok(-1.0),
                Err(PidLockError::Fs(e)) => Err(place.relabel(e)),
            }
        },
        |n, _| Ok(JsValue::from(n)),
        cx,
    )
}

fn op_pid_unlock(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ | Rights::WRITE, cx)?;
    run(
        &arg(args, 1),
        Rights::READ | Rights::WRITE,
        move || in_dir(&place, "unlink", lock::pid_unlock_at, lock::pid_unlock),
        |removed, _| Ok(JsValue::from(removed)),
        cx,
    )
}

fn op_atomic_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::WRITE, cx)?;
    let opts = AtomicWrite {
        mode: int(args, 2)? as u32,
        fsync: flag(args, 3),
        fsync_dir: flag(args, 4),
    };
    let data = with_bytes(&arg(args, 1), cx, <[u8]>::to_vec)?;
    run(
        &arg(args, 5),
        Rights::WRITE,
        move || {
            in_dir(
                &place,
                "open",
                |dir, name| lock::atomic_write_at(dir, name, &data, opts),
                |path| lock::atomic_write(path, &data, opts),
            )
        },
        undefined,
        cx,
    )
}
