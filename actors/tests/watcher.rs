//! The watcher actor on a real directory: events with names relative to the watched directory,
//! recursive watching that follows new directories, unwatching, ref counting, and queue
//! overflow reported rather than lost.
//!
//! The cases that hold for every backend run on both inotify and polling (the `inotify::` and
//! `polling::` tests); the overflow case is inotify's, and the polling backend has its own cases
//! for what only it does: following a watched file by path, and scans racing an unwatch.

mod support;

use std::cell::RefCell;
use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use actors::watcher::{SetWatchRef, Unwatch, Watch, WatchEvent, WatchId, Watcher};
use actors::{Addr, System};

type Log = Rc<RefCell<Vec<(WatchId, WatchEvent)>>>;

/// Makes a watcher on one backend, with the handler it reports to.
type Backend = fn(Box<dyn FnMut(WatchId, WatchEvent)>) -> Watcher;

fn inotify(handler: Box<dyn FnMut(WatchId, WatchEvent)>) -> Watcher {
    Watcher::new(handler)
}

/// Short, so that tests see scans quickly; every wait is bounded by a deadline all the same.
const POLL_INTERVAL: Duration = Duration::from_millis(20);

fn polling(handler: Box<dyn FnMut(WatchId, WatchEvent)>) -> Watcher {
    Watcher::polling(handler, POLL_INTERVAL)
}

/// Runs each named case, a function taking a [`Backend`], once per backend.
macro_rules! on_every_backend {
    ($($case:ident),* $(,)?) => {
        mod inotify {
            $(#[test] fn $case() { super::$case(super::inotify) })*
        }
        mod polling {
            $(#[test] fn $case() { super::$case(super::polling) })*
        }
    };
}

on_every_backend!(
    directory_events_are_named_relative_to_the_watched_directory,
    a_watched_file_reports_its_own_name_and_missing_paths_fail,
    the_watched_directory_vanishing_reports_its_own_name,
    only_refd_subscriptions_keep_the_system_alive,
);

fn watcher(s: &mut System, backend: Backend) -> (Addr<Watcher>, Log) {
    let log: Log = Rc::default();
    let l = log.clone();
    let addr = s.spawn(backend(Box::new(move |id, ev| {
        l.borrow_mut().push((id, ev))
    })));
    (addr, log)
}

const DEADLINE: Duration = Duration::from_secs(5);

/// Runs the loop until `done`, for at most [`DEADLINE`]; says whether `done` came true.
fn run_until(s: &mut System, done: impl Fn(&mut System) -> bool) -> bool {
    support::run_until(s, DEADLINE, Duration::from_millis(10), done)
}

/// Sends `Watch` and waits for its answer (inotify answers at once, polling once its first
/// snapshot is taken on the pool).
fn try_watch(
    s: &mut System,
    w: &Addr<Watcher>,
    path: &Path,
    recursive: bool,
) -> std::io::Result<WatchId> {
    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    s.ask_then(
        w,
        Watch {
            path: path.to_path_buf(),
            recursive,
        },
        move |r| *g.borrow_mut() = Some(r.unwrap()),
    );
    assert!(run_until(s, |_| got.borrow().is_some()), "Watch answered");
    got.borrow_mut().take().unwrap()
}

fn watch(s: &mut System, w: &Addr<Watcher>, path: &Path, recursive: bool) -> WatchId {
    try_watch(s, w, path, recursive).expect("watchable")
}

/// Sends `Unwatch` and waits for its answer; returns how many events the log held then.
fn unwatch(s: &mut System, w: &Addr<Watcher>, id: WatchId, log: &Log) -> usize {
    let at = Rc::new(RefCell::new(None));
    let a = at.clone();
    let l = log.clone();
    s.ask_then(w, Unwatch(id), move |r| {
        r.unwrap();
        *a.borrow_mut() = Some(l.borrow().len());
    });
    assert!(run_until(s, |_| at.borrow().is_some()), "Unwatch answered");
    at.borrow_mut().take().unwrap()
}

fn settle(s: &mut System, until: impl Fn() -> bool) {
    let deadline = Instant::now() + DEADLINE;
    while !until() && Instant::now() < deadline {
        s.run_once(Some(Duration::from_millis(10))).unwrap();
    }
    // Late duplicates of the same events.
    for _ in 0..3 {
        s.run_once(Some(Duration::from_millis(5))).unwrap();
    }
}

fn has(log: &Log, id: WatchId, ev: WatchEvent) -> bool {
    log.borrow().iter().any(|(i, e)| *i == id && *e == ev)
}

fn count(log: &Log, id: WatchId, ev: &WatchEvent) -> usize {
    log.borrow()
        .iter()
        .filter(|(i, e)| *i == id && e == ev)
        .count()
}

fn events_for(log: &Log, id: WatchId) -> usize {
    log.borrow().iter().filter(|(i, _)| *i == id).count()
}

fn name(s: &str) -> OsString {
    OsString::from(s)
}

fn directory_events_are_named_relative_to_the_watched_directory(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, backend);
    let flat = watch(&mut s, &w, dir.path(), false);
    let tree = watch(&mut s, &w, dir.path(), true);
    fs::write(dir.path().join("a.txt"), "x").unwrap();
    fs::write(dir.path().join("sub/b.txt"), "x").unwrap();
    fs::create_dir(dir.path().join("new")).unwrap();
    settle(&mut s, || has(&log, tree, WatchEvent::Rename(name("new"))));
    // A directory created after the watch started is watched too.
    fs::write(dir.path().join("new/c.txt"), "x").unwrap();
    settle(&mut s, || {
        has(&log, tree, WatchEvent::Rename(name("new/c.txt")))
    });
    // Written again once its creation was seen: a scan that finds it new reports only that.
    fs::write(dir.path().join("a.txt"), "xy").unwrap();
    settle(&mut s, || {
        has(&log, flat, WatchEvent::Change(name("a.txt")))
    });

    assert!(has(&log, flat, WatchEvent::Rename(name("a.txt"))));
    assert!(has(&log, flat, WatchEvent::Change(name("a.txt"))));
    assert!(
        !log.borrow()
            .iter()
            .any(|(i, e)| *i == flat && *e == WatchEvent::Rename(name("sub/b.txt")))
    );
    assert!(has(&log, tree, WatchEvent::Rename(name("sub/b.txt"))));
    assert!(has(&log, tree, WatchEvent::Rename(name("new/c.txt"))));

    // Nothing more for a subscription after Unwatch.
    unwatch(&mut s, &w, flat, &log);
    let before = events_for(&log, flat);
    fs::write(dir.path().join("later.txt"), "x").unwrap();
    settle(&mut s, || {
        has(&log, tree, WatchEvent::Rename(name("later.txt")))
    });
    assert!(has(&log, tree, WatchEvent::Rename(name("later.txt"))));
    assert_eq!(events_for(&log, flat), before);
}

fn a_watched_file_reports_its_own_name_and_missing_paths_fail(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, backend);
    let id = watch(&mut s, &w, &file, false);
    fs::write(&file, "more").unwrap();
    settle(&mut s, || has(&log, id, WatchEvent::Change(name("f.txt"))));
    assert!(has(&log, id, WatchEvent::Change(name("f.txt"))));

    let err = try_watch(&mut s, &w, &dir.path().join("missing"), false).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
}

fn the_watched_directory_vanishing_reports_its_own_name(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let watched = dir.path().join("w");
    fs::create_dir(&watched).unwrap();
    fs::write(watched.join("inside.txt"), "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, backend);
    let id = watch(&mut s, &w, &watched, false);
    fs::remove_dir_all(&watched).unwrap();
    settle(&mut s, || has(&log, id, WatchEvent::Rename(name("w"))));
    assert!(has(&log, id, WatchEvent::Rename(name("w"))));
    assert!(has(&log, id, WatchEvent::Rename(name("inside.txt"))));
}

fn only_refd_subscriptions_keep_the_system_alive(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = System::new().unwrap();
    let (w, _log) = watcher(&mut s, backend);
    assert!(
        !s.is_alive(),
        "a watcher with nothing watched holds nothing"
    );
    let id = watch(&mut s, &w, dir.path(), false);
    assert!(s.is_alive());
    s.ask_then(&w, SetWatchRef(id, false), |_| {});
    s.dispatch();
    // A scan on the pool keeps the system alive until it ends; the polling timer never does.
    assert!(
        run_until(&mut s, |s| !s.is_alive()),
        "an unref'd subscription lets the system end: {:?}",
        s.liveness()
    );
}

#[test]
fn a_queue_overflow_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, inotify);
    let id = watch(&mut s, &w, dir.path(), false);
    // More events than the kernel queues by default (16,384) before the actor reads any.
    let limit: usize = fs::read_to_string("/proc/sys/fs/inotify/max_queued_events")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(16384);
    // Distinct names: the kernel merges an event with an identical one queued just before it.
    for i in 0..limit + 100 {
        fs::File::create(dir.path().join(format!("f{i}"))).unwrap();
    }
    settle(&mut s, || has(&log, id, WatchEvent::Overflow));
    assert!(has(&log, id, WatchEvent::Overflow));
}

#[test]
fn polling_follows_a_watched_file_replaced_by_rename_or_deleted_and_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, polling);
    let id = watch(&mut s, &w, &file, false);
    let renamed = WatchEvent::Rename(name("f.txt"));
    let changed = WatchEvent::Change(name("f.txt"));

    // An editor's atomic save: a new file renamed over the watched one.
    let tmp = dir.path().join(".f.txt.swp");
    fs::write(&tmp, "saved").unwrap();
    fs::rename(&tmp, &file).unwrap();
    settle(&mut s, || count(&log, id, &renamed) >= 1);
    assert_eq!(count(&log, id, &renamed), 1, "{:?}", log.borrow());
    // The file now at the path is the one watched.
    fs::write(&file, "saved again").unwrap();
    settle(&mut s, || has(&log, id, changed.clone()));
    assert!(has(&log, id, changed.clone()), "{:?}", log.borrow());

    // Deleted, then created again once the deletion was seen: two renames, then watched again.
    fs::remove_file(&file).unwrap();
    settle(&mut s, || count(&log, id, &renamed) >= 2);
    assert_eq!(count(&log, id, &renamed), 2, "{:?}", log.borrow());
    fs::write(&file, "back").unwrap();
    settle(&mut s, || count(&log, id, &renamed) >= 3);
    assert_eq!(count(&log, id, &renamed), 3, "{:?}", log.borrow());
    let changes = count(&log, id, &changed);
    fs::write(&file, "back and longer").unwrap();
    settle(&mut s, || count(&log, id, &changed) > changes);
    assert!(count(&log, id, &changed) > changes, "{:?}", log.borrow());
}

#[test]
fn polling_reports_a_write_that_keeps_the_size_as_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("same.txt");
    fs::write(&file, "abc").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, polling);
    let id = watch(&mut s, &w, dir.path(), false);
    fs::write(&file, "xyz").unwrap();
    // Set the time apart from the one the write left, so that a coarse filesystem clock cannot
    // hide the change.
    let f = fs::OpenOptions::new().write(true).open(&file).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000))
        .unwrap();
    drop(f);
    settle(&mut s, || {
        has(&log, id, WatchEvent::Change(name("same.txt")))
    });
    assert!(has(&log, id, WatchEvent::Change(name("same.txt"))));
    assert!(
        !has(&log, id, WatchEvent::Rename(name("same.txt"))),
        "the same inode was written in place: {:?}",
        log.borrow()
    );
}

#[test]
fn polling_stops_at_unwatch_even_with_a_scan_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    // A tree big enough that a scan takes a while, so that an Unwatch can land during one.
    for d in 0..20 {
        let sub = dir.path().join(format!("d{d}"));
        fs::create_dir(&sub).unwrap();
        for f in 0..20 {
            fs::write(sub.join(format!("f{f}")), "x").unwrap();
        }
    }
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s, polling);
    // Sees every change, and says when a scan after the unwatch has been handled.
    let control = watch(&mut s, &w, dir.path(), true);
    for round in 0..10 {
        let id = watch(&mut s, &w, dir.path(), true);
        let file = dir.path().join(format!("d{round}/new"));
        fs::write(&file, "x").unwrap();
        // Turn the loop without waiting until a scan is on the pool, then unwatch at once.
        let deadline = Instant::now() + DEADLINE;
        while s.liveness().in_flight == 0 && Instant::now() < deadline {
            s.run_once(Some(Duration::ZERO)).unwrap();
        }
        let at_unwatch = unwatch(&mut s, &w, id, &log);
        let seen = log.borrow()[..at_unwatch]
            .iter()
            .filter(|(i, _)| *i == id)
            .count();
        let created = WatchEvent::Rename(name(&format!("d{round}/new")));
        settle(&mut s, || has(&log, control, created.clone()));
        assert!(has(&log, control, created));
        // Another change, so that at least one whole scan ran after the unwatch.
        fs::remove_file(&file).unwrap();
        let removed = WatchEvent::Rename(name(&format!("d{round}/new")));
        settle(&mut s, || count(&log, control, &removed) >= 2);
        assert_eq!(count(&log, control, &removed), 2);
        assert_eq!(
            events_for(&log, id),
            seen,
            "round {round}: an event after Unwatch was answered: {:?}",
            log.borrow()
        );
    }
}
