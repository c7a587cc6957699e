//! The second backend: the `polling` crate (built with the `polling` feature), in edge mode.

use std::io;
use std::os::fd::{BorrowedFd, RawFd};
use std::sync::Arc;
use std::time::Duration;

use polling::{Event, Events, PollMode, Poller};

use super::Backend;
use crate::inbox::Wake;
use crate::token::{Interest, Ready};

/// Readiness through `polling`.
pub struct PollingBackend {
    poller: Arc<Poller>,
    events: Events,
}

struct PollingWaker(Arc<Poller>);

impl Wake for PollingWaker {
    fn wake(&self) -> io::Result<()> {
        self.0.notify()
    }
}

fn event(key: u64, i: Interest) -> Event {
    Event::new(key as usize, i.is_readable(), i.is_writable())
}

impl Backend for PollingBackend {
    const NAME: &'static str = "polling";

    fn new() -> io::Result<Self> {
        let poller = Poller::new()?;
        if !poller.supports_edge() {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "the polling backend needs edge-triggered notifications",
            ));
        }
        Ok(PollingBackend {
            poller: Arc::new(poller),
            events: Events::new(),
        })
    }

    fn register(&mut self, fd: RawFd, key: u64, i: Interest) -> io::Result<()> {
        // SAFETY: the contract of `Backend` makes callers deregister `fd` before closing it, which
        // is what `Poller::add` requires.
        unsafe { self.poller.add_with_mode(fd, event(key, i), PollMode::Edge) }
    }

    fn reregister(&mut self, fd: RawFd, key: u64, i: Interest) -> io::Result<()> {
        // SAFETY: `fd` is registered, hence open (callers deregister before closing).
        let fd = unsafe { BorrowedFd::borrow_raw(fd) };
        self.poller
            .modify_with_mode(fd, event(key, i), PollMode::Edge)
    }

    fn deregister(&mut self, fd: RawFd) -> io::Result<()> {
        // SAFETY: as in `reregister`.
        let fd = unsafe { BorrowedFd::borrow_raw(fd) };
        self.poller.delete(fd)
    }

    fn poll(&mut self, out: &mut Vec<(u64, Ready)>, timeout: Option<Duration>) -> io::Result<()> {
        self.events.clear();
        match self.poller.wait(&mut self.events, timeout) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(e),
        }
        for ev in self.events.iter() {
            let error = ev.is_err().unwrap_or(false);
            out.push((
                ev.key as u64,
                Ready::from_flags(ev.readable, ev.writable, ev.is_interrupt(), error),
            ));
        }
        Ok(())
    }

    fn waker(&mut self) -> io::Result<Arc<dyn Wake>> {
        Ok(Arc::new(PollingWaker(self.poller.clone())))
    }
}
