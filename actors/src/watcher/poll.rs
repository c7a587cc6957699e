//! The polling backend: every subscription keeps a snapshot of what it watches, and every
//! interval the actor takes new snapshots on the worker pool and reports the differences.
//!
//! A snapshot holds the stat of the watched path and, for a directory, each entry's name (relative
//! to the watched directory; the whole tree for a recursive subscription) with its inode, kind,
//! size, times and mode. Entries are read with `lstat`, as inotify reports a symbolic link's own
//! changes, and a recursive walk does not follow links. Comparing two snapshots:
//!
//! - a name only in one of them, or whose inode (or kind) changed, was created, deleted, moved or
//!   replaced: [`Rename`](WatchEvent::Rename);
//! - the same inode with another size, mtime, ctime, mode or owner: [`Change`](WatchEvent::Change).
//!   A directory's size and times change with its entries, which are reported by their own names
//!   (or, in a flat watch, not at all, as with inotify), so a directory reports `Change` only for
//!   its mode or owner.
//!
//! The watched path itself follows the same rules under its basename, and stays watched by path:
//! a watched file deleted and created again, or replaced by a rename (an editor's atomic save),
//! reports `Rename` and is watched again as it now is. inotify, which watches the inode, goes
//! quiet after that. A watched directory that vanishes reports its entries and then its basename.
//!
//! What happened between two scans is seen only by its outcome: a file created and changed
//! reports one `Rename`, and a write that leaves size and times as they were (within the
//! filesystem's timestamp granularity) is not seen until something else changes.
//!
//! # Scheduling
//!
//! One [`Tick`] timer is pending while there are subscriptions and no scan is running; its scan
//! covers every subscription and the next timer is set when the scan's result has been handled,
//! so scans never overlap and a slow disk stretches the interval rather than queueing scans. The
//! timer does not keep the system alive: the actor's own ref does, while a ref'd subscription
//! exists. A scan's result for a subscription unwatched meanwhile is dropped; since events are
//! reported on the actor, in turn with its messages, none follows an `Unwatch`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::fs::{self, Metadata};
use std::io;
use std::iter::Peekable;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use reactor::{PoolError, TimerKey};

use super::{WatchEvent, WatchHandler, WatchId, Watcher};
use crate::actor::{Handler, Message};
use crate::context::Context;
use crate::pool::FileKind;
use crate::reply::ReplyTo;

/// What a snapshot remembers of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stat {
    dev: u64,
    ino: u64,
    /// A name whose kind changes was replaced.
    kind: FileKind,
    size: u64,
    /// Nanoseconds since the epoch.
    mtime: i128,
    /// Nanoseconds since the epoch.
    ctime: i128,
    mode: u32,
    uid: u32,
    gid: u32,
}

impl Stat {
    fn of(m: &Metadata) -> Stat {
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stat {
            dev: m.dev(),
            ino: m.ino(),
            kind: FileKind::from_mode(m.mode()),
            size: m.size(),
            mtime: ns(m.mtime(), m.mtime_nsec()),
            ctime: ns(m.ctime(), m.ctime_nsec()),
            mode: m.mode(),
            uid: m.uid(),
            gid: m.gid(),
        }
    }

    /// Whether `new` is another file under the same name.
    fn replaced_by(&self, new: &Stat) -> bool {
        (self.dev, self.ino, self.kind) != (new.dev, new.ino, new.kind)
    }

    /// Whether the same file's contents or attributes changed.
    fn changed_to(&self, new: &Stat) -> bool {
        let attrs = (self.mode, self.uid, self.gid) != (new.mode, new.uid, new.gid);
        if self.kind == FileKind::Dir {
            attrs
        } else {
            attrs || (self.size, self.mtime, self.ctime) != (new.size, new.mtime, new.ctime)
        }
    }
}

/// What a subscription watches, fixed when it starts (as with inotify: a path that was a file
/// stays watched as a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    File,
    Dir,
    Tree,
}

/// A subscription's view of the disk at one scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Snapshot {
    /// The watched path (followed if it is a link, as inotify follows it); `None` while missing.
    root: Option<Stat>,
    /// For a directory: its entries by name relative to it (the whole tree for a recursive
    /// subscription). Always empty for a file.
    entries: BTreeMap<PathBuf, Stat>,
}

impl Snapshot {
    /// Reads `path` as `shape` says. Blocking: runs on the worker pool.
    fn take(path: &Path, shape: Shape) -> Snapshot {
        let mut snap = Snapshot {
            root: fs::metadata(path).ok().map(|m| Stat::of(&m)),
            entries: BTreeMap::new(),
        };
        if shape != Shape::File && snap.root.is_some_and(|s| s.kind == FileKind::Dir) {
            list(path, Path::new(""), shape == Shape::Tree, &mut snap.entries);
        }
        snap
    }
}

/// Adds the entries of `dir` (named from `rel`) and, with `deep`, of the directories below it.
/// Entries that vanish while being read are left out.
fn list(dir: &Path, rel: &Path, deep: bool, out: &mut BTreeMap<PathBuf, Stat>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let name = rel.join(entry.file_name());
        let stat = Stat::of(&meta);
        if deep && stat.kind == FileKind::Dir {
            list(&entry.path(), &name, deep, out);
        }
        out.insert(name, stat);
    }
}

/// The events that take a subscription from `old` to `new`; `base` names the watched path
/// itself. Entries come in name order; when the watched path vanished, after its entries (as
/// inotify reports a directory's children deleted before the directory), otherwise first.
fn diff(shape: Shape, base: &OsStr, old: &Snapshot, new: &Snapshot) -> Vec<WatchEvent> {
    let root = match (&old.root, &new.root) {
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => Some(WatchEvent::Rename(base.to_owned())),
        (Some(a), Some(b)) if a.replaced_by(b) => Some(WatchEvent::Rename(base.to_owned())),
        (Some(a), Some(b)) if a.changed_to(b) => Some(WatchEvent::Change(base.to_owned())),
        (Some(_), Some(_)) => None,
    };
    let mut out = Vec::new();
    let vanished = old.root.is_some() && new.root.is_none();
    if !vanished {
        out.extend(root.clone());
    }
    if shape != Shape::File {
        for (name, was, is) in merge(old.entries.iter(), new.entries.iter()) {
            let name = name.as_os_str().to_owned();
            match (was, is) {
                (Some(a), Some(b)) if a.replaced_by(b) => out.push(WatchEvent::Rename(name)),
                (Some(a), Some(b)) if a.changed_to(b) => out.push(WatchEvent::Change(name)),
                (Some(_), Some(_)) => {}
                _ => out.push(WatchEvent::Rename(name)),
            }
        }
    }
    if vanished {
        out.extend(root);
    }
    out
}

/// Walks two name-ordered maps together: each name once, with its value on either side.
fn merge<'a, I>(
    old: I,
    new: I,
) -> impl Iterator<Item = (&'a PathBuf, Option<&'a Stat>, Option<&'a Stat>)>
where
    I: Iterator<Item = (&'a PathBuf, &'a Stat)>,
{
    struct Merge<I: Iterator>(Peekable<I>, Peekable<I>);
    impl<'a, I> Iterator for Merge<I>
    where
        I: Iterator<Item = (&'a PathBuf, &'a Stat)>,
    {
        type Item = (&'a PathBuf, Option<&'a Stat>, Option<&'a Stat>);
        fn next(&mut self) -> Option<Self::Item> {
            let order = match (self.0.peek(), self.1.peek()) {
                (None, None) => return None,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some((a, _)), Some((b, _))) => a.cmp(b),
            };
            Some(match order {
                Ordering::Less => {
                    let (n, a) = self.0.next()?;
                    (n, Some(a), None)
                }
                Ordering::Greater => {
                    let (n, b) = self.1.next()?;
                    (n, None, Some(b))
                }
                Ordering::Equal => {
                    let (n, a) = self.0.next()?;
                    let (_, b) = self.1.next()?;
                    (n, Some(a), Some(b))
                }
            })
        }
    }
    Merge(old.peekable(), new.peekable())
}

struct Subscription {
    root: PathBuf,
    shape: Shape,
    refed: bool,
    snapshot: Snapshot,
}

impl Subscription {
    /// How the subscription's events name the watched path itself.
    fn base(&self) -> &OsStr {
        self.root.file_name().unwrap_or_default()
    }
}

/// The polling backend's state. See the [module documentation](self).
pub(super) struct Poll {
    interval: Duration,
    subs: HashMap<WatchId, Subscription>,
    next: WatchId,
    /// A scan is on the worker pool; no other starts until its result is handled.
    scanning: bool,
    /// The pending [`Tick`] timer, if any.
    timer: Option<TimerKey>,
    /// The number the pending [`Tick`] carries: a tick that fired just as its timer was cancelled
    /// still arrives, and is told apart by an older number.
    tick: u64,
}

impl Poll {
    /// Scans every `interval` (at least a millisecond, the timers' resolution).
    pub(super) fn new(interval: Duration) -> Poll {
        Poll {
            interval: interval.max(Duration::from_millis(1)),
            subs: HashMap::new(),
            next: 0,
            scanning: false,
            timer: None,
            tick: 0,
        }
    }

    /// Starts a subscription: the first snapshot is taken on the pool (which also says whether the
    /// path exists), and `reply` is answered when it is in.
    pub(super) fn watch(
        &mut self,
        path: PathBuf,
        recursive: bool,
        reply: ReplyTo<io::Result<WatchId>>,
        cx: &mut Context<'_, Watcher>,
    ) {
        cx.spawn_blocking(
            move || {
                let meta = fs::metadata(&path)?;
                let shape = match (meta.is_dir(), recursive) {
                    (false, _) => Shape::File,
                    (true, false) => Shape::Dir,
                    (true, true) => Shape::Tree,
                };
                let snapshot = Snapshot::take(&path, shape);
                Ok(Subscription {
                    root: path,
                    shape,
                    refed: true,
                    snapshot,
                })
            },
            move |w: &mut Watcher, r: Result<io::Result<Subscription>, PoolError>, cx| {
                let Some((this, _)) = w.poll_parts() else {
                    return;
                };
                match r.map_err(io::Error::from).and_then(|r| r) {
                    Ok(sub) => {
                        this.next += 1;
                        let id = this.next;
                        this.subs.insert(id, sub);
                        cx.set_ref(this.any_refed());
                        this.schedule(cx);
                        reply.send(Ok(id));
                    }
                    Err(e) => reply.send(Err(e)),
                }
            },
        );
    }

    pub(super) fn unwatch(&mut self, id: WatchId, cx: &mut Context<'_, Watcher>) {
        self.subs.remove(&id);
        if self.subs.is_empty()
            && let Some(key) = self.timer.take()
        {
            cx.cancel_timer(key);
        }
    }

    pub(super) fn set_ref(&mut self, id: WatchId, refed: bool) {
        if let Some(s) = self.subs.get_mut(&id) {
            s.refed = refed;
        }
    }

    /// Whether a subscription keeps the system alive.
    pub(super) fn any_refed(&self) -> bool {
        self.subs.values().any(|s| s.refed)
    }

    /// Sets the timer for the next scan, unless one is pending, a scan is running (its end sets
    /// it) or nothing is watched.
    fn schedule(&mut self, cx: &mut Context<'_, Watcher>) {
        if self.scanning || self.timer.is_some() || self.subs.is_empty() {
            return;
        }
        self.tick += 1;
        let key = cx.run_later(self.interval, Tick(self.tick));
        // The actor's ref already says whether the watcher keeps the system alive.
        cx.set_timer_ref(key, false);
        self.timer = Some(key);
    }

    /// Takes new snapshots of every subscription on the pool.
    fn scan(&mut self, cx: &mut Context<'_, Watcher>) {
        if self.scanning || self.subs.is_empty() {
            return;
        }
        self.scanning = true;
        let jobs: Vec<(WatchId, PathBuf, Shape)> = self
            .subs
            .iter()
            .map(|(id, s)| (*id, s.root.clone(), s.shape))
            .collect();
        cx.spawn_blocking(
            move || {
                jobs.into_iter()
                    .map(|(id, root, shape)| (id, Snapshot::take(&root, shape)))
                    .collect::<Vec<_>>()
            },
            |w: &mut Watcher, r, cx| {
                if let Some((this, handler)) = w.poll_parts() {
                    this.scanned(r, handler, cx);
                }
            },
        );
    }

    /// Reports what changed since the last snapshots and keeps the new ones.
    fn scanned(
        &mut self,
        r: Result<Vec<(WatchId, Snapshot)>, PoolError>,
        handler: &mut dyn WatchHandler,
        cx: &mut Context<'_, Watcher>,
    ) {
        self.scanning = false;
        match r {
            Ok(snapshots) => {
                for (id, snapshot) in snapshots {
                    // Unwatched while the scan ran: nothing more for it.
                    let Some(sub) = self.subs.get_mut(&id) else {
                        continue;
                    };
                    let events = diff(sub.shape, sub.base(), &sub.snapshot, &snapshot);
                    sub.snapshot = snapshot;
                    for event in events {
                        handler.event(id, event);
                    }
                }
            }
            // The pool shut down: so is the system, and there is nothing to scan with.
            Err(PoolError::Cancelled) => return,
            // A bug in the scan: keep the old snapshots and try again at the next tick.
            Err(PoolError::Panicked(_)) => {}
        }
        self.schedule(cx);
    }

    pub(super) fn holds(&self) -> String {
        let paths = super::listing(self.subs.values().map(|s| s.root.as_path()));
        format!(
            "polling every {} ms watching [{paths}]",
            self.interval.as_millis()
        )
    }
}

/// Time for the next scan; carries the number of the timer that sent it.
struct Tick(u64);
impl Message for Tick {
    type Reply = ();
}
impl Handler<Tick> for Watcher {
    fn handle(&mut self, m: Tick, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        let Some((this, _)) = self.poll_parts() else {
            return;
        };
        if m.0 != this.tick || this.timer.is_none() {
            return;
        }
        this.timer = None;
        this.scan(cx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(ino: u64, kind: FileKind, size: u64, mtime: i128) -> Stat {
        Stat {
            dev: 1,
            ino,
            kind,
            size,
            mtime,
            ctime: mtime,
            mode: 0o644,
            uid: 0,
            gid: 0,
        }
    }

    fn dir(entries: &[(&str, Stat)]) -> Snapshot {
        Snapshot {
            root: Some(stat(1, FileKind::Dir, 4096, 0)),
            entries: entries
                .iter()
                .map(|(n, s)| (PathBuf::from(n), *s))
                .collect(),
        }
    }

    fn rename(n: &str) -> WatchEvent {
        WatchEvent::Rename(n.into())
    }

    fn change(n: &str) -> WatchEvent {
        WatchEvent::Change(n.into())
    }

    #[test]
    fn entries_are_compared_by_name_then_inode_then_contents() {
        let old = dir(&[
            ("gone", stat(2, FileKind::File, 1, 0)),
            ("kept", stat(3, FileKind::File, 1, 0)),
            ("written", stat(4, FileKind::File, 1, 0)),
            ("replaced", stat(5, FileKind::File, 1, 0)),
            ("sub", stat(6, FileKind::Dir, 4096, 0)),
        ]);
        let new = dir(&[
            ("kept", stat(3, FileKind::File, 1, 0)),
            ("new", stat(7, FileKind::File, 0, 9)),
            ("replaced", stat(8, FileKind::File, 1, 0)),
            ("sub", stat(6, FileKind::Dir, 4096, 9)),
            ("written", stat(4, FileKind::File, 1, 9)),
        ]);
        assert_eq!(
            diff(Shape::Dir, OsStr::new("d"), &old, &new),
            vec![
                rename("gone"),
                rename("new"),
                rename("replaced"),
                change("written")
            ],
            "a directory whose times moved with its entries is not itself changed"
        );
    }

    #[test]
    fn the_watched_path_is_named_by_its_basename() {
        let file = |s| Snapshot {
            root: s,
            entries: BTreeMap::new(),
        };
        let f = OsStr::new("f.txt");
        let a = Some(stat(2, FileKind::File, 1, 0));
        let longer = Some(stat(2, FileKind::File, 2, 0));
        let other = Some(stat(3, FileKind::File, 1, 0));
        assert_eq!(
            diff(Shape::File, f, &file(a), &file(longer)),
            vec![change("f.txt")]
        );
        assert_eq!(
            diff(Shape::File, f, &file(a), &file(other)),
            vec![rename("f.txt")]
        );
        assert_eq!(
            diff(Shape::File, f, &file(a), &file(None)),
            vec![rename("f.txt")]
        );
        assert_eq!(
            diff(Shape::File, f, &file(None), &file(a)),
            vec![rename("f.txt")]
        );
        assert_eq!(diff(Shape::File, f, &file(None), &file(None)), vec![]);

        let full = dir(&[("x", stat(2, FileKind::File, 1, 0))]);
        assert_eq!(
            diff(Shape::Dir, OsStr::new("d"), &full, &Snapshot::default()),
            vec![rename("x"), rename("d")],
            "a vanished directory's entries go before it"
        );
    }
}
