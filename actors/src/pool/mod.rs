//! The disk pool actor: blocking filesystem calls, run by worker threads.
//!
//! Each message is one call ([`Stat`], [`ReadFile`], [`Mkdir`], ...). The [`DiskPool`] actor hands
//! it to the system's worker pool without waiting (a full pool queue overflows into the system's
//! own queue, the reactor never blocks), and the worker answers the request directly when the call
//! returns. [`OpenFile`] answers with a [`File`](crate::file::File) actor that owns the new
//! descriptor.
//!
//! ```no_run
//! # use actors::{System, pool::{DiskPool, Stat}};
//! let mut system = System::new()?;
//! let disk = system.spawn(DiskPool);
//! let mut stat = disk.ask(Stat { path: "/etc/hostname".into() });
//! system.run_until(|_| false, std::time::Duration::from_millis(10))?;
//! println!("{:?}", stat.try_take());
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod beneath;
pub mod ops;

use std::io;
use std::os::fd::AsRawFd;
use std::path::PathBuf;

use bytes::Bytes;
use reactor::PoolError;

use crate::actor::{Actor, Handler, Message};
use crate::addr::Addr;
use crate::context::Context;
use crate::file::File;
use crate::reply::ReplyTo;
use crate::rights::Rights;
pub use ops::{DirEntry, FileKind, FsError, FsResult, Stats, Timespec};

/// The actor that runs filesystem calls on the worker pool. It keeps nothing alive by itself;
/// the calls in flight do.
#[derive(Debug, Default)]
pub struct DiskPool;

impl Actor for DiskPool {
    const KIND: &'static str = "disk pool";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        cx.set_ref(false);
    }
}

/// Reads up to `len` bytes from `fd` on a thread of its own and answers `reply`: for a
/// descriptor whose read waits on a person (a terminal), which would hold a pool worker for as
/// long and, as pool work in flight, keep the system alive. Answered through a
/// [`System::detached_callback`](crate::System::detached_callback), the read keeps nothing
/// alive, so a program that stopped reading its terminal can end while the read still waits.
/// `fd` is held until the read returns.
pub fn read_on_own_thread<F: AsRawFd + Send + 'static>(
    fd: F,
    len: usize,
    reply: ReplyTo<FsResult<Vec<u8>>>,
) {
    let (tx, rx) = std::sync::mpsc::channel::<ReplyTo<FsResult<Vec<u8>>>>();
    let spawned = std::thread::Builder::new()
        .name("actorjs-read".into())
        .spawn(move || {
            reactor::sys::block_async_signals();
            if let Ok(reply) = rx.recv() {
                reply.send(ops::read(fd.as_raw_fd(), len));
            }
        });
    match spawned {
        Ok(_) => {
            let _ = tx.send(reply);
        }
        Err(e) => reply.send(Err(FsError::new("read", e))),
    }
}

/// A blocking filesystem call the disk pool can run.
pub trait DiskOp: Send + 'static {
    /// What the call returns.
    type Output: Send + 'static;
    /// Runs the call on a worker thread.
    fn run(self) -> FsResult<Self::Output>;
}

/// The error a call gets when the pool could not run it.
pub(crate) fn pool_error(e: PoolError) -> FsError {
    match e {
        PoolError::Cancelled => FsError::errno("pool", libc::ECANCELED),
        PoolError::Panicked(_) => FsError::new("pool", io::Error::from(e)),
    }
}

impl<O> Handler<O> for DiskPool
where
    O: DiskOp + Message<Reply = FsResult<<O as DiskOp>::Output>>,
{
    fn handle(&mut self, op: O, reply: ReplyTo<O::Reply>, cx: &mut Context<'_, Self>) {
        cx.submit(reactor::task_from_fn(
            move || op.run(),
            move |r: Result<FsResult<O::Output>, PoolError>| {
                reply.send(r.unwrap_or_else(|e| Err(pool_error(e))));
            },
        ));
    }
}

macro_rules! disk_op {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident: $ty:ty),* $(,)? }
     -> $out:ty, $rights:expr, |$this:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            $($(#[$fdoc])* pub $field: $ty,)*
        }
        impl Message for $name {
            type Reply = FsResult<$out>;
            fn rights(&self) -> Rights {
                $rights
            }
        }
        impl DiskOp for $name {
            type Output = $out;
            fn run(self) -> FsResult<$out> {
                let $this = self;
                $body
            }
        }
    };
}

disk_op!(
    /// `stat(path)`.
    Stat { /** The path. */ path: PathBuf } -> ops::Stats, Rights::READ, |s| ops::stat(&s.path)
);
disk_op!(
    /// `lstat(path)`.
    Lstat { /** The path. */ path: PathBuf } -> ops::Stats, Rights::READ, |s| ops::lstat(&s.path)
);
disk_op!(
    /// Reads a whole file.
    ReadFile { /** The path. */ path: PathBuf } -> Vec<u8>, Rights::READ, |s| ops::read_file(&s.path)
);
disk_op!(
    /// Writes a whole file.
    WriteFile {
        /** The path. */ path: PathBuf,
        /** The contents. */ data: Bytes,
        /** `open` flags (`O_WRONLY | O_CREAT | O_TRUNC` for Node's `"w"`). */ flags: i32,
        /** Mode for a new file. */ mode: u32,
    } -> (), Rights::WRITE, |s| ops::write_file(&s.path, &s.data, s.flags, s.mode)
);
disk_op!(
    /// Lists a directory.
    ReadDir { /** The path. */ path: PathBuf } -> Vec<ops::DirEntry>, Rights::READ, |s| ops::read_dir(&s.path)
);
disk_op!(
    /// Makes a directory; with `recursive`, answers the first directory created.
    Mkdir {
        /** The path. */ path: PathBuf,
        /** Mode bits. */ mode: u32,
        /** Create missing parents. */ recursive: bool,
    } -> Option<PathBuf>, Rights::WRITE, |s| ops::mkdir(&s.path, s.mode, s.recursive)
);
disk_op!(
    /// Renames a path.
    Rename { /** From. */ from: PathBuf, /** To. */ to: PathBuf } -> (), Rights::WRITE, |s| ops::rename(&s.from, &s.to)
);
disk_op!(
    /// Removes a file.
    Unlink { /** The path. */ path: PathBuf } -> (), Rights::WRITE, |s| ops::unlink(&s.path)
);
disk_op!(
    /// Removes an empty directory.
    Rmdir { /** The path. */ path: PathBuf } -> (), Rights::WRITE, |s| ops::rmdir(&s.path)
);
disk_op!(
    /// Removes a file or a whole directory tree (`rm -r`).
    RemoveAll { /** The path. */ path: PathBuf } -> (), Rights::WRITE, |s| ops::remove_all(&s.path)
);
disk_op!(
    /// Copies a file, in the kernel when it can (`copy_file_range`).
    CopyFile {
        /** Source. */ from: PathBuf,
        /** Destination. */ to: PathBuf,
        /** Fail if the destination exists. */ exclusive: bool,
    } -> (), Rights::READ | Rights::WRITE, |s| ops::copy_file(&s.from, &s.to, s.exclusive)
);
disk_op!(
    /// Resolves a path to its canonical form.
    Realpath { /** The path. */ path: PathBuf } -> PathBuf, Rights::READ, |s| ops::realpath(&s.path)
);
disk_op!(
    /// Reads a symlink.
    Readlink { /** The path. */ path: PathBuf } -> PathBuf, Rights::READ, |s| ops::readlink(&s.path)
);
disk_op!(
    /// Makes a symlink at `path` pointing to `target`.
    Symlink { /** What the link points to. */ target: PathBuf, /** The link. */ path: PathBuf } -> (), Rights::WRITE,
    |s| ops::symlink(&s.target, &s.path)
);
disk_op!(
    /// Makes a hard link.
    HardLink { /** The existing path. */ existing: PathBuf, /** The new path. */ new: PathBuf } -> (), Rights::WRITE,
    |s| ops::link(&s.existing, &s.new)
);
disk_op!(
    /// Changes permission bits.
    Chmod { /** The path. */ path: PathBuf, /** Mode bits. */ mode: u32 } -> (), Rights::WRITE, |s| ops::chmod(&s.path, s.mode)
);
disk_op!(
    /// Checks access (`F_OK`, `R_OK`, `W_OK`, `X_OK`).
    Access { /** The path. */ path: PathBuf, /** Mode bits. */ mode: i32 } -> (), Rights::READ, |s| ops::access(&s.path, s.mode)
);
disk_op!(
    /// Truncates (or extends) a file.
    Truncate { /** The path. */ path: PathBuf, /** New length. */ len: u64 } -> (), Rights::WRITE, |s| ops::truncate(&s.path, s.len)
);
disk_op!(
    /// Sets access and modification times.
    Utimes {
        /** The path. */ path: PathBuf,
        /** Access time. */ atime: ops::Timespec,
        /** Modification time. */ mtime: ops::Timespec,
        /** Change a symlink itself. */ nofollow: bool,
    } -> (), Rights::WRITE, |s| ops::utimes(&s.path, s.atime, s.mtime, s.nofollow)
);
disk_op!(
    /// Reads once, up to `len` bytes, from a descriptor this actor does not own (standard input):
    /// the caller keeps it open until answered. Empty at end of file.
    ReadFd { /** The descriptor. */ fd: i32, /** Most bytes to read. */ len: usize } -> Vec<u8>, Rights::READ,
    |s| ops::read(s.fd, s.len)
);
disk_op!(
    /// Makes a unique directory `prefix` + six random characters.
    Mkdtemp { /** The prefix. */ prefix: PathBuf } -> PathBuf, Rights::WRITE, |s| ops::mkdtemp(&s.prefix)
);

/// Any blocking filesystem call, given as a closure: for callers (like the JS facade) whose
/// calls are many and small variations of each other. The rights are the caller's statement of
/// what the call does, checked against the sender's reference like any message's.
pub struct Call<T> {
    /// What the call needs: [`Rights::READ`] to look, [`Rights::WRITE`] to change.
    pub rights: Rights,
    /// The call.
    pub call: Box<dyn FnOnce() -> FsResult<T> + Send>,
}

impl<T> Call<T> {
    /// A call needing `rights`.
    pub fn new(rights: Rights, call: impl FnOnce() -> FsResult<T> + Send + 'static) -> Call<T> {
        Call {
            rights,
            call: Box::new(call),
        }
    }
}

impl<T> std::fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Call({:?})", self.rights)
    }
}

impl<T: Send + 'static> Message for Call<T> {
    type Reply = FsResult<T>;
    fn rights(&self) -> Rights {
        self.rights
    }
}

impl<T: Send + 'static> DiskOp for Call<T> {
    type Output = T;
    fn run(self) -> FsResult<T> {
        (self.call)()
    }
}

/// Opens a file and answers with a [`File`] actor owning the descriptor, attenuated to what the
/// flags allow (`O_RDONLY`: read; `O_WRONLY`: write; both: both; closing is always allowed).
#[derive(Debug, Clone)]
pub struct OpenFile {
    /// The path.
    pub path: PathBuf,
    /// `open` flags.
    pub flags: i32,
    /// Mode for a new file.
    pub mode: u32,
}

impl OpenFile {
    /// The rights the flags give: reading, writing, or both.
    pub fn access_rights(flags: i32) -> Rights {
        match flags & libc::O_ACCMODE {
            libc::O_RDONLY => Rights::READ,
            libc::O_WRONLY => Rights::WRITE,
            _ => Rights::READ | Rights::WRITE,
        }
    }
}

impl Message for OpenFile {
    type Reply = FsResult<Addr<File>>;
    fn rights(&self) -> Rights {
        let mut r = OpenFile::access_rights(self.flags);
        if self.flags & (libc::O_CREAT | libc::O_TRUNC) != 0 {
            r = r | Rights::WRITE;
        }
        r
    }
}

impl Handler<OpenFile> for DiskPool {
    fn handle(
        &mut self,
        op: OpenFile,
        reply: ReplyTo<FsResult<Addr<File>>>,
        cx: &mut Context<'_, Self>,
    ) {
        let path = op.path.clone();
        let keep = OpenFile::access_rights(op.flags) | Rights::CONTROL;
        cx.spawn_blocking(
            move || ops::open(&op.path, op.flags, op.mode),
            move |_, r, cx| {
                let result = match r {
                    Ok(Ok(fd)) if !reply.is_wanted() => {
                        // Nobody waits for the descriptor: close it rather than leak it.
                        let file = cx.spawn(File::new(fd, path));
                        let _ = file.stop();
                        return;
                    }
                    Ok(Ok(fd)) => Ok(cx.spawn(File::new(fd, path)).attenuate(keep)),
                    Ok(Err(e)) => Err(e),
                    Err(e) => Err(pool_error(e)),
                };
                reply.send(result);
            },
        );
    }
}
