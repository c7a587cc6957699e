//! Millisecond loop time, as libuv's `uv_now`: read once per loop turn, so every callback in one
//! turn sees the same "now" and timers set during a turn are measured from it.

use std::time::{Duration, Instant};

/// A monotonic clock counting whole milliseconds from its creation.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    origin: Instant,
}

impl Clock {
    /// Starts a clock at zero.
    pub fn new() -> Clock {
        Clock {
            origin: Instant::now(),
        }
    }

    /// Whole milliseconds elapsed since the clock started (rounded down).
    pub fn now_ms(&self) -> u64 {
        self.origin.elapsed().as_millis() as u64
    }

    /// The instant at which the clock reads `ms`.
    pub fn instant_at(&self, ms: u64) -> Instant {
        self.origin + Duration::from_millis(ms)
    }

    /// How long until the clock reads `ms` (zero if it already does).
    pub fn until(&self, ms: u64) -> Duration {
        self.instant_at(ms)
            .saturating_duration_since(Instant::now())
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::new()
    }
}
