//! The default backend: mio 1.x (`epoll` on Linux, `kqueue` on the BSDs and macOS).

use std::io;
use std::os::fd::RawFd;
use std::sync::Arc;
use std::time::Duration;

use mio::unix::SourceFd;
use mio::{Events, Poll, Token as MioToken, Waker};

use super::{Backend, WAKER_KEY};
use crate::inbox::Wake;
use crate::token::{Interest, Ready};

/// Readiness through mio.
pub struct MioBackend {
    poll: Poll,
    events: Events,
    waker: Option<Arc<MioWaker>>,
}

struct MioWaker(Waker);

impl Wake for MioWaker {
    fn wake(&self) -> io::Result<()> {
        self.0.wake()
    }
}

fn interest(i: Interest) -> mio::Interest {
    match (i.is_readable(), i.is_writable()) {
        (true, true) => mio::Interest::READABLE | mio::Interest::WRITABLE,
        (false, true) => mio::Interest::WRITABLE,
        _ => mio::Interest::READABLE,
    }
}

impl Backend for MioBackend {
    const NAME: &'static str = "mio";

    fn new() -> io::Result<Self> {
        Ok(MioBackend {
            poll: Poll::new()?,
            events: Events::with_capacity(1024),
            waker: None,
        })
    }

    fn register(&mut self, fd: RawFd, key: u64, i: Interest) -> io::Result<()> {
        self.poll
            .registry()
            .register(&mut SourceFd(&fd), MioToken(key as usize), interest(i))
    }

    fn reregister(&mut self, fd: RawFd, key: u64, i: Interest) -> io::Result<()> {
        self.poll
            .registry()
            .reregister(&mut SourceFd(&fd), MioToken(key as usize), interest(i))
    }

    fn deregister(&mut self, fd: RawFd) -> io::Result<()> {
        self.poll.registry().deregister(&mut SourceFd(&fd))
    }

    fn poll(&mut self, out: &mut Vec<(u64, Ready)>, timeout: Option<Duration>) -> io::Result<()> {
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(e),
        }
        for ev in self.events.iter() {
            let key = ev.token().0 as u64;
            if key == WAKER_KEY {
                continue;
            }
            // mio reports EPOLLHUP as "read closed and write closed"; a half-close (EPOLLRDHUP)
            // is only "read closed", and is seen by the reader as a read of zero bytes. A hang-up
            // or an error makes both directions ready: the next read or write reports it.
            let hup = ev.is_read_closed() && ev.is_write_closed();
            let error = ev.is_error();
            out.push((
                key,
                Ready::from_flags(
                    ev.is_readable() || hup || error,
                    ev.is_writable() || hup || error,
                    hup,
                    error,
                ),
            ));
        }
        Ok(())
    }

    fn waker(&mut self) -> io::Result<Arc<dyn Wake>> {
        if self.waker.is_none() {
            let w = Waker::new(self.poll.registry(), MioToken(WAKER_KEY as usize))?;
            self.waker = Some(Arc::new(MioWaker(w)));
        }
        let w: Arc<MioWaker> = self.waker.clone().expect("waker was just created");
        Ok(w)
    }
}
