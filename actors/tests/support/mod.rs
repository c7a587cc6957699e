//! What the actor tests share: running a system until something holds, within a deadline.

use std::time::{Duration, Instant};

use actors::System;

/// Runs `s` (dispatching, then polling at most `tick` at a time) until `done` holds or
/// `deadline` has passed; says whether `done` came true.
pub(crate) fn run_until(
    s: &mut System,
    deadline: Duration,
    tick: Duration,
    mut done: impl FnMut(&mut System) -> bool,
) -> bool {
    let end = Instant::now() + deadline;
    loop {
        s.dispatch();
        if done(s) {
            return true;
        }
        if Instant::now() >= end {
            return false;
        }
        s.run_once(Some(tick)).unwrap();
    }
}
