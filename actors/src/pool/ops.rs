//! The blocking filesystem calls the disk pool runs. They are plain functions, so synchronous APIs
//! (Node's `fs.*Sync`) call them directly on their own thread.
//!
//! Every failure is an [`FsError`]: the OS error with the syscall that failed and the path (and
//! destination) involved, everything Node puts in an fs error.

use std::ffi::{CString, OsString};
use std::fmt;
use std::fs;
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::sys::{cstr, is_interrupted, syscall};

/// A failed filesystem call. Becomes Node's fs error: `code` and `errno` from
/// [`raw_os_error`](Self::raw_os_error), `syscall`, `path`, `dest`.
#[derive(Debug)]
pub struct FsError {
    /// The system call that failed (`"open"`, `"read"`, `"copyfile"`, ...).
    pub syscall: &'static str,
    /// The path it was called on.
    pub path: Option<PathBuf>,
    /// The destination, for two-path calls (`rename`, `link`, `copyfile`, `symlink`).
    pub dest: Option<PathBuf>,
    /// The OS error.
    pub error: io::Error,
}

/// The result of a filesystem call.
pub type FsResult<T> = Result<T, FsError>;

impl FsError {
    /// An error from `syscall` with no path.
    pub fn new(syscall: &'static str, error: io::Error) -> FsError {
        FsError {
            syscall,
            path: None,
            dest: None,
            error,
        }
    }

    /// An error from an errno value.
    pub fn errno(syscall: &'static str, errno: i32) -> FsError {
        FsError::new(syscall, io::Error::from_raw_os_error(errno))
    }

    /// Adds the path.
    pub fn path(mut self, path: impl Into<PathBuf>) -> FsError {
        self.path = Some(path.into());
        self
    }

    /// Adds the destination.
    pub fn dest(mut self, dest: impl Into<PathBuf>) -> FsError {
        self.dest = Some(dest.into());
        self
    }

    /// Whether the path led out of the directory it was resolved beneath
    /// ([`beneath`](crate::pool::beneath)).
    pub fn is_escape(&self) -> bool {
        crate::pool::beneath::is_escape(&self.error)
    }

    /// The errno, if the error came from the OS.
    pub fn raw_os_error(&self) -> Option<i32> {
        self.error.raw_os_error()
    }
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.error, self.syscall)?;
        if let Some(p) = &self.path {
            write!(f, " '{}'", p.display())?;
        }
        if let Some(d) = &self.dest {
            write!(f, " -> '{}'", d.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for FsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<FsError> for io::Error {
    fn from(e: FsError) -> io::Error {
        match e.error.raw_os_error() {
            Some(errno) => io::Error::from_raw_os_error(errno),
            None => e.error,
        }
    }
}

/// A `-1`-returning call's error, tagged.
fn err<'a>(syscall: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> FsError + 'a {
    move |e| FsError::new(syscall, e).path(path)
}

/// Seconds and nanoseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timespec {
    /// Seconds since the epoch.
    pub sec: i64,
    /// Nanoseconds.
    pub nsec: u32,
}

impl Timespec {
    /// Milliseconds since the epoch, as Node's `*Ms` fields.
    pub fn as_millis_f64(self) -> f64 {
        self.sec as f64 * 1000.0 + self.nsec as f64 / 1_000_000.0
    }
}

/// File metadata, as `statx` reports it (Node's `fs.Stats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Device.
    pub dev: u64,
    /// Inode.
    pub ino: u64,
    /// Type and permission bits.
    pub mode: u32,
    /// Hard links.
    pub nlink: u64,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
    /// Device, for device files.
    pub rdev: u64,
    /// Size in bytes.
    pub size: u64,
    /// Preferred I/O block size.
    pub blksize: u64,
    /// 512-byte blocks allocated.
    pub blocks: u64,
    /// Last access.
    pub atime: Timespec,
    /// Last modification.
    pub mtime: Timespec,
    /// Last status change.
    pub ctime: Timespec,
    /// Creation (the change time where the filesystem does not record it, as libuv does).
    pub birthtime: Timespec,
}

impl Stats {
    /// The file's type.
    pub fn kind(&self) -> FileKind {
        FileKind::from_mode(self.mode)
    }
}

/// A file's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link.
    Symlink,
    /// A block device.
    BlockDevice,
    /// A character device.
    CharDevice,
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// Not known (readdir on filesystems without `d_type`).
    Unknown,
}

impl FileKind {
    /// The type in `st_mode`.
    pub fn from_mode(mode: u32) -> FileKind {
        match mode & libc::S_IFMT {
            libc::S_IFREG => FileKind::File,
            libc::S_IFDIR => FileKind::Dir,
            libc::S_IFLNK => FileKind::Symlink,
            libc::S_IFBLK => FileKind::BlockDevice,
            libc::S_IFCHR => FileKind::CharDevice,
            libc::S_IFIFO => FileKind::Fifo,
            libc::S_IFSOCK => FileKind::Socket,
            _ => FileKind::Unknown,
        }
    }

    fn from_std(t: fs::FileType) -> FileKind {
        if t.is_file() {
            FileKind::File
        } else if t.is_dir() {
            FileKind::Dir
        } else if t.is_symlink() {
            FileKind::Symlink
        } else if t.is_block_device() {
            FileKind::BlockDevice
        } else if t.is_char_device() {
            FileKind::CharDevice
        } else if t.is_fifo() {
            FileKind::Fifo
        } else if t.is_socket() {
            FileKind::Socket
        } else {
            FileKind::Unknown
        }
    }
}

fn ts(t: libc::statx_timestamp) -> Timespec {
    Timespec {
        sec: t.tv_sec,
        nsec: t.tv_nsec,
    }
}

fn statx_at(dirfd: RawFd, path: &CString, flags: i32) -> io::Result<Stats> {
    let mut buf = MaybeUninit::<libc::statx>::zeroed();
    let mask = libc::STATX_BASIC_STATS | libc::STATX_BTIME;
    // SAFETY: `path` is NUL-terminated and `buf` is valid for writes of one `statx`.
    syscall!(unsafe {
        libc::statx(
            dirfd,
            path.as_ptr(),
            flags | libc::AT_STATX_SYNC_AS_STAT,
            mask,
            buf.as_mut_ptr(),
        )
    })?;
    // SAFETY: statx succeeded, so it filled the buffer (which was zeroed anyway).
    let s = unsafe { buf.assume_init() };
    let birth = if s.stx_mask & libc::STATX_BTIME != 0 {
        ts(s.stx_btime)
    } else {
        ts(s.stx_ctime)
    };
    Ok(Stats {
        dev: libc::makedev(s.stx_dev_major, s.stx_dev_minor),
        ino: s.stx_ino,
        mode: s.stx_mode as u32,
        nlink: s.stx_nlink as u64,
        uid: s.stx_uid,
        gid: s.stx_gid,
        rdev: libc::makedev(s.stx_rdev_major, s.stx_rdev_minor),
        size: s.stx_size,
        blksize: s.stx_blksize as u64,
        blocks: s.stx_blocks,
        atime: ts(s.stx_atime),
        mtime: ts(s.stx_mtime),
        ctime: ts(s.stx_ctime),
        birthtime: birth,
    })
}

/// `stat(path)`, following symlinks.
pub fn stat(path: &Path) -> FsResult<Stats> {
    let c = cstr(path).map_err(err("stat", path))?;
    statx_at(libc::AT_FDCWD, &c, 0).map_err(err("stat", path))
}

/// `lstat(path)`: a symlink itself.
pub fn lstat(path: &Path) -> FsResult<Stats> {
    let c = cstr(path).map_err(err("lstat", path))?;
    statx_at(libc::AT_FDCWD, &c, libc::AT_SYMLINK_NOFOLLOW).map_err(err("lstat", path))
}

/// `fstat(fd)`.
pub fn fstat(fd: RawFd) -> FsResult<Stats> {
    statx_at(fd, &CString::default(), libc::AT_EMPTY_PATH).map_err(|e| FsError::new("fstat", e))
}

/// `open(path, flags, mode)`; `O_CLOEXEC` is always added.
pub fn open(path: &Path, flags: i32, mode: u32) -> FsResult<OwnedFd> {
    let c = cstr(path).map_err(err("open", path))?;
    loop {
        // SAFETY: `c` is NUL-terminated; open does not keep the pointer.
        match syscall!(unsafe {
            libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint)
        }) {
            // SAFETY: open returned a new descriptor that nothing else owns.
            Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd) }),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(FsError::new("open", e).path(path)),
        }
    }
}

/// Closes a descriptor and reports the error `close` returns (which dropping an `OwnedFd` hides).
pub fn close(fd: OwnedFd) -> FsResult<()> {
    let raw = fd.into_raw_fd();
    // SAFETY: `raw` came from an `OwnedFd`, so it is open and owned only by us; it is not used
    // again whatever close returns (Linux frees the descriptor even on EINTR).
    syscall!(unsafe { libc::close(raw) }).map_err(|e| FsError::new("close", e))?;
    Ok(())
}

/// One `read` at the current position, up to `len` bytes.
pub fn read(fd: RawFd, len: usize) -> FsResult<Vec<u8>> {
    let mut buf = Vec::with_capacity(len);
    let n = read_into(fd, buf.spare_capacity_mut(), None)?;
    // SAFETY: `read_into` initialised the first `n` bytes of the spare capacity.
    unsafe { buf.set_len(n) };
    Ok(buf)
}

/// One `pread` at `offset`, up to `len` bytes.
pub fn pread(fd: RawFd, len: usize, offset: u64) -> FsResult<Vec<u8>> {
    let mut buf = Vec::with_capacity(len);
    let n = read_into(fd, buf.spare_capacity_mut(), Some(offset))?;
    // SAFETY: as in `read`.
    unsafe { buf.set_len(n) };
    Ok(buf)
}

/// Reads once into `buf` (at `offset` if given, at the file position otherwise), retrying on
/// `EINTR`. Returns how many bytes were initialised.
pub fn read_into(fd: RawFd, buf: &mut [MaybeUninit<u8>], offset: Option<u64>) -> FsResult<usize> {
    loop {
        let ptr = buf.as_mut_ptr().cast::<libc::c_void>();
        let res = match offset {
            // SAFETY: `ptr` is valid for writes of `buf.len()` bytes.
            Some(off) => syscall!(unsafe { libc::pread(fd, ptr, buf.len(), off as libc::off_t) }),
            // SAFETY: as above.
            None => syscall!(unsafe { libc::read(fd, ptr, buf.len()) }),
        };
        match res {
            Ok(n) => return Ok(n as usize),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(FsError::new("read", e)),
        }
    }
}

/// One `write` (or `pwrite` at `offset`); returns how much the kernel took.
pub fn write(fd: RawFd, data: &[u8], offset: Option<u64>) -> FsResult<usize> {
    // SAFETY: `data` is valid for reads of its length for the whole call.
    unsafe { write_raw(fd, data.as_ptr(), data.len(), offset) }
}

/// [`write`] from an address rather than a slice: for bytes that another thread owns (a JS
/// buffer lent for the call), which this thread must not make a reference to.
///
/// # Safety
///
/// `ptr` must be valid for reads of `len` bytes until the call returns.
pub unsafe fn write_raw(
    fd: RawFd,
    ptr: *const u8,
    len: usize,
    offset: Option<u64>,
) -> FsResult<usize> {
    let ptr = ptr.cast::<libc::c_void>();
    loop {
        let res = match offset {
            // SAFETY: the caller vouches for `ptr` and `len`.
            Some(off) => syscall!(unsafe { libc::pwrite(fd, ptr, len, off as libc::off_t) }),
            // SAFETY: as above.
            None => syscall!(unsafe { libc::write(fd, ptr, len) }),
        };
        match res {
            Ok(n) => return Ok(n as usize),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(FsError::new("write", e)),
        }
    }
}

/// Writes every byte of `parts` (addresses and lengths, in order) with `writev` (`pwritev` at
/// `offset`), looping over short writes. Returns the total.
///
/// # Safety
///
/// Each part must be valid for reads of its length until the call returns.
pub unsafe fn writev_all_raw(
    fd: RawFd,
    parts: &[(*const u8, usize)],
    mut offset: Option<u64>,
) -> FsResult<usize> {
    let mut iov: Vec<libc::iovec> = parts
        .iter()
        .filter(|&&(_, len)| len > 0)
        .map(|&(ptr, len)| libc::iovec {
            iov_base: ptr.cast_mut().cast(),
            iov_len: len,
        })
        .collect();
    let total: usize = iov.iter().map(|v| v.iov_len).sum();
    let mut first = 0;
    while first < iov.len() {
        let batch = &iov[first..iov.len().min(first + 1024)];
        let (ptr, count) = (batch.as_ptr(), batch.len() as libc::c_int);
        let res = match offset {
            // SAFETY: the iovecs describe readable memory, as the caller vouches.
            Some(off) => syscall!(unsafe { libc::pwritev(fd, ptr, count, off as libc::off_t) }),
            // SAFETY: as above.
            None => syscall!(unsafe { libc::writev(fd, ptr, count) }),
        };
        let mut n = match res {
            Ok(0) => {
                return Err(FsError::new(
                    "write",
                    io::Error::from(io::ErrorKind::WriteZero),
                ));
            }
            Ok(n) => n as usize,
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(FsError::new("write", e)),
        };
        if let Some(off) = offset.as_mut() {
            *off += n as u64;
        }
        while n > 0 {
            let v = &mut iov[first];
            if n >= v.iov_len {
                n -= v.iov_len;
                first += 1;
            } else {
                // SAFETY: advancing within the part the iovec describes.
                v.iov_base = unsafe { v.iov_base.cast::<u8>().add(n) }.cast();
                v.iov_len -= n;
                n = 0;
            }
        }
    }
    Ok(total)
}

/// Writes all of `data` (advancing `offset` if given), looping over short writes.
pub fn write_all(fd: RawFd, mut data: &[u8], mut offset: Option<u64>) -> FsResult<()> {
    while !data.is_empty() {
        let n = write(fd, data, offset)?;
        if n == 0 {
            return Err(FsError::new(
                "write",
                io::Error::from(io::ErrorKind::WriteZero),
            ));
        }
        data = &data[n..];
        offset = offset.map(|o| o + n as u64);
    }
    Ok(())
}

/// Reads a whole open file from its current position: sized by `fstat` where that means
/// something, growing for files that report no size (`/proc`, pipes).
pub fn read_to_end(fd: RawFd) -> FsResult<Vec<u8>> {
    let st = fstat(fd)?;
    if st.kind() == FileKind::Dir {
        return Err(FsError::errno("read", libc::EISDIR));
    }
    let hint = if st.kind() == FileKind::File {
        st.size as usize
    } else {
        0
    };
    let mut buf: Vec<u8> = Vec::with_capacity(hint.max(64 * 1024));
    loop {
        if buf.capacity() - buf.len() < 16 * 1024 {
            buf.reserve(buf.capacity().max(64 * 1024));
        }
        let len = buf.len();
        let n = read_into(fd, buf.spare_capacity_mut(), None)?;
        if n == 0 {
            return Ok(buf);
        }
        // SAFETY: `read_into` initialised `n` more bytes right after the first `len`.
        unsafe { buf.set_len(len + n) };
    }
}

/// `readFile(path)`: open, read everything, close.
pub fn read_file(path: &Path) -> FsResult<Vec<u8>> {
    let fd = open(path, libc::O_RDONLY, 0)?;
    let data = read_to_end(fd.as_raw_fd())?;
    close(fd)?;
    Ok(data)
}

/// `writeFile(path, data)` with open `flags` and `mode`.
pub fn write_file(path: &Path, data: &[u8], flags: i32, mode: u32) -> FsResult<()> {
    let fd = open(path, flags, mode)?;
    write_all(fd.as_raw_fd(), data, None)?;
    close(fd)
}

/// `fsync(fd)` or, with `data_only`, `fdatasync(fd)`.
pub fn fsync(fd: RawFd, data_only: bool) -> FsResult<()> {
    if data_only {
        // SAFETY: plain syscall on a descriptor number.
        syscall!(unsafe { libc::fdatasync(fd) }).map_err(|e| FsError::new("fdatasync", e))?;
    } else {
        // SAFETY: as above.
        syscall!(unsafe { libc::fsync(fd) }).map_err(|e| FsError::new("fsync", e))?;
    }
    Ok(())
}

/// `flock(fd, operation)`: an advisory lock on the whole file (`LOCK_SH`, `LOCK_EX`, `LOCK_UN`,
/// with `LOCK_NB` to fail with `EWOULDBLOCK` instead of waiting).
pub fn flock(fd: RawFd, operation: i32) -> FsResult<()> {
    // SAFETY: plain syscall on a descriptor number.
    syscall!(unsafe { libc::flock(fd, operation) }).map_err(|e| FsError::new("flock", e))?;
    Ok(())
}

/// `ftruncate(fd, len)`.
pub fn ftruncate(fd: RawFd, len: u64) -> FsResult<()> {
    // SAFETY: plain syscall on a descriptor number.
    syscall!(unsafe { libc::ftruncate(fd, len as libc::off_t) })
        .map_err(|e| FsError::new("ftruncate", e))?;
    Ok(())
}

/// `truncate(path, len)`.
pub fn truncate(path: &Path, len: u64) -> FsResult<()> {
    let c = cstr(path).map_err(err("open", path))?;
    // SAFETY: `c` is NUL-terminated.
    syscall!(unsafe { libc::truncate(c.as_ptr(), len as libc::off_t) })
        .map_err(err("open", path))?;
    Ok(())
}

/// A directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's name.
    pub name: OsString,
    /// Its type, as readdir reports it.
    pub kind: FileKind,
}

/// `readdir(path)`, without `.` and `..`, sorted by the bytes of the names, as libuv's
/// `uv_fs_scandir` (under node's `readdir`) returns them.
pub fn read_dir(path: &Path) -> FsResult<Vec<DirEntry>> {
    let rd = fs::read_dir(path).map_err(err("scandir", path))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(err("scandir", path))?;
        let kind = entry
            .file_type()
            .map(FileKind::from_std)
            .unwrap_or(FileKind::Unknown);
        out.push(DirEntry {
            name: entry.file_name(),
            kind,
        });
    }
    out.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// `mkdir(path, mode)`. With `recursive`, creates missing parents and returns the first
/// directory it created (`None` if the path already was a directory), as Node does.
pub fn mkdir(path: &Path, mode: u32, recursive: bool) -> FsResult<Option<PathBuf>> {
    if !recursive {
        fs::DirBuilder::new()
            .mode(mode)
            .create(path)
            .map_err(err("mkdir", path))?;
        return Ok(Some(path.to_path_buf()));
    }
    // Find the first missing ancestor, then create from there down.
    let mut missing = Vec::new();
    let mut cur = path;
    loop {
        match fs::metadata(cur) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => {
                let code = if cur == path {
                    libc::EEXIST
                } else {
                    libc::ENOTDIR
                };
                return Err(FsError::errno("mkdir", code).path(path));
            }
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {
                missing.push(cur);
                match cur.parent() {
                    Some(p) if !p.as_os_str().is_empty() => cur = p,
                    _ => break,
                }
            }
            Err(e) => return Err(FsError::new("mkdir", e).path(path)),
        }
    }
    let first = missing.last().map(|p| p.to_path_buf());
    for dir in missing.iter().rev() {
        match fs::DirBuilder::new().mode(mode).create(dir) {
            Ok(()) => {}
            // Someone else made it in the meantime: fine, as long as it is a directory.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(FsError::new("mkdir", e).path(path)),
        }
    }
    Ok(first)
}

/// `rename(from, to)`.
pub fn rename(from: &Path, to: &Path) -> FsResult<()> {
    fs::rename(from, to).map_err(|e| FsError::new("rename", e).path(from).dest(to))
}

/// `unlink(path)`.
pub fn unlink(path: &Path) -> FsResult<()> {
    fs::remove_file(path).map_err(err("unlink", path))
}

/// `rmdir(path)`.
pub fn rmdir(path: &Path) -> FsResult<()> {
    fs::remove_dir(path).map_err(err("rmdir", path))
}

/// `rm -r path`: removes a file, a symlink (not its target) or a directory tree.
pub fn remove_all(path: &Path) -> FsResult<()> {
    let st = lstat(path).map_err(|e| FsError { syscall: "rm", ..e })?;
    if st.kind() == FileKind::Dir {
        fs::remove_dir_all(path).map_err(err("rm", path))
    } else {
        fs::remove_file(path).map_err(err("rm", path))
    }
}

/// `copyfile(from, to)`: the data moves inside the kernel with `copy_file_range` where the
/// filesystems allow it, and through a buffer otherwise; the mode bits are copied. With `exclusive`,
/// an existing `to` is `EEXIST`.
pub fn copy_file(from: &Path, to: &Path, exclusive: bool) -> FsResult<()> {
    copy_file_with(
        || open(from, libc::O_RDONLY, 0),
        |flags, mode| open(to, flags, mode),
        from,
        to,
        exclusive,
    )
}

/// [`copy_file`] with the two opens done by the caller (`open_to` gets open's flags and mode),
/// for callers that resolve paths their own way; `from` and `to` name them in errors.
pub fn copy_file_with(
    open_from: impl FnOnce() -> FsResult<OwnedFd>,
    open_to: impl FnOnce(i32, u32) -> FsResult<OwnedFd>,
    from: &Path,
    to: &Path,
    exclusive: bool,
) -> FsResult<()> {
    let tag = |e: FsError| FsError {
        syscall: "copyfile",
        path: Some(from.to_path_buf()),
        dest: Some(to.to_path_buf()),
        error: e.error,
    };
    let src = open_from().map_err(tag)?;
    let st = fstat(src.as_raw_fd()).map_err(tag)?;
    if st.kind() == FileKind::Dir {
        return Err(tag(FsError::errno("copyfile", libc::EISDIR)));
    }
    let mut flags = libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC;
    if exclusive {
        flags |= libc::O_EXCL;
    }
    let dst = open_to(flags, st.mode & 0o7777).map_err(tag)?;
    let (s, d) = (src.as_raw_fd(), dst.as_raw_fd());
    let mut in_kernel = true;
    let mut copied: u64 = 0;
    loop {
        if in_kernel {
            // SAFETY: both descriptors are open; null offsets use and advance the file positions.
            let r = syscall!(unsafe {
                libc::copy_file_range(s, std::ptr::null_mut(), d, std::ptr::null_mut(), 1 << 30, 0)
            });
            match r {
                Ok(0) => break,
                Ok(n) => {
                    copied += n as u64;
                    continue;
                }
                Err(e) if is_interrupted(&e) => continue,
                Err(e)
                    if copied == 0
                        && matches!(
                            e.raw_os_error(),
                            Some(
                                libc::EXDEV
                                    | libc::ENOSYS
                                    | libc::EOPNOTSUPP
                                    | libc::EINVAL
                                    | libc::EPERM
                            )
                        ) =>
                {
                    in_kernel = false;
                    continue;
                }
                Err(e) => return Err(tag(FsError::new("copyfile", e))),
            }
        }
        let chunk = read(s, 256 * 1024).map_err(tag)?;
        if chunk.is_empty() {
            break;
        }
        write_all(d, &chunk, None).map_err(tag)?;
    }
    // Apply the mode exactly (the umask applied at creation may have narrowed it).
    let perms = fs::Permissions::from_mode(st.mode & 0o7777);
    let dst_file = fs::File::from(dst);
    dst_file
        .set_permissions(perms)
        .map_err(|e| tag(FsError::new("copyfile", e)))?;
    close(dst_file.into()).map_err(tag)?;
    close(src).map_err(tag)
}

/// `realpath(path)`.
pub fn realpath(path: &Path) -> FsResult<PathBuf> {
    fs::canonicalize(path).map_err(err("realpath", path))
}

/// `readlink(path)`.
pub fn readlink(path: &Path) -> FsResult<PathBuf> {
    fs::read_link(path).map_err(err("readlink", path))
}

/// `symlink(target, path)`.
pub fn symlink(target: &Path, path: &Path) -> FsResult<()> {
    std::os::unix::fs::symlink(target, path)
        .map_err(|e| FsError::new("symlink", e).path(target).dest(path))
}

/// `link(existing, new)`.
pub fn link(existing: &Path, new: &Path) -> FsResult<()> {
    fs::hard_link(existing, new).map_err(|e| FsError::new("link", e).path(existing).dest(new))
}

/// `chmod(path, mode)`.
pub fn chmod(path: &Path, mode: u32) -> FsResult<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(err("chmod", path))
}

/// `fchmod(fd, mode)`.
pub fn fchmod(fd: RawFd, mode: u32) -> FsResult<()> {
    // SAFETY: plain syscall on a descriptor number.
    syscall!(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
        .map_err(|e| FsError::new("fchmod", e))?;
    Ok(())
}

/// `access(path, mode)` with `F_OK`/`R_OK`/`W_OK`/`X_OK` bits.
pub fn access(path: &Path, mode: i32) -> FsResult<()> {
    let c = cstr(path).map_err(err("access", path))?;
    // SAFETY: `c` is NUL-terminated.
    syscall!(unsafe { libc::access(c.as_ptr(), mode) }).map_err(err("access", path))?;
    Ok(())
}

/// `utimes(path, atime, mtime)` (following symlinks unless `nofollow`, which is `lutimes`).
pub fn utimes(path: &Path, atime: Timespec, mtime: Timespec, nofollow: bool) -> FsResult<()> {
    let syscall = if nofollow { "lutime" } else { "utime" };
    let c = cstr(path).map_err(err(syscall, path))?;
    let times = [
        libc::timespec {
            tv_sec: atime.sec,
            tv_nsec: atime.nsec as _,
        },
        libc::timespec {
            tv_sec: mtime.sec,
            tv_nsec: mtime.nsec as _,
        },
    ];
    let flags = if nofollow {
        libc::AT_SYMLINK_NOFOLLOW
    } else {
        0
    };
    // SAFETY: `c` is NUL-terminated and `times` holds two timespecs.
    syscall!(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) })
        .map_err(err(syscall, path))?;
    Ok(())
}

/// `futimes(fd, atime, mtime)`.
pub fn futimes(fd: RawFd, atime: Timespec, mtime: Timespec) -> FsResult<()> {
    let times = [
        libc::timespec {
            tv_sec: atime.sec,
            tv_nsec: atime.nsec as _,
        },
        libc::timespec {
            tv_sec: mtime.sec,
            tv_nsec: mtime.nsec as _,
        },
    ];
    // SAFETY: `times` holds two timespecs; a plain syscall on a descriptor number.
    syscall!(unsafe { libc::futimens(fd, times.as_ptr()) })
        .map_err(|e| FsError::new("futime", e))?;
    Ok(())
}

/// `chown(path, uid, gid)`, or `lchown` with `nofollow`.
pub fn chown(path: &Path, uid: u32, gid: u32, nofollow: bool) -> FsResult<()> {
    let syscall = if nofollow { "lchown" } else { "chown" };
    let c = cstr(path).map_err(err(syscall, path))?;
    let r = if nofollow {
        // SAFETY: `c` is NUL-terminated.
        syscall!(unsafe { libc::lchown(c.as_ptr(), uid, gid) })
    } else {
        // SAFETY: as above.
        syscall!(unsafe { libc::chown(c.as_ptr(), uid, gid) })
    };
    r.map_err(err(syscall, path))?;
    Ok(())
}

/// `fchown(fd, uid, gid)`.
pub fn fchown(fd: RawFd, uid: u32, gid: u32) -> FsResult<()> {
    // SAFETY: plain syscall on a descriptor number.
    syscall!(unsafe { libc::fchown(fd, uid, gid) }).map_err(|e| FsError::new("fchown", e))?;
    Ok(())
}

/// Filesystem statistics, as Node's `fs.StatFs`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatFs {
    /// Filesystem type (magic number).
    pub kind: u64,
    /// Block size.
    pub bsize: u64,
    /// Blocks.
    pub blocks: u64,
    /// Free blocks.
    pub bfree: u64,
    /// Free blocks for unprivileged users.
    pub bavail: u64,
    /// Inodes.
    pub files: u64,
    /// Free inodes.
    pub ffree: u64,
}

/// `statfs(path)`.
pub fn statfs(path: &Path) -> FsResult<StatFs> {
    let c = cstr(path).map_err(err("statfs", path))?;
    let mut buf = MaybeUninit::<libc::statfs>::zeroed();
    // SAFETY: `c` is NUL-terminated and `buf` is valid for writes of one `statfs`.
    syscall!(unsafe { libc::statfs(c.as_ptr(), buf.as_mut_ptr()) }).map_err(err("statfs", path))?;
    // SAFETY: statfs succeeded, so it filled the buffer.
    let s = unsafe { buf.assume_init() };
    Ok(StatFs {
        kind: s.f_type as u64,
        bsize: s.f_bsize as u64,
        blocks: s.f_blocks,
        bfree: s.f_bfree,
        bavail: s.f_bavail,
        files: s.f_files,
        ffree: s.f_ffree,
    })
}

/// `mkdtemp(prefix + "XXXXXX")`: creates a unique directory and returns its path.
pub fn mkdtemp(prefix: &Path) -> FsResult<PathBuf> {
    let mut template = prefix.as_os_str().as_bytes().to_vec();
    template.extend_from_slice(b"XXXXXX");
    let c =
        CString::new(template).map_err(|_| FsError::errno("mkdtemp", libc::EINVAL).path(prefix))?;
    let mut raw = c.into_bytes_with_nul();
    // SAFETY: `raw` is a writable NUL-terminated buffer ending in XXXXXX, as mkdtemp requires.
    let p = unsafe { libc::mkdtemp(raw.as_mut_ptr().cast()) };
    if p.is_null() {
        let e = io::Error::last_os_error();
        // Like libuv, name the path mkdtemp tried: the template with its X's filled in.
        raw.pop();
        return Err(FsError::new("mkdtemp", e).path(PathBuf::from(OsString::from_vec(raw))));
    }
    raw.pop();
    Ok(PathBuf::from(OsString::from_vec(raw)))
}

/// Whether a path exists (following symlinks); any error counts as "no", as in Node.
pub fn exists(path: &Path) -> bool {
    fs::metadata(path).is_ok()
}

/// The owner and group of a path, for tests and `chown` round trips.
pub fn owner(path: &Path) -> FsResult<(u32, u32)> {
    let m = fs::metadata(path).map_err(err("stat", path))?;
    Ok((m.uid(), m.gid()))
}
