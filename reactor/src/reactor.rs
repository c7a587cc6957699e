//! The event loop: readiness, timers and the inbox, driven by a [`Handler`].

use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

use crate::clock::Clock;
use crate::inbox::{Inbox, Sender};
use crate::sources::Sources;
use crate::sys::{Backend, DefaultBackend};
use crate::timer::{TimerKey, TimerQueue};
use crate::token::{Interest, Ready, Token};

/// What the reactor calls back into. Every method runs on the reactor thread and may use the
/// reactor it is given: register sources, set timers, post to itself.
pub trait Handler<B: Backend = DefaultBackend>: Sized {
    /// What other threads post to the inbox.
    type Completion: Send + 'static;
    /// What a timer carries.
    type Timer;

    /// A registered source is ready. Never called with a stale token.
    fn ready(&mut self, reactor: &mut Reactor<Self, B>, token: Token, ready: Ready) {
        let _ = (reactor, token, ready);
    }

    /// A timer is due.
    fn timer(&mut self, reactor: &mut Reactor<Self, B>, key: TimerKey, value: Self::Timer) {
        let _ = (reactor, key, value);
    }

    /// Completions posted to the inbox, in posting order, as one batch. Items left in `batch` are
    /// dropped afterwards.
    fn completions(&mut self, reactor: &mut Reactor<Self, B>, batch: &mut Vec<Self::Completion>) {
        let _ = reactor;
        batch.clear();
    }
}

/// An event loop over a readiness [`Backend`].
///
/// One loop turn ([`run_once`](Reactor::run_once)) is: fire due timers, wait for readiness (no
/// longer than the next timer, not at all if completions are waiting), dispatch readiness, hand
/// over the inbox's batch. Hosts that need finer phases (Node's timers → poll → check → close) call
/// [`fire_timers`](Reactor::fire_timers), [`poll_io`](Reactor::poll_io) and
/// [`drain_inbox`](Reactor::drain_inbox) themselves.
///
/// Lifecycle: created with its backend and inbox; sources are registered and deregistered at any
/// time on the reactor thread; dropping the reactor closes the inbox (later posts get
/// [`Closed`](crate::Closed)) and deregisters nothing (the owners of the descriptors close them).
pub struct Reactor<H: Handler<B>, B: Backend = DefaultBackend> {
    backend: B,
    sources: Sources,
    timers: TimerQueue<H::Timer>,
    inbox: Inbox<H::Completion>,
    clock: Clock,
    now: u64,
    events: Vec<(u64, Ready)>,
    batch: Vec<H::Completion>,
    spin: Duration,
}

impl<H: Handler<DefaultBackend>> Reactor<H, DefaultBackend> {
    /// A reactor on the default backend.
    pub fn new() -> io::Result<Self> {
        Reactor::with_backend(DefaultBackend::new()?)
    }
}

impl<H: Handler<B>, B: Backend> Reactor<H, B> {
    /// A reactor on the given backend.
    pub fn with_backend(mut backend: B) -> io::Result<Self> {
        let waker = backend.waker()?;
        let clock = Clock::new();
        Ok(Reactor {
            backend,
            sources: Sources::new(),
            timers: TimerQueue::new(),
            inbox: Inbox::new(waker),
            now: clock.now_ms(),
            clock,
            events: Vec::with_capacity(256),
            batch: Vec::new(),
            spin: Duration::ZERO,
        })
    }

    /// The backend's name (`"mio"` or `"polling"`).
    pub fn backend_name(&self) -> &'static str {
        B::NAME
    }

    /// Starts watching `fd`. The caller keeps owning `fd` and must [`deregister`](Self::deregister)
    /// it before closing it.
    pub fn register(&mut self, fd: RawFd, interest: Interest) -> io::Result<Token> {
        let token = self.sources.insert(fd, interest);
        if let Err(e) = self.backend.register(fd, token.to_key(), interest) {
            self.sources.remove(token);
            return Err(e);
        }
        Ok(token)
    }

    /// Changes what `token`'s source is watched for.
    pub fn reregister(&mut self, token: Token, interest: Interest) -> io::Result<()> {
        let fd = self.sources.get(token).ok_or_else(stale)?;
        self.backend.reregister(fd, token.to_key(), interest)?;
        self.sources.set_interest(token, interest);
        Ok(())
    }

    /// Stops watching `token`'s source. Events already collected for it are dropped.
    pub fn deregister(&mut self, token: Token) -> io::Result<()> {
        let fd = self.sources.remove(token).ok_or_else(stale)?;
        self.backend.deregister(fd)
    }

    /// The registered sources.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Loop time in milliseconds, read at the start of the current turn.
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Reads the clock again.
    pub fn update_time(&mut self) -> u64 {
        self.now = self.clock.now_ms().max(self.now);
        self.now
    }

    /// The reactor's clock.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Sets a timer due `after` from the loop time (rounded up to whole milliseconds).
    pub fn insert_timer(&mut self, after: Duration, value: H::Timer) -> TimerKey {
        let ms = after.as_nanos().div_ceil(1_000_000).min(u64::MAX as u128) as u64;
        self.timers.insert(self.now.saturating_add(ms), value)
    }

    /// The timer queue, to cancel, reschedule or ref/unref timers.
    pub fn timers(&mut self) -> &mut TimerQueue<H::Timer> {
        &mut self.timers
    }

    /// A posting end of the inbox for other threads.
    pub fn sender(&self) -> Sender<H::Completion> {
        self.inbox.sender()
    }

    /// The inbox.
    pub fn inbox(&self) -> &Inbox<H::Completion> {
        &self.inbox
    }

    /// Before a poll that would sleep, watch the inbox for up to `spin` first. Waking a sleeping
    /// thread costs tens of microseconds on a busy or virtualised machine, while a pool task
    /// answers in a few: an owner that knows answers are due soon (work is in flight) sets a short
    /// spin and gets them without the sleep. Zero (the default) never spins.
    pub fn set_spin(&mut self, spin: Duration) {
        self.spin = spin;
    }

    /// Timers phase: runs every timer due at the loop time that existed when the phase began.
    /// Returns how many ran.
    pub fn fire_timers(&mut self, handler: &mut H) -> usize {
        self.update_time();
        let mark = self.timers.watermark();
        let mut n = 0;
        while let Some((key, value)) = self.timers.pop_expired_before(self.now, mark) {
            handler.timer(self, key, value);
            n += 1;
        }
        n
    }

    /// Poll phase: waits up to `timeout` (`None`: no limit) but no longer than the next timer and
    /// not at all when completions are waiting, then dispatches readiness and the inbox's batch.
    /// Returns how many events and completions were dispatched.
    pub fn poll_io(&mut self, handler: &mut H, timeout: Option<Duration>) -> io::Result<usize> {
        let mut timeout = timeout;
        if let Some(deadline) = self.timers.next_deadline() {
            let until = self.clock.until(deadline);
            timeout = Some(timeout.map_or(until, |t| t.min(until)));
        }
        if timeout != Some(Duration::ZERO) && !self.spin.is_zero() && self.spin_for_inbox(timeout) {
            timeout = Some(Duration::ZERO);
        }
        let sleeping = timeout != Some(Duration::ZERO) && self.inbox.prepare_sleep();
        if !sleeping {
            timeout = Some(Duration::ZERO);
        }
        let mut events = std::mem::take(&mut self.events);
        let polled = self.backend.poll(&mut events, timeout);
        if sleeping {
            self.inbox.finish_sleep();
        }
        self.update_time();
        let mut n = 0;
        if polled.is_ok() {
            for &(key, ready) in &events {
                let token = Token::from_key(key);
                // A handler earlier in this batch may have deregistered the source, or the slot may
                // have a new owner: either way the event is not for anyone alive.
                if self.sources.get(token).is_some() {
                    handler.ready(self, token, ready);
                    n += 1;
                }
            }
        }
        events.clear();
        self.events = events;
        polled?;
        n += self.drain_inbox(handler);
        Ok(n)
    }

    /// Spins for up to the configured spin (and no longer than `timeout`) until the inbox has
    /// something. Returns whether it has.
    fn spin_for_inbox(&self, timeout: Option<Duration>) -> bool {
        let limit = timeout.map_or(self.spin, |t| t.min(self.spin));
        let start = std::time::Instant::now();
        loop {
            for _ in 0..64 {
                if self.inbox.probably_has_items() {
                    return true;
                }
                std::hint::spin_loop();
            }
            if start.elapsed() >= limit {
                return false;
            }
        }
    }

    /// Hands whatever is in the inbox to the handler as one batch. Returns the batch's size.
    pub fn drain_inbox(&mut self, handler: &mut H) -> usize {
        let mut batch = std::mem::take(&mut self.batch);
        self.inbox.drain_into(&mut batch);
        let n = batch.len();
        if n > 0 {
            handler.completions(self, &mut batch);
            batch.clear();
        }
        if batch.capacity() > self.batch.capacity() {
            self.batch = batch;
        }
        n
    }

    /// One loop turn: timers, then poll, readiness and completions. The poll waits up to
    /// `timeout`, unless a timer ran in this turn: then it only collects what is ready, so the
    /// caller gets control back to decide whether anything is left to wait for.
    pub fn run_once(&mut self, handler: &mut H, timeout: Option<Duration>) -> io::Result<()> {
        let fired = self.fire_timers(handler);
        let timeout = if fired > 0 {
            Some(Duration::ZERO)
        } else {
            timeout
        };
        self.poll_io(handler, timeout)?;
        Ok(())
    }

    /// Runs loop turns while `alive` says so.
    pub fn run(
        &mut self,
        handler: &mut H,
        mut alive: impl FnMut(&H, &Self) -> bool,
    ) -> io::Result<()> {
        while alive(handler, self) {
            self.run_once(handler, None)?;
        }
        Ok(())
    }
}

fn stale() -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, "stale or unknown reactor token")
}
