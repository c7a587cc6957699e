//! The signal actor: process signals as events on the reactor thread.
//!
//! [`Signals::watch`] installs a handler for a signal with `sigaction`. All the handler does is
//! write the signal's number to a non-blocking pipe, which is what a handler may safely do; the
//! actor reads the pipe on readiness and hands each signal to its [`SignalHandler`], in the
//! order they arrived. [`Signals::unwatch`] gives the signal its default disposition, as libuv
//! does, so a signal nobody listens to any more ends the process at once, even while JS is busy
//! (a signal ignored before it was watched, such as SIGPIPE, is no longer ignored then: node
//! behaves the same).
//!
//! Signals belong to the process: one `Signals` actor may hold the pipe at a time, and a second
//! one's [`watch`](Signals::watch) fails with `EBUSY` until the first has stopped. The actor is
//! unref'd, as libuv's signal handles are in node: listening for a signal does not keep the
//! process alive.

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicI32, Ordering};

use reactor::{Interest, Ready, Token};

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::reply::ReplyTo;
use crate::rights::Rights;

/// The pipe's write end for the handler (-1: no actor holds it).
static PIPE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(signo: libc::c_int) {
    let fd = PIPE.load(Ordering::Relaxed);
    if fd < 0 {
        return;
    }
    // SAFETY: errno is thread-local; reading and restoring it keeps the interrupted code's
    // value, as a handler must.
    let saved = unsafe { *libc::__errno_location() };
    let byte = signo as u8;
    // SAFETY: write is async-signal-safe; a full pipe drops the byte (the same signal is then
    // already waiting to be read, and signals coalesce anyway).
    unsafe { libc::write(fd, (&raw const byte).cast(), 1) };
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// Receives the signals an actor watches, on the reactor thread.
pub trait SignalHandler: 'static {
    /// `signo` arrived.
    fn signal(&mut self, signo: i32);
}

impl<F> SignalHandler for F
where
    F: FnMut(i32) + 'static,
{
    fn signal(&mut self, signo: i32) {
        self(signo)
    }
}

/// The signal actor. See the [module documentation](self).
pub struct Signals {
    handler: Box<dyn SignalHandler>,
    /// The read end, and the write end kept open for the handler.
    pipe: Option<(OwnedFd, OwnedFd)>,
    token: Option<Token>,
    watched: BTreeSet<i32>,
}

impl fmt::Debug for Signals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signals({})", Actor::holds(self))
    }
}

impl Signals {
    /// A signal actor whose signals go to `handler`.
    pub fn new(handler: impl SignalHandler) -> Signals {
        Signals {
            handler: Box::new(handler),
            pipe: None,
            token: None,
            watched: BTreeSet::new(),
        }
    }

    /// Catches `signo` from now on. Fails as `sigaction` does (`EINVAL` for SIGKILL, SIGSTOP
    /// or a number that is no signal), or with `EBUSY` when another actor holds the signals.
    pub fn watch(&mut self, signo: i32, cx: &mut Context<'_, Self>) -> io::Result<()> {
        if self.watched.contains(&signo) {
            return Ok(());
        }
        self.open(cx)?;
        // SAFETY: an all-zero sigaction is valid; the fields we need are set below.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        // SAFETY: `sa_mask` is valid storage.
        unsafe { libc::sigemptyset(&mut action.sa_mask) };
        // SAFETY: a valid action; the old one is not asked for.
        if unsafe { libc::sigaction(signo, &action, std::ptr::null_mut()) } == -1 {
            return Err(io::Error::last_os_error());
        }
        self.watched.insert(signo);
        Ok(())
    }

    /// Gives `signo` its default disposition.
    pub fn unwatch(&mut self, signo: i32) {
        if self.watched.remove(&signo) {
            restore_default(signo);
        }
    }

    /// Opens the pipe and claims the handler's slot, once.
    fn open(&mut self, cx: &mut Context<'_, Self>) -> io::Result<()> {
        if self.pipe.is_some() {
            return Ok(());
        }
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } == -1 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: descriptors the kernel just gave us, owned from here on.
        let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        if PIPE
            .compare_exchange(-1, write.as_raw_fd(), Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return Err(io::Error::from_raw_os_error(libc::EBUSY));
        }
        match cx.register(read.as_raw_fd(), Interest::READABLE) {
            Ok(t) => self.token = Some(t),
            Err(e) => {
                PIPE.store(-1, Ordering::SeqCst);
                return Err(e);
            }
        }
        self.pipe = Some((read, write));
        Ok(())
    }

    fn read_signals(&mut self) {
        let Some((read, _)) = &self.pipe else { return };
        let mut buf = [0u8; 64];
        loop {
            // SAFETY: `buf` is valid for writes of its length.
            let n = unsafe { libc::read(read.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                // Empty (EAGAIN), or interrupted: readiness comes again with the next byte.
                if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return;
            }
            for &signo in &buf[..n as usize] {
                let signo = i32::from(signo);
                // A signal unwatched after it arrived is not reported.
                if self.watched.contains(&signo) {
                    self.handler.signal(signo);
                }
            }
        }
    }
}

fn restore_default(signo: i32) {
    // SAFETY: an all-zero sigaction with SIG_DFL (0) is the default disposition.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = libc::SIG_DFL;
    // SAFETY: a valid action.
    unsafe { libc::sigaction(signo, &action, std::ptr::null_mut()) };
}

impl Actor for Signals {
    const KIND: &'static str = "signals";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        // Listening for signals never keeps the process alive.
        cx.set_ref(false);
    }

    fn ready(&mut self, _: Token, _: Ready, _cx: &mut Context<'_, Self>) {
        self.read_signals();
    }

    fn stopping(&mut self, _cx: &mut Context<'_, Self>) {
        for signo in std::mem::take(&mut self.watched) {
            restore_default(signo);
        }
        if let Some((_, write)) = &self.pipe {
            let _ =
                PIPE.compare_exchange(write.as_raw_fd(), -1, Ordering::SeqCst, Ordering::SeqCst);
        }
    }

    fn holds(&self) -> String {
        let names: Vec<String> = self.watched.iter().map(i32::to_string).collect();
        names.join(", ")
    }
}

/// Catches a signal; answered with `Err(errno)` when it cannot be caught.
#[derive(Debug, Clone, Copy)]
pub struct WatchSignal(pub i32);
impl Message for WatchSignal {
    type Reply = Result<(), i32>;
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<WatchSignal> for Signals {
    fn handle(
        &mut self,
        m: WatchSignal,
        reply: ReplyTo<Result<(), i32>>,
        cx: &mut Context<'_, Self>,
    ) {
        reply.send(
            self.watch(m.0, cx)
                .map_err(|e| e.raw_os_error().unwrap_or(libc::EINVAL)),
        );
    }
}

/// Gives a signal its default disposition.
#[derive(Debug, Clone, Copy)]
pub struct UnwatchSignal(pub i32);
impl Message for UnwatchSignal {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<UnwatchSignal> for Signals {
    fn handle(&mut self, m: UnwatchSignal, reply: ReplyTo<()>, _: &mut Context<'_, Self>) {
        self.unwatch(m.0);
        reply.send(());
    }
}
