//! The Linux backend: one inotify descriptor, registered with the reactor, whose events are read
//! and parsed on the reactor thread.
//!
//! inotify watches single directories, so a recursive subscription is a set of kernel watches,
//! one per directory of the tree: those created later are added as their creation is read, those
//! removed are dropped when the kernel says so (`IN_IGNORED`). Two subscriptions on the same
//! directory share one kernel watch (the kernel hands back the same descriptor), so each watch
//! keeps the list of subscriptions it serves.

use std::collections::HashMap;
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use reactor::{Interest, Token};

use super::{WatchEvent, WatchHandler, WatchId, Watcher};
use crate::context::Context;

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

/// The inotify descriptor and the subscriptions on it. Without a descriptor (the kernel refused
/// one when the actor started) every `Watch` fails with `EMFILE`.
pub(super) struct Inotify {
    fd: Option<OwnedFd>,
    token: Option<Token>,
    subs: HashMap<WatchId, Subscription>,
    /// Which subscriptions each kernel watch serves.
    by_wd: HashMap<i32, Vec<WatchId>>,
    next: WatchId,
}

impl Inotify {
    pub(super) fn new() -> Inotify {
        Inotify {
            fd: None,
            token: None,
            subs: HashMap::new(),
            by_wd: HashMap::new(),
            next: 0,
        }
    }

    /// Opens the descriptor and registers it with the reactor.
    pub(super) fn start(&mut self, cx: &mut Context<'_, Watcher>) {
        // SAFETY: inotify_init1 has no memory arguments.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        if fd >= 0 {
            // SAFETY: a descriptor the kernel just gave us, owned from here on.
            self.fd = Some(unsafe { OwnedFd::from_raw_fd(fd) });
            if let Ok(t) = cx.register(fd, Interest::READABLE) {
                self.token = Some(t);
            }
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

    /// Starts a subscription at once, on the reactor thread: a stat of the path and, for a tree,
    /// a walk of its directories.
    pub(super) fn watch(&mut self, path: PathBuf, recursive: bool) -> io::Result<WatchId> {
        if self.fd.is_none() {
            return Err(io::Error::from_raw_os_error(libc::EMFILE));
        }
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

    pub(super) fn unwatch(&mut self, id: WatchId) {
        let Some(sub) = self.subs.remove(&id) else {
            return;
        };
        for wd in sub.wds.keys() {
            self.drop_wd_user(*wd, id);
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

    /// Reads every queued event (the descriptor is readable), reporting each to `handler`.
    pub(super) fn read_events(&mut self, handler: &mut dyn WatchHandler) {
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
                self.handle_event(handler, ev.wd, ev.mask, name);
            }
        }
    }

    fn handle_event(&mut self, handler: &mut dyn WatchHandler, wd: i32, mask: u32, name: OsString) {
        if mask & libc::IN_Q_OVERFLOW != 0 {
            let ids: Vec<WatchId> = self.subs.keys().copied().collect();
            for id in ids {
                handler.event(id, WatchEvent::Overflow);
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
            handler.event(id, event);
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
                        handler.event(id, WatchEvent::Rename(name));
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

    pub(super) fn holds(&self) -> String {
        let paths = super::listing(self.subs.values().map(|s| s.root.as_path()));
        match &self.fd {
            Some(fd) => format!("inotify fd {} watching [{paths}]", fd.as_raw_fd()),
            None => "no inotify descriptor".to_string(),
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
