//! The stat-watcher actor (`fs.watchFile`) on real files, and on a fake stat function for the
//! comparison rules: the first stat is a baseline, a failure is reported once per errno, only the
//! fields `uv_fs_poll` compares make a change, nothing follows an unwatch, and only ref'd
//! subscriptions keep the system alive.
//!
//! Waits are counted in stats rather than in time: every stat function here counts its calls,
//! and since a subscription starts a stat only once the result of the one before is handled,
//! `n + 1` calls started means `n` results handled.

mod support;

use std::cell::RefCell;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actors::pool::ops::{self, FsError, FsResult, Stats, Timespec};
use actors::stat_watcher::{
    SetStatRef, StatChange, StatWatchId, StatWatcher, UV_UNKNOWN, UnwatchStat, WatchStat,
};
use actors::{Addr, System};

type Log = Rc<RefCell<Vec<(StatWatchId, StatChange)>>>;

const INTERVAL: Duration = Duration::from_millis(10);
const DEADLINE: Duration = Duration::from_secs(5);

/// A directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        TempDir(ops::mkdtemp(&std::env::temp_dir().join("stat-watcher-")).unwrap())
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// How many times a stat function was called.
#[derive(Clone, Default)]
struct Calls(Arc<AtomicU64>);

impl Calls {
    fn started(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// `watch`, with its stat function counting its calls.
fn counted(mut watch: WatchStat) -> (WatchStat, Calls) {
    let calls = Calls::default();
    let (c, inner) = (calls.clone(), watch.stat.clone());
    watch.stat = Arc::new(move || {
        c.0.fetch_add(1, Ordering::SeqCst);
        inner()
    });
    (watch, calls)
}

/// Watches `path` on `w` every [`INTERVAL`], with the stat calls counted.
fn watch_path(
    s: &mut System,
    w: &Addr<StatWatcher>,
    path: impl Into<PathBuf>,
) -> (StatWatchId, Calls) {
    let (watch, calls) = counted(WatchStat::path(path, INTERVAL));
    (ask(s, w, watch), calls)
}

fn watcher(s: &mut System) -> (Addr<StatWatcher>, Log) {
    let log: Log = Rc::default();
    let l = log.clone();
    let addr = s.spawn(StatWatcher::new(move |id, change| {
        l.borrow_mut().push((id, change))
    }));
    (addr, log)
}

/// Runs the loop until `done`, for at most [`DEADLINE`]; says whether `done` came true.
fn run_until(s: &mut System, done: impl FnMut(&mut System) -> bool) -> bool {
    support::run_until(s, DEADLINE, Duration::from_millis(5), done)
}

/// Runs the loop until `n` more results of the stat function behind `calls` have been handled.
fn more_stats(s: &mut System, calls: &Calls, n: u64) {
    let target = calls.started() + n + 1;
    assert!(
        run_until(s, |_| calls.started() >= target),
        "{n} more stats within {DEADLINE:?}"
    );
}

/// Runs the loop until the log holds `n` changes for `id`, for at most [`DEADLINE`].
fn settle(s: &mut System, log: &Log, id: StatWatchId, n: usize) {
    run_until(s, |_| changes(log, id).len() >= n);
}

fn changes(log: &Log, id: StatWatchId) -> Vec<StatChange> {
    log.borrow()
        .iter()
        .filter(|(i, _)| *i == id)
        .map(|(_, c)| *c)
        .collect()
}

fn ask<M>(s: &mut System, w: &Addr<StatWatcher>, msg: M) -> M::Reply
where
    M: actors::Message,
    StatWatcher: actors::Handler<M>,
{
    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    s.ask_then(w, msg, move |r| *g.borrow_mut() = Some(r.unwrap()));
    assert!(run_until(s, |_| got.borrow().is_some()), "answered");
    got.borrow_mut().take().unwrap()
}

/// Sends `UnwatchStat` and waits for its answer; returns how many changes the log held then.
fn unwatch(s: &mut System, w: &Addr<StatWatcher>, id: StatWatchId, log: &Log) -> usize {
    let at = Rc::new(RefCell::new(None));
    let (a, l) = (at.clone(), log.clone());
    s.ask_then(w, UnwatchStat(id), move |r| {
        r.unwrap();
        *a.borrow_mut() = Some(l.borrow().len());
    });
    assert!(run_until(s, |_| at.borrow().is_some()), "Unwatch answered");
    at.borrow_mut().take().unwrap()
}

/// Appends in one `write`, so that no stat sees the file half written.
fn append(path: &Path, data: &str) {
    let mut f = fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(data.as_bytes()).unwrap();
}

/// Creates `path` with `data` by a rename, so that no stat sees it empty.
fn create(path: &Path, data: &str) {
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, data).unwrap();
    fs::rename(&tmp, path).unwrap();
}

#[test]
fn the_first_stat_is_a_baseline_only() {
    let dir = TempDir::new();
    let file = dir.join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let (id, calls) = watch_path(&mut s, &w, &file);
    more_stats(&mut s, &calls, 4);
    assert_eq!(
        changes(&log, id),
        vec![],
        "an unchanged file reports nothing"
    );

    let holds: Vec<String> = s
        .live_actors()
        .into_iter()
        .filter(|a| a.kind == "stat_watcher")
        .map(|a| a.holds)
        .collect();
    assert_eq!(
        holds,
        vec![format!("1 subscription: {} every 10 ms", file.display())]
    );
}

#[test]
fn a_write_that_changes_the_size_is_reported_once() {
    let dir = TempDir::new();
    let file = dir.join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let (id, calls) = watch_path(&mut s, &w, &file);
    more_stats(&mut s, &calls, 1);
    append(&file, "yz");
    settle(&mut s, &log, id, 1);
    more_stats(&mut s, &calls, 3);
    let got = changes(&log, id);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].status, got[0].curr.size, got[0].prev.size),
        (0, 3, 1)
    );
    assert_eq!(got[0].curr.ino, got[0].prev.ino);
}

#[test]
fn a_missing_file_is_reported_once_and_its_return_as_a_change() {
    let dir = TempDir::new();
    let file = dir.join("f.txt");
    fs::write(&file, "abc").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let (id, calls) = watch_path(&mut s, &w, &file);
    more_stats(&mut s, &calls, 1);

    fs::remove_file(&file).unwrap();
    settle(&mut s, &log, id, 1);
    more_stats(&mut s, &calls, 3);
    let got = changes(&log, id);
    assert_eq!(got.len(), 1, "reported once, not at every tick: {got:?}");
    assert_eq!(got[0].status, -libc::ENOENT);
    assert_eq!(got[0].curr, Stats::default());
    assert_eq!(got[0].prev.size, 3, "the last good stats");

    create(&file, "hello!");
    settle(&mut s, &log, id, 2);
    more_stats(&mut s, &calls, 3);
    let got = changes(&log, id);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        (got[1].status, got[1].curr.size, got[1].prev.size),
        (0, 6, 3)
    );
}

#[test]
fn a_file_missing_from_the_start_is_reported_once() {
    let dir = TempDir::new();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let (id, calls) = watch_path(&mut s, &w, dir.join("missing"));
    settle(&mut s, &log, id, 1);
    more_stats(&mut s, &calls, 3);
    assert_eq!(
        changes(&log, id),
        vec![StatChange {
            status: -libc::ENOENT,
            curr: Stats::default(),
            prev: Stats::default(),
        }]
    );
}

#[test]
fn nothing_follows_unwatch_even_with_a_stat_in_flight() {
    let dir = TempDir::new();
    let file = dir.join("f.txt");
    fs::write(&file, "x").unwrap();
    let missing = dir.join("missing");
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let mut in_flight_rounds = 0;
    for round in 0..6u64 {
        // Even rounds: the first stat is slow and fails. Odd rounds: the first succeeds (the
        // baseline) and the second is slow and fails. Either failure is a change if it is not
        // dropped.
        let slow_from = round % 2;
        let finished = Calls::default();
        let (f, p, m) = (finished.clone(), file.clone(), missing.clone());
        let (watch, calls) = counted(WatchStat::new(
            move || {
                let n = f.started();
                let r = if n >= slow_from {
                    std::thread::sleep(Duration::from_millis(50));
                    ops::stat(&m)
                } else {
                    ops::stat(&p)
                };
                f.0.fetch_add(1, Ordering::SeqCst);
                r
            },
            INTERVAL,
        ));
        let id = ask(&mut s, &w, watch);
        assert!(run_until(&mut s, |_| calls.started() > slow_from));
        if s.liveness().in_flight > 0 {
            in_flight_rounds += 1;
        }
        let at_unwatch = unwatch(&mut s, &w, id, &log);
        let seen = log.borrow()[..at_unwatch]
            .iter()
            .filter(|(i, _)| *i == id)
            .count();
        // Every stat that started has ended and its result reached the actor.
        assert!(run_until(&mut s, |s| {
            finished.started() == calls.started() && s.liveness().in_flight == 0
        }));
        for _ in 0..3 {
            s.run_once(Some(Duration::from_millis(5))).unwrap();
        }
        assert_eq!(
            changes(&log, id).len(),
            seen,
            "round {round}: a change after Unwatch was answered: {:?}",
            log.borrow()
        );
    }
    assert!(
        in_flight_rounds > 0,
        "no round unwatched with a stat in flight"
    );
}

#[test]
fn only_refd_subscriptions_keep_the_system_alive() {
    let dir = TempDir::new();
    let file = dir.join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    assert!(
        !s.is_alive(),
        "a stat watcher with nothing watched holds nothing"
    );

    let (id, calls) = watch_path(&mut s, &w, &file);
    let target = calls.started() + 4;
    assert!(run_until(&mut s, |s| {
        assert!(s.is_alive(), "a ref'd subscription keeps the system alive");
        calls.started() >= target
    }));

    ask(&mut s, &w, SetStatRef(id, false));
    // A stat on the pool keeps the system alive until it ends; the tick timers never do.
    assert!(
        run_until(&mut s, |s| !s.is_alive()),
        "an unref'd subscription lets the system end: {:?}",
        s.liveness()
    );
    ask(&mut s, &w, SetStatRef(id, true));
    assert!(s.is_alive());

    // One ref'd and one unref'd: the ref'd one's unwatch lets the system end.
    let other = ask(&mut s, &w, WatchStat::path(&file, INTERVAL));
    ask(&mut s, &w, SetStatRef(other, false));
    assert!(s.is_alive());
    unwatch(&mut s, &w, id, &log);
    assert!(
        run_until(&mut s, |s| !s.is_alive()),
        "only an unref'd subscription left: {:?}",
        s.liveness()
    );
    unwatch(&mut s, &w, other, &log);
    assert!(run_until(&mut s, |s| !s.is_alive()));
}

/// What the fake stat function answers: stats, or a failure with an errno (`None`: without one).
type Answer = Result<Stats, Option<i32>>;

/// A stat function that answers what the test sets, counting its calls under the same lock, so
/// that a call counted after a change has seen it.
#[derive(Clone)]
struct Fake(Arc<Mutex<(u64, Answer)>>);

impl Fake {
    fn new(answer: Answer) -> Fake {
        Fake(Arc::new(Mutex::new((0, answer))))
    }

    fn stat_fn(&self) -> impl Fn() -> FsResult<Stats> + Send + Sync + 'static {
        let me = self.clone();
        move || {
            let mut state = me.0.lock().unwrap();
            state.0 += 1;
            match state.1 {
                Ok(stats) => Ok(stats),
                Err(Some(errno)) => Err(FsError::errno("stat", errno)),
                Err(None) => Err(FsError::new("stat", std::io::Error::other("no errno"))),
            }
        }
    }

    /// Answers `answer` from now on; returns the number of calls so far.
    fn set(&self, answer: Answer) -> u64 {
        let mut state = self.0.lock().unwrap();
        state.1 = answer;
        state.0
    }

    fn calls(&self) -> u64 {
        self.0.lock().unwrap().0
    }
}

/// Sets the fake's answer and runs until a result that saw it has been handled.
fn answer(s: &mut System, fake: &Fake, a: Answer) {
    let at = fake.set(a);
    assert!(
        run_until(s, |_| fake.calls() >= at + 2),
        "two more stats within {DEADLINE:?}"
    );
}

/// A field's name and a change to it.
type Edit = (&'static str, fn(&mut Stats));

#[test]
fn only_the_fields_uv_fs_poll_compares_are_changes() {
    let mut stats = Stats {
        dev: 1,
        ino: 2,
        mode: libc::S_IFREG | 0o644,
        nlink: 1,
        uid: 1000,
        gid: 1000,
        rdev: 0,
        size: 10,
        blksize: 4096,
        blocks: 8,
        atime: Timespec { sec: 100, nsec: 1 },
        mtime: Timespec { sec: 100, nsec: 2 },
        ctime: Timespec { sec: 100, nsec: 3 },
        birthtime: Timespec { sec: 100, nsec: 4 },
    };
    let fake = Fake::new(Ok(stats));
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let id = ask(&mut s, &w, WatchStat::new(fake.stat_fn(), INTERVAL));
    answer(&mut s, &fake, Ok(stats));
    assert_eq!(changes(&log, id), vec![], "the first stat is the baseline");

    let ignored: [Edit; 6] = [
        ("atime", |s| s.atime.sec += 1),
        ("atime nsec", |s| s.atime.nsec += 1),
        ("nlink", |s| s.nlink += 1),
        ("rdev", |s| s.rdev += 1),
        ("blksize", |s| s.blksize *= 2),
        ("blocks", |s| s.blocks += 8),
    ];
    for (field, change) in ignored {
        change(&mut stats);
        answer(&mut s, &fake, Ok(stats));
        assert_eq!(changes(&log, id), vec![], "{field} alone is not a change");
    }

    let compared: [Edit; 11] = [
        ("dev", |s| s.dev += 1),
        ("ino", |s| s.ino += 1),
        ("mode", |s| s.mode ^= 0o022),
        ("uid", |s| s.uid += 1),
        ("gid", |s| s.gid += 1),
        ("size", |s| s.size += 1),
        ("mtime", |s| s.mtime.sec += 1),
        ("mtime nsec", |s| s.mtime.nsec += 1),
        ("ctime", |s| s.ctime.nsec += 1),
        ("birthtime", |s| s.birthtime.sec += 1),
        ("birthtime nsec", |s| s.birthtime.nsec += 1),
    ];
    for (field, change) in compared {
        let before = changes(&log, id).len();
        let prev = stats;
        change(&mut stats);
        answer(&mut s, &fake, Ok(stats));
        let got = changes(&log, id);
        assert_eq!(got.len(), before + 1, "{field} is a change, once: {got:?}");
        assert_eq!(
            got[before],
            StatChange {
                status: 0,
                curr: stats,
                prev,
            },
            "{field}"
        );
    }

    // Failures: once per errno, with the last good stats as `prev`, then the recovery.
    let n = changes(&log, id).len();
    answer(&mut s, &fake, Err(Some(libc::EACCES)));
    answer(&mut s, &fake, Err(Some(libc::EACCES)));
    answer(&mut s, &fake, Err(Some(libc::ENOENT)));
    answer(&mut s, &fake, Err(None));
    answer(&mut s, &fake, Ok(stats));
    answer(&mut s, &fake, Ok(stats));
    let failed = |status| StatChange {
        status,
        curr: Stats::default(),
        prev: stats,
    };
    assert_eq!(
        changes(&log, id)[n..],
        [
            failed(-libc::EACCES),
            failed(-libc::ENOENT),
            failed(UV_UNKNOWN),
            StatChange {
                status: 0,
                curr: stats,
                prev: stats,
            },
        ]
    );
}
