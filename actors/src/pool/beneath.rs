//! Resolving a path beneath a root directory, so that neither `..` nor a symlink leads out of it.
//!
//! A path grant names a directory; every call under it resolves the rest of the path from a
//! descriptor of that directory. On Linux 5.6 and later the kernel does it: `openat2` with
//! `RESOLVE_BENEATH` fails with `EXDEV` as soon as a `..` or a symlink would leave the root, and
//! checks it atomically with the walk. Without `openat2` the walk is done here, one component at
//! a time with `O_NOFOLLOW`, reading each symlink and splicing its target in; an absolute target
//! or a `..` above the root is an escape.
//!
//! What comes out is a [`Resolved`]: an `O_PATH` descriptor of the object (or of its parent
//! directory, with the last name, for calls that act on a name: `unlink`, `rename`, `lstat`,
//! ...). [`Resolved::path`] names it as `/proc/self/fd/N[/name]`, which the kernel follows
//! through the open descriptor rather than by walking the original path again, so path-based
//! calls act on exactly what was resolved.

use std::collections::VecDeque;
use std::ffi::{CStr, CString, OsStr, OsString};
use std::fmt;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::sys::{is_interrupted, syscall};

/// The error of a path that leads out of its root. [`is_escape`] recognises it.
#[derive(Debug)]
pub struct Escape;

impl fmt::Display for Escape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the path leads out of the directory it was granted beneath")
    }
}

impl std::error::Error for Escape {}

fn escape() -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, Escape)
}

/// Whether `e` says the path left its root.
pub fn is_escape(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Escape>())
}

/// Whether the last component of the path is followed when it is a symlink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Follow it: the call acts on what the path leads to (`stat`, `open`, `chmod`).
    All,
    /// Stop at its parent: the call acts on the name (`lstat`, `unlink`, `rename`, `mkdir`).
    NotLast,
}

/// A path resolved beneath a root. See the [module documentation](self).
#[derive(Debug)]
pub struct Resolved {
    fd: OwnedFd,
    name: Option<OsString>,
}

impl Resolved {
    /// A resolution made elsewhere: `fd` (an `O_PATH` descriptor) and the last name when the
    /// call acts on a name in `fd`'s directory.
    pub fn new(fd: OwnedFd, name: Option<OsString>) -> Resolved {
        Resolved { fd, name }
    }

    /// The `O_PATH` descriptor: of the object itself, or of its parent when
    /// [`name`](Self::name) is set.
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }

    /// The last name, for calls that act on a name in [`fd`](Self::fd)'s directory.
    pub fn name(&self) -> Option<&OsStr> {
        self.name.as_deref()
    }

    /// A path for path-based calls: `/proc/self/fd/N` or `/proc/self/fd/N/name`. Valid while
    /// this value lives.
    pub fn path(&self) -> PathBuf {
        let mut p = PathBuf::from(format!("/proc/self/fd/{}", self.fd.as_raw_fd()));
        if let Some(n) = &self.name {
            p.push(n);
        }
        p
    }

    /// Where the object (or its parent) really is: the kernel's path of the descriptor.
    pub fn real_path(&self) -> io::Result<PathBuf> {
        let dir = std::fs::read_link(format!("/proc/self/fd/{}", self.fd.as_raw_fd()))?;
        Ok(match &self.name {
            Some(n) => dir.join(n),
            None => dir,
        })
    }
}

/// Opens `path` as a root to resolve beneath: an `O_PATH` descriptor that follows symlinks in
/// `path` itself (the host chose it).
pub fn open_root(path: &Path) -> io::Result<OwnedFd> {
    let c = cstr(path.as_os_str())?;
    openat(libc::AT_FDCWD, &c, libc::O_PATH, 0)
}

/// Resolves `rel` beneath `root`.
pub fn resolve(root: BorrowedFd<'_>, rel: &Path, follow: Follow) -> io::Result<Resolved> {
    if follow == Follow::NotLast
        && let Some((parent, name)) = split_last(rel)
    {
        let fd = open(root, parent, libc::O_PATH | libc::O_DIRECTORY, 0)?;
        return Ok(Resolved {
            fd,
            name: Some(name.to_owned()),
        });
    }
    Ok(Resolved {
        fd: open(root, rel, libc::O_PATH, 0)?,
        name: None,
    })
}

/// `rel` as parent and last name, when its last component is a name (not `..`, not empty).
fn split_last(rel: &Path) -> Option<(&Path, &OsStr)> {
    match rel.components().next_back()? {
        Component::Normal(name) => Some((rel.parent().unwrap_or(Path::new("")), name)),
        _ => None,
    }
}

/// Opens `rel` beneath `root` with open(2)'s `flags` and `mode`, following symlinks as long as
/// they stay beneath (add `O_NOFOLLOW` to refuse a symlink as the last component).
/// `O_CLOEXEC` is always added.
pub fn open(root: BorrowedFd<'_>, rel: &Path, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    if rel.is_absolute() {
        return Err(escape());
    }
    if use_openat2() {
        match openat2(root.as_raw_fd(), rel, flags, mode) {
            Err(e) if e.raw_os_error() == Some(libc::ENOSYS) => {
                OPENAT2.store(NO, Ordering::Relaxed)
            }
            other => return other,
        }
    }
    walk(root, rel, flags, mode)
}

const UNKNOWN: u8 = 0;
const YES: u8 = 1;
const NO: u8 = 2;
static OPENAT2: AtomicU8 = AtomicU8::new(UNKNOWN);

fn use_openat2() -> bool {
    OPENAT2.load(Ordering::Relaxed) != NO
}

/// Makes [`open`] and [`resolve`] walk the path themselves, as on a kernel without `openat2`.
/// For tests of the fallback.
pub fn force_walk(on: bool) {
    OPENAT2.store(if on { NO } else { YES }, Ordering::Relaxed);
}

fn cstr(s: &OsStr) -> io::Result<CString> {
    CString::new(s.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// `openat(dir, name, flags, mode)`, retried when interrupted; `O_CLOEXEC` is always added.
pub(crate) fn openat(dir: RawFd, name: &CStr, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    loop {
        // SAFETY: `name` is NUL-terminated; openat does not keep the pointer.
        match syscall!(unsafe {
            libc::openat(
                dir,
                name.as_ptr(),
                flags | libc::O_CLOEXEC,
                mode as libc::c_uint,
            )
        }) {
            // SAFETY: openat returned a new descriptor that nothing else owns.
            Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd) }),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(e),
        }
    }
}

fn openat2(dir: RawFd, rel: &Path, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    // An empty path names the root itself, which openat2 spells ".".
    let rel = if rel.as_os_str().is_empty() {
        Path::new(".")
    } else {
        rel
    };
    let c = cstr(rel.as_os_str())?;
    let creates = flags & (libc::O_CREAT | libc::O_TMPFILE) != 0;
    // SAFETY: `open_how` is plain integers, for which zero is valid.
    let mut how: libc::open_how = unsafe { std::mem::zeroed() };
    how.flags = (flags | libc::O_CLOEXEC) as u64;
    how.mode = if creates { mode as u64 } else { 0 };
    how.resolve = libc::RESOLVE_BENEATH | libc::RESOLVE_NO_MAGICLINKS;
    // A `..` racing with a rename makes the kernel answer EAGAIN rather than risk an escape.
    for _ in 0..16 {
        // SAFETY: `c` is NUL-terminated and `how` is a valid `open_how` of the size passed.
        let r = syscall!(unsafe {
            libc::syscall(
                libc::SYS_openat2,
                dir,
                c.as_ptr(),
                &how as *const libc::open_how,
                std::mem::size_of::<libc::open_how>(),
            )
        });
        match r {
            // SAFETY: openat2 returned a new descriptor that nothing else owns.
            Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) }),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => continue,
            Err(e) if e.raw_os_error() == Some(libc::EXDEV) => return Err(escape()),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::from_raw_os_error(libc::EAGAIN))
}

/// Linux's limit on symlinks followed in one resolution.
const MAX_LINKS: usize = 40;

/// The component-by-component walk, for kernels without `openat2`.
fn walk(root: BorrowedFd<'_>, rel: &Path, flags: i32, mode: u32) -> io::Result<OwnedFd> {
    let follow_last = flags & libc::O_NOFOLLOW == 0;
    let mut queue: VecDeque<OsString> = VecDeque::new();
    for c in rel.components() {
        match c {
            Component::Normal(n) => queue.push_back(n.to_owned()),
            Component::ParentDir => queue.push_back("..".into()),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return Err(escape()),
        }
    }
    // The directories walked through, the root first; `..` pops one.
    let mut dirs: Vec<OwnedFd> = vec![root.try_clone_to_owned()?];
    let mut links = 0;
    while let Some(name) = queue.pop_front() {
        let top = dirs.last().expect("the root is never popped").as_raw_fd();
        if name == ".." {
            if dirs.len() == 1 {
                return Err(escape());
            }
            dirs.pop();
            continue;
        }
        let c = cstr(&name)?;
        let last = queue.is_empty();
        let opened = if last {
            openat(top, &c, flags | libc::O_NOFOLLOW, mode)
        } else {
            openat(top, &c, libc::O_PATH | libc::O_NOFOLLOW, 0)
        };
        // A symlink: O_PATH opened the link itself; other opens refused it.
        let is_link = match &opened {
            Ok(fd) => is_symlink(fd)?,
            Err(e) => matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENOTDIR)),
        };
        if is_link && (!last || follow_last) {
            let target = match readlinkat(top, &c) {
                Ok(t) => t,
                // Not a symlink after all: the open's own error stands.
                Err(_) => return opened,
            };
            links += 1;
            if links > MAX_LINKS {
                return Err(io::Error::from_raw_os_error(libc::ELOOP));
            }
            let target = PathBuf::from(target);
            if target.is_absolute() {
                return Err(escape());
            }
            for c in target.components().rev() {
                match c {
                    Component::Normal(n) => queue.push_front(n.to_owned()),
                    Component::ParentDir => queue.push_front("..".into()),
                    _ => {}
                }
            }
            continue;
        }
        let fd = opened?;
        if last {
            return Ok(fd);
        }
        dirs.push(fd);
    }
    // The path ended on a directory already open (empty, `.` or `..`): reopen it with `flags`.
    let top = dirs.pop().expect("the root is never popped");
    if flags & libc::O_PATH != 0
        && flags & !(libc::O_PATH | libc::O_DIRECTORY | libc::O_NOFOLLOW) == 0
    {
        return Ok(top);
    }
    let dot = cstr(OsStr::new("."))?;
    openat(top.as_raw_fd(), &dot, flags, mode)
}

fn is_symlink(fd: &OwnedFd) -> io::Result<bool> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: `st` is valid for writes of one `stat`; the empty path with AT_EMPTY_PATH names
    // the descriptor itself.
    syscall!(unsafe {
        libc::fstatat(
            fd.as_raw_fd(),
            c"".as_ptr(),
            st.as_mut_ptr(),
            libc::AT_EMPTY_PATH | libc::AT_SYMLINK_NOFOLLOW,
        )
    })?;
    // SAFETY: fstatat succeeded, so it filled the buffer.
    let st = unsafe { st.assume_init() };
    Ok(st.st_mode & libc::S_IFMT == libc::S_IFLNK)
}

fn readlinkat(dir: RawFd, name: &CString) -> io::Result<OsString> {
    let mut buf = vec![0u8; libc::PATH_MAX as usize];
    // SAFETY: `buf` is valid for writes of its length; readlinkat writes at most that many.
    let n = syscall!(unsafe {
        libc::readlinkat(dir, name.as_ptr(), buf.as_mut_ptr().cast(), buf.len())
    })?;
    buf.truncate(n as usize);
    Ok(std::os::unix::ffi::OsStringExt::from_vec(buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::ops;

    struct Tree {
        dir: PathBuf,
    }

    impl Drop for Tree {
        fn drop(&mut self) {
            let _ = ops::remove_all(&self.dir);
        }
    }

    /// root/{a.txt, sub/b.txt, up -> .., abs -> /etc/hostname, out -> ../outside.txt,
    /// in -> sub/b.txt, loop -> loop, subdir -> sub}; outside.txt beside root.
    fn tree() -> (Tree, OwnedFd) {
        let dir = ops::mkdtemp(&std::env::temp_dir().join("actorjs-beneath-")).unwrap();
        let root = dir.join("root");
        ops::mkdir(&root.join("sub"), 0o755, true).unwrap();
        for (file, data) in [
            (root.join("a.txt"), b"a"),
            (root.join("sub/b.txt"), b"b"),
            (dir.join("outside.txt"), b"x"),
        ] {
            ops::write_file(&file, data, libc::O_WRONLY | libc::O_CREAT, 0o644).unwrap();
        }
        for (link, target) in [
            ("up", ".."),
            ("abs", "/etc/hostname"),
            ("out", "../outside.txt"),
            ("in", "sub/b.txt"),
            ("loop", "loop"),
            ("subdir", "sub"),
        ] {
            ops::symlink(Path::new(target), &root.join(link)).unwrap();
        }
        let fd = open_root(&root).unwrap();
        (Tree { dir }, fd)
    }

    fn read(root: &OwnedFd, rel: &str) -> io::Result<String> {
        let fd = open(root.as_fd(), Path::new(rel), libc::O_RDONLY, 0)?;
        let data = ops::read_to_end(fd.as_raw_fd()).map_err(io::Error::from)?;
        Ok(String::from_utf8(data).unwrap())
    }

    /// Runs `f` with `openat2` and with the walk. The switch is process-wide, so the tests that
    /// flip it take turns.
    fn check_both(f: impl Fn()) {
        static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
        force_walk(false);
        f();
        force_walk(true);
        f();
        force_walk(false);
    }

    #[test]
    fn stays_beneath_with_openat2_and_with_the_walk() {
        check_both(|| {
            let (_t, root) = tree();
            assert_eq!(read(&root, "a.txt").unwrap(), "a");
            assert_eq!(read(&root, "sub/../a.txt").unwrap(), "a");
            assert_eq!(
                read(&root, "in").unwrap(),
                "b",
                "a symlink that stays beneath"
            );
            assert_eq!(read(&root, "subdir/b.txt").unwrap(), "b");
            for rel in [
                "../outside.txt",
                "out",
                "abs",
                "up/outside.txt",
                "sub/../../x",
                "/etc/hostname",
            ] {
                let e = read(&root, rel).unwrap_err();
                assert!(is_escape(&e), "{rel}: {e:?}");
            }
            assert_eq!(
                read(&root, "missing").unwrap_err().raw_os_error(),
                Some(libc::ENOENT)
            );
            assert_eq!(
                read(&root, "loop").unwrap_err().raw_os_error(),
                Some(libc::ELOOP)
            );
            let nofollow = open(
                root.as_fd(),
                Path::new("in"),
                libc::O_RDONLY | libc::O_NOFOLLOW,
                0,
            );
            assert_eq!(nofollow.unwrap_err().raw_os_error(), Some(libc::ELOOP));
            // Creating a file beneath works; creating through an escaping link does not.
            let flags = libc::O_WRONLY | libc::O_CREAT;
            open(root.as_fd(), Path::new("sub/new.txt"), flags, 0o600).unwrap();
            assert!(is_escape(
                &open(root.as_fd(), Path::new("up/new.txt"), flags, 0o600).unwrap_err()
            ));
        });
    }

    #[test]
    fn resolve_names_the_parent_for_calls_on_names() {
        check_both(|| {
            let (t, root) = tree();
            let r = resolve(root.as_fd(), Path::new("sub/b.txt"), Follow::NotLast).unwrap();
            assert_eq!(r.name(), Some(OsStr::new("b.txt")));
            let real = std::fs::canonicalize(t.dir.join("root/sub/b.txt")).unwrap();
            assert_eq!(r.real_path().unwrap(), real);
            assert_eq!(ops::lstat(&r.path()).unwrap().size, 1);
            // The link itself, not its target, and the link may point anywhere.
            let r = resolve(root.as_fd(), Path::new("abs"), Follow::NotLast).unwrap();
            assert!(ops::lstat(&r.path()).unwrap().kind() == crate::pool::FileKind::Symlink);
            let e = resolve(root.as_fd(), Path::new("abs"), Follow::All).unwrap_err();
            assert!(is_escape(&e));
            let r = resolve(root.as_fd(), Path::new(""), Follow::NotLast).unwrap();
            assert_eq!(r.name(), None);
            assert!(ops::stat(&r.path()).unwrap().kind() == crate::pool::FileKind::Dir);
        });
    }
}
