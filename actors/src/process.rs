//! Child processes: what Node's `child_process` stands on (libuv's `uv_spawn` and
//! `uv_process_kill`, and Node's `SyncProcessRunner` for the `*Sync` functions).
//!
//! - [`spawn`] starts a program and returns at once, as soon as it has been executed (or has
//!   failed to be, with the errno: `ENOENT`, `EACCES`, ...), with a [`Spawned`]: its pid and a
//!   pidfd, a descriptor that names this process and no other.
//! - [`ChildWatch`] is an actor that owns a [`Spawned`] child: it watches the pidfd on the reactor,
//!   reaps the child when it exits, reports its [`ExitStatus`] once to its [`ChildHandler`] and
//!   stops. [`Kill`] signals it, [`SetChildRef`] says whether it keeps the system alive, [`Pid`]
//!   asks for its pid.
//! - [`KillHandle`] signals the child from any thread without a message; once the child has been
//!   reaped it answers `ESRCH`, never signalling another process that got the pid.
//! - [`spawn_sync`] runs a program to its end, blocking the calling thread on purpose, as Node's
//!   `spawnSync`, `execSync` and `execFileSync` do: input in, outputs collected, a timeout and a
//!   limit on the output.
//! - [`stdio_socketpair`] makes the two ends of a stdio pipe, as libuv does for Node's `'pipe'`:
//!   the caller keeps one, the child gets the other as [`StdioSpec::Fd`].
//!
//! ```no_run
//! use actors::System;
//! use actors::process::{self, ChildWatch, ExitStatus, SpawnOptions, StdioSpec};
//!
//! let mut system = System::new()?;
//! let mut opts = SpawnOptions::new("ls");
//! opts.args.push("-l".into());
//! opts.stdio = vec![StdioSpec::Ignore, StdioSpec::Inherit, StdioSpec::Inherit];
//! let child = process::spawn(opts)?;
//! println!("started pid {}", child.pid());
//! system.spawn(ChildWatch::new(child, |status: ExitStatus| println!("{status:?}")));
//! // Runs until the child exits: a ChildWatch is ref'd until then.
//! system.run()?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # What the child gets
//!
//! As with `uv_spawn`: `file` is looked up in `PATH` when it has no slash (the `PATH` of the
//! child's environment when [`SpawnOptions::env`] is given, as `execvp` does after the environment
//! is replaced); `args` is the whole argv, `args[0]` included; stdio index `i` becomes the child's
//! descriptor `i` (see [`StdioSpec`]); with `detached` the child calls `setsid` and leads a new
//! session; the directory is changed, then `gid` and `uid` are set (dropping supplementary groups)
//! in that order, so a directory only the parent may enter still works. Signal dispositions 1 to 31 are reset to their defaults and the signal mask cleared,
//! so a signal the parent ignores is not ignored by the child. Descriptors 0 to 2 are put in
//! blocking mode, which libuv does too (it changes the open file description, shared with whoever
//! else holds it).
//!
//! `std::process::Command` does the fork, the stdio 0 to 2, the directory, the environment and
//! the exec, and reports a failure of any of these (or of the hook) through its close-on-exec pipe
//! with its errno. The rest runs in a `pre_exec` hook: descriptors above 2, `setsid`, the signals,
//! and the ids (`Command` would set them before changing the directory).
//! Everything this module opens is close-on-exec, so nothing leaks into another child spawned at
//! the same time from another thread.
//!
//! # Reaping
//!
//! The pid stays reserved until the child is reaped, so `waitpid(pid)` and `kill(pid)` are safe
//! until then, and never after: once reaped, nothing here uses the pid again (signals go through
//! the pidfd, which answers `ESRCH`). A [`Spawned`] that is dropped unreaped (never given to a
//! [`ChildWatch`], or whose actor stopped, was killed or panicked before the exit) leaves the child
//! running, as closing a libuv process handle does; unlike libuv, it is not left a zombie: if it
//! has not exited yet, a thread (`actorjs-reaper`) waits for it and reaps it. If no thread can be
//! started, the zombie stays until this process exits.
//!
//! # `spawnSync`
//!
//! [`spawn_sync`] follows Node's `SyncProcessRunner` rather than its documentation where the two
//! differ: `max_buffer` counts the bytes of every output pipe together, and what was read is kept
//! whole (reads are of 64 KiB at most, so an output can exceed the limit by less than that).
//! After a timeout or an overflow the child is sent `kill_signal` and the pipes are closed at once;
//! the call then waits for the child's exit however long that takes. A write of the input that
//! fails (`EPIPE`: the child exited or closed its stdin without reading it all) ends the input;
//! its errno is the result's error unless a timeout or an overflow came first, as Node reports it.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reactor::{Interest, Ready, Token};
use socket2::{SockRef, Socket};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::reply::ReplyTo;
use crate::rights::Rights;
use crate::sys::{is_interrupted, syscall};

/// How often a [`ChildWatch`] whose pidfd the reactor refused looks for the exit instead.
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// The most [`spawn_sync`] reads from a pipe at a time (the size of Node's output buffers).
const READ_CHUNK: usize = 64 * 1024;
/// Reads from one pipe per wake-up in [`spawn_sync`], so that a child that writes without pause
/// cannot keep the timeout from being checked.
const READS_PER_TURN: usize = 16;

/// What a child's stdio descriptor is, one per index: 0, 1 and 2 are stdin, stdout and stderr,
/// higher indexes are descriptors the child gets at that number. Missing entries for 0 to 2 are
/// [`Ignore`](StdioSpec::Ignore), as `uv_spawn` treats them.
#[derive(Debug)]
pub enum StdioSpec {
    /// The parent's own descriptor of the same number (Node's `'inherit'`, libuv's
    /// `UV_INHERIT_FD` with the index as the descriptor). Spawning fails with `EBADF` if the
    /// parent has no such descriptor above 2.
    Inherit,
    /// `/dev/null`, opened read-only at index 0 and read-write elsewhere.
    Null,
    /// Node's `'ignore'` (libuv's `UV_IGNORE`): `/dev/null` at 0 to 2; above, the child gets
    /// nothing at that number.
    Ignore,
    /// This descriptor, duplicated onto the index in the child (Node's `'pipe'` with the child
    /// end of a [`stdio_socketpair`], a stream or a descriptor number). The parent's copy is
    /// closed when [`spawn`] returns.
    Fd(OwnedFd),
}

/// [`spawn_sync`]'s stdio entries: a [`StdioSpec`] or a pipe it makes, writes and reads itself.
#[derive(Debug)]
pub enum SyncStdio {
    /// A [`stdio_socketpair`]: at index 0 the child reads [`SyncOptions::input`] from it (and end
    /// of file after it); at any other index what the child writes is collected into
    /// [`SyncOutput::output`].
    Pipe,
    /// [`StdioSpec::Inherit`].
    Inherit,
    /// [`StdioSpec::Null`].
    Null,
    /// [`StdioSpec::Ignore`].
    Ignore,
    /// [`StdioSpec::Fd`].
    Fd(OwnedFd),
}

/// What to run and how ([`uv_process_options_t`]). `S` is [`StdioSpec`] for [`spawn`] and
/// [`SyncStdio`] for [`spawn_sync`].
///
/// [`uv_process_options_t`]: https://docs.libuv.org/en/v1.x/process.html#c.uv_process_options_t
#[derive(Debug)]
pub struct SpawnOptions<S = StdioSpec> {
    /// The program: a path, or a name looked up in `PATH` when it has no slash.
    pub file: OsString,
    /// The whole argv, `args[0]` included (it may differ from `file`). Empty means `[file]`.
    pub args: Vec<OsString>,
    /// `None` inherits this process's environment; `Some` gives the child exactly these
    /// variables.
    pub env: Option<Vec<(OsString, OsString)>>,
    /// The child's working directory; a missing one fails the spawn with `ENOENT`.
    pub cwd: Option<PathBuf>,
    /// One entry per descriptor of the child, from 0 (see [`StdioSpec`]).
    pub stdio: Vec<S>,
    /// `setuid` in the child (`EPERM` without the privilege).
    pub uid: Option<u32>,
    /// `setgid` in the child.
    pub gid: Option<u32>,
    /// Make the child the leader of a new session (`setsid`), as libuv's
    /// `UV_PROCESS_DETACHED`: it no longer gets the terminal's signals meant for this one.
    pub detached: bool,
}

impl<S> SpawnOptions<S> {
    /// Runs `file` with no other argument, this process's environment and directory, and every
    /// stdio entry [`Ignore`](StdioSpec::Ignore)d.
    pub fn new(file: impl Into<OsString>) -> SpawnOptions<S> {
        let file = file.into();
        SpawnOptions {
            args: vec![file.clone()],
            file,
            env: None,
            cwd: None,
            stdio: Vec::new(),
            uid: None,
            gid: None,
            detached: false,
        }
    }

    /// The same options with each stdio entry turned into another kind by `f(index, entry)`.
    fn map_stdio<T>(
        self,
        mut f: impl FnMut(usize, S) -> io::Result<T>,
    ) -> io::Result<SpawnOptions<T>> {
        let stdio = self
            .stdio
            .into_iter()
            .enumerate()
            .map(|(i, s)| f(i, s))
            .collect::<io::Result<Vec<T>>>()?;
        Ok(SpawnOptions {
            file: self.file,
            args: self.args,
            env: self.env,
            cwd: self.cwd,
            stdio,
            uid: self.uid,
            gid: self.gid,
            detached: self.detached,
        })
    }
}

/// How a child ended: exactly one of the two is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitStatus {
    /// Its exit code, when it exited.
    pub code: Option<i32>,
    /// The signal that killed it, when one did.
    pub signal: Option<i32>,
}

impl ExitStatus {
    /// Decodes what `waitpid` returned for a child that ended (neither `WUNTRACED` nor
    /// `WCONTINUED` is asked for, so it is exited or signalled).
    fn from_wait(status: libc::c_int) -> ExitStatus {
        if libc::WIFSIGNALED(status) {
            ExitStatus {
                code: None,
                signal: Some(libc::WTERMSIG(status)),
            }
        } else {
            ExitStatus {
                code: Some(libc::WEXITSTATUS(status)),
                signal: None,
            }
        }
    }
}

/// A pair of connected Unix stream sockets for one stdio pipe, as libuv makes Node's
/// (`socketpair(AF_UNIX, SOCK_STREAM)`): the parent's end, non-blocking, and the child's end,
/// blocking, for [`StdioSpec::Fd`]. Both are
/// close-on-exec; the child's copy loses the flag only at its own number in the child.
pub fn stdio_socketpair() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds: [RawFd; 2] = [0; 2];
    // SAFETY: socketpair writes two descriptors into `fds`, which has room for exactly two.
    syscall!(unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    })?;
    // SAFETY: socketpair succeeded: both are new open descriptors that nothing else owns.
    let (parent, child) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    SockRef::from(&parent).set_nonblocking(true)?;
    Ok((parent, child))
}

/// A child that [`spawn`] started and that nobody has reaped yet (see [Reaping](self#reaping)).
///
/// Give it to a [`ChildWatch`] to learn how it ends. Dropped unreaped, it is reaped in the
/// background.
#[derive(Debug)]
pub struct Spawned {
    pid: libc::pid_t,
    pidfd: Arc<OwnedFd>,
    /// `waitpid` returned the child (or said it is not ours to wait for): its pid may belong to
    /// another process now and is never waited for or signalled again.
    reaped: bool,
}

impl Spawned {
    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.pid as u32
    }

    /// A handle that signals the child from any thread, for as long as it lives.
    pub fn kill_handle(&self) -> KillHandle {
        KillHandle {
            pid: self.pid,
            pidfd: self.pidfd.clone(),
        }
    }

    /// Sends `signal` (0 only checks that the child is there): `ESRCH` once it was reaped,
    /// `EINVAL` for a signal number that does not exist.
    fn signal(&self, signal: i32) -> io::Result<()> {
        if self.reaped {
            return Err(io::Error::from_raw_os_error(libc::ESRCH));
        }
        pidfd_send_signal(self.pidfd.as_raw_fd(), signal)
    }

    /// Reaps the child if it has exited, without waiting. An error other than `EINTR` (only
    /// `ECHILD`: something else reaped it) also ends the child for this struct.
    fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        self.wait(libc::WNOHANG)
    }

    /// `waitpid` with `flags` (`WNOHANG` or 0), retried on `EINTR`.
    fn wait(&mut self, flags: libc::c_int) -> io::Result<Option<ExitStatus>> {
        if self.reaped {
            return Err(io::Error::from_raw_os_error(libc::ECHILD));
        }
        loop {
            let mut status = 0;
            // SAFETY: `status` is a valid place for waitpid to write to; the pid is still this
            // child's, since it has not been reaped.
            match syscall!(unsafe { libc::waitpid(self.pid, &mut status, flags) }) {
                Ok(0) => return Ok(None),
                Ok(_) => {
                    self.reaped = true;
                    return Ok(Some(ExitStatus::from_wait(status)));
                }
                Err(e) if is_interrupted(&e) => continue,
                Err(e) => {
                    self.reaped = true;
                    return Err(e);
                }
            }
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if self.reaped || matches!(self.try_wait(), Ok(Some(_)) | Err(_)) {
            return;
        }
        let pid = self.pid;
        let reaper = std::thread::Builder::new()
            .name("actorjs-reaper".into())
            .stack_size(64 * 1024)
            .spawn(move || {
                reactor::sys::block_async_signals();
                reap_blocking(pid)
            });
        // Without a thread the child is a zombie until this process exits; blocking here instead
        // could hold the reactor for as long as the child runs.
        drop(reaper);
    }
}

/// Signals one child from any thread (`uv_process_kill`, through the child's pidfd).
#[derive(Debug, Clone)]
pub struct KillHandle {
    pid: libc::pid_t,
    pidfd: Arc<OwnedFd>,
}

impl KillHandle {
    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.pid as u32
    }

    /// Sends `signal` to the child (0 only checks that it is there). `ESRCH` once it has been
    /// reaped (an exited child that is not reaped yet takes the signal and ignores it, as with
    /// `kill`); `EINVAL` for a signal number that does not exist.
    pub fn kill(&self, signal: i32) -> io::Result<()> {
        pidfd_send_signal(self.pidfd.as_raw_fd(), signal)
    }
}

fn pidfd_open(pid: libc::pid_t) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags, touches no memory of ours and returns a new
    // descriptor (close-on-exec) or -1.
    let fd = syscall!(unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) })?;
    // SAFETY: the call returned a new open descriptor that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

fn pidfd_send_signal(pidfd: RawFd, signal: i32) -> io::Result<()> {
    // SAFETY: pidfd_send_signal with a null siginfo (the kernel fills in what `kill` would) and
    // no flags reads nothing of ours; `pidfd` is open, owned by the caller.
    syscall!(unsafe {
        libc::syscall(
            libc::SYS_pidfd_send_signal,
            pidfd,
            signal,
            std::ptr::null::<libc::siginfo_t>(),
            0,
        )
    })?;
    Ok(())
}

/// An error with an errno: the few `Command` errors without one (a NUL byte in a string) are
/// `EINVAL`, as the JavaScript host reports invalid arguments before they get here.
fn with_errno(e: io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(_) => e,
        None => io::Error::from_raw_os_error(libc::EINVAL),
    }
}

/// `/dev/null` as libuv opens it for a stdio entry: read-only for stdin, read-write otherwise.
/// `std` opens it close-on-exec.
fn open_null(index: usize) -> io::Result<OwnedFd> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(index != 0)
        .open("/dev/null")?;
    Ok(file.into())
}

/// What the `pre_exec` hook does in the child, prepared in the parent so that the child only
/// makes system calls, with no allocation (the child of a multithreaded process may only call
/// async-signal-safe functions).
struct ChildSetup {
    detached: bool,
    /// The number of stdio entries, at least 3: no target is as high.
    count: RawFd,
    /// `(target, source)` for the entries above 2: the child's descriptor `target` becomes a
    /// copy of `source` (the same number: keep it across the exec).
    dups: Vec<(RawFd, RawFd)>,
    /// Sources at `count` or above, closed once copied (they are close-on-exec when this module
    /// made them; a caller's [`StdioSpec::Fd`] may not be).
    close: Vec<RawFd>,
    uid: Option<libc::uid_t>,
    gid: Option<libc::gid_t>,
}

impl ChildSetup {
    /// Runs in the child after `Command` has set up stdio 0 to 2, the ids and the directory.
    fn run(&mut self) -> io::Result<()> {
        if self.detached {
            // A freshly forked child is never a process group leader, so this cannot fail.
            // SAFETY: setsid takes no arguments and is async-signal-safe.
            unsafe { libc::setsid() };
        }
        // A source below `count` could be overwritten by the copy onto a lower target before
        // its own turn: move it above first (libuv does the same). Sources 0 to 2 cannot occur:
        // std opens /dev/null over a missing standard descriptor when a Rust program starts,
        // so no other descriptor gets those numbers.
        for (target, source) in self.dups.iter_mut() {
            if *source < self.count && *source != *target {
                let (fd, above) = (*source, self.count);
                // SAFETY: fcntl on a descriptor number; async-signal-safe.
                *source = syscall!(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, above) })?;
            }
        }
        for &(target, source) in &self.dups {
            if source == target {
                // SAFETY: fcntl on a descriptor number; async-signal-safe.
                syscall!(unsafe { libc::fcntl(target, libc::F_SETFD, 0) })?;
            } else {
                // SAFETY: dup2 on descriptor numbers; async-signal-safe. The copy has no
                // close-on-exec flag, so the program gets it.
                syscall!(unsafe { libc::dup2(source, target) })?;
            }
        }
        for fd in 0..3 {
            // SAFETY: fcntl on a descriptor number; async-signal-safe. Errors (a closed
            // descriptor) are ignored, as libuv ignores them.
            unsafe {
                let flags = libc::fcntl(fd, libc::F_GETFL);
                if flags != -1 && flags & libc::O_NONBLOCK != 0 {
                    libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
                }
            }
        }
        for &fd in &self.close {
            // SAFETY: closes a descriptor of the child's copy of the table; the parent's stays.
            unsafe { libc::close(fd) };
        }
        if self.uid.is_some() || self.gid.is_some() {
            // Dropping root's supplementary groups; without the privilege this fails, and so do
            // the calls below if they need it (libuv ignores this one's result too).
            // SAFETY: setgroups with an empty list reads no memory; async-signal-safe.
            unsafe { libc::setgroups(0, std::ptr::null()) };
        }
        if let Some(gid) = self.gid {
            // SAFETY: setgid takes a number; async-signal-safe.
            syscall!(unsafe { libc::setgid(gid) })?;
        }
        if let Some(uid) = self.uid {
            // SAFETY: setuid takes a number; async-signal-safe.
            syscall!(unsafe { libc::setuid(uid) })?;
        }
        // Handlers are reset by exec anyway; an ignored signal would stay ignored.
        // SAFETY: an all-zero sigaction is a valid one (no flags, empty mask) and SIG_DFL is 0;
        // sigaction is async-signal-safe.
        let default: libc::sigaction = unsafe { std::mem::zeroed() };
        for signal in 1..32 {
            if signal == libc::SIGKILL || signal == libc::SIGSTOP {
                continue;
            }
            // SAFETY: `default` is a valid sigaction; the old one is not asked for.
            syscall!(unsafe { libc::sigaction(signal, &default, std::ptr::null_mut()) })?;
        }
        Ok(())
    }
}

/// Starts `opts.file` as [What the child gets](self#what-the-child-gets) says, without waiting for
/// it: returns once the program has been executed. A failure to execute it (or to set up what it
/// gets) is the error, with its errno (`ENOENT`, `EACCES`, `EBADF`, `EPERM`, ...), and leaves no
/// child behind.
///
/// Needs Linux 5.3 or later for the pidfd: on an older kernel the child is killed and reaped and
/// the error is `ENOSYS`. The same goes for any failure to open the pidfd (`EMFILE`).
pub fn spawn(opts: SpawnOptions) -> io::Result<Spawned> {
    let count = opts.stdio.len().max(3);
    let mut cmd = Command::new(&opts.file);
    if let Some((argv0, rest)) = opts.args.split_first() {
        cmd.arg0(argv0).args(rest);
    }
    if let Some(env) = &opts.env {
        cmd.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
    }
    if let Some(cwd) = &opts.cwd {
        cmd.current_dir(cwd);
    }
    let mut stdio = opts.stdio;
    stdio.resize_with(count, || StdioSpec::Ignore);
    let mut setup = ChildSetup {
        detached: opts.detached,
        count: count as RawFd,
        dups: Vec::new(),
        close: Vec::new(),
        uid: opts.uid,
        gid: opts.gid,
    };
    // The parent's copies of the child's descriptors, closed when this function returns.
    let mut keep = Vec::new();
    for (index, spec) in stdio.into_iter().enumerate() {
        let target = index as RawFd;
        let source = match spec {
            StdioSpec::Inherit => None,
            StdioSpec::Null => Some(open_null(index)?),
            StdioSpec::Ignore if index < 3 => Some(open_null(index)?),
            StdioSpec::Ignore => continue,
            StdioSpec::Fd(fd) => Some(fd),
        };
        if let Some(fd) = &source
            && fd.as_raw_fd() >= setup.count
        {
            setup.close.push(fd.as_raw_fd());
        }
        if index < 3 {
            let stdio = source.map_or_else(Stdio::inherit, Stdio::from);
            match index {
                0 => cmd.stdin(stdio),
                1 => cmd.stdout(stdio),
                _ => cmd.stderr(stdio),
            };
        } else {
            setup
                .dups
                .push((target, source.as_ref().map_or(target, |fd| fd.as_raw_fd())));
            keep.extend(source);
        }
    }
    // SAFETY: the hook runs in the forked child before exec, where only async-signal-safe calls
    // are allowed: `ChildSetup::run` makes only setsid, fcntl, dup2, close, set*id and sigaction calls on
    // memory allocated before the fork, and allocates nothing. The descriptors it names stay open
    // in the parent (in `cmd` and `keep`) until `spawn` has returned.
    unsafe {
        cmd.pre_exec(move || setup.run());
    }
    let child = cmd.spawn().map_err(with_errno)?;
    drop(cmd);
    drop(keep);
    let pid = child.id() as libc::pid_t;
    // `std::process::Child` neither kills nor waits when dropped: from here the pid is ours.
    drop(child);
    match pidfd_open(pid) {
        Ok(pidfd) => Ok(Spawned {
            pid,
            pidfd: Arc::new(pidfd),
            reaped: false,
        }),
        Err(e) => {
            kill_and_reap(pid);
            Err(e)
        }
    }
}

/// Kills a child that [`spawn`] cannot hand over, and waits for it.
fn kill_and_reap(pid: libc::pid_t) {
    // SAFETY: kill on our unreaped child's pid, which no other process can have.
    let _ = syscall!(unsafe { libc::kill(pid, libc::SIGKILL) });
    reap_blocking(pid);
}

/// Waits for the child `pid` to end and reaps it. Only for a child nothing else reaps: the pid is
/// this child's until the call returns, another process's perhaps after.
fn reap_blocking(pid: libc::pid_t) {
    let mut status = 0;
    // SAFETY: `status` is a valid place for waitpid to write to; the pid is an unreaped child's.
    while let Err(e) = syscall!(unsafe { libc::waitpid(pid, &mut status, 0) }) {
        if !is_interrupted(&e) {
            break;
        }
    }
}

/// Hears how a child ended, on the reactor thread.
pub trait ChildHandler: 'static {
    /// The child exited or was killed by a signal. Called once at most.
    fn exit(&mut self, status: ExitStatus);
}

impl<F> ChildHandler for F
where
    F: FnMut(ExitStatus) + 'static,
{
    fn exit(&mut self, status: ExitStatus) {
        self(status)
    }
}

/// The child-process actor: owns one [`Spawned`] child until it exits. See the
/// [module documentation](self).
///
/// # Lifecycle
///
/// Made with its child and handler. `started` registers the child's pidfd for readability (the
/// kernel makes it readable when the child exits) and looks once right away, for a child that
/// exited before the registration. When the child has exited the actor reaps it, reports its
/// [`ExitStatus`] to the handler and stops itself: a [`Kill`] sent after that fails with
/// [`ActorError::Stopped`](crate::ActorError::Stopped), and a [`KillHandle`] answers `ESRCH`.
/// Node closes its handle on exit too, after which `child.kill()` returns false, as it does for
/// `ESRCH`.
///
/// It keeps the system alive while the child runs, unless [`SetChildRef`] says otherwise (Node's
/// `child.unref()`). Stopped, killed or panicking before the exit, it leaves the child running and
/// hands its reaping to a thread (see [Reaping](self#reaping)); no exit is reported.
///
/// If something else reaps the child (`SIGCHLD` set to `SIG_IGN`, or a `waitpid(-1)` somewhere
/// in the process), its status is lost: libuv then reports nothing and waits forever; this actor
/// reports nothing and stops.
///
/// Nothing it does blocks: the wait is `waitpid(WNOHANG)` after the pidfd says the child exited.
/// If the reactor refuses the pidfd, it looks every 50 ms instead.
pub struct ChildWatch {
    child: Spawned,
    handler: Box<dyn ChildHandler>,
    token: Option<Token>,
}

impl fmt::Debug for ChildWatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChildWatch({})", Actor::holds(self))
    }
}

impl ChildWatch {
    /// An actor that watches `child` and reports its end to `handler`.
    pub fn new(child: Spawned, handler: impl ChildHandler) -> ChildWatch {
        ChildWatch {
            child,
            handler: Box::new(handler),
            token: None,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.pid()
    }

    /// Reaps the child if it exited, reports it and stops.
    fn reap(&mut self, cx: &mut Context<'_, Self>) {
        if self.child.reaped {
            return;
        }
        match self.child.try_wait() {
            Ok(None) if self.token.is_none() => {
                let key = cx.run_later(POLL_INTERVAL, Reap);
                // The actor's own ref says whether the child keeps the system alive.
                cx.set_timer_ref(key, false);
            }
            Ok(None) => {}
            Ok(Some(status)) => {
                self.handler.exit(status);
                cx.stop();
            }
            // ECHILD: reaped elsewhere (see the lifecycle).
            Err(_) => cx.stop(),
        }
    }
}

impl Actor for ChildWatch {
    const KIND: &'static str = "child process";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        self.token = cx
            .register(self.child.pidfd.as_raw_fd(), Interest::READABLE)
            .ok();
        // Not `reap` here: a handler must not run inside the `spawn` call that made the actor.
        let _ = cx.addr().tell(Reap);
    }

    fn ready(&mut self, _token: Token, _ready: Ready, cx: &mut Context<'_, Self>) {
        self.reap(cx);
    }

    /// `pid 4242` (`pid 4242 exited` between the reap and the stop).
    fn holds(&self) -> String {
        let exited = if self.child.reaped { " exited" } else { "" };
        format!("pid {}{exited}", self.child.pid)
    }
}

/// Looks whether the child exited: sent once at the start, then every [`POLL_INTERVAL`] if the
/// pidfd could not be registered.
struct Reap;
impl Message for Reap {
    type Reply = ();
}
impl Handler<Reap> for ChildWatch {
    fn handle(&mut self, _: Reap, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.reap(cx);
    }
}

/// Sends a signal to the child (`child.kill(signal)`): answered `Ok` when it was sent, `EINVAL`
/// for a signal number that does not exist. 0 only checks that the child is there.
#[derive(Debug, Clone, Copy)]
pub struct Kill(pub i32);
impl Message for Kill {
    type Reply = io::Result<()>;
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<Kill> for ChildWatch {
    fn handle(&mut self, m: Kill, reply: ReplyTo<io::Result<()>>, _: &mut Context<'_, Self>) {
        reply.send(self.child.signal(m.0));
    }
}

/// Whether the child keeps the system alive (`child.ref()` and `child.unref()`).
#[derive(Debug, Clone, Copy)]
pub struct SetChildRef(pub bool);
impl Message for SetChildRef {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<SetChildRef> for ChildWatch {
    fn handle(&mut self, m: SetChildRef, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        cx.set_ref(m.0);
        reply.send(());
    }
}

/// Asks for the child's process id.
#[derive(Debug, Clone, Copy)]
pub struct Pid;
impl Message for Pid {
    type Reply = u32;
}
impl Handler<Pid> for ChildWatch {
    fn handle(&mut self, _: Pid, reply: ReplyTo<u32>, _: &mut Context<'_, Self>) {
        reply.send(self.child.pid());
    }
}

/// [`spawn_sync`]'s options beyond what to run (Node's `spawnSync` options). Node's `timeout` of
/// 0 and `maxBuffer` of 0 or `Infinity` mean no limit: `None` here.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Written to the child's stdin when index 0 is a [`SyncStdio::Pipe`] (ignored otherwise),
    /// then end of file.
    pub input: Option<Vec<u8>>,
    /// Kill the child with `kill_signal` after this long (counted from before the spawn) and
    /// report `ETIMEDOUT`.
    pub timeout: Option<Duration>,
    /// The signal for a timeout or an overflow (Node's `killSignal`, `SIGTERM` by default).
    pub kill_signal: i32,
    /// Kill the child with `kill_signal` and report `ENOBUFS` once the output pipes together have
    /// delivered more than this many bytes.
    pub max_buffer: Option<usize>,
}

impl Default for SyncOptions {
    fn default() -> SyncOptions {
        SyncOptions {
            input: None,
            timeout: None,
            kill_signal: libc::SIGTERM,
            max_buffer: None,
        }
    }
}

/// How a [`spawn_sync`] child ended and what it wrote (Node's `spawnSync` result).
#[derive(Debug)]
pub struct SyncOutput {
    /// The child's process id.
    pub pid: u32,
    /// How it ended.
    pub status: ExitStatus,
    /// One entry per stdio index (at least 3): what the child wrote for each output
    /// [`SyncStdio::Pipe`], `None` for stdin and for anything that is not a pipe.
    pub output: Vec<Option<Vec<u8>>>,
    /// What went wrong after the spawn, in Node's order: `ETIMEDOUT`, `ENOBUFS` or the errno of
    /// a `kill_signal` that could not be sent (the child then gets `SIGKILL`), whichever came
    /// first; otherwise the first error of a pipe (`EPIPE` writing the input).
    pub error: Option<io::Error>,
}

/// Runs a child to its end and collects its output, blocking this thread until the child has
/// exited and every output pipe is closed (a grandchild holding one keeps the call waiting, as in
/// Node), or until a timeout or an overflow ends it (see [`spawnSync`](self#spawnsync)). The child
/// is always reaped before this returns.
///
/// A failure to spawn is the error (`ENOENT`, ...); everything after the spawn goes to
/// [`SyncOutput::error`]. An `Err` after the spawn comes only from `poll` failing (the child is
/// then killed with `SIGKILL` and reaped first) or from something else having reaped the child
/// (`ECHILD`, see [`ChildWatch`]).
pub fn spawn_sync(opts: SpawnOptions<SyncStdio>, sync: SyncOptions) -> io::Result<SyncOutput> {
    // Node starts the kill timer before the spawn.
    let deadline = sync.timeout.map(|t| Instant::now() + t);
    let count = opts.stdio.len().max(3);
    let mut input = sync.input;
    let mut stdin = None;
    let mut outputs = Vec::new();
    let opts = opts.map_stdio(|index, s| {
        Ok(match s {
            SyncStdio::Pipe => {
                let (parent, child) = stdio_socketpair()?;
                let sock = Socket::from(parent);
                if index == 0 {
                    stdin = Some(Input {
                        sock,
                        data: input.take().unwrap_or_default(),
                        written: 0,
                    });
                } else {
                    outputs.push(Output {
                        index,
                        sock: Some(sock),
                        data: Vec::new(),
                    });
                }
                StdioSpec::Fd(child)
            }
            SyncStdio::Inherit => StdioSpec::Inherit,
            SyncStdio::Null => StdioSpec::Null,
            SyncStdio::Ignore => StdioSpec::Ignore,
            SyncStdio::Fd(fd) => StdioSpec::Fd(fd),
        })
    })?;
    let child = spawn(opts)?;
    let mut run = SyncRun {
        child,
        status: None,
        stdin,
        outputs,
        deadline,
        kill_signal: sync.kill_signal,
        max_buffer: sync.max_buffer,
        buffered: 0,
        error: None,
        pipe_error: None,
        killed: false,
    };
    run.run()?;
    let mut output: Vec<Option<Vec<u8>>> = (0..count).map(|_| None).collect();
    for out in run.outputs.drain(..) {
        output[out.index] = Some(out.data);
    }
    Ok(SyncOutput {
        pid: run.child.pid(),
        status: run.status.expect("the loop ends once the child is reaped"),
        output,
        error: run
            .error
            .or(run.pipe_error)
            .map(io::Error::from_raw_os_error),
    })
}

/// The parent's end of a stdin pipe and what is left to write to it.
struct Input {
    sock: Socket,
    data: Vec<u8>,
    written: usize,
}

/// The parent's end of an output pipe (`None` once closed) and what came through it.
struct Output {
    index: usize,
    sock: Option<Socket>,
    data: Vec<u8>,
}

/// What a `poll` entry in [`SyncRun::run`] stands for.
#[derive(Clone, Copy)]
enum Slot {
    Child,
    Input,
    Output(usize),
}

/// One [`spawn_sync`] in progress: Node's `SyncProcessRunner` on `poll(2)` instead of a loop.
///
/// Dropped before the child was reaped (a `poll` failure, a panic), it kills the child with
/// `SIGKILL` and waits for it.
struct SyncRun {
    child: Spawned,
    status: Option<ExitStatus>,
    /// Open until the input is written (then closed: end of file for the child) or fails.
    stdin: Option<Input>,
    outputs: Vec<Output>,
    /// Cleared once the child was killed, as Node stops its timer.
    deadline: Option<Instant>,
    kill_signal: i32,
    max_buffer: Option<usize>,
    /// Bytes read from every output pipe together.
    buffered: usize,
    /// The first of `ETIMEDOUT`, `ENOBUFS` and a failed `kill_signal`.
    error: Option<i32>,
    /// The first error on a pipe.
    pipe_error: Option<i32>,
    killed: bool,
}

impl SyncRun {
    fn run(&mut self) -> io::Result<()> {
        let mut scratch = vec![0u8; READ_CHUNK];
        self.write_input();
        let mut fds: Vec<libc::pollfd> = Vec::new();
        let mut slots: Vec<Slot> = Vec::new();
        while self.status.is_none() || self.pipes_open() {
            let timeout = match self.deadline {
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        self.set_error(libc::ETIMEDOUT);
                        self.kill();
                        continue;
                    }
                    let ms = (deadline - now).as_micros().div_ceil(1000);
                    ms.min(libc::c_int::MAX as u128) as libc::c_int
                }
                None => -1,
            };
            fds.clear();
            slots.clear();
            let mut watch = |fd: RawFd, events: libc::c_short, slot: Slot| {
                fds.push(libc::pollfd {
                    fd,
                    events,
                    revents: 0,
                });
                slots.push(slot);
            };
            if self.status.is_none() {
                watch(self.child.pidfd.as_raw_fd(), libc::POLLIN, Slot::Child);
            }
            if let Some(input) = &self.stdin {
                watch(input.sock.as_raw_fd(), libc::POLLOUT, Slot::Input);
            }
            for (k, out) in self.outputs.iter().enumerate() {
                if let Some(sock) = &out.sock {
                    watch(sock.as_raw_fd(), libc::POLLIN, Slot::Output(k));
                }
            }
            // SAFETY: `fds` holds `fds.len()` initialised pollfd entries for descriptors that
            // stay open during the call.
            let polled = syscall!(unsafe {
                libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout)
            });
            match polled {
                Ok(_) => {}
                Err(e) if is_interrupted(&e) => continue,
                Err(e) => return Err(e),
            }
            for (pfd, &slot) in fds.iter().zip(&slots) {
                if pfd.revents == 0 {
                    continue;
                }
                match slot {
                    Slot::Child => {
                        if let Some(status) = self.child.try_wait()? {
                            self.status = Some(status);
                        }
                    }
                    Slot::Input => self.write_input(),
                    Slot::Output(k) => self.read_output(k, &mut scratch),
                }
            }
        }
        Ok(())
    }

    fn pipes_open(&self) -> bool {
        self.stdin.is_some() || self.outputs.iter().any(|o| o.sock.is_some())
    }

    fn set_error(&mut self, errno: i32) {
        self.error.get_or_insert(errno);
    }

    /// Ends the input on an error (the first pipe error is kept) or once it is all written.
    fn write_input(&mut self) {
        while let Some(input) = &mut self.stdin {
            let rest = &input.data[input.written..];
            if rest.is_empty() {
                self.stdin = None;
                return;
            }
            match input.sock.send_with_flags(rest, libc::MSG_NOSIGNAL) {
                Ok(n) => input.written += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if is_interrupted(&e) => {}
                Err(e) => {
                    self.pipe_error
                        .get_or_insert(e.raw_os_error().unwrap_or(libc::EIO));
                    self.stdin = None;
                }
            }
        }
    }

    /// Reads what output pipe `k` has, a few chunks at most, closing it at end of file.
    fn read_output(&mut self, k: usize, scratch: &mut [u8]) {
        for _ in 0..READS_PER_TURN {
            let out = &mut self.outputs[k];
            let Some(sock) = &out.sock else { return };
            match (&*sock).read(scratch) {
                Ok(0) => {
                    out.sock = None;
                    return;
                }
                Ok(n) => {
                    out.data.extend_from_slice(&scratch[..n]);
                    self.buffered += n;
                    if self.max_buffer.is_some_and(|max| self.buffered > max) {
                        self.set_error(libc::ENOBUFS);
                        self.kill();
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if is_interrupted(&e) => {}
                Err(e) => {
                    self.pipe_error
                        .get_or_insert(e.raw_os_error().unwrap_or(libc::EIO));
                    out.sock = None;
                    return;
                }
            }
        }
    }

    /// Node's `SyncProcessRunner::Kill`: once, `kill_signal` to a child that has not been reaped
    /// (`SIGKILL` if that signal cannot be sent), then every pipe closed and the timer stopped.
    fn kill(&mut self) {
        if self.killed {
            return;
        }
        self.killed = true;
        if self.status.is_none()
            && let Err(e) = self.child.signal(self.kill_signal)
            && e.raw_os_error() != Some(libc::ESRCH)
        {
            self.set_error(e.raw_os_error().unwrap_or(libc::EINVAL));
            let _ = self.child.signal(libc::SIGKILL);
        }
        self.stdin = None;
        for out in &mut self.outputs {
            out.sock = None;
        }
        self.deadline = None;
    }
}

impl Drop for SyncRun {
    fn drop(&mut self) {
        if !self.child.reaped {
            let _ = self.child.signal(libc::SIGKILL);
            let _ = self.child.wait(0);
        }
    }
}
