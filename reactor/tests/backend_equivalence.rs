//! mio and polling report the same readiness for the same socket events. Both backends watch the
//! same socket pairs (one descriptor may sit in two epoll sets); after every step of a random script
//! of writes, reads, half-closes and closes, both are polled and must agree.
#![cfg(feature = "polling")]

use std::io::{Read, Write};
use std::net::Shutdown;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use proptest::prelude::*;
use reactor::sys::mio::MioBackend;
use reactor::sys::polling::PollingBackend;
use reactor::{Backend, Interest, Ready};

const PAIRS: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    /// Write `n` bytes into end `e` of pair `p`.
    Write(usize, usize, usize),
    /// Read up to `n` bytes from end `e` of pair `p`.
    Read(usize, usize, usize),
    /// Shut down the write half of end `e` of pair `p`.
    ShutWrite(usize, usize),
    /// Close end `e` of pair `p` (deregistering it first).
    Close(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let p = 0..PAIRS;
    let e = 0..2usize;
    prop_oneof![
        4 => (p.clone(), e.clone(), prop_oneof![1..64usize, 100_000..300_000usize]).prop_map(|(p, e, n)| Op::Write(p, e, n)),
        4 => (p.clone(), e.clone(), prop_oneof![1..64usize, 100_000..300_000usize]).prop_map(|(p, e, n)| Op::Read(p, e, n)),
        1 => (p.clone(), e.clone()).prop_map(|(p, e)| Op::ShutWrite(p, e)),
        1 => (p, e).prop_map(|(p, e)| Op::Close(p, e)),
    ]
}

fn poll_all<B: Backend>(b: &mut B) -> Vec<(u64, Ready)> {
    let mut out = Vec::new();
    b.poll(&mut out, Some(Duration::ZERO)).unwrap();
    // Drain anything the kernel had not queued yet.
    loop {
        let before = out.len();
        b.poll(&mut out, Some(Duration::from_millis(1))).unwrap();
        if out.len() == before {
            break;
        }
    }
    out.sort_by_key(|(k, r)| (*k, format!("{r:?}")));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn backends_agree(ops in proptest::collection::vec(op(), 1..40)) {
        let mut m = MioBackend::new().unwrap();
        let mut p = PollingBackend::new().unwrap();
        let mut ends: Vec<[Option<UnixStream>; 2]> = (0..PAIRS)
            .map(|_| {
                let (a, b) = UnixStream::pair().unwrap();
                a.set_nonblocking(true).unwrap();
                b.set_nonblocking(true).unwrap();
                [Some(a), Some(b)]
            })
            .collect();
        for (i, pair) in ends.iter().enumerate() {
            for (e, s) in pair.iter().enumerate() {
                let fd = s.as_ref().unwrap().as_raw_fd();
                let key = (i * 2 + e) as u64;
                m.register(fd, key, Interest::BOTH).unwrap();
                p.register(fd, key, Interest::BOTH).unwrap();
            }
        }
        prop_assert_eq!(poll_all(&mut m), poll_all(&mut p), "initial readiness");
        let mut buf = vec![0u8; 300_000];
        for op in ops {
            match op {
                Op::Write(i, e, n) => {
                    if let Some(s) = ends[i][e].as_mut() {
                        let _ = s.write(&buf[..n]);
                    }
                }
                Op::Read(i, e, n) => {
                    if let Some(s) = ends[i][e].as_mut() {
                        let _ = s.read(&mut buf[..n]);
                    }
                }
                Op::ShutWrite(i, e) => {
                    if let Some(s) = ends[i][e].as_ref() {
                        let _ = s.shutdown(Shutdown::Write);
                    }
                }
                Op::Close(i, e) => {
                    if let Some(s) = ends[i][e].take() {
                        m.deregister(s.as_raw_fd()).unwrap();
                        p.deregister(s.as_raw_fd()).unwrap();
                    }
                }
            }
            let (got_m, got_p) = (poll_all(&mut m), poll_all(&mut p));
            prop_assert_eq!(got_m, got_p, "after {:?}", op);
        }
    }
}
