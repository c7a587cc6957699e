//! Operating-system readiness backends.
//!
//! # The contract every backend meets
//!
//! - **Edge-triggered.** A registered descriptor is reported when it becomes readable or writable
//!   (or hangs up, or has an error), not again until its state changes. Consumers read or write
//!   until `WouldBlock` before they wait.
//! - **Keys are the caller's.** `register` stores a 64-bit key chosen by the caller and `poll` hands
//!   it back; the backend never interprets it. [`WAKER_KEY`] is reserved.
//! - **`poll` returns after at most `timeout`** (`None` blocks until something happens) and may return
//!   early with no events: a wake-up, or a signal (`EINTR` is an empty poll, not an error). Waker
//!   events are never reported to the caller.
//! - **Waking is thread-safe.** [`Backend::waker`] returns a handle any thread can call; a wake makes
//!   the current poll, or the next one if none is in progress, return.
//! - **Deregister before close.** A descriptor is deregistered before it is closed.
//!
//! Readiness is normalised to [`Ready`]: `readable`, `writable`, `hup` (both directions closed,
//! `EPOLLHUP`) and `error` (`EPOLLERR`), so the two backends report the same things for the same
//! socket events (`tests/backend_equivalence.rs` checks it).

use std::io;
use std::os::fd::RawFd;
use std::sync::Arc;
use std::time::Duration;

use crate::inbox::Wake;
use crate::token::{Interest, Ready};

pub mod mio;
#[cfg(feature = "polling")]
pub mod polling;

/// Blocks the asynchronous signals on the calling thread, as libuv does for its worker threads:
/// a signal sent to the process then reaches a thread that runs an event loop (and one sent by
/// that thread to its own process is handled before `kill` returns, as in a single-threaded
/// program). The signals a fault raises (SIGSEGV, SIGBUS, SIGFPE, SIGILL) stay deliverable.
pub fn block_async_signals() {
    // SAFETY: `set` is valid storage that sigfillset initialises before the other calls use it;
    // pthread_sigmask changes only this thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sync in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL] {
            libc::sigdelset(&mut set, sync);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// The key reserved for the backend's waker.
pub const WAKER_KEY: u64 = u64::MAX;

/// A readiness backend. See the [module documentation](self) for the contract.
pub trait Backend: Send + Sized + 'static {
    /// A short name for logs and benchmarks.
    const NAME: &'static str;

    /// Creates the backend's poller.
    fn new() -> io::Result<Self>;

    /// Starts watching `fd` for `interest`, reporting readiness under `key`.
    fn register(&mut self, fd: RawFd, key: u64, interest: Interest) -> io::Result<()>;

    /// Changes the key or interest of a registered descriptor.
    fn reregister(&mut self, fd: RawFd, key: u64, interest: Interest) -> io::Result<()>;

    /// Stops watching `fd`.
    fn deregister(&mut self, fd: RawFd) -> io::Result<()>;

    /// Waits for readiness and appends `(key, readiness)` pairs to `out`.
    fn poll(&mut self, out: &mut Vec<(u64, Ready)>, timeout: Option<Duration>) -> io::Result<()>;

    /// A thread-safe handle that interrupts `poll`.
    fn waker(&mut self) -> io::Result<Arc<dyn Wake>>;
}

/// The backend chosen at build time: mio, or `polling` with the `polling` feature.
#[cfg(not(feature = "polling"))]
pub type DefaultBackend = self::mio::MioBackend;

/// The backend chosen at build time: mio, or `polling` with the `polling` feature.
#[cfg(feature = "polling")]
pub type DefaultBackend = self::polling::PollingBackend;
