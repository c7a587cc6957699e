//! The watcher actor on a real directory: events with names relative to the watched directory,
//! recursive watching that follows new directories, unwatching, ref counting, and queue
//! overflow reported rather than lost.

use std::cell::RefCell;
use std::ffi::OsString;
use std::fs;
use std::rc::Rc;
use std::time::{Duration, Instant};

use actors::System;
use actors::watcher::{SetWatchRef, Unwatch, Watch, WatchEvent, WatchId, Watcher};

type Log = Rc<RefCell<Vec<(WatchId, WatchEvent)>>>;

fn watcher(s: &mut System) -> (actors::Addr<Watcher>, Log) {
    let log: Log = Rc::default();
    let l = log.clone();
    let addr = s.spawn(Watcher::new(move |id, ev| l.borrow_mut().push((id, ev))));
    (addr, log)
}

fn watch(
    s: &mut System,
    w: &actors::Addr<Watcher>,
    path: &std::path::Path,
    recursive: bool,
) -> WatchId {
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
    s.dispatch();
    got.borrow_mut()
        .take()
        .expect("answered at once")
        .expect("watchable")
}

fn settle(s: &mut System, until: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
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

fn name(s: &str) -> OsString {
    OsString::from(s)
}

#[test]
fn directory_events_are_named_relative_to_the_watched_directory() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
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
    s.ask_then(&w, Unwatch(flat), |_| {});
    s.dispatch();
    let before = log.borrow().iter().filter(|(i, _)| *i == flat).count();
    fs::write(dir.path().join("later.txt"), "x").unwrap();
    settle(&mut s, || {
        has(&log, tree, WatchEvent::Rename(name("later.txt")))
    });
    assert_eq!(
        log.borrow().iter().filter(|(i, _)| *i == flat).count(),
        before
    );
}

#[test]
fn a_watched_file_reports_its_own_name_and_missing_paths_fail() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.txt");
    fs::write(&file, "x").unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
    let id = watch(&mut s, &w, &file, false);
    fs::write(&file, "more").unwrap();
    settle(&mut s, || has(&log, id, WatchEvent::Change(name("f.txt"))));
    assert!(has(&log, id, WatchEvent::Change(name("f.txt"))));

    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    s.ask_then(
        &w,
        Watch {
            path: dir.path().join("missing"),
            recursive: false,
        },
        move |r| *g.borrow_mut() = Some(r.unwrap()),
    );
    s.dispatch();
    let err = got.borrow_mut().take().unwrap().unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
}

#[test]
fn only_refd_subscriptions_keep_the_system_alive() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = System::new().unwrap();
    let (w, _log) = watcher(&mut s);
    assert!(
        !s.is_alive(),
        "a watcher with nothing watched holds nothing"
    );
    let id = watch(&mut s, &w, dir.path(), false);
    assert!(s.is_alive());
    s.ask_then(&w, SetWatchRef(id, false), |_| {});
    s.dispatch();
    assert!(!s.is_alive());
}

#[test]
fn a_queue_overflow_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = System::new().unwrap();
    let (w, log) = watcher(&mut s);
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
