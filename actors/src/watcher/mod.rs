//! The watcher actor: filesystem change notification on inotify.
//!
//! One actor owns one inotify descriptor, registered with the reactor; its events are read and
//! parsed on the reactor thread (no polling thread). Each [`Watch`] is a subscription with an id:
//! a file, a directory, or a directory tree (`recursive`, which inotify does not do by itself:
//! the tree's directories are watched one by one, those created later are added and those removed
//! dropped). Events go to the [`WatchHandler`] the actor was made with, as libuv reports them:
//! [`WatchEvent::Change`] for a modification or an attribute change, [`WatchEvent::Rename`] for
//! anything else (created, deleted, moved), with the name relative to the watched directory (a
//! watched file reports its own name). A full kernel queue (`IN_Q_OVERFLOW`) is reported to every
//! subscription as [`WatchEvent::Overflow`]: events were lost.
//!
//! The actor keeps the system alive while a ref'd subscription exists (`fs.watch`'s
//! `persistent`).
//!
//! On BSD and macOS the same interface would sit on kqueue vnode events; only Linux is built
//! here.

use std::collections::HashMap;
use std::ffi::{CString, OsStr, OsString};
use std::fmt;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use reactor::{Interest, Ready, Token};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::reply::ReplyTo;

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

/// What libuv asks inotify for.
const MASK: u32 = libc::IN_ATTRIB
    | libc::IN_CREATE
    | libc::IN_MODIFY
    | libc::IN_DELETE
    | libc::IN_DELETE_SELF
    | libc::IN_MOVE_SELF
    | libc::IN_MOVED_FROM
    | libc::IN_MOVED_TO;

struct Subscription {
    root: PathBuf,
    /// A file is watched (its events carry its own name).
    file: bool,
    recursive: bool,
    refed: bool,
    /// The kernel watches it uses, with the directory each stands for, relative to `root`.
    wds: HashMap<i32, PathBuf>,
}

/// The inotify actor. See the [module documentation](self).
pub struct Watcher {
    fd: Option<OwnedFd>,
    token: Option<Token>,
    handler: Box<dyn WatchHandler>,
    subs: HashMap<WatchId, Subscription>,
    /// Which subscriptions each kernel watch serves.
    by_wd: HashMap<i32, Vec<WatchId>>,
    next: WatchId,
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Watcher({})", Actor::holds(self))
    }
}

impl Watcher {
    /// A watcher whose events go to `handler`.
    pub fn new(handler: impl WatchHandler) -> Watcher {
        Watcher {
            fd: None,
            token: None,
            handler: Box::new(handler),
            subs: HashMap::new(),
            by_wd: HashMap::new(),
            next: 0,
        }
    }

    fn raw(&self) -> io::Result<i32> {
        self.fd
            .as_ref()
            .map(AsRawFd::as_raw_fd)
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))
    }

    fn add_wd(&mut self, id: WatchId, path: &Path, rel: PathBuf) -> io::Result<i32> {
        let c = CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        // SAFETY: a valid inotify descriptor and a NUL-terminated path.
        let wd = unsafe { libc::inotify_add_watch(self.raw()?, c.as_ptr(), MASK) };
        if wd < 0 {
            return Err(io::Error::last_os_error());
        }
        let subs = self.by_wd.entry(wd).or_default();
        if !subs.contains(&id) {
            subs.push(id);
        }
        if let Some(s) = self.subs.get_mut(&id) {
            s.wds.insert(wd, rel);
        }
        Ok(wd)
    }

    /// Watches `dir` (at `rel` under the root) and, for a recursive subscription, every
    /// directory below it. Directories that vanish meanwhile are skipped.
    fn add_tree(&mut self, id: WatchId, dir: &Path, rel: PathBuf) -> io::Result<()> {
        self.add_wd(id, dir, rel.clone())?;
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = self.add_tree(id, &entry.path(), rel.join(entry.file_name()));
            }
        }
        Ok(())
    }

    fn watch(&mut self, path: PathBuf, recursive: bool) -> io::Result<WatchId> {
        let meta = std::fs::metadata(&path)?;
        self.next += 1;
        let id = self.next;
        self.subs.insert(
            id,
            Subscription {
                root: path.clone(),
                file: !meta.is_dir(),
                recursive: recursive && meta.is_dir(),
                refed: true,
                wds: HashMap::new(),
            },
        );
        let added = if recursive && meta.is_dir() {
            self.add_tree(id, &path, PathBuf::new())
        } else {
            self.add_wd(id, &path, PathBuf::new()).map(|_| ())
        };
        if let Err(e) = added {
            self.unwatch(id);
            return Err(e);
        }
        Ok(id)
    }

    fn unwatch(&mut self, id: WatchId) {
        let Some(sub) = self.subs.remove(&id) else {
            return;
        };
        for wd in sub.wds.keys() {
            self.drop_wd_user(*wd, id);
        }
    }

    /// Takes subscription `id` off kernel watch `wd`, removing the watch once nobody uses it.
    fn drop_wd_user(&mut self, wd: i32, id: WatchId) {
        let Some(users) = self.by_wd.get_mut(&wd) else {
            return;
        };
        users.retain(|u| *u != id);
        if users.is_empty() {
            self.by_wd.remove(&wd);
            if let Ok(fd) = self.raw() {
                // SAFETY: removing a watch this descriptor made; an already gone one is EINVAL.
                unsafe { libc::inotify_rm_watch(fd, wd) };
            }
        }
    }

    fn update_ref(&self, cx: &mut Context<'_, Self>) {
        cx.set_ref(self.subs.values().any(|s| s.refed));
    }

    fn read_events(&mut self) {
        let Ok(fd) = self.raw() else { return };
        let mut buf = [0u8; 16 * 1024];
        loop {
            // SAFETY: reading into a buffer we own, at most its length.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return;
            }
            let mut at = 0usize;
            let n = n as usize;
            let header = std::mem::size_of::<libc::inotify_event>();
            while at + header <= n {
                // SAFETY: the kernel wrote a whole inotify_event at `at` (possibly unaligned).
                let ev: libc::inotify_event =
                    unsafe { std::ptr::read_unaligned(buf[at..].as_ptr().cast()) };
                let name_bytes = &buf[at + header..(at + header + ev.len as usize).min(n)];
                let name_len = name_bytes
                    .iter()
                    .position(|b| *b == 0)
                    .unwrap_or(name_bytes.len());
                let name = OsStr::from_bytes(&name_bytes[..name_len]).to_owned();
                at += header + ev.len as usize;
                self.handle_event(ev.wd, ev.mask, name);
            }
        }
    }

    fn handle_event(&mut self, wd: i32, mask: u32, name: OsString) {
        if mask & libc::IN_Q_OVERFLOW != 0 {
            let ids: Vec<WatchId> = self.subs.keys().copied().collect();
            for id in ids {
                self.handler.event(id, WatchEvent::Overflow);
            }
            return;
        }
        let Some(users) = self.by_wd.get(&wd).cloned() else {
            return;
        };
        for id in users {
            let Some(sub) = self.subs.get(&id) else {
                continue;
            };
            let Some(dir) = sub.wds.get(&wd).cloned() else {
                continue;
            };
            let filename = if sub.file {
                sub.root
                    .file_name()
                    .map(OsStr::to_owned)
                    .unwrap_or_default()
            } else if name.is_empty() {
                // The watched directory itself (deleted or moved): libuv names it by its basename.
                if dir.as_os_str().is_empty() {
                    sub.root
                        .file_name()
                        .map(OsStr::to_owned)
                        .unwrap_or_default()
                } else {
                    dir.clone().into_os_string()
                }
            } else {
                dir.join(&name).into_os_string()
            };
            let new_dir = sub.recursive
                && mask & libc::IN_ISDIR != 0
                && mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0;
            let event = if mask & !(libc::IN_ATTRIB | libc::IN_MODIFY) & MASK != 0 {
                WatchEvent::Rename(filename.clone())
            } else {
                WatchEvent::Change(filename.clone())
            };
            self.handler.event(id, event);
            // A directory appearing in a recursive watch is watched too; what was created in it
            // before its watch was in place is reported as created (node 20 does the same).
            if new_dir {
                let rel = PathBuf::from(&filename);
                let abs = self.subs.get(&id).map(|s| s.root.join(&rel));
                if let Some(abs) = abs {
                    let _ = self.add_tree(id, &abs, rel.clone());
                    let mut found = Vec::new();
                    list_tree(&abs, &rel, &mut found);
                    for name in found {
                        self.handler.event(id, WatchEvent::Rename(name));
                    }
                }
            }
        }
        if mask & libc::IN_IGNORED != 0 {
            // The kernel dropped the watch (its directory is gone).
            if let Some(users) = self.by_wd.remove(&wd) {
                for id in users {
                    if let Some(sub) = self.subs.get_mut(&id) {
                        sub.wds.remove(&wd);
                    }
                }
            }
        }
    }
}

/// Every entry below `dir` (named from `rel`), depth first.
fn list_tree(dir: &Path, rel: &Path, out: &mut Vec<OsString>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = rel.join(entry.file_name());
        out.push(name.clone().into_os_string());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_tree(&entry.path(), &name, out);
        }
    }
}

impl Actor for Watcher {
    const KIND: &'static str = "watcher";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        // SAFETY: inotify_init1 has no memory arguments.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        if fd >= 0 {
            // SAFETY: a descriptor the kernel just gave us, owned from here on.
            self.fd = Some(unsafe { OwnedFd::from_raw_fd(fd) });
            if let Ok(t) = cx.register(fd, Interest::READABLE) {
                self.token = Some(t);
            }
        }
        // Nothing to wait for until something is watched.
        cx.set_ref(false);
    }

    fn ready(&mut self, _: Token, _: Ready, _cx: &mut Context<'_, Self>) {
        self.read_events();
    }

    fn holds(&self) -> String {
        let paths: Vec<String> = self
            .subs
            .values()
            .map(|s| s.root.display().to_string())
            .collect();
        match &self.fd {
            Some(fd) => format!(
                "inotify fd {} watching [{}]",
                fd.as_raw_fd(),
                paths.join(", ")
            ),
            None => "no inotify descriptor".to_string(),
        }
    }
}

/// Starts a subscription: `path` (a file or a directory; with `recursive`, the tree below it).
/// Answers its id, or why the path cannot be watched (`ENOENT`, `ENOSPC` when the kernel's
/// watch limit is reached, ...).
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
        let r = if self.fd.is_none() {
            Err(io::Error::from_raw_os_error(libc::EMFILE))
        } else {
            self.watch(m.path, m.recursive)
        };
        self.update_ref(cx);
        reply.send(r);
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
        self.unwatch(m.0);
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
        if let Some(s) = self.subs.get_mut(&m.0) {
            s.refed = m.1;
        }
        self.update_ref(cx);
        reply.send(());
    }
}
