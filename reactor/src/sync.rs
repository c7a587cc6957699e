//! Synchronisation types for actorjs's crates: std's in normal builds, loom's when built with
//! `--cfg loom`, so the concurrency models in `tests/loom_*.rs` explore the real code (tokio's
//! `src/loom`). Crates above the reactor import their locks and atomics from here.

#[cfg(loom)]
pub use loom::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    },
    thread,
};

#[cfg(not(loom))]
pub use std::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    },
    thread,
};

/// Locks a mutex, ignoring poison: every structure guarded here stays consistent across a panic
/// because no code that can panic runs while the lock is held.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}
