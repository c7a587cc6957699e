//! The file actor: one per open descriptor.
//!
//! - Operations that use the file position ([`Read`], [`Write`], [`WriteAll`]) and those whose
//!   order a caller relies on ([`Sync`], [`Truncate`]) run one at a time, in the order they were
//!   sent. Positional ones ([`ReadAt`], [`WriteAt`]) and [`Fstat`] go to the pool at once and may
//!   run concurrently.
//! - Any of them can be cancelled with a [`CancelToken`] until it starts; it then fails with
//!   `ECANCELED`.
//! - [`Close`] waits for everything already sent, then closes the descriptor exactly once; every
//!   later operation fails with `EBADF`, as on a closed descriptor.
//! - Every syscall runs on the worker pool, never on the reactor thread; that includes the close
//!   of a file whose actor was killed or panicked.
//!
//! Data is read into a buffer allocated for the purpose and handed over as [`Bytes`] without a
//! copy; writes take [`Bytes`] and write straight from them.

use std::collections::VecDeque;
use std::fmt;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bytes::Bytes;
use reactor::Pool;

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::pool::ops::{self, FsError, FsResult};
use crate::pool::pool_error;
use crate::reply::ReplyTo;
use crate::rights::Rights;

/// Cancels an operation that has not started. Clones share the switch.
#[derive(Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A fresh token.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Cancels every operation carrying this token that has not started yet.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CancelToken(cancelled: {})", self.is_cancelled())
    }
}

/// One operation, with its reply, waiting to run.
trait Job: Send {
    fn is_cancelled(&self) -> bool;
    /// Runs the syscall and answers.
    fn run(self: Box<Self>, fd: &OwnedFd);
    /// Answers with an error instead.
    fn fail(self: Box<Self>, e: FsError);
}

struct Op<T: Send + 'static, F> {
    cancel: Option<CancelToken>,
    call: F,
    reply: ReplyTo<FsResult<T>>,
}

impl<T, F> Job for Op<T, F>
where
    T: Send + 'static,
    F: FnOnce(&OwnedFd) -> FsResult<T> + Send,
{
    fn is_cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.is_cancelled())
    }
    fn run(self: Box<Self>, fd: &OwnedFd) {
        let this = *self;
        this.reply.send((this.call)(fd));
    }
    fn fail(self: Box<Self>, e: FsError) {
        self.reply.send(Err(e));
    }
}

fn job<T, F>(cancel: Option<CancelToken>, reply: ReplyTo<FsResult<T>>, call: F) -> Box<dyn Job>
where
    T: Send + 'static,
    F: FnOnce(&OwnedFd) -> FsResult<T> + Send + 'static,
{
    Box::new(Op {
        cancel,
        call,
        reply,
    })
}

/// The actor owning one open file descriptor. See the [module documentation](self).
pub struct File {
    fd: Option<Arc<OwnedFd>>,
    path: PathBuf,
    /// Ordered operations not yet started.
    queue: VecDeque<Box<dyn Job>>,
    /// An ordered operation is running.
    busy: bool,
    /// Operations on the pool.
    in_flight: usize,
    /// Close was asked for; later operations fail with `EBADF`.
    closing: Option<ReplyTo<FsResult<()>>>,
    closed: bool,
    pool: Option<Pool>,
}

impl File {
    /// An actor owning `fd`, opened from `path` (kept for listings and errors).
    pub fn new(fd: OwnedFd, path: impl Into<PathBuf>) -> File {
        File {
            fd: Some(Arc::new(fd)),
            path: path.into(),
            queue: VecDeque::new(),
            busy: false,
            in_flight: 0,
            closing: None,
            closed: false,
            pool: None,
        }
    }

    fn accepting(&self) -> bool {
        self.fd.is_some() && self.closing.is_none() && !self.closed
    }

    fn enqueue(&mut self, job: Box<dyn Job>, ordered: bool, cx: &mut Context<'_, Self>) {
        if !self.accepting() {
            job.fail(FsError::errno("close", libc::EBADF));
            return;
        }
        if ordered {
            self.queue.push_back(job);
            self.pump(cx);
        } else {
            self.start(job, false, cx);
        }
    }

    fn pump(&mut self, cx: &mut Context<'_, Self>) {
        while !self.busy {
            let Some(job) = self.queue.pop_front() else {
                break;
            };
            if job.is_cancelled() {
                job.fail(FsError::errno("read", libc::ECANCELED));
                continue;
            }
            self.busy = true;
            self.start(job, true, cx);
        }
        self.maybe_close(cx);
    }

    fn start(&mut self, job: Box<dyn Job>, ordered: bool, cx: &mut Context<'_, Self>) {
        let fd = self
            .fd
            .clone()
            .expect("operations start only while the descriptor is open");
        self.in_flight += 1;
        cx.spawn_blocking(
            move || {
                if job.is_cancelled() {
                    job.fail(FsError::errno("read", libc::ECANCELED));
                } else {
                    job.run(&fd);
                }
                // `fd` is dropped here, before the actor hears that the job finished, so that
                // a close that waits for in-flight work holds the only reference.
            },
            move |this: &mut File, _, cx| {
                this.in_flight -= 1;
                if ordered {
                    this.busy = false;
                }
                this.pump(cx);
            },
        );
    }

    fn maybe_close(&mut self, cx: &mut Context<'_, Self>) {
        if self.closing.is_none() || self.in_flight > 0 || self.busy || !self.queue.is_empty() {
            return;
        }
        let reply = self.closing.take().expect("checked");
        let fd = self.fd.take().expect("close runs once");
        self.closed = true;
        self.in_flight += 1;
        cx.spawn_blocking(
            move || match Arc::try_unwrap(fd) {
                Ok(fd) => ops::close(fd),
                Err(_) => unreachable!("no operation holds the descriptor when it is closed"),
            },
            move |this: &mut File, r, cx| {
                this.in_flight -= 1;
                reply.send(r.unwrap_or_else(|e| Err(pool_error(e))));
                cx.stop();
            },
        );
    }
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "File({})", Actor::holds(self))
    }
}

impl Actor for File {
    const KIND: &'static str = "file";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        // An open file does not keep a program alive; operations in flight do.
        cx.set_ref(false);
        self.pool = Some(cx.pool().clone());
    }

    fn holds(&self) -> String {
        match &self.fd {
            Some(fd) => format!("fd {} {}", fd.as_raw_fd(), self.path.display()),
            None => format!("closed {}", self.path.display()),
        }
    }
}

impl Drop for File {
    fn drop(&mut self) {
        // Stopped without Close (killed, panicked, system shut down): close on the pool anyway.
        if let Some(fd) = self.fd.take() {
            close_on_pool(self.pool.as_ref(), fd);
        }
    }
}

/// Closes `fd` on the worker pool, as every close of an actor's descriptor is; with no pool, or
/// no room on it, here instead.
pub(crate) fn close_on_pool(pool: Option<&reactor::Pool>, fd: Arc<OwnedFd>) {
    let close = reactor::task_from_fn(move || drop(fd), |_| {});
    if let Some(pool) = pool
        && let Err(rejected) = pool.try_submit(close)
    {
        drop(rejected.into_task());
    }
}

macro_rules! file_message {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident: $ty:ty),* $(,)? } -> $out:ty, $rights:expr) => {
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
    };
}

file_message!(
    /// Reads up to `len` bytes at the file position (one `read`); empty at end of file.
    Read { /** Most bytes to read. */ len: usize, /** Cancels it before it starts. */ cancel: Option<CancelToken> }
    -> Bytes, Rights::READ
);
file_message!(
    /// Reads up to `len` bytes at `offset` (one `pread`); may run concurrently with others.
    ReadAt {
        /** Most bytes to read. */ len: usize,
        /** Where. */ offset: u64,
        /** Cancels it before it starts. */ cancel: Option<CancelToken>,
    } -> Bytes, Rights::READ
);
file_message!(
    /// Writes at the file position (one `write`); answers how much the kernel took.
    Write { /** The data. */ data: Bytes, /** Cancels it before it starts. */ cancel: Option<CancelToken> }
    -> usize, Rights::WRITE
);
file_message!(
    /// Writes all of `data` at the file position, looping over short writes.
    WriteAll { /** The data. */ data: Bytes, /** Cancels it before it starts. */ cancel: Option<CancelToken> }
    -> (), Rights::WRITE
);
file_message!(
    /// Writes at `offset` (one `pwrite`); may run concurrently with others.
    WriteAt {
        /** The data. */ data: Bytes,
        /** Where. */ offset: u64,
        /** Cancels it before it starts. */ cancel: Option<CancelToken>,
    } -> usize, Rights::WRITE
);
file_message!(
    /// `fsync`, or `fdatasync` with `data_only`; ordered after earlier writes.
    Sync { /** Only the data, not all metadata. */ data_only: bool } -> (), Rights::WRITE
);
file_message!(
    /// `ftruncate`; ordered after earlier writes.
    Truncate { /** New length. */ len: u64 } -> (), Rights::WRITE
);
file_message!(
    /// `fstat`.
    Fstat {} -> ops::Stats, Rights::READ
);
file_message!(
    /// Closes the descriptor once everything sent before has finished, then stops the actor.
    Close {} -> (), Rights::CONTROL
);

impl Handler<Read> for File {
    fn handle(&mut self, m: Read, reply: ReplyTo<FsResult<Bytes>>, cx: &mut Context<'_, Self>) {
        let j = job(m.cancel, reply, move |fd| {
            ops::read(fd.as_raw_fd(), m.len).map(Bytes::from)
        });
        self.enqueue(j, true, cx);
    }
}

impl Handler<ReadAt> for File {
    fn handle(&mut self, m: ReadAt, reply: ReplyTo<FsResult<Bytes>>, cx: &mut Context<'_, Self>) {
        let j = job(m.cancel, reply, move |fd| {
            ops::pread(fd.as_raw_fd(), m.len, m.offset).map(Bytes::from)
        });
        self.enqueue(j, false, cx);
    }
}

impl Handler<Write> for File {
    fn handle(&mut self, m: Write, reply: ReplyTo<FsResult<usize>>, cx: &mut Context<'_, Self>) {
        let j = job(m.cancel, reply, move |fd| {
            ops::write(fd.as_raw_fd(), &m.data, None)
        });
        self.enqueue(j, true, cx);
    }
}

impl Handler<WriteAll> for File {
    fn handle(&mut self, m: WriteAll, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        let j = job(m.cancel, reply, move |fd| {
            ops::write_all(fd.as_raw_fd(), &m.data, None)
        });
        self.enqueue(j, true, cx);
    }
}

impl Handler<WriteAt> for File {
    fn handle(&mut self, m: WriteAt, reply: ReplyTo<FsResult<usize>>, cx: &mut Context<'_, Self>) {
        let j = job(m.cancel, reply, move |fd| {
            ops::write(fd.as_raw_fd(), &m.data, Some(m.offset))
        });
        self.enqueue(j, false, cx);
    }
}

impl Handler<Sync> for File {
    fn handle(&mut self, m: Sync, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        let j = job(None, reply, move |fd| {
            ops::fsync(fd.as_raw_fd(), m.data_only)
        });
        self.enqueue(j, true, cx);
    }
}

impl Handler<Truncate> for File {
    fn handle(&mut self, m: Truncate, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        let j = job(None, reply, move |fd| ops::ftruncate(fd.as_raw_fd(), m.len));
        self.enqueue(j, true, cx);
    }
}

impl Handler<Fstat> for File {
    fn handle(
        &mut self,
        _: Fstat,
        reply: ReplyTo<FsResult<ops::Stats>>,
        cx: &mut Context<'_, Self>,
    ) {
        let j = job(None, reply, move |fd| ops::fstat(fd.as_raw_fd()));
        self.enqueue(j, false, cx);
    }
}

impl Handler<Close> for File {
    fn handle(&mut self, _: Close, reply: ReplyTo<FsResult<()>>, cx: &mut Context<'_, Self>) {
        if !self.accepting() {
            reply.send(Err(FsError::errno("close", libc::EBADF)));
            return;
        }
        self.closing = Some(reply);
        self.maybe_close(cx);
    }
}
