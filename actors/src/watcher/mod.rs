//! The watcher actor: filesystem change notification.
//!
//! Each [`Watch`] is a subscription with an id: a file, a directory, or a directory tree
//! (`recursive`). Events go to the [`WatchHandler`] the actor was made with, as libuv reports
//! them: [`WatchEvent::Change`] for a modification or an attribute change, [`WatchEvent::Rename`]
//! for anything else (created, deleted, moved), with the name relative to the watched directory
//! (a watched file, and a watched directory that is itself deleted or moved, report their own
//! basename). [`WatchEvent::Overflow`] says events were lost.
//!
//! The actor keeps the system alive while a ref'd subscription exists (`fs.watch`'s
//! `persistent`).
//!
//! ```no_run
//! # use actors::{System, watcher::{Watch, Watcher}};
//! let mut system = System::new()?;
//! let report = |id, event| println!("{id}: {event:?}");
//! // Where the filesystem does not notify: Watcher::polling(report, Duration::from_millis(100)).
//! let watcher = system.spawn(Watcher::new(report));
//! let _id = watcher.ask(Watch { path: ".".into(), recursive: true });
//! // Runs while the subscription is ref'd: until the process is stopped.
//! system.run()?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Backends
//!
//! The actor, its messages and its events are the same on every backend; which one runs is chosen
//! when the actor is made.
//!
//! - [`Watcher::new`]: the platform's own notification. On Linux that is inotify
//!   (`inotify.rs`): one descriptor registered with the reactor, its events read and parsed on the
//!   reactor thread as they come, a recursive watch made of one kernel watch per directory. A full
//!   kernel queue (`IN_Q_OVERFLOW`) is reported to every subscription as `Overflow`.
//! - [`Watcher::polling`]: snapshots compared at an interval (`poll.rs`), for filesystems that
//!   do not notify (network mounts, some container and FUSE filesystems) and for tests that want
//!   the same events everywhere. Scans run on the worker pool; changes show up an interval late,
//!   and what happens between two scans is seen only by its outcome. A watched file is followed
//!   by path, so it stays watched across an editor's atomic save. It never reports `Overflow`.
//!
//! Every backend meets this contract:
//!
//! - **Answers.** `Watch` answers a fresh id, or the error that says why the path cannot be watched
//!   (`ENOENT` for a missing path). Ids are never reused within one actor.
//! - **Names and kinds.** As above: relative names, basenames for the watched path itself,
//!   `Change` for contents and attributes, `Rename` for the rest.
//! - **Delivery.** Events reach the handler on the reactor thread, in turn with the actor's
//!   messages: none for a subscription after its `Unwatch` is answered.
//! - **Liveness.** Only the actor's ref keeps the system alive, and it is on while a ref'd
//!   subscription exists; nothing a backend holds (a registration, a timer) keeps the system
//!   alive on its own. Disk work in flight on the pool does, until it ends.
//!
//! On BSD and macOS the native backend would be kqueue vnode events (`EVFILT_VNODE` with
//! `NOTE_WRITE`, `NOTE_EXTEND`, `NOTE_ATTRIB`, `NOTE_DELETE`, `NOTE_RENAME`): one descriptor per
//! watched file and directory, and since a directory's `NOTE_WRITE` only says that its entries
//! changed, it would list the directory and diff it as the polling backend does. It belongs in a
//! `kqueue.rs` compiled in place of `inotify.rs` as the `Native` type below, with the methods
//! `Inotify` has (`start`, `watch`, `unwatch`, `set_ref`, `any_refed`, `read_events`, `holds`);
//! only Linux is built here.

#[cfg(any(target_os = "linux", target_os = "android"))]
mod inotify;
mod poll;

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use reactor::{Ready, Token};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::reply::ReplyTo;

#[cfg(any(target_os = "linux", target_os = "android"))]
use inotify::Inotify as Native;

#[cfg(not(any(target_os = "linux", target_os = "android")))]
compile_error!(
    "the watcher actor has a native backend for Linux only; kqueue vnode events would go in \
     actors/src/watcher/kqueue.rs (see the module documentation)"
);

/// Names a subscription.
pub type WatchId = u64;

/// What happened under a watched path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Contents or attributes changed.
    Change(OsString),
    /// Created, deleted or moved.
    Rename(OsString),
    /// The kernel's queue overflowed: events were lost.
    Overflow,
}

/// Receives every subscription's events, on the reactor thread.
pub trait WatchHandler: 'static {
    /// One event for subscription `id`.
    fn event(&mut self, id: WatchId, event: WatchEvent);
}

impl<F> WatchHandler for F
where
    F: FnMut(WatchId, WatchEvent) + 'static,
{
    fn event(&mut self, id: WatchId, event: WatchEvent) {
        self(id, event)
    }
}

/// The backend a watcher runs on, fixed when it is made.
enum Backend {
    /// The platform's notification (inotify).
    Native(Native),
    /// Snapshots compared at an interval.
    Poll(poll::Poll),
}

/// The watcher actor. See the [module documentation](self).
///
/// Lifecycle: made with its handler and backend; `started` readies the backend (the inotify
/// descriptor) and unrefs the actor, which holds the system only while a ref'd subscription
/// exists; when it stops, its registration and timer end and a scan still on the pool is
/// dropped with it.
pub struct Watcher {
    handler: Box<dyn WatchHandler>,
    backend: Backend,
}

/// The watched roots, for [`Actor::holds`]: `a, b, c`.
fn listing<'a>(roots: impl Iterator<Item = &'a std::path::Path>) -> String {
    let paths: Vec<String> = roots.map(|p| p.display().to_string()).collect();
    paths.join(", ")
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Watcher({})", Actor::holds(self))
    }
}

impl Watcher {
    /// A watcher on the platform's notification (inotify), whose events go to `handler`.
    pub fn new(handler: impl WatchHandler) -> Watcher {
        Watcher {
            handler: Box::new(handler),
            backend: Backend::Native(Native::new()),
        }
    }

    /// A watcher that compares snapshots every `interval` (at least a millisecond), whose events
    /// go to `handler`.
    pub fn polling(handler: impl WatchHandler, interval: Duration) -> Watcher {
        Watcher {
            handler: Box::new(handler),
            backend: Backend::Poll(poll::Poll::new(interval)),
        }
    }

    /// The polling backend's state and the handler, for the backend's own continuations.
    fn poll_parts(&mut self) -> Option<(&mut poll::Poll, &mut dyn WatchHandler)> {
        match &mut self.backend {
            Backend::Poll(p) => Some((p, &mut *self.handler)),
            Backend::Native(_) => None,
        }
    }

    fn update_ref(&self, cx: &mut Context<'_, Self>) {
        cx.set_ref(match &self.backend {
            Backend::Native(n) => n.any_refed(),
            Backend::Poll(p) => p.any_refed(),
        });
    }
}

impl Actor for Watcher {
    const KIND: &'static str = "watcher";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        if let Backend::Native(n) = &mut self.backend {
            n.start(cx);
        }
        // Nothing to wait for until something is watched.
        cx.set_ref(false);
    }

    fn ready(&mut self, _: Token, _: Ready, _cx: &mut Context<'_, Self>) {
        if let Backend::Native(n) = &mut self.backend {
            n.read_events(&mut *self.handler);
        }
    }

    fn holds(&self) -> String {
        match &self.backend {
            Backend::Native(n) => n.holds(),
            Backend::Poll(p) => p.holds(),
        }
    }
}

/// Starts a subscription: `path` (a file or a directory; with `recursive`, the tree below it).
/// Answers its id, or why the path cannot be watched (`ENOENT`, `ENOSPC` when the kernel's
/// watch limit is reached, ...). The polling backend answers once the first snapshot is taken,
/// on the worker pool.
#[derive(Debug, Clone)]
pub struct Watch {
    /// What to watch.
    pub path: PathBuf,
    /// The whole tree below a directory.
    pub recursive: bool,
}
impl Message for Watch {
    type Reply = io::Result<WatchId>;
}
impl Handler<Watch> for Watcher {
    fn handle(
        &mut self,
        m: Watch,
        reply: ReplyTo<io::Result<WatchId>>,
        cx: &mut Context<'_, Self>,
    ) {
        match &mut self.backend {
            Backend::Native(n) => {
                let r = n.watch(m.path, m.recursive);
                self.update_ref(cx);
                reply.send(r);
            }
            // Answered when the first snapshot is in.
            Backend::Poll(p) => p.watch(m.path, m.recursive, reply, cx),
        }
    }
}

/// Ends a subscription; no event for it follows.
#[derive(Debug, Clone, Copy)]
pub struct Unwatch(pub WatchId);
impl Message for Unwatch {
    type Reply = ();
}
impl Handler<Unwatch> for Watcher {
    fn handle(&mut self, m: Unwatch, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        match &mut self.backend {
            Backend::Native(n) => n.unwatch(m.0),
            Backend::Poll(p) => p.unwatch(m.0, cx),
        }
        self.update_ref(cx);
        reply.send(());
    }
}

/// Whether a subscription keeps the system alive.
#[derive(Debug, Clone, Copy)]
pub struct SetWatchRef(pub WatchId, pub bool);
impl Message for SetWatchRef {
    type Reply = ();
}
impl Handler<SetWatchRef> for Watcher {
    fn handle(&mut self, m: SetWatchRef, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        match &mut self.backend {
            Backend::Native(n) => n.set_ref(m.0, m.1),
            Backend::Poll(p) => p.set_ref(m.0, m.1),
        }
        self.update_ref(cx);
        reply.send(());
    }
}
