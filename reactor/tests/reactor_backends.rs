//! The reactor on each backend: readiness, stale tokens, timers and the inbox. Every test here runs
//! once per backend built (mio always, polling with `--features polling`).

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use reactor::{Backend, Handler, Interest, Reactor, Ready, TimerKey, Token};

#[derive(Default)]
struct Log {
    ready: Vec<(Token, Ready)>,
    timers: Vec<&'static str>,
    batches: Vec<Vec<u32>>,
    /// On the first readiness event: tokens to deregister, then a descriptor to register.
    on_ready: Option<(Vec<Token>, i32)>,
    registered: Vec<Token>,
    /// Timers to add while a timer runs.
    chain: Vec<&'static str>,
}

impl<B: Backend> Handler<B> for Log {
    type Completion = u32;
    type Timer = &'static str;

    fn ready(&mut self, r: &mut Reactor<Self, B>, token: Token, ready: Ready) {
        self.ready.push((token, ready));
        if let Some((drop_tokens, fd)) = self.on_ready.take() {
            for t in drop_tokens {
                r.deregister(t).unwrap();
            }
            self.registered
                .push(r.register(fd, Interest::READABLE).unwrap());
        }
    }

    fn timer(&mut self, r: &mut Reactor<Self, B>, _: TimerKey, name: &'static str) {
        self.timers.push(name);
        for next in self.chain.drain(..) {
            r.insert_timer(Duration::ZERO, next);
        }
    }

    fn completions(&mut self, _: &mut Reactor<Self, B>, batch: &mut Vec<u32>) {
        self.batches.push(std::mem::take(batch));
    }
}

fn reactor<B: Backend>() -> Reactor<Log, B> {
    Reactor::with_backend(B::new().unwrap()).unwrap()
}

fn pair() -> (UnixStream, UnixStream) {
    let (a, b) = UnixStream::pair().unwrap();
    a.set_nonblocking(true).unwrap();
    b.set_nonblocking(true).unwrap();
    (a, b)
}

fn poll_until<B: Backend>(
    r: &mut Reactor<Log, B>,
    log: &mut Log,
    mut done: impl FnMut(&Log) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done(log) {
        assert!(Instant::now() < deadline, "timed out waiting for events");
        r.poll_io(log, Some(Duration::from_millis(50))).unwrap();
    }
}

fn readable_after_write<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    let (a, mut b) = pair();
    let t = r.register(a.as_raw_fd(), Interest::READABLE).unwrap();
    b.write_all(b"hi").unwrap();
    poll_until(&mut r, &mut log, |l| !l.ready.is_empty());
    assert_eq!(log.ready[0].0, t);
    assert!(log.ready[0].1.is_readable());
    r.deregister(t).unwrap();
}

fn edge_triggered_reports_once<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    let (a, mut b) = pair();
    r.register(a.as_raw_fd(), Interest::READABLE).unwrap();
    b.write_all(b"hi").unwrap();
    poll_until(&mut r, &mut log, |l| !l.ready.is_empty());
    // Not drained: an edge-triggered backend stays quiet until new data arrives.
    r.poll_io(&mut log, Some(Duration::from_millis(20)))
        .unwrap();
    assert_eq!(log.ready.len(), 1);
    b.write_all(b"more").unwrap();
    poll_until(&mut r, &mut log, |l| l.ready.len() == 2);
}

fn hangup_is_reported<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    let (mut a, b) = pair();
    let t = r.register(a.as_raw_fd(), Interest::READABLE).unwrap();
    drop(b);
    poll_until(&mut r, &mut log, |l| !l.ready.is_empty());
    assert_eq!(log.ready[0].0, t);
    assert!(log.ready[0].1.is_readable());
    assert!(log.ready[0].1.is_hup());
    assert_eq!(a.read(&mut [0; 8]).unwrap(), 0);
}

fn stale_tokens_are_not_delivered<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    let (a, mut a2) = pair();
    let (c, mut c2) = pair();
    let (d, _d2) = pair();
    let ta = r.register(a.as_raw_fd(), Interest::READABLE).unwrap();
    let tc = r.register(c.as_raw_fd(), Interest::READABLE).unwrap();
    // On the first event, drop both registrations and give `d` a slot that was just freed.
    log.on_ready = Some((vec![ta, tc], d.as_raw_fd()));
    a2.write_all(b"x").unwrap();
    c2.write_all(b"x").unwrap();
    // Give the kernel a moment so both events land in one poll.
    std::thread::sleep(Duration::from_millis(20));
    poll_until(&mut r, &mut log, |l| !l.ready.is_empty());
    r.poll_io(&mut log, Some(Duration::from_millis(20)))
        .unwrap();
    assert_eq!(
        log.ready.len(),
        1,
        "the second event's token went stale: {:?}",
        log.ready
    );
    let td = log.registered[0];
    assert!(
        td.index() == ta.index() || td.index() == tc.index(),
        "slot reused"
    );
    assert!(log.ready.iter().all(|(t, _)| *t != td));
    assert!(r.deregister(ta).is_err());
}

fn timers_fire_in_order<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    r.insert_timer(Duration::from_millis(2), "a");
    r.insert_timer(Duration::from_millis(1), "b");
    r.insert_timer(Duration::from_millis(2), "c");
    let k = r.insert_timer(Duration::from_millis(2), "cancelled");
    r.timers().cancel(k);
    while log.timers.len() < 3 {
        r.run_once(&mut log, None).unwrap();
    }
    assert_eq!(log.timers, ["b", "a", "c"]);
    assert!(r.timers().is_empty());
}

fn zero_delay_timer_from_timer_waits_a_phase<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log {
        chain: vec!["next"],
        ..Log::default()
    };
    r.insert_timer(Duration::ZERO, "first");
    assert_eq!(r.fire_timers(&mut log), 1);
    assert_eq!(log.timers, ["first"]);
    assert_eq!(r.fire_timers(&mut log), 1);
    assert_eq!(log.timers, ["first", "next"]);
}

fn timer_wakes_poll<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    r.insert_timer(Duration::from_millis(30), "t");
    let start = Instant::now();
    r.poll_io(&mut log, None).unwrap();
    assert!(start.elapsed() >= Duration::from_millis(29));
    r.fire_timers(&mut log);
    assert_eq!(log.timers, ["t"]);
}

fn inbox_batches_and_wakes_only_sleepers<B: Backend>() {
    let mut r = reactor::<B>();
    let mut log = Log::default();
    let s = r.sender();
    for i in 0..10 {
        s.post(i).unwrap();
    }
    assert_eq!(r.inbox().wake_count(), 0, "nobody was asleep");
    r.poll_io(&mut log, None).unwrap();
    assert_eq!(log.batches, [(0..10).collect::<Vec<_>>()]);

    let poster = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        s.post_batch(vec![10, 11, 12]).unwrap();
        s.post(13).unwrap();
        s
    });
    while log.batches.iter().map(Vec::len).sum::<usize>() < 14 {
        r.poll_io(&mut log, None).unwrap();
    }
    let s = poster.join().unwrap();
    assert!(r.inbox().wake_count() >= 1 && r.inbox().wake_count() <= 2);
    drop(r);
    assert!(
        s.post(99).is_err(),
        "posting to a dropped reactor hands the item back"
    );
}

macro_rules! per_backend {
    ($backend:ty) => {
        #[test]
        fn readable_after_write() {
            super::readable_after_write::<$backend>();
        }
        #[test]
        fn edge_triggered_reports_once() {
            super::edge_triggered_reports_once::<$backend>();
        }
        #[test]
        fn hangup_is_reported() {
            super::hangup_is_reported::<$backend>();
        }
        #[test]
        fn stale_tokens_are_not_delivered() {
            super::stale_tokens_are_not_delivered::<$backend>();
        }
        #[test]
        fn timers_fire_in_order() {
            super::timers_fire_in_order::<$backend>();
        }
        #[test]
        fn zero_delay_timer_from_timer_waits_a_phase() {
            super::zero_delay_timer_from_timer_waits_a_phase::<$backend>();
        }
        #[test]
        fn timer_wakes_poll() {
            super::timer_wakes_poll::<$backend>();
        }
        #[test]
        fn inbox_batches_and_wakes_only_sleepers() {
            super::inbox_batches_and_wakes_only_sleepers::<$backend>();
        }
    };
}

mod mio_backend {
    per_backend!(reactor::sys::mio::MioBackend);
}

#[cfg(feature = "polling")]
mod polling_backend {
    per_backend!(reactor::sys::polling::PollingBackend);
}
