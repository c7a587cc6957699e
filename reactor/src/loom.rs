//! Synchronisation types, from std in normal builds and from loom when built with `--cfg loom`,
//! so the concurrency models in `tests/loom_*.rs` explore the real code (tokio's `src/loom`).

#[cfg(loom)]
pub(crate) use loom::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    thread,
};

#[cfg(not(loom))]
pub(crate) use std::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    thread,
};

/// Locks a mutex, ignoring poison: every structure guarded here stays consistent across a panic
/// because no code that can panic runs while the lock is held.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}
