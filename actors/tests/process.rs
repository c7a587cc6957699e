//! Child processes: spawning as `uv_spawn` does (exec errors with their errno, argv, environment,
//! directory, stdio and extra descriptors, sessions, ids, signal dispositions), the child-watch
//! actor (exit codes and signals, kill, liveness, reaping after a stop) and `spawn_sync` (input,
//! outputs, timeout, the output limit, large transfers both ways).
//!
//! Every test ends within [`DEADLINE`] even when the code under test hangs a child: children that
//! would run long are `sleep`s that the tests kill.

mod support;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::rc::Rc;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use actors::process::{
    self, ChildWatch, ExitStatus, Kill, Pid, SetChildRef, SpawnOptions, Spawned, StdioSpec,
    SyncOptions, SyncOutput, SyncStdio,
};
use actors::{ActorError, Addr, ReplyFuture, System};

const TICK: Duration = Duration::from_millis(5);
const DEADLINE: Duration = Duration::from_secs(10);

/// Taken for reading by every test, and for writing by the one that counts this process's
/// descriptors, so that no other test opens or closes any while it counts.
static FDS: RwLock<()> = RwLock::new(());

type Exit = Rc<RefCell<Option<ExitStatus>>>;

fn shared() -> std::sync::RwLockReadGuard<'static, ()> {
    FDS.read().unwrap_or_else(|e| e.into_inner())
}

fn os(strs: &[&str]) -> Vec<OsString> {
    strs.iter().map(OsString::from).collect()
}

/// `/bin/sh -c script` with the given stdio.
fn sh<S>(script: &str, stdio: Vec<S>) -> SpawnOptions<S> {
    let mut opts = SpawnOptions::new("/bin/sh");
    opts.args = os(&["sh", "-c", script]);
    opts.stdio = stdio;
    opts
}

/// `sh -c script` with stdin ignored and stdout and stderr inherited.
fn sh_plain(script: &str) -> SpawnOptions {
    sh(
        script,
        vec![StdioSpec::Ignore, StdioSpec::Inherit, StdioSpec::Inherit],
    )
}

fn errno(e: &std::io::Error) -> Option<i32> {
    e.raw_os_error()
}

/// Spawns a watch on `child`, recording its exit.
fn watch(s: &mut System, child: Spawned) -> (Addr<ChildWatch>, Exit) {
    let exit: Exit = Rc::default();
    let e = exit.clone();
    let addr = s.spawn(ChildWatch::new(child, move |status| {
        assert!(e.borrow_mut().replace(status).is_none(), "reported twice");
    }));
    (addr, exit)
}

/// Runs the system until the exit is reported.
fn exit_of(s: &mut System, exit: &Exit) -> ExitStatus {
    assert!(
        support::run_until(s, DEADLINE, TICK, |_| exit.borrow().is_some()),
        "no exit within {DEADLINE:?}"
    );
    exit.borrow().unwrap()
}

/// Runs the system until `f` has its answer.
fn answer<R>(s: &mut System, mut f: ReplyFuture<R>) -> Result<R, ActorError> {
    let mut got = None;
    assert!(
        support::run_until(s, DEADLINE, TICK, |_| {
            got = f.try_take();
            got.is_some()
        }),
        "no answer within {DEADLINE:?}"
    );
    got.unwrap()
}

fn code(code: i32) -> ExitStatus {
    ExitStatus {
        code: Some(code),
        signal: None,
    }
}

fn signal(signal: i32) -> ExitStatus {
    ExitStatus {
        code: None,
        signal: Some(signal),
    }
}

/// Sync options whose timeout ends the test's wait if a child never finishes (an output pipe
/// leaked into another child would keep it from ever reaching end of file).
fn bounded() -> SyncOptions {
    SyncOptions {
        timeout: Some(DEADLINE),
        ..SyncOptions::default()
    }
}

/// Reads the parent's end of a stdio pipe to its end, for at most [`DEADLINE`].
fn read_all(fd: OwnedFd) -> String {
    let mut stream = UnixStream::from(fd);
    stream.set_nonblocking(false).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut got = String::new();
    stream.read_to_string(&mut got).unwrap();
    got
}

/// Runs `opts` with a pipe for stdout and everything else ignored, and returns what it wrote.
fn stdout_of(mut opts: SpawnOptions<SyncStdio>) -> String {
    opts.stdio = vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Inherit];
    let out = process::spawn_sync(opts, bounded()).unwrap();
    assert_eq!(out.status, code(0), "{out:?}");
    String::from_utf8(out.output[1].clone().unwrap()).unwrap()
}

/// Whether `pid` is still a process or a zombie (not yet reaped).
fn exists(pid: u32) -> bool {
    fs::metadata(format!("/proc/{pid}")).is_ok()
}

#[test]
fn exit_codes_and_signals_are_reported() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let (_, exit) = watch(&mut s, process::spawn(sh_plain("exit 3")).unwrap());
    assert_eq!(exit_of(&mut s, &exit), code(3));
    let (_, exit) = watch(&mut s, process::spawn(sh_plain("kill -TERM $$")).unwrap());
    assert_eq!(exit_of(&mut s, &exit), signal(libc::SIGTERM));
    // The actor stopped after reporting: nothing is left to keep the system alive.
    assert!(support::run_until(&mut s, DEADLINE, TICK, |s| !s.is_alive()));
    assert!(s.live_actors().is_empty());
}

#[test]
fn kill_signals_the_child_until_it_is_reaped() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let mut opts = SpawnOptions::new("sleep");
    opts.args = os(&["sleep", "10"]);
    let child = process::spawn(opts).unwrap();
    let handle = child.kill_handle();
    let pid = child.pid();
    let (addr, exit) = watch(&mut s, child);
    assert_eq!(answer(&mut s, addr.ask(Pid)).unwrap(), pid);
    assert!(s.live_actors()[0].holds.contains(&format!("pid {pid}")));
    assert_eq!(handle.kill(0).map_err(|e| errno(&e)), Ok(()));
    let bad = answer(&mut s, addr.ask(Kill(1000))).unwrap().unwrap_err();
    assert_eq!(errno(&bad), Some(libc::EINVAL));
    answer(&mut s, addr.ask(Kill(libc::SIGKILL)))
        .unwrap()
        .unwrap();
    let started = Instant::now();
    assert_eq!(exit_of(&mut s, &exit), signal(libc::SIGKILL));
    assert!(started.elapsed() < Duration::from_secs(5));

    // Reaped: the pidfd says so, whoever has the pid now.
    let gone = handle.kill(libc::SIGKILL).unwrap_err();
    assert_eq!(errno(&gone), Some(libc::ESRCH));
    // And the actor has stopped, as Node closes the handle on exit.
    let late = answer(&mut s, addr.ask(Kill(libc::SIGTERM)));
    assert!(
        matches!(
            late,
            Err(ActorError::Stopped { .. } | ActorError::NotFound { .. })
        ),
        "{late:?}"
    );
}

#[test]
fn exec_failures_are_the_spawn_error_with_their_errno() {
    let _fds = shared();
    let missing = process::spawn(SpawnOptions::new("/nonexistent/program")).unwrap_err();
    assert_eq!(errno(&missing), Some(libc::ENOENT));
    let not_in_path = process::spawn(SpawnOptions::new("no-such-program-here")).unwrap_err();
    assert_eq!(errno(&not_in_path), Some(libc::ENOENT));

    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("not-executable");
    fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o644)).unwrap();
    let denied = process::spawn(SpawnOptions::new(&script)).unwrap_err();
    assert_eq!(errno(&denied), Some(libc::EACCES));

    let mut opts = sh_plain("exit 0");
    opts.cwd = Some(dir.path().join("no-such-dir"));
    let no_cwd = process::spawn(opts).unwrap_err();
    assert_eq!(errno(&no_cwd), Some(libc::ENOENT));

    // Inheriting a descriptor the parent does not have (none is this high, below the usual
    // limit of 1024).
    let mut opts = sh_plain("exit 0");
    opts.stdio.resize_with(900, || StdioSpec::Ignore);
    opts.stdio.push(StdioSpec::Inherit);
    let bad_fd = process::spawn(opts).unwrap_err();
    assert_eq!(errno(&bad_fd), Some(libc::EBADF));

    let sync = process::spawn_sync(SpawnOptions::new("/nonexistent/program"), bounded());
    assert_eq!(errno(&sync.unwrap_err()), Some(libc::ENOENT));
}

#[test]
fn cwd_env_and_argv0_reach_the_child() {
    let _fds = shared();
    let dir = tempfile::tempdir().unwrap();
    let mut opts = SpawnOptions::new("pwd");
    opts.cwd = Some(dir.path().to_owned());
    let pwd = stdout_of(opts);
    assert_eq!(
        fs::canonicalize(pwd.trim_end()).unwrap(),
        fs::canonicalize(dir.path()).unwrap()
    );

    // None inherits.
    let path = std::env::var("PATH").expect("tests run with a PATH");
    let mut opts = SpawnOptions::new("printenv");
    opts.args = os(&["printenv", "PATH"]);
    assert_eq!(stdout_of(opts), format!("{path}\n"));

    // Some replaces: the child sees only what it was given.
    let mut opts = SpawnOptions::new("/usr/bin/env");
    opts.env = Some(vec![("ONLY".into(), "this".into())]);
    assert_eq!(stdout_of(opts), "ONLY=this\n");
    let mut opts = SpawnOptions::new("/usr/bin/env");
    opts.env = Some(Vec::new());
    assert_eq!(stdout_of(opts), "");

    // A name is looked up in the child's PATH.
    let mut opts = SpawnOptions::new("env");
    opts.env = Some(vec![("PATH".into(), "/usr/bin:/bin".into())]);
    assert_eq!(stdout_of(opts), "PATH=/usr/bin:/bin\n");

    // argv[0] is not `file`.
    let mut opts = SpawnOptions::new("cat");
    opts.args = os(&["not-cat", "/proc/self/cmdline"]);
    assert_eq!(stdout_of(opts), "not-cat\0/proc/self/cmdline\0");
}

#[test]
fn stdio_descriptors_reach_the_child_at_their_index() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let (out_parent, out_child) = process::stdio_socketpair().unwrap();
    let (three_parent, three_child) = process::stdio_socketpair().unwrap();
    let (four_parent, four_child) = process::stdio_socketpair().unwrap();
    let opts = sh(
        "echo hi; echo x >&3; echo y >&4",
        vec![
            StdioSpec::Null,
            StdioSpec::Fd(out_child),
            StdioSpec::Inherit,
            StdioSpec::Fd(three_child),
            StdioSpec::Fd(four_child),
        ],
    );
    let (_, exit) = watch(&mut s, process::spawn(opts).unwrap());
    assert_eq!(exit_of(&mut s, &exit), code(0));
    // The parent closed its copies of the child ends: each read ends once the child has exited.
    for (fd, expect) in [
        (out_parent, "hi\n"),
        (three_parent, "x\n"),
        (four_parent, "y\n"),
    ] {
        assert_eq!(read_all(fd), expect);
    }

    // stdin and stdout ignored are /dev/null: reads end at once, writes vanish.
    let ignored = process::spawn_sync(
        sh(
            "cat; echo lost",
            vec![SyncStdio::Ignore, SyncStdio::Ignore, SyncStdio::Pipe],
        ),
        bounded(),
    )
    .unwrap();
    assert_eq!(ignored.status, code(0));
    assert_eq!(ignored.output, vec![None, None, Some(Vec::new())]);
}

#[test]
fn the_child_gets_no_descriptor_it_was_not_given() {
    let _fds = shared();
    // Descriptors this process holds without close-on-exec (the test harness may have some):
    // they are the child's too, as they would be for any program.
    let inherited: BTreeSet<i32> = fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|&fd: &i32| {
            // SAFETY: F_GETFD on a descriptor number reads nothing of ours.
            let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
            fd > 2 && flags != -1 && flags & libc::FD_CLOEXEC == 0
        })
        .collect();
    // Some descriptors of this module's making, open while the child is spawned.
    let (_keep_parent, keep_child) = process::stdio_socketpair().unwrap();
    let mut other = SpawnOptions::new("sleep");
    other.args = os(&["sleep", "10"]);
    other.stdio = vec![StdioSpec::Fd(keep_child)];
    let other = process::spawn(other).unwrap();
    let (_three_parent, three_child) = process::stdio_socketpair().unwrap();

    let listing = process::spawn_sync(
        sh(
            "ls /proc/$$/fd",
            vec![
                SyncStdio::Pipe,
                SyncStdio::Pipe,
                SyncStdio::Inherit,
                SyncStdio::Fd(three_child),
            ],
        ),
        bounded(),
    )
    .unwrap();
    other.kill_handle().kill(libc::SIGKILL).unwrap();
    let seen: BTreeSet<i32> = String::from_utf8(listing.output[1].clone().unwrap())
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    let mut expected: BTreeSet<i32> = [0, 1, 2, 3].into();
    expected.extend(inherited);
    assert_eq!(seen, expected);
}

#[test]
fn no_descriptor_leaks_in_the_parent() {
    let _fds = FDS.write().unwrap_or_else(|e| e.into_inner());
    let count = || fs::read_dir("/proc/self/fd").unwrap().count();
    let mut s = System::new().unwrap();
    s.dispatch();
    let before = count();

    let mut running = Vec::new();
    for _ in 0..20 {
        let (out_parent, out_child) = process::stdio_socketpair().unwrap();
        let (three_parent, three_child) = process::stdio_socketpair().unwrap();
        let opts = sh(
            "echo out; echo extra >&3",
            vec![
                StdioSpec::Null,
                StdioSpec::Fd(out_child),
                StdioSpec::Ignore,
                StdioSpec::Fd(three_child),
            ],
        );
        let child = process::spawn(opts).unwrap();
        let handle = child.kill_handle();
        let (_, exit) = watch(&mut s, child);
        running.push((exit, handle, out_parent, three_parent));
    }
    for (exit, ..) in &running {
        assert_eq!(exit_of(&mut s, exit), code(0));
    }
    drop(running);

    for _ in 0..20 {
        let out = process::spawn_sync(
            sh(
                "echo err >&2; cat",
                vec![
                    SyncStdio::Pipe,
                    SyncStdio::Pipe,
                    SyncStdio::Pipe,
                    SyncStdio::Null,
                ],
            ),
            SyncOptions {
                input: Some(b"in".to_vec()),
                ..bounded()
            },
        )
        .unwrap();
        assert_eq!(out.output[1].as_deref(), Some(&b"in"[..]));
    }

    // Failed spawns close what they were given and what they opened.
    for _ in 0..10 {
        let (_parent, child) = process::stdio_socketpair().unwrap();
        let mut opts = SpawnOptions::new("/nonexistent/program");
        opts.stdio = vec![StdioSpec::Null, StdioSpec::Fd(child)];
        assert!(process::spawn(opts).is_err());
        let mut opts = SpawnOptions::new("/nonexistent/program");
        opts.stdio = vec![SyncStdio::Pipe, SyncStdio::Pipe, SyncStdio::Pipe];
        assert!(process::spawn_sync(opts, bounded()).is_err());
    }

    assert!(support::run_until(&mut s, DEADLINE, TICK, |s| !s.is_alive()));
    assert_eq!(count(), before);
}

#[test]
fn a_refd_child_keeps_the_system_alive_until_it_exits() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let started = Instant::now();
    let (_, exit) = watch(&mut s, process::spawn(sh_plain("sleep 0.3")).unwrap());
    let mut reported_when_idle = None;
    assert!(support::run_until(&mut s, DEADLINE, TICK, |s| {
        let idle = !s.is_alive();
        if idle {
            reported_when_idle = Some(exit.borrow().is_some());
        }
        idle
    }));
    assert_eq!(reported_when_idle, Some(true));
    assert!(started.elapsed() >= Duration::from_millis(250));
}

#[test]
fn an_unrefd_child_does_not_keep_the_system_alive() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let mut opts = SpawnOptions::new("sleep");
    opts.args = os(&["sleep", "10"]);
    let child = process::spawn(opts).unwrap();
    let handle = child.kill_handle();
    let (addr, exit) = watch(&mut s, child);
    s.send(&addr, SetChildRef(false)).unwrap();
    let started = Instant::now();
    assert!(support::run_until(&mut s, DEADLINE, TICK, |s| !s.is_alive()));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(exit.borrow().is_none());

    // Ref'd again, it keeps the system alive again, and still hears the exit.
    s.send(&addr, SetChildRef(true)).unwrap();
    s.dispatch();
    assert!(s.is_alive());
    handle.kill(libc::SIGKILL).unwrap();
    assert_eq!(exit_of(&mut s, &exit), signal(libc::SIGKILL));
}

#[test]
fn a_child_that_exited_before_its_watch_is_reported() {
    let _fds = shared();
    let child = process::spawn(sh_plain("exit 5")).unwrap();
    let pid = child.pid();
    let deadline = Instant::now() + DEADLINE;
    // A zombie by now: exited, not reaped.
    while fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| !stat.contains(") Z "))
        .unwrap_or(false)
    {
        assert!(Instant::now() < deadline, "pid {pid} did not exit");
        std::thread::sleep(TICK);
    }
    let mut s = System::new().unwrap();
    let (_, exit) = watch(&mut s, child);
    assert_eq!(exit_of(&mut s, &exit), code(5));
    assert!(!exists(pid));
}

#[test]
fn a_child_whose_watch_stopped_or_that_was_never_watched_is_reaped_after_it_exits() {
    let _fds = shared();
    let mut s = System::new().unwrap();
    let child = process::spawn(sh_plain("sleep 0.2")).unwrap();
    let watched = child.pid();
    let (addr, exit) = watch(&mut s, child);
    addr.stop().unwrap();
    assert!(support::run_until(&mut s, DEADLINE, TICK, |s| s
        .live_actors()
        .is_empty()));

    let unwatched = process::spawn(sh_plain("sleep 0.2")).unwrap();
    let unwatched_pid = unwatched.pid();
    drop(unwatched);

    let deadline = Instant::now() + DEADLINE;
    while exists(watched) || exists(unwatched_pid) {
        assert!(Instant::now() < deadline, "not reaped within {DEADLINE:?}");
        std::thread::sleep(TICK);
    }
    assert!(exit.borrow().is_none());
}

#[test]
fn detached_children_lead_a_session_of_their_own() {
    let _fds = shared();
    // Fields after the command name: state, ppid, pgrp, session.
    let session = |detached: bool| {
        let mut opts = SpawnOptions::new("cat");
        opts.args = os(&["cat", "/proc/self/stat"]);
        opts.detached = detached;
        opts.stdio = vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Inherit];
        let out = process::spawn_sync(opts, bounded()).unwrap();
        let stat = String::from_utf8(out.output[1].clone().unwrap()).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let sid: u32 = after_name.split(' ').nth(3).unwrap().parse().unwrap();
        (out.pid, sid)
    };
    let (pid, sid) = session(true);
    assert_eq!(sid, pid);
    let (pid, sid) = session(false);
    assert_ne!(sid, pid);
}

#[test]
fn the_child_starts_with_default_signal_dispositions_and_blocking_stdio() {
    let _fds = shared();
    // SAFETY: ignoring SIGUSR2, which nothing in this test binary uses.
    unsafe { libc::signal(libc::SIGUSR2, libc::SIG_IGN) };
    let mut opts = SpawnOptions::new("cat");
    opts.args = os(&["cat", "/proc/self/status"]);
    let status = stdout_of(opts);
    let ignored = status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .unwrap()
        .trim();
    // Signals 1 to 31, as libuv resets them; the real-time ones above belong to the C library.
    let mask = u64::from_str_radix(ignored, 16).unwrap();
    assert_eq!(mask & 0x7fff_ffff, 0, "{ignored}");

    // A non-blocking descriptor as stdout is blocking in the child (libuv clears O_NONBLOCK).
    let (parent, child) = process::stdio_socketpair().unwrap();
    let nonblocking = OwnedFd::from(UnixStream::from(child));
    UnixStream::from(nonblocking.try_clone().unwrap())
        .set_nonblocking(true)
        .unwrap();
    let mut opts = SpawnOptions::new("cat");
    opts.args = os(&["cat", "/proc/self/fdinfo/1"]);
    opts.stdio = vec![
        SyncStdio::Ignore,
        SyncStdio::Fd(nonblocking),
        SyncStdio::Inherit,
    ];
    let out = process::spawn_sync(opts, bounded()).unwrap();
    assert_eq!(out.status, code(0));
    let fdinfo = read_all(parent);
    let flags = fdinfo
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .unwrap()
        .trim();
    let flags = i32::from_str_radix(flags, 8).unwrap();
    assert_eq!(flags & libc::O_NONBLOCK, 0, "{fdinfo}");
}

#[test]
fn uid_and_gid_are_set_in_the_child() {
    let _fds = shared();
    // SAFETY: geteuid reads the process's credentials; it cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut opts = sh("id -u; id -g", Vec::new());
    opts.uid = Some(65534);
    opts.gid = Some(65534);
    if root {
        // The directory is entered before the ids change, as libuv does it: one that only root
        // may enter still works.
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        opts.cwd = Some(dir.path().to_owned());
        assert_eq!(stdout_of(opts), "65534\n65534\n");
    } else {
        let e = process::spawn_sync(opts, bounded()).unwrap_err();
        assert_eq!(errno(&e), Some(libc::EPERM));
    }
}

fn run_sync(script: &str, stdio: Vec<SyncStdio>, sync: SyncOptions) -> SyncOutput {
    process::spawn_sync(sh(script, stdio), sync).unwrap()
}

fn pipes() -> Vec<SyncStdio> {
    vec![SyncStdio::Pipe, SyncStdio::Pipe, SyncStdio::Pipe]
}

#[test]
fn spawn_sync_collects_output_and_feeds_input() {
    let _fds = shared();
    let out = run_sync(
        "echo hello; echo oops >&2; exit 7",
        vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Pipe],
        bounded(),
    );
    assert_eq!(out.status, code(7));
    assert!(out.pid > 0);
    assert!(out.error.is_none());
    assert_eq!(
        out.output,
        vec![None, Some(b"hello\n".to_vec()), Some(b"oops\n".to_vec())]
    );

    let input = SyncOptions {
        input: Some(b"echo me".to_vec()),
        ..bounded()
    };
    let out = run_sync("cat", pipes(), input.clone());
    assert_eq!(out.status, code(0));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        out.output,
        vec![None, Some(b"echo me".to_vec()), Some(Vec::new())]
    );

    // No input: stdin ends at once.
    let out = run_sync("cat; echo done", pipes(), bounded());
    assert_eq!(out.output[1].as_deref(), Some(&b"done\n"[..]));

    // Input only goes to a stdin pipe.
    let stdio = vec![SyncStdio::Null, SyncStdio::Pipe, SyncStdio::Pipe];
    let out = run_sync("cat; echo done", stdio, input);
    assert_eq!(out.output[1].as_deref(), Some(&b"done\n"[..]));

    // An output pipe above 2.
    let stdio = vec![
        SyncStdio::Ignore,
        SyncStdio::Ignore,
        SyncStdio::Ignore,
        SyncStdio::Pipe,
    ];
    let out = run_sync("echo three >&3", stdio, bounded());
    assert_eq!(
        out.output,
        vec![None, None, None, Some(b"three\n".to_vec())]
    );
}

#[test]
fn spawn_sync_kills_on_timeout() {
    let _fds = shared();
    let started = Instant::now();
    let out = run_sync(
        "exec sleep 10",
        pipes(),
        SyncOptions {
            timeout: Some(Duration::from_millis(200)),
            ..bounded()
        },
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert_eq!(out.error.as_ref().and_then(errno), Some(libc::ETIMEDOUT));
    assert_eq!(out.status, signal(libc::SIGTERM));

    // With the kill signal asked for, which the child cannot ignore.
    let out = run_sync(
        "trap '' TERM; exec sleep 10",
        pipes(),
        SyncOptions {
            timeout: Some(Duration::from_millis(100)),
            kill_signal: libc::SIGKILL,
            ..bounded()
        },
    );
    assert_eq!(out.error.as_ref().and_then(errno), Some(libc::ETIMEDOUT));
    assert_eq!(out.status, signal(libc::SIGKILL));

    // The child exited but left a pipe open in a grandchild: the timeout ends the wait, with
    // nothing to kill.
    let started = Instant::now();
    let out = run_sync(
        "sleep 3 & echo left",
        vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Ignore],
        SyncOptions {
            timeout: Some(Duration::from_millis(300)),
            ..bounded()
        },
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(out.error.as_ref().and_then(errno), Some(libc::ETIMEDOUT));
    assert_eq!(out.status, code(0));
    assert_eq!(out.output[1].as_deref(), Some(&b"left\n"[..]));
}

#[test]
fn spawn_sync_kills_when_the_outputs_exceed_max_buffer() {
    let _fds = shared();
    let out = run_sync(
        "exec head -c 1000000 /dev/zero",
        vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Inherit],
        SyncOptions {
            max_buffer: Some(1000),
            ..bounded()
        },
    );
    assert_eq!(out.error.as_ref().and_then(errno), Some(libc::ENOBUFS));
    assert_eq!(out.status, signal(libc::SIGTERM));
    // Kept whole up to the read that went over, as Node keeps it.
    let len = out.output[1].as_ref().unwrap().len();
    assert!(len > 1000 && len <= 1000 + 64 * 1024, "{len}");

    // The limit is on every output together, as in Node's SyncProcessRunner.
    let out = run_sync(
        "head -c 600 /dev/zero; head -c 600 /dev/zero >&2",
        vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Pipe],
        SyncOptions {
            max_buffer: Some(1000),
            ..bounded()
        },
    );
    assert_eq!(out.error.as_ref().and_then(errno), Some(libc::ENOBUFS));
    let total: usize = out.output.iter().flatten().map(Vec::len).sum();
    assert!(total > 1000, "{total}");
}

#[test]
fn spawn_sync_moves_megabytes_both_ways_without_deadlock() {
    let _fds = shared();
    let started = Instant::now();
    let out = run_sync(
        "head -c 8388608 /dev/zero; head -c 4194304 /dev/zero >&2",
        vec![SyncStdio::Ignore, SyncStdio::Pipe, SyncStdio::Pipe],
        bounded(),
    );
    assert_eq!(out.status, code(0));
    assert_eq!(out.output[1].as_ref().unwrap().len(), 8 << 20);
    assert_eq!(out.output[2].as_ref().unwrap().len(), 4 << 20);

    // cat writes back while it reads: both directions must move at once.
    let input: Vec<u8> = (0..(6u32 << 20)).map(|i| (i % 251) as u8).collect();
    let out = run_sync(
        "cat",
        pipes(),
        SyncOptions {
            input: Some(input.clone()),
            ..bounded()
        },
    );
    assert_eq!(out.status, code(0));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert!(out.output[1].as_ref().unwrap() == &input);
    assert!(started.elapsed() < DEADLINE);
}

#[test]
fn spawn_sync_input_to_a_child_that_does_not_read_it() {
    let _fds = shared();
    for script in ["exit 0", "sleep 0.2; exit 4"] {
        let started = Instant::now();
        let out = run_sync(
            script,
            pipes(),
            SyncOptions {
                input: Some(vec![b'x'; 8 << 20]),
                ..bounded()
            },
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(out.status.code.is_some(), "{out:?}");
        // The input could not all be written: Node reports the pipe's EPIPE.
        assert_eq!(out.error.as_ref().and_then(errno), Some(libc::EPIPE));
    }
}
