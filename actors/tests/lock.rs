//! Locks: the file lock actor (flock), pidfile locks and atomic writes.

mod support;

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use actors::lock::{
    self, Acquire, AtomicWrite, Cancel, FileLock, PidLockError, Release, atomic_write,
    atomic_write_at, pid_lock, pid_lock_at, pid_unlock, pid_unlock_at,
};
use actors::pool::{FsResult, Timespec, beneath, ops};
use actors::reactor::{Pool, PoolConfig};
use actors::{ActorError, Addr, ReplyFuture, System};
use tempfile::TempDir;

const TICK: Duration = Duration::from_millis(5);
const DEADLINE: Duration = Duration::from_secs(10);

fn system() -> System {
    System::with_pool(
        Pool::new(PoolConfig {
            threads: 2,
            queue_capacity: 64,
            name: "lock-test".into(),
        })
        .unwrap(),
    )
    .unwrap()
}

fn spawn_lock(s: &mut System, path: &Path) -> Addr<FileLock> {
    s.spawn(FileLock::new(lock::open_lock_file(path).unwrap(), path))
}

/// Two lock actors on one lock file in a fresh directory (there while the `TempDir` lives).
fn two_locks() -> (TempDir, PathBuf, System, Addr<FileLock>, Addr<FileLock>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.lock");
    let mut s = system();
    let (a, b) = (spawn_lock(&mut s, &path), spawn_lock(&mut s, &path));
    (dir, path, s, a, b)
}

/// Runs the system until `f` has its answer.
fn answer<R>(s: &mut System, mut f: ReplyFuture<R>) -> Result<R, ActorError> {
    let deadline = Instant::now() + DEADLINE;
    loop {
        s.dispatch();
        if let Some(r) = f.try_take() {
            return r;
        }
        assert!(Instant::now() < deadline, "no answer in {DEADLINE:?}");
        s.run_once(Some(TICK)).unwrap();
    }
}

/// Runs the system until `done` holds.
fn settle(s: &mut System, done: impl FnMut(&mut System) -> bool) {
    assert!(
        support::run_until(s, DEADLINE, TICK, done),
        "not settled in {DEADLINE:?}"
    );
}

fn acquire(s: &mut System, l: &Addr<FileLock>, shared: bool, wait: bool) -> FsResult<()> {
    answer(s, l.ask(Acquire { shared, wait })).unwrap()
}

/// What the actor says it holds ("fd N path state").
fn holds(s: &System, l: &Addr<FileLock>) -> String {
    s.live_actors()
        .into_iter()
        .find(|a| a.id == l.id())
        .map(|a| a.holds)
        .unwrap_or_default()
}

/// Starts an exclusive wait by `l` and runs until its first try has failed, so that it waits for
/// a retry.
fn start_wait(s: &mut System, l: &Addr<FileLock>) -> ReplyFuture<FsResult<()>> {
    let mut f = l.ask(Acquire {
        shared: false,
        wait: true,
    });
    // A try fails within a few ticks; the waiter is still waiting afterwards.
    for _ in 0..20 {
        s.run_once(Some(TICK)).unwrap();
    }
    assert!(f.try_take().is_none(), "the lock is held elsewhere");
    assert!(
        holds(s, l).ends_with("waiting exclusive"),
        "{}",
        holds(s, l)
    );
    f
}

fn errno<T: std::fmt::Debug>(r: FsResult<T>) -> i32 {
    r.unwrap_err().raw_os_error().unwrap()
}

#[test]
fn exclusive_excludes_and_shared_shares() {
    let (_dir, path, mut s, a, b) = two_locks();

    acquire(&mut s, &a, false, false).unwrap();
    assert!(holds(&s, &a).ends_with("held exclusive"));
    let e = acquire(&mut s, &b, false, false).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EWOULDBLOCK));
    assert_eq!(e.syscall, "flock");
    assert_eq!(e.path.as_deref(), Some(path.as_path()));
    assert_eq!(errno(acquire(&mut s, &b, true, false)), libc::EWOULDBLOCK);
    // Held already: the same mode is fine, the other mode is refused (no conversions).
    acquire(&mut s, &a, false, false).unwrap();
    assert_eq!(errno(acquire(&mut s, &a, true, false)), libc::EBUSY);

    answer(&mut s, a.ask(Release)).unwrap().unwrap();
    assert!(holds(&s, &a).ends_with("unlocked"));
    acquire(&mut s, &a, true, false).unwrap();
    acquire(&mut s, &b, true, false).unwrap();
    assert!(holds(&s, &b).ends_with("held shared"));
    let c = spawn_lock(&mut s, &path);
    assert_eq!(errno(acquire(&mut s, &c, false, false)), libc::EWOULDBLOCK);
    // Releasing twice, or with nothing held, is fine.
    answer(&mut s, a.ask(Release)).unwrap().unwrap();
    answer(&mut s, a.ask(Release)).unwrap().unwrap();
}

#[test]
fn a_waiter_gets_the_lock_after_a_release() {
    let (_dir, _, mut s, a, b) = two_locks();
    acquire(&mut s, &a, false, false).unwrap();
    let waiting = start_wait(&mut s, &b);
    // One acquire at a time.
    assert_eq!(errno(acquire(&mut s, &b, true, true)), libc::EBUSY);

    answer(&mut s, a.ask(Release)).unwrap().unwrap();
    answer(&mut s, waiting).unwrap().unwrap();
    assert!(holds(&s, &b).ends_with("held exclusive"));
    assert_eq!(errno(acquire(&mut s, &a, true, false)), libc::EWOULDBLOCK);
}

#[test]
fn a_waiter_gets_the_lock_when_the_holder_stops() {
    let (_dir, path, mut s, a, b) = two_locks();
    acquire(&mut s, &a, false, false).unwrap();
    let waiting = start_wait(&mut s, &b);

    a.stop().unwrap();
    answer(&mut s, waiting).unwrap().unwrap();

    // A waiter whose actor stops hears so.
    let c = spawn_lock(&mut s, &path);
    let waiting = start_wait(&mut s, &c);
    c.stop().unwrap();
    assert!(matches!(
        answer(&mut s, waiting),
        Err(ActorError::Stopped { .. })
    ));
}

#[test]
fn cancel_and_release_end_a_wait() {
    let (_dir, path, mut s, a, b) = two_locks();
    acquire(&mut s, &a, false, false).unwrap();

    let waiting = start_wait(&mut s, &b);
    answer(&mut s, b.ask(Cancel)).unwrap();
    let e = answer(&mut s, waiting).unwrap().unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ECANCELED));
    assert_eq!(e.path.as_deref(), Some(path.as_path()));
    assert!(holds(&s, &b).ends_with("unlocked"));
    // Nothing to cancel: nothing happens.
    answer(&mut s, b.ask(Cancel)).unwrap();

    let waiting = start_wait(&mut s, &b);
    answer(&mut s, b.ask(Release)).unwrap().unwrap();
    assert_eq!(errno(answer(&mut s, waiting).unwrap()), libc::ECANCELED);

    // The actor is as good as new.
    answer(&mut s, a.ask(Release)).unwrap().unwrap();
    acquire(&mut s, &b, false, false).unwrap();
}

#[test]
fn a_cancel_racing_a_try_leaves_nothing_held() {
    let (_dir, _, mut s, a, b) = two_locks();
    // Sent together, the cancel arrives while the first try is on the pool and may succeed.
    let acquiring = a.ask(Acquire {
        shared: false,
        wait: true,
    });
    let cancelled = a.ask(Cancel);
    answer(&mut s, cancelled).unwrap();
    assert_eq!(errno(answer(&mut s, acquiring).unwrap()), libc::ECANCELED);
    settle(&mut s, |s| holds(s, &a).ends_with("unlocked"));
    acquire(&mut s, &b, false, false).unwrap();
}

#[test]
fn waiting_keeps_the_system_alive_and_holding_does_not() {
    let (_dir, _, mut s, a, b) = two_locks();
    assert!(!s.is_alive(), "idle lock actors keep nothing alive");
    acquire(&mut s, &a, false, false).unwrap();
    // A pool task's answer arrives just before the task stops counting as in flight: look
    // again until that count has caught up (a lock that kept the system alive never would).
    assert!(
        support::run_until(&mut s, DEADLINE, TICK, |s| !s.is_alive()),
        "a held lock keeps nothing alive"
    );

    let waiting = start_wait(&mut s, &b);
    assert!(s.is_alive());
    assert_eq!(s.liveness().refed_actors, 1, "the waiting actor itself");
    answer(&mut s, a.ask(Release)).unwrap().unwrap();
    answer(&mut s, waiting).unwrap().unwrap();
    assert!(
        support::run_until(&mut s, DEADLINE, TICK, |s| !s.is_alive()),
        "a released lock and an answered wait keep nothing alive"
    );
}

#[test]
fn two_opens_in_one_process_conflict_even_without_actors() {
    // flock belongs to the open file description, not the process.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.lock");
    let one = lock::open_lock_file(&path).unwrap();
    let two = lock::open_lock_file(&path).unwrap();
    ops::flock(one.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB).unwrap();
    let e = ops::flock(two.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EWOULDBLOCK));
    drop(one);
    ops::flock(two.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB).unwrap();
}

/// Runs `flock -n <path> true`: whether another process could take the lock.
fn other_process_can_lock(path: &Path) -> Option<bool> {
    match Command::new("flock")
        .arg("-n")
        .arg(path)
        .arg("true")
        .status()
    {
        Ok(status) => Some(status.success()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("flock: {e}"),
    }
}

#[test]
fn locks_are_respected_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.lock");
    if other_process_can_lock(&path).is_none() {
        eprintln!("note: no `flock` binary, skipping the cross-process test");
        return;
    }
    let mut s = system();
    let a = spawn_lock(&mut s, &path);
    acquire(&mut s, &a, false, false).unwrap();
    assert_eq!(other_process_can_lock(&path), Some(false));
    a.stop().unwrap();
    settle(&mut s, |_| other_process_can_lock(&path) == Some(true));

    // Another process holds it until its stdin closes.
    let mut child = Command::new("flock")
        .arg("-n")
        .arg(&path)
        .args(["-c", "echo locked; cat"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line, "locked\n");
    let b = spawn_lock(&mut s, &path);
    assert_eq!(errno(acquire(&mut s, &b, true, false)), libc::EWOULDBLOCK);
    let waiting = start_wait(&mut s, &b);
    drop(child.stdin.take());
    answer(&mut s, waiting).unwrap().unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn open_lock_file_at_creates_and_refuses_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let d = fs::File::open(dir.path()).unwrap();
    let fd = lock::open_lock_file_at(d.as_fd(), OsStr::new("x.lock")).unwrap();
    drop(fd);
    assert!(dir.path().join("x.lock").is_file());
    std::os::unix::fs::symlink("x.lock", dir.path().join("link")).unwrap();
    let e = lock::open_lock_file_at(d.as_fd(), OsStr::new("link")).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ELOOP));
    let e = lock::open_lock_file_at(d.as_fd(), OsStr::new("a/b")).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EINVAL));
}

// --- pidfile locks ------------------------------------------------------------------------------

fn me() -> u32 {
    std::process::id()
}

/// A live process that is not this one.
fn live_other() -> u32 {
    match std::os::unix::process::parent_id() {
        0 => 1,
        pid => pid,
    }
}

/// The pid of a process that has exited and been reaped.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

fn age(path: &Path, by: Duration) {
    let then = std::time::SystemTime::now() - by;
    let since = then.duration_since(std::time::UNIX_EPOCH).unwrap();
    let t = Timespec {
        sec: since.as_secs() as i64,
        nsec: since.subsec_nanos(),
    };
    ops::utimes(path, t, t, false).unwrap();
}

fn held_by(r: Result<(), PidLockError>) -> u32 {
    match r {
        Err(PidLockError::Held { pid, .. }) => pid,
        other => panic!("expected ELOCKED, got {other:?}"),
    }
}

#[test]
fn pid_lock_creates_respects_and_takes_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.pid");
    pid_lock(&path, None).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("{}\n", me()));
    // Our own file is taken over again, as in JS.
    pid_lock(&path, None).unwrap();

    let other = live_other();
    fs::write(&path, format!("{other}\n")).unwrap();
    let e = pid_lock(&path, None).unwrap_err();
    assert_eq!(e.pid(), Some(other));
    assert_eq!(
        e.to_string(),
        format!("ELOCKED: '{}' is held by process {other}", path.display())
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("{other}\n"));

    // Stale: an old file of a live holder is taken over, a recent one is not.
    age(&path, Duration::from_secs(3600));
    assert_eq!(
        held_by(pid_lock(&path, Some(Duration::from_secs(2 * 3600)))),
        other
    );
    pid_lock(&path, Some(Duration::from_secs(60))).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("{}\n", me()));

    // A dead holder, or a file naming nobody, is taken over.
    for content in [format!("{}\n", dead_pid()), "garbage".into(), String::new()] {
        fs::write(&path, &content).unwrap();
        pid_lock(&path, None).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), format!("{}\n", me()));
    }

    let e = pid_lock(&dir.path().join("missing/app.pid"), None).unwrap_err();
    assert!(matches!(e, PidLockError::Fs(ref fs) if fs.raw_os_error() == Some(libc::ENOENT)));
}

#[test]
fn pid_unlock_removes_only_our_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.pid");
    pid_lock(&path, None).unwrap();
    assert!(pid_unlock(&path).unwrap());
    assert!(!path.exists());
    assert!(!pid_unlock(&path).unwrap(), "a missing file is fine");

    fs::write(&path, format!("{}\n", live_other())).unwrap();
    assert!(!pid_unlock(&path).unwrap());
    assert!(path.exists());
}

#[test]
fn pid_lock_at_works_in_a_directory_descriptor() {
    let dir = tempfile::tempdir().unwrap();
    let root = beneath::open_root(dir.path()).unwrap();
    let name = OsStr::new("app.pid");
    pid_lock_at(root.as_fd(), name, None).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join(name)).unwrap(),
        format!("{}\n", me())
    );
    let other = live_other();
    fs::write(dir.path().join(name), format!("{other}")).unwrap();
    let e = pid_lock_at(root.as_fd(), name, None).unwrap_err();
    assert_eq!(e.pid(), Some(other));
    let e = e.path("/shown/app.pid");
    assert!(
        e.to_string().starts_with("ELOCKED: '/shown/app.pid'"),
        "{e}"
    );
    assert!(!pid_unlock_at(root.as_fd(), name).unwrap());

    fs::write(dir.path().join(name), format!("{}", dead_pid())).unwrap();
    pid_lock_at(root.as_fd(), name, None).unwrap();
    assert!(pid_unlock_at(root.as_fd(), name).unwrap());
    assert!(!dir.path().join(name).exists());

    // A symlink is not followed to read the holder.
    std::os::unix::fs::symlink("elsewhere", dir.path().join(name)).unwrap();
    match pid_lock_at(root.as_fd(), name, None) {
        Err(PidLockError::Fs(e)) => assert_eq!(e.raw_os_error(), Some(libc::ELOOP)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        pid_lock_at(root.as_fd(), OsStr::new("../x.pid"), None),
        Err(PidLockError::Fs(ref e)) if e.raw_os_error() == Some(libc::EINVAL)
    ));
}

// --- atomic writes ------------------------------------------------------------------------------

fn umask() -> u32 {
    let status = fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Umask:")).unwrap();
    u32::from_str_radix(line["Umask:".len()..].trim(), 8).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn atomic_write_replaces_the_content_and_leaves_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    fs::write(&path, "old").unwrap();
    atomic_write(&path, b"new", AtomicWrite::default()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(names(dir.path()), ["config.json"]);
    assert_eq!(mode(&path), 0o666 & !umask());

    let fresh = dir.path().join("secret");
    let opts = AtomicWrite {
        mode: 0o640,
        fsync: false,
        fsync_dir: false,
    };
    atomic_write(&fresh, b"", opts).unwrap();
    assert_eq!(fs::read(&fresh).unwrap(), b"");
    assert_eq!(mode(&fresh), 0o640 & !umask());
    // The old file's mode is not kept.
    atomic_write(&fresh, b"x", AtomicWrite::default()).unwrap();
    assert_eq!(mode(&fresh), 0o666 & !umask());
}

#[test]
fn a_failed_atomic_write_removes_its_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside"), "x").unwrap();
    let e = atomic_write(&target, b"data", AtomicWrite::default()).unwrap_err();
    assert_eq!(e.syscall, "rename");
    assert_eq!(e.raw_os_error(), Some(libc::EISDIR));
    assert_eq!(e.dest.as_deref(), Some(target.as_path()));
    let temp = e.path.unwrap();
    assert_eq!(temp.parent(), Some(dir.path()));
    let temp_name = temp.file_name().unwrap().to_str().unwrap();
    assert!(
        temp_name.starts_with(&format!(".target.{}.", me())) && temp_name.ends_with(".tmp"),
        "{temp_name}"
    );
    assert_eq!(names(dir.path()), ["target"]);
    assert_eq!(names(&target), ["inside"]);

    let e = atomic_write(&dir.path().join("missing/x"), b"", AtomicWrite::default()).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ENOENT));
    let e = atomic_write(Path::new("/"), b"", AtomicWrite::default()).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EINVAL));
}

#[test]
fn atomic_write_at_works_in_a_directory_descriptor() {
    let dir = tempfile::tempdir().unwrap();
    // An O_PATH descriptor, as resolving beneath a root gives, and an ordinary one.
    let root = beneath::open_root(dir.path()).unwrap();
    let plain = fs::File::open(dir.path()).unwrap();
    for (fd, data) in [(root.as_fd(), "one"), (plain.as_fd(), "two")] {
        atomic_write_at(fd, OsStr::new("f"), data.as_bytes(), AtomicWrite::default()).unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("f")).unwrap(), data);
        assert_eq!(names(dir.path()), ["f"]);
    }
    // A symlink named `f` is replaced, not written through.
    fs::remove_file(dir.path().join("f")).unwrap();
    fs::write(dir.path().join("real"), "real").unwrap();
    std::os::unix::fs::symlink("real", dir.path().join("f")).unwrap();
    atomic_write_at(
        root.as_fd(),
        OsStr::new("f"),
        b"new",
        AtomicWrite::default(),
    )
    .unwrap();
    assert_eq!(fs::read_to_string(dir.path().join("real")).unwrap(), "real");
    assert!(
        fs::symlink_metadata(dir.path().join("f"))
            .unwrap()
            .is_file()
    );

    let e =
        atomic_write_at(root.as_fd(), OsStr::new("a/b"), b"", AtomicWrite::default()).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EINVAL));
    assert_eq!(names(dir.path()), ["f", "real"]);
}
