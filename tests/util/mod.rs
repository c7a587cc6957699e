//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::time::{Duration, Instant};

use actors::System;

/// Open descriptors of this process, from `/proc/self/fd`.
pub(crate) fn fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Runs loop turns until `done`, failing the test after ten seconds.
pub(crate) fn run_until(s: &mut System, mut done: impl FnMut(&mut System) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(s) {
        assert!(
            Instant::now() < deadline,
            "timed out; live actors: {:?}",
            s.live_actors()
        );
        s.run_once(Some(Duration::from_millis(5))).unwrap();
    }
}

/// Waits (without running the system) for `done`, e.g. for a close that runs on the pool.
pub(crate) fn eventually(mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_millis(2));
    }
}
