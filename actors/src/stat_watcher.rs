//! The stat-watcher actor: a file's stats compared at an interval, what Node's `fs.watchFile`
//! stands on (libuv's `uv_fs_poll`).
//!
//! Each [`WatchStat`] is a subscription with an id and its own interval. Every interval the actor
//! stats the file on the worker pool, with the [`StatFn`] the subscription came with, and reports
//! a [`StatChange`] (the new stats and the previous ones) to the [`StatHandler`] it was made with
//! when the result differs from the last one the way `uv_fs_poll` decides:
//!
//! - The first stat starts at once; its result, when it succeeds, is only the baseline.
//! - A failure is reported once per errno: `status` is the negative errno, `curr` is zeroed and
//!   `prev` holds the last good stats (zeroed if there were none). Failing again with the same
//!   errno reports nothing; with another errno, it is reported.
//! - A success is reported when it follows a failure (the file came back), or when it differs from
//!   the last success in a field `uv_fs_poll` compares: `dev`, `ino`, `mode`, `uid`, `gid`,
//!   `size`, `mtime`, `ctime` and `birthtime`. `atime` and `nlink` (and `rdev`, `blksize`,
//!   `blocks`) are left out, so reading a file or linking it elsewhere is not a change.
//!
//! The [watcher](crate::watcher) reports names under a path, as `fs.watch` does; this actor
//! reports stats, as `fs.watchFile` does, which is why it is an actor of its own. The caller decides
//! how to stat: [`WatchStat::path`] calls [`ops::stat`] on a path; the JavaScript host passes a
//! function that resolves the path [`beneath`](crate::pool::beneath) its capability root.
//!
//! ```no_run
//! # use std::time::Duration;
//! # use actors::{System, stat_watcher::{StatWatcher, WatchStat}};
//! let mut system = System::new()?;
//! let report = |id, change: actors::stat_watcher::StatChange| {
//!     println!("{id}: {} -> {} bytes", change.prev.size, change.curr.size)
//! };
//! let watcher = system.spawn(StatWatcher::new(report));
//! let _id = watcher.ask(WatchStat::path("app.log", Duration::from_millis(5007)));
//! // Runs while the subscription is ref'd: until the process is stopped.
//! system.run()?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Scheduling and delivery
//!
//! Each subscription has one `Tick` timer, set again every time it fires, so ticks come every
//! interval whatever the disk does, as with `uv_fs_poll` and a JavaScript `setInterval`. At most
//! one stat per subscription is on the pool: a tick while one is in flight does nothing, so a slow
//! disk skips ticks rather than queueing stats. A tick carries its subscription's id and the
//! number of its timer, and one that fired just as its timer was cancelled is told apart by an
//! older number.
//!
//! Changes reach the handler on the reactor thread, in turn with the actor's messages. An
//! [`UnwatchStat`] removes the subscription before it is answered, and a stat still in flight
//! finds nothing to report to when it completes: no change follows the answer.
//!
//! # Liveness
//!
//! The actor is ref'd while a ref'd subscription exists (`fs.watchFile`'s `persistent`, and
//! `StatWatcher`'s `ref`/`unref`); the tick timers never keep the system alive on their own. A
//! stat on the pool does, as all pending work does, until it ends.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use reactor::{PoolError, TimerKey};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::pool::ops::{self, FsResult, Stats};
use crate::reply::ReplyTo;

/// Names a subscription. Ids are never reused within one actor.
pub type StatWatchId = u64;

/// How a subscription stats its file. Called on the worker pool, once per tick at most.
pub type StatFn = Arc<dyn Fn() -> FsResult<Stats> + Send + Sync>;

/// libuv's `UV_UNKNOWN`: the [`StatChange::status`] of a failure that carries no errno.
pub const UV_UNKNOWN: i32 = -4094;

/// A stat result that differs from the last one, as `uv_fs_poll` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatChange {
    /// 0 for a successful stat; the negative errno of a failed one ([`UV_UNKNOWN`] for a
    /// failure without one).
    pub status: i32,
    /// The new stats; zeroed when the stat failed.
    pub curr: Stats,
    /// The last successful stats before these; zeroed if there were none.
    pub prev: Stats,
}

/// Receives every subscription's changes, on the reactor thread.
pub trait StatHandler: 'static {
    /// One change for subscription `id`.
    fn change(&mut self, id: StatWatchId, change: StatChange);
}

impl<F> StatHandler for F
where
    F: FnMut(StatWatchId, StatChange) + 'static,
{
    fn change(&mut self, id: StatWatchId, change: StatChange) {
        self(id, change)
    }
}

/// Whether two successful stats are the same to `uv_fs_poll` (its `statbuf_eq`, without the BSD
/// `st_flags` and `st_gen`, which Linux does not have).
fn same(a: &Stats, b: &Stats) -> bool {
    (a.dev, a.ino, a.mode, a.uid, a.gid, a.size) == (b.dev, b.ino, b.mode, b.uid, b.gid, b.size)
        && (a.mtime, a.ctime, a.birthtime) == (b.mtime, b.ctime, b.birthtime)
}

/// What a subscription remembers between two stats (`uv_fs_poll`'s `statbuf` and
/// `busy_polling`).
#[derive(Debug, Default)]
struct Last {
    /// The last successful stats; zeroed before the first.
    stats: Stats,
    /// 0 before the first result, 1 after a success, the negative errno after a failure.
    status: i32,
}

impl Last {
    /// Takes in one stat result (`Err` holds the negative errno) and says what to report.
    fn observe(&mut self, result: Result<Stats, i32>) -> Option<StatChange> {
        match result {
            Err(status) if self.status == status => None,
            Err(status) => {
                self.status = status;
                Some(StatChange {
                    status,
                    curr: Stats::default(),
                    prev: self.stats,
                })
            }
            Ok(stats) => {
                let report = self.status < 0 || (self.status != 0 && !same(&self.stats, &stats));
                let prev = std::mem::replace(&mut self.stats, stats);
                self.status = 1;
                report.then_some(StatChange {
                    status: 0,
                    curr: stats,
                    prev,
                })
            }
        }
    }
}

struct Subscription {
    stat: StatFn,
    interval: Duration,
    label: String,
    refed: bool,
    last: Last,
    /// A stat is on the pool; ticks do nothing until its result is handled.
    statting: bool,
    /// The pending [`Tick`] timer.
    timer: Option<TimerKey>,
    /// The number the pending [`Tick`] carries.
    tick: u64,
}

/// The stat-watcher actor. See the [module documentation](self).
///
/// Lifecycle: made with its handler; `started` unrefs it, and it holds the system only while a
/// ref'd subscription exists. Each subscription lives from [`WatchStat`] to [`UnwatchStat`]
/// with one tick timer pending and at most one stat on the pool. When the actor stops, its timers
/// end and a stat still on the pool is dropped with it.
pub struct StatWatcher {
    handler: Box<dyn StatHandler>,
    subs: HashMap<StatWatchId, Subscription>,
    next: StatWatchId,
}

impl fmt::Debug for StatWatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StatWatcher({})", Actor::holds(self))
    }
}

impl StatWatcher {
    /// A stat watcher whose changes go to `handler`.
    pub fn new(handler: impl StatHandler) -> StatWatcher {
        StatWatcher {
            handler: Box::new(handler),
            subs: HashMap::new(),
            next: 0,
        }
    }

    fn update_ref(&self, cx: &mut Context<'_, Self>) {
        cx.set_ref(self.subs.values().any(|s| s.refed));
    }

    /// Sets `id`'s next tick, an interval from now.
    fn arm(id: StatWatchId, sub: &mut Subscription, cx: &mut Context<'_, Self>) {
        sub.tick += 1;
        let key = cx.run_later(sub.interval, Tick { id, tick: sub.tick });
        // The actor's ref already says whether the subscription keeps the system alive.
        cx.set_timer_ref(key, false);
        sub.timer = Some(key);
    }

    /// Starts a stat of `id` on the pool, unless one is in flight.
    fn poll(id: StatWatchId, sub: &mut Subscription, cx: &mut Context<'_, Self>) {
        if sub.statting {
            return;
        }
        sub.statting = true;
        let stat = sub.stat.clone();
        cx.spawn_blocking(
            move || stat(),
            move |w: &mut StatWatcher, r, _| w.stated(id, r),
        );
    }

    /// Handles one stat's result: reports it if it is a change.
    fn stated(&mut self, id: StatWatchId, r: Result<FsResult<Stats>, PoolError>) {
        // Unwatched while the stat ran: nothing more for it.
        let Some(sub) = self.subs.get_mut(&id) else {
            return;
        };
        sub.statting = false;
        let result = match r {
            Ok(r) => r.map_err(|e| e.raw_os_error().map_or(UV_UNKNOWN, |errno| -errno)),
            // The pool shut down: so is the system.
            Err(PoolError::Cancelled) => return,
            // A bug in the stat function: keep what was known and try again at the next tick.
            Err(PoolError::Panicked(_)) => return,
        };
        if let Some(change) = sub.last.observe(result) {
            self.handler.change(id, change);
        }
    }
}

impl Actor for StatWatcher {
    const KIND: &'static str = "stat_watcher";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        // Nothing to wait for until something is watched.
        cx.set_ref(false);
    }

    /// `2 subscriptions: app.log every 5007 ms, every 100 ms (unref'd)`.
    fn holds(&self) -> String {
        let mut ids: Vec<&StatWatchId> = self.subs.keys().collect();
        ids.sort();
        let subs: Vec<String> = ids
            .into_iter()
            .map(|id| {
                let s = &self.subs[id];
                let label = if s.label.is_empty() {
                    String::new()
                } else {
                    format!("{} ", s.label)
                };
                let unrefd = if s.refed { "" } else { " (unref'd)" };
                format!("{label}every {} ms{unrefd}", s.interval.as_millis())
            })
            .collect();
        let n = subs.len();
        let noun = if n == 1 {
            "subscription"
        } else {
            "subscriptions"
        };
        format!("{n} {noun}: {}", subs.join(", "))
    }
}

/// Starts a subscription: a stat with `stat` now, then every `interval` (at least a
/// millisecond, the timers' resolution). Answers its id at once; what the stats say, failures
/// included, comes as [`StatChange`]s.
#[derive(Clone)]
pub struct WatchStat {
    /// How to stat the file.
    pub stat: StatFn,
    /// The time between two stats.
    pub interval: Duration,
    /// What the subscription watches, for [`System::live_actors`](crate::System::live_actors);
    /// may be empty.
    pub label: String,
}

impl WatchStat {
    /// A subscription that stats with `stat`, without a label.
    pub fn new(
        stat: impl Fn() -> FsResult<Stats> + Send + Sync + 'static,
        interval: Duration,
    ) -> WatchStat {
        WatchStat {
            stat: Arc::new(stat),
            interval,
            label: String::new(),
        }
    }

    /// A subscription on `path`, statted with [`ops::stat`] (following symlinks, as
    /// `fs.watchFile` does) and labelled with it.
    pub fn path(path: impl Into<PathBuf>, interval: Duration) -> WatchStat {
        let path = path.into();
        let label = path.display().to_string();
        WatchStat {
            stat: Arc::new(move || ops::stat(&path)),
            interval,
            label,
        }
    }
}

impl fmt::Debug for WatchStat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchStat")
            .field("interval", &self.interval)
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

impl Message for WatchStat {
    type Reply = StatWatchId;
}
impl Handler<WatchStat> for StatWatcher {
    fn handle(&mut self, m: WatchStat, reply: ReplyTo<StatWatchId>, cx: &mut Context<'_, Self>) {
        self.next += 1;
        let id = self.next;
        let mut sub = Subscription {
            stat: m.stat,
            interval: m.interval.max(Duration::from_millis(1)),
            label: m.label,
            refed: true,
            last: Last::default(),
            statting: false,
            timer: None,
            tick: 0,
        };
        Self::arm(id, &mut sub, cx);
        Self::poll(id, &mut sub, cx);
        self.subs.insert(id, sub);
        self.update_ref(cx);
        reply.send(id);
    }
}

/// Ends a subscription; no change for it follows the answer.
#[derive(Debug, Clone, Copy)]
pub struct UnwatchStat(pub StatWatchId);
impl Message for UnwatchStat {
    type Reply = ();
}
impl Handler<UnwatchStat> for StatWatcher {
    fn handle(&mut self, m: UnwatchStat, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        if let Some(key) = self.subs.remove(&m.0).and_then(|s| s.timer) {
            cx.cancel_timer(key);
        }
        self.update_ref(cx);
        reply.send(());
    }
}

/// Whether a subscription keeps the system alive (`StatWatcher`'s `ref` and `unref`).
#[derive(Debug, Clone, Copy)]
pub struct SetStatRef(pub StatWatchId, pub bool);
impl Message for SetStatRef {
    type Reply = ();
}
impl Handler<SetStatRef> for StatWatcher {
    fn handle(&mut self, m: SetStatRef, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        if let Some(s) = self.subs.get_mut(&m.0) {
            s.refed = m.1;
        }
        self.update_ref(cx);
        reply.send(());
    }
}

/// Time for subscription `id`'s next stat; carries the number of the timer that sent it.
struct Tick {
    id: StatWatchId,
    tick: u64,
}
impl Message for Tick {
    type Reply = ();
}
impl Handler<Tick> for StatWatcher {
    fn handle(&mut self, m: Tick, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        let Some(sub) = self.subs.get_mut(&m.id) else {
            return;
        };
        if m.tick != sub.tick {
            return;
        }
        Self::arm(m.id, sub, cx);
        Self::poll(m.id, sub, cx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sized(size: u64) -> Stats {
        Stats {
            size,
            ..Stats::default()
        }
    }

    #[test]
    fn failures_are_reported_once_per_errno_and_the_first_success_is_a_baseline() {
        let mut last = Last::default();
        assert_eq!(last.observe(Ok(sized(1))), None);
        assert_eq!(last.observe(Ok(sized(1))), None);
        let grown = last.observe(Ok(sized(2))).unwrap();
        assert_eq!((grown.status, grown.prev.size, grown.curr.size), (0, 1, 2));

        let gone = last.observe(Err(-libc::ENOENT)).unwrap();
        assert_eq!(
            (gone.status, gone.prev.size, gone.curr),
            (-libc::ENOENT, 2, Stats::default())
        );
        assert_eq!(last.observe(Err(-libc::ENOENT)), None);
        let denied = last.observe(Err(-libc::EACCES)).unwrap();
        assert_eq!((denied.status, denied.prev.size), (-libc::EACCES, 2));

        // Back with the same stats: still a change, since it follows a failure.
        let back = last.observe(Ok(sized(2))).unwrap();
        assert_eq!((back.status, back.prev.size, back.curr.size), (0, 2, 2));
    }

    #[test]
    fn a_missing_file_at_the_first_stat_is_reported() {
        let mut last = Last::default();
        let gone = last.observe(Err(-libc::ENOENT)).unwrap();
        assert_eq!(
            gone,
            StatChange {
                status: -libc::ENOENT,
                curr: Stats::default(),
                prev: Stats::default(),
            }
        );
    }
}
