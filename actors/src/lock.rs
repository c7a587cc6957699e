//! Advisory file locks, pidfile locks and atomic writes: what `actorjs:fs` offers beyond Node's
//! `fs`, usable from Rust as well as from JavaScript.
//!
//! - [`FileLock`] is an actor owning one open descriptor of a lock file, on which it takes and
//!   drops a `flock(2)` lock ([`Acquire`], [`Release`], [`Cancel`]). `flock` locks belong to the
//!   open file description: two opens of the same file conflict even inside one process, every
//!   other process that uses `flock` on the file respects the lock, and closing the descriptor
//!   releases it, so a lock never outlives its actor, nor its process however that ends.
//! - [`pid_lock`] and [`pid_unlock`] keep a pidfile: a lock that names its holder, for the daemons
//!   that must run once per machine.
//! - [`atomic_write`] replaces a file's content so that a reader sees the old content or the new,
//!   never a part of either.
//!
//! The pidfile and atomic-write functions block: callers run them on the worker pool (or on a
//! thread of their own, as Node's `*Sync` functions do). Each has an `_at` form that works
//! relative to a directory descriptor (`openat`, `renameat`, `unlinkat`) and takes a single name,
//! for callers that resolved the directory [`beneath`](crate::pool::beneath) a capability root and
//! must not walk a path again; the path forms open the parent directory and call it.
//!
//! # Waiting without blocking
//!
//! `flock` without `LOCK_NB` would hold a worker thread for as long as someone else holds the
//! lock, and nothing could interrupt it. [`FileLock`] only ever tries (`LOCK_NB`, on the pool) and
//! retries after a growing pause (2 ms, doubling up to 100 ms), so a wait costs a timer and can be
//! ended with [`Cancel`]. The price is fairness: a waiter may lose to one that tried later.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use actors::System;
//! use actors::lock::{self, Acquire, FileLock, Release};
//!
//! let mut system = System::new()?;
//! let path = std::path::Path::new("app.lock");
//! let lock = system.spawn(FileLock::new(lock::open_lock_file(path)?, path));
//! let mut acquire = lock.ask(Acquire { shared: false, wait: true });
//! let mut held = None;
//! let tick = Duration::from_millis(10);
//! system.run_until(|_| { held = acquire.try_take(); held.is_some() }, tick)?;
//! assert!(matches!(held, Some(Ok(Ok(())))));
//! // ... work that needs the lock ...
//! let _ = lock.ask(Release);
//! let _ = lock.stop();
//! system.run()?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::cmp::min;
use std::ffi::{CStr, CString, OsStr, OsString};
use std::fmt;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reactor::{Pool, TimerKey};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::pool::ops::{self, FsError, FsResult};
use crate::pool::pool_error;
use crate::reply::ReplyTo;
use crate::rights::Rights;
use crate::sys::syscall;

/// The first pause before a waiting [`Acquire`] tries again.
const FIRST_PAUSE: Duration = Duration::from_millis(2);
/// The longest pause between two tries.
const MAX_PAUSE: Duration = Duration::from_millis(100);

/// Opens (creating it if missing, mode `0o644` before the umask) a lock file for a [`FileLock`]:
/// `O_RDWR | O_CREAT | O_CLOEXEC`, following symlinks as `open` does. Blocking.
pub fn open_lock_file(path: &Path) -> FsResult<OwnedFd> {
    ops::open(path, libc::O_RDWR | libc::O_CREAT, 0o644)
}

/// [`open_lock_file`] for the single name `name` in the directory `dir`. A symlink named `name`
/// is not followed (`ELOOP`), so that a name in a directory resolved beneath a root cannot lead
/// out of it; to follow links that stay beneath, open with
/// [`beneath::open`](crate::pool::beneath::open) instead. Errors name `name`. Blocking.
pub fn open_lock_file_at(dir: BorrowedFd<'_>, name: &OsStr) -> FsResult<OwnedFd> {
    let tag = |e| FsError::new("open", e).path(name);
    let c = single_name(name).map_err(tag)?;
    openat(
        dir,
        &c,
        libc::O_RDWR | libc::O_CREAT | libc::O_NOFOLLOW,
        0o644,
    )
    .map_err(tag)
}

/// Whether a lock is shared or exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Shared,
    Exclusive,
}

impl Mode {
    fn flock(self) -> i32 {
        match self {
            Mode::Shared => libc::LOCK_SH,
            Mode::Exclusive => libc::LOCK_EX,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Shared => "shared",
            Mode::Exclusive => "exclusive",
        })
    }
}

/// The one [`Acquire`] being served.
struct Waiter {
    mode: Mode,
    wait: bool,
    reply: ReplyTo<FsResult<()>>,
    /// The pause before the next try.
    pause: Duration,
    /// Set while a retry is scheduled.
    timer: Option<TimerKey>,
    /// [`Cancel`] came while a try was running; answered when it returns.
    cancelled: bool,
    /// Tells this waiter's [`Retry`] from a stale one.
    seq: u64,
}

/// The `flock` call running on the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Try,
    Unlock,
}

/// The actor owning one open descriptor of a lock file, on which it takes and drops a `flock`
/// lock. See the [module documentation](self).
///
/// # Lifecycle and invariants
///
/// - It starts unlocked, and does not keep the system alive while it is unlocked or holds the
///   lock: only a waiting [`Acquire`] does (as a timer in JS keeps Node alive while a lock
///   is awaited, and a held lock does not).
/// - One [`Acquire`] at a time: another sent while one is waiting fails at once with `EBUSY`.
///   Queueing them would let a forgotten waiter hold up every later caller; callers that want a
///   queue keep one (the JS facade gives every lock its own actor).
/// - [`Acquire`] while the lock is held succeeds at once in the same mode and fails with `EBUSY`
///   in the other: `flock` converts a lock by dropping it first, so a conversion that has to wait
///   would leave nothing held. [`Release`] first.
/// - Only one `flock` call runs on the pool at a time, in the order the messages asked for them,
///   so the kernel's state is always the one this actor records.
/// - Stopping the actor, killing it or ending the system closes the descriptor (on the pool),
///   which releases the lock in the kernel; a pending [`Acquire`] then fails with
///   [`ActorError::Stopped`](crate::ActorError::Stopped).
pub struct FileLock {
    fd: Option<Arc<OwnedFd>>,
    path: PathBuf,
    /// The lock the descriptor holds, as the last `flock` call left it.
    held: Option<Mode>,
    waiter: Option<Waiter>,
    busy: Option<Op>,
    /// An unlock is wanted, by these [`Release`]s (none when it undoes a cancelled try).
    release: Option<Vec<ReplyTo<FsResult<()>>>>,
    seq: u64,
    pool: Option<Pool>,
}

impl FileLock {
    /// An actor owning `fd` (see [`open_lock_file`]), opened from `path` (kept for
    /// [`holds`](Actor::holds) and errors). The descriptor must not hold a lock already.
    pub fn new(fd: OwnedFd, path: impl Into<PathBuf>) -> FileLock {
        FileLock {
            fd: Some(Arc::new(fd)),
            path: path.into(),
            held: None,
            waiter: None,
            busy: None,
            release: None,
            seq: 0,
            pool: None,
        }
    }

    fn error(&self, errno: i32) -> FsError {
        FsError::errno("flock", errno).path(&self.path)
    }

    /// Starts the next `flock` call, if none is running: an unlock that was asked for first,
    /// then the waiter's try.
    fn pump(&mut self, cx: &mut Context<'_, Self>) {
        if self.busy.is_none()
            && let Some(replies) = self.release.take()
        {
            if self.held.is_some() {
                self.release = Some(replies);
                self.start(Op::Unlock, cx);
            } else {
                for r in replies {
                    r.send(Ok(()));
                }
            }
        }
        if self.busy.is_none()
            && let Some(w) = &self.waiter
            && w.timer.is_none()
        {
            match self.held {
                // Only after an unlock failed: the descriptor still holds a lock.
                Some(held) => {
                    let w = self.waiter.take().expect("checked");
                    let answer = if held == w.mode {
                        Ok(())
                    } else {
                        Err(self.error(libc::EBUSY))
                    };
                    w.reply.send(answer);
                }
                None => self.start(Op::Try, cx),
            }
        }
        cx.set_ref(self.waiter.is_some());
    }

    fn start(&mut self, op: Op, cx: &mut Context<'_, Self>) {
        let fd = self
            .fd
            .clone()
            .expect("the descriptor is open while the actor runs");
        let operation = match op {
            Op::Try => {
                let w = self.waiter.as_ref().expect("a try is for the waiter");
                w.mode.flock() | libc::LOCK_NB
            }
            Op::Unlock => libc::LOCK_UN,
        };
        self.busy = Some(op);
        cx.spawn_blocking(
            move || ops::flock(fd.as_raw_fd(), operation),
            move |this: &mut FileLock, r, cx| {
                this.busy = None;
                let r = r.unwrap_or_else(|e| Err(pool_error(e)));
                match op {
                    Op::Try => this.tried(r, cx),
                    Op::Unlock => this.unlocked(r),
                }
                this.pump(cx);
            },
        );
    }

    fn tried(&mut self, r: FsResult<()>, cx: &mut Context<'_, Self>) {
        let mut w = self.waiter.take().expect("a try is for the waiter");
        match r {
            Ok(()) if w.cancelled => {
                // Too late to stop it: undo it before anything else runs.
                self.held = Some(w.mode);
                self.release.get_or_insert_with(Vec::new);
                w.reply.send(Err(self.error(libc::ECANCELED)));
            }
            Ok(()) => {
                self.held = Some(w.mode);
                w.reply.send(Ok(()));
            }
            Err(e) if w.wait && !w.cancelled && e.raw_os_error() == Some(libc::EWOULDBLOCK) => {
                let after = w.pause;
                w.pause = min(w.pause * 2, MAX_PAUSE);
                w.timer = Some(cx.run_later(after, Retry { seq: w.seq }));
                self.waiter = Some(w);
            }
            Err(_) if w.cancelled => w.reply.send(Err(self.error(libc::ECANCELED))),
            Err(e) => w.reply.send(Err(e.path(&self.path))),
        }
    }

    fn unlocked(&mut self, r: FsResult<()>) {
        let replies = self.release.take().expect("an unlock is for a release");
        match r {
            Ok(()) => {
                self.held = None;
                for reply in replies {
                    reply.send(Ok(()));
                }
            }
            Err(e) => {
                for reply in replies {
                    let e = FsError::new(e.syscall, copy_error(&e.error)).path(&self.path);
                    reply.send(Err(e));
                }
            }
        }
    }

    /// Ends the waiter's wait: at once, or when its running try returns.
    fn cancel_wait(&mut self, cx: &mut Context<'_, Self>) {
        let trying = self.busy == Some(Op::Try);
        let Some(w) = self.waiter.as_mut() else {
            return;
        };
        if trying {
            w.cancelled = true;
            return;
        }
        let w = self.waiter.take().expect("checked");
        if let Some(key) = w.timer {
            cx.cancel_timer(key);
        }
        w.reply.send(Err(self.error(libc::ECANCELED)));
    }
}

/// An OS error again (`io::Error` is not `Clone`).
fn copy_error(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(errno) => io::Error::from_raw_os_error(errno),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

impl fmt::Debug for FileLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileLock({})", Actor::holds(self))
    }
}

impl Actor for FileLock {
    const KIND: &'static str = "file lock";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        cx.set_ref(false);
        self.pool = Some(cx.pool().clone());
    }

    fn holds(&self) -> String {
        let state = match (&self.waiter, self.held) {
            (Some(w), _) => format!("waiting {}", w.mode),
            (None, Some(mode)) => format!("held {mode}"),
            (None, None) => "unlocked".to_owned(),
        };
        match &self.fd {
            Some(fd) => format!("fd {} {} {state}", fd.as_raw_fd(), self.path.display()),
            None => format!("closed {}", self.path.display()),
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Closing releases the lock; like the file actor, close on the pool, not the reactor.
        if let Some(fd) = self.fd.take() {
            crate::file::close_on_pool(self.pool.as_ref(), fd);
        }
    }
}

/// Takes the lock: `flock(LOCK_SH or LOCK_EX | LOCK_NB)` on the pool.
///
/// When another open holds it: with `wait`, tries again after a growing pause until it gets it
/// or a [`Cancel`] or [`Release`] ends the wait (`ECANCELED`, which the JS facade turns into an
/// `AbortError`); without, fails at once with `EWOULDBLOCK` (`syscall: 'flock'`, the path).
/// See [`FileLock`] for a second `Acquire` and for one while the lock is held.
///
/// A shared lock needs [`Rights::READ`], an exclusive one [`Rights::WRITE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acquire {
    /// A shared lock (`LOCK_SH`) rather than an exclusive one (`LOCK_EX`).
    pub shared: bool,
    /// Wait for the lock rather than fail with `EWOULDBLOCK`.
    pub wait: bool,
}

impl Message for Acquire {
    type Reply = FsResult<()>;
    fn rights(&self) -> Rights {
        if self.shared {
            Rights::READ
        } else {
            Rights::WRITE
        }
    }
}

impl Handler<Acquire> for FileLock {
    fn handle(&mut self, m: Acquire, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        let mode = if m.shared {
            Mode::Shared
        } else {
            Mode::Exclusive
        };
        if self.waiter.is_some() {
            reply.send(Err(self.error(libc::EBUSY)));
            return;
        }
        // With a release on its way the lock is as good as gone; the try waits behind it.
        if self.release.is_none() {
            match self.held {
                Some(held) if held == mode => return reply.send(Ok(())),
                Some(_) => return reply.send(Err(self.error(libc::EBUSY))),
                None => {}
            }
        }
        self.seq += 1;
        self.waiter = Some(Waiter {
            mode,
            wait: m.wait,
            reply,
            pause: FIRST_PAUSE,
            timer: None,
            cancelled: false,
            seq: self.seq,
        });
        self.pump(cx);
    }
}

/// Ends a waiting [`Acquire`], which fails with `ECANCELED`; nothing happens when none waits.
/// A try already running on the pool finishes first, and a lock it got is released again.
///
/// Needs [`Rights::READ`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancel;

impl Message for Cancel {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::READ
    }
}

impl Handler<Cancel> for FileLock {
    fn handle(&mut self, _: Cancel, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.cancel_wait(cx);
        reply.send(());
        self.pump(cx);
    }
}

/// Drops the lock: `flock(LOCK_UN)` on the pool. Ends a waiting [`Acquire`] as [`Cancel`] does;
/// succeeds when nothing is held. The actor, and its descriptor, stay: the lock can be acquired
/// again. Stop the actor to close the file.
///
/// Needs [`Rights::READ`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release;

impl Message for Release {
    type Reply = FsResult<()>;
    fn rights(&self) -> Rights {
        Rights::READ
    }
}

impl Handler<Release> for FileLock {
    fn handle(&mut self, _: Release, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        self.cancel_wait(cx);
        self.release.get_or_insert_with(Vec::new).push(reply);
        self.pump(cx);
    }
}

/// The waiter's pause is over: try again.
struct Retry {
    seq: u64,
}

impl Message for Retry {
    type Reply = ();
}

impl Handler<Retry> for FileLock {
    fn handle(&mut self, m: Retry, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        if let Some(w) = &mut self.waiter
            && w.seq == m.seq
            && w.timer.is_some()
        {
            w.timer = None;
            self.pump(cx);
        }
    }
}

// --- pidfile locks ------------------------------------------------------------------------------

/// Takeovers of a dead holder's pidfile before [`pid_lock`] gives up.
const PID_LOCK_ATTEMPTS: usize = 5;

/// Why [`pid_lock`] did not take the pidfile. The `ELOCKED` variants are not OS errors: the JS
/// facade makes them an `Error` with `code: 'ELOCKED'` and `path` (and `pid` when known), whose
/// message is this type's `Display`.
#[derive(Debug)]
pub enum PidLockError {
    /// A live process other than this one holds it: `ELOCKED: '<path>' is held by process <pid>`,
    /// with `pid`.
    Held {
        /// The pidfile.
        path: PathBuf,
        /// The process named in it.
        pid: u32,
    },
    /// The file was taken over and taken again every time:
    /// `ELOCKED: '<path>' keeps being taken`, without `pid`.
    Contended {
        /// The pidfile.
        path: PathBuf,
    },
    /// A filesystem call failed: Node's fs error.
    Fs(FsError),
}

/// The result of a pidfile lock.
pub type PidLockResult<T> = Result<T, PidLockError>;

impl PidLockError {
    /// The process holding the file, for [`Held`](Self::Held).
    pub fn pid(&self) -> Option<u32> {
        match self {
            PidLockError::Held { pid, .. } => Some(*pid),
            _ => None,
        }
    }

    /// Names `path` instead, as callers of the `_at` forms do with the path their caller gave.
    pub fn path(self, path: impl Into<PathBuf>) -> PidLockError {
        let path = path.into();
        match self {
            PidLockError::Held { pid, .. } => PidLockError::Held { path, pid },
            PidLockError::Contended { .. } => PidLockError::Contended { path },
            PidLockError::Fs(e) => PidLockError::Fs(e.path(path)),
        }
    }
}

impl fmt::Display for PidLockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PidLockError::Held { path, pid } => {
                write!(f, "ELOCKED: '{}' is held by process {pid}", path.display())
            }
            PidLockError::Contended { path } => {
                write!(f, "ELOCKED: '{}' keeps being taken", path.display())
            }
            PidLockError::Fs(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PidLockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PidLockError::Fs(e) => Some(e),
            _ => None,
        }
    }
}

impl From<FsError> for PidLockError {
    fn from(e: FsError) -> PidLockError {
        PidLockError::Fs(e)
    }
}

/// Takes the pidfile `path`: creates it exclusively with this process's pid and a newline
/// (mode `0o644` before the umask). A file already there names its holder; a live process other
/// than this one is respected ([`PidLockError::Held`]) unless the file was last modified more than
/// `stale` ago; a dead holder's file (or this process's own, or one naming no process) is removed
/// and the create tried again, five times at most ([`PidLockError::Contended`]). Blocking.
///
/// A process counts as live when `kill(pid, 0)` succeeds or fails with `EPERM`. Nothing removes
/// the file when the process ends: call [`pid_unlock`] (a process that dies without it leaves a
/// dead holder's file, which the next `pid_lock` takes over).
pub fn pid_lock(path: &Path, stale: Option<Duration>) -> PidLockResult<()> {
    let (dir, name) = open_parent(path)?;
    let c = single_name(name).map_err(|e| FsError::new("open", e).path(path))?;
    pid_lock_in(dir.as_fd(), &c, path, 0, stale)
}

/// [`pid_lock`] for the single name `name` in the directory `dir`. A symlink named `name` is not
/// followed to read the holder (`ELOOP`); errors name `name`
/// ([`PidLockError::path`] renames them).
pub fn pid_lock_at(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    stale: Option<Duration>,
) -> PidLockResult<()> {
    let c = single_name(name).map_err(|e| FsError::new("open", e).path(name))?;
    pid_lock_in(dir, &c, Path::new(name), libc::O_NOFOLLOW, stale)
}

/// Removes the pidfile `path` if it still names this process; true if it did. A missing file is
/// not an error. Blocking.
pub fn pid_unlock(path: &Path) -> FsResult<bool> {
    let (dir, name) = open_parent(path)?;
    let c = single_name(name).map_err(|e| FsError::new("open", e).path(path))?;
    pid_unlock_in(dir.as_fd(), &c, path, 0)
}

/// [`pid_unlock`] for the single name `name` in the directory `dir`, without following a symlink
/// named `name`. Errors name `name`.
pub fn pid_unlock_at(dir: BorrowedFd<'_>, name: &OsStr) -> FsResult<bool> {
    let c = single_name(name).map_err(|e| FsError::new("open", e).path(name))?;
    pid_unlock_in(dir, &c, Path::new(name), libc::O_NOFOLLOW)
}

fn pid_lock_in(
    dir: BorrowedFd<'_>,
    name: &CStr,
    shown: &Path,
    nofollow: i32,
    stale: Option<Duration>,
) -> PidLockResult<()> {
    let me = std::process::id();
    for _ in 0..PID_LOCK_ATTEMPTS {
        let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL;
        match openat(dir, name, flags, 0o644) {
            Ok(fd) => return write_pid(dir, name, fd, me).map_err(|e| e.path(shown).into()),
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {}
            Err(e) => return Err(FsError::new("open", e).path(shown).into()),
        }
        let (holder, modified) = match read_holder(dir, name, nofollow) {
            Ok(found) => found,
            // Its holder removed it in the meantime: try the create again.
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => continue,
            Err(e) => return Err(e.path(shown).into()),
        };
        let age = SystemTime::now()
            .duration_since(modified)
            .unwrap_or(Duration::ZERO);
        let expired = stale.is_some_and(|stale| age > stale);
        if let Some(pid) = holder
            && pid != me
            && is_alive(pid)
            && !expired
        {
            return Err(PidLockError::Held {
                path: shown.to_path_buf(),
                pid,
            });
        }
        match unlinkat(dir, name) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(FsError::new("unlink", e).path(shown).into()),
        }
    }
    Err(PidLockError::Contended {
        path: shown.to_path_buf(),
    })
}

/// Writes `"<pid>\n"` to the pidfile just created; removes it again if that fails.
fn write_pid(dir: BorrowedFd<'_>, name: &CStr, fd: OwnedFd, pid: u32) -> FsResult<()> {
    let written = ops::write_all(fd.as_raw_fd(), format!("{pid}\n").as_bytes(), None)
        .and_then(|()| ops::close(fd));
    if written.is_err() {
        let _ = unlinkat(dir, name);
    }
    written
}

/// The pid a pidfile names (when it names a possible process) and when it was last modified.
fn read_holder(
    dir: BorrowedFd<'_>,
    name: &CStr,
    nofollow: i32,
) -> FsResult<(Option<u32>, SystemTime)> {
    let fd =
        openat(dir, name, libc::O_RDONLY | nofollow, 0).map_err(|e| FsError::new("open", e))?;
    let data = ops::read_to_end(fd.as_raw_fd())?;
    let mtime = ops::fstat(fd.as_raw_fd())?.mtime;
    let modified = match u64::try_from(mtime.sec) {
        Ok(sec) => UNIX_EPOCH + Duration::new(sec, mtime.nsec),
        Err(_) => UNIX_EPOCH,
    };
    Ok((parse_pid(&data), modified))
}

/// The pid at the start of `data`, read as JavaScript's `parseInt(data, 10)` reads it, when it
/// can name a process (1 to `i32::MAX`).
fn parse_pid(data: &[u8]) -> Option<u32> {
    let s = data.trim_ascii_start();
    let (negative, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if negative || digits == 0 {
        return None;
    }
    let pid: u64 = std::str::from_utf8(&s[..digits]).ok()?.parse().ok()?;
    match i32::try_from(pid) {
        Ok(p) if p > 0 => Some(p as u32),
        _ => None,
    }
}

/// Whether a process exists: `kill(pid, 0)` succeeds, or fails only for want of permission.
fn is_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        // 0 and negative numbers name process groups, not a process.
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists and may be signalled; `pid` is
    // positive, so it names one process.
    match syscall!(unsafe { libc::kill(pid, 0) }) {
        Ok(_) => true,
        Err(e) => e.raw_os_error() == Some(libc::EPERM),
    }
}

fn pid_unlock_in(dir: BorrowedFd<'_>, name: &CStr, shown: &Path, nofollow: i32) -> FsResult<bool> {
    let data = match openat(dir, name, libc::O_RDONLY | nofollow, 0) {
        Ok(fd) => ops::read_to_end(fd.as_raw_fd()).map_err(|e| e.path(shown))?,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(false),
        Err(e) => return Err(FsError::new("open", e).path(shown)),
    };
    if data.trim_ascii() != std::process::id().to_string().as_bytes() {
        return Ok(false);
    }
    match unlinkat(dir, name) {
        Ok(()) => Ok(true),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => Ok(false),
        Err(e) => Err(FsError::new("unlink", e).path(shown)),
    }
}

// --- atomic writes ------------------------------------------------------------------------------

/// How [`atomic_write`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtomicWrite {
    /// The new file's mode, before the umask (the old file's mode is not kept). Default `0o666`.
    pub mode: u32,
    /// `fsync` the data before the rename, so that a crash cannot leave the new name on an empty
    /// file. Default true.
    pub fsync: bool,
    /// `fsync` the directory after the rename, so that the rename itself survives a crash.
    /// Default true.
    pub fsync_dir: bool,
}

impl Default for AtomicWrite {
    fn default() -> AtomicWrite {
        AtomicWrite {
            mode: 0o666,
            fsync: true,
            fsync_dir: true,
        }
    }
}

/// Numbers the temporary files of this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Temporary names tried when one is taken (left by a crashed process with the same pid).
const TEMP_ATTEMPTS: usize = 16;

/// Replaces the content of `path` with `data`, so that a reader sees the old content or the new,
/// never a part: writes a temporary file `.<name>.<pid>.<counter>.tmp` in the same directory
/// (created exclusively with `mode`), optionally `fsync`s it, renames it over `path` and
/// optionally `fsync`s the directory. When anything before the rename fails, the temporary file
/// is removed and the error returned; an error from the directory's `fsync` comes after the
/// content was replaced. Blocking.
pub fn atomic_write(path: &Path, data: &[u8], opts: AtomicWrite) -> FsResult<()> {
    let (dir, name) = open_parent(path)?;
    atomic_write_in(dir.as_fd(), name, path, data, opts)
}

/// [`atomic_write`] for the single name `name` in the directory `dir` (any descriptor of it,
/// `O_PATH` ones too). Errors name `name` and the temporary file's name.
pub fn atomic_write_at(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    data: &[u8],
    opts: AtomicWrite,
) -> FsResult<()> {
    atomic_write_in(dir, name, Path::new(name), data, opts)
}

fn atomic_write_in(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    shown: &Path,
    data: &[u8],
    opts: AtomicWrite,
) -> FsResult<()> {
    let target = single_name(name).map_err(|e| FsError::new("open", e).path(shown))?;
    let (temp, temp_shown, fd) = create_temp(dir, name, shown, opts.mode)?;
    let moved = fill(fd, data, opts.fsync).and_then(|()| {
        renameat(dir, &temp, &target)
            .map_err(|e| FsError::new("rename", e).path(&temp_shown).dest(shown))
    });
    if let Err(e) = moved {
        let _ = unlinkat(dir, &temp);
        return Err(e);
    }
    if opts.fsync_dir {
        let parent = match shown.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let d = openat(dir, c".", libc::O_RDONLY | libc::O_DIRECTORY, 0)
            .map_err(|e| FsError::new("open", e).path(parent))?;
        ops::fsync(d.as_raw_fd(), false)?;
        ops::close(d)?;
    }
    Ok(())
}

/// Creates the temporary file beside `name`: its name, as a C string and as errors show it, and
/// its descriptor.
fn create_temp(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    shown: &Path,
    mode: u32,
) -> FsResult<(CString, PathBuf, OwnedFd)> {
    let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL;
    let mut attempt = 0;
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp = b".".to_vec();
        temp.extend_from_slice(name.as_bytes());
        temp.extend_from_slice(format!(".{}.{n}.tmp", std::process::id()).as_bytes());
        let temp_shown = shown.with_file_name(OsString::from_vec(temp.clone()));
        let c = CString::new(temp).expect("a checked name has no NUL");
        match openat(dir, &c, flags, mode) {
            Ok(fd) => return Ok((c, temp_shown, fd)),
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && attempt + 1 < TEMP_ATTEMPTS => {
                attempt += 1;
            }
            Err(e) => return Err(FsError::new("open", e).path(temp_shown)),
        }
    }
}

/// Writes all of `data` to the temporary file, syncs it if asked, and closes it.
fn fill(fd: OwnedFd, data: &[u8], sync: bool) -> FsResult<()> {
    ops::write_all(fd.as_raw_fd(), data, None)?;
    if sync {
        ops::fsync(fd.as_raw_fd(), false)?;
    }
    ops::close(fd)
}

// --- calls relative to a directory --------------------------------------------------------------

/// `name` as a C string, if it is one name in a directory: not empty, not `.` or `..`, without
/// `/` (or NUL). `EINVAL` otherwise.
fn single_name(name: &OsStr) -> io::Result<CString> {
    let b = name.as_bytes();
    if b.is_empty() || b == b"." || b == b".." || b.contains(&b'/') {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    CString::new(b).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// The parent directory of `path` (as an `O_PATH` descriptor) and its last name. A path without
/// a last name (`/`, `a/..`) is `EINVAL`. Errors name `path`.
fn open_parent(path: &Path) -> FsResult<(OwnedFd, &OsStr)> {
    let name = path
        .file_name()
        .ok_or_else(|| FsError::errno("open", libc::EINVAL).path(path))?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir = ops::open(parent, libc::O_PATH | libc::O_DIRECTORY, 0).map_err(|e| FsError {
        path: Some(path.to_path_buf()),
        ..e
    })?;
    Ok((dir, name))
}

/// `openat(dir, name, flags, mode)` on a borrowed directory; `O_CLOEXEC` is always added.
fn openat(dir: BorrowedFd<'_>, name: &CStr, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    crate::pool::beneath::openat(dir.as_raw_fd(), name, flags, mode)
}

/// `unlinkat(dir, name, 0)`.
fn unlinkat(dir: BorrowedFd<'_>, name: &CStr) -> io::Result<()> {
    // SAFETY: `name` is NUL-terminated.
    syscall!(unsafe { libc::unlinkat(dir.as_raw_fd(), name.as_ptr(), 0) })?;
    Ok(())
}

/// `renameat(dir, from, dir, to)`.
fn renameat(dir: BorrowedFd<'_>, from: &CStr, to: &CStr) -> io::Result<()> {
    let d = dir.as_raw_fd();
    // SAFETY: both names are NUL-terminated.
    syscall!(unsafe { libc::renameat(d, from.as_ptr(), d, to.as_ptr()) })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_pid_reads_like_parse_int() {
        assert_eq!(parse_pid(b"123\n"), Some(123));
        assert_eq!(parse_pid(b"  42abc"), Some(42));
        assert_eq!(parse_pid(b"+7"), Some(7));
        assert_eq!(parse_pid(b"-7"), None);
        assert_eq!(parse_pid(b"0\n"), None);
        assert_eq!(parse_pid(b""), None);
        assert_eq!(parse_pid(b"x1"), None);
        assert_eq!(parse_pid(b"99999999999999999999999"), None);
    }

    #[test]
    fn single_names_only() {
        for bad in ["", ".", "..", "a/b", "/a", "a\0b"] {
            assert!(single_name(OsStr::new(bad)).is_err(), "{bad:?}");
        }
        assert!(single_name(OsStr::new(".hidden")).is_ok());
    }
}
