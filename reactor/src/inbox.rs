//! The cross-thread inbox: how pool workers and other threads hand results to the reactor thread.
//!
//! Posting pushes onto a mutex-guarded vector; the reactor takes the whole vector in one swap, so
//! completions that arrive together are handed over as one batch. The waker (an eventfd write) is
//! used only when the reactor is asleep or about to sleep. The "asleep" flag lives under the same
//! mutex as the queue:
//!
//! ```text
//! reactor (prepare_sleep)                  poster (post)
//! lock                                     lock
//!   if queue is empty { asleep = true }      queue.push(item)
//!                                            wake = take(asleep)
//! unlock                                   unlock
//! poll unless the queue had items          if wake { waker.wake() }
//! ```
//!
//! Either the poster's critical section comes first and the reactor sees the item and does not
//! sleep, or the reactor's comes first and the poster sees `asleep` and wakes it: no wake-up is
//! lost (`tests/loom_inbox.rs` checks every interleaving under loom). A poster that finds the flag
//! already cleared skips the syscall, so a burst of posts costs one wake-up. Posts take that lock
//! anyway, so keeping the flag under it costs one uncontended lock per poll and no reasoning about
//! memory orderings.

use std::fmt;
use std::io;

use crate::sync::{Arc, AtomicBool, AtomicU64, Mutex, Ordering, lock};

/// Something that interrupts the reactor's poll from any thread.
pub trait Wake: Send + Sync {
    /// Makes the current (or next) poll return.
    fn wake(&self) -> io::Result<()>;
}

struct Shared<T> {
    queue: Mutex<Queue<T>>,
    /// Set with the first item of a batch, cleared when the batch is taken: lets the reactor spin
    /// on "anything yet?" without taking the lock.
    nonempty: AtomicBool,
    wakes: AtomicU64,
    // std's `Arc` even under loom: the waker is the boundary of the model, not part of it.
    waker: std::sync::Arc<dyn Wake>,
}

struct Queue<T> {
    items: Vec<T>,
    /// The reactor is in (or about to enter) a blocking poll.
    asleep: bool,
    closed: bool,
}

/// The receiving end, owned by the reactor thread.
pub struct Inbox<T> {
    shared: Arc<Shared<T>>,
}

/// A posting end; cheap to clone and usable from any thread.
pub struct Sender<T> {
    shared: Arc<Shared<T>>,
}

/// The inbox is gone; the item is handed back so the poster can dispose of it (close an fd, fail a
/// request) instead of losing it.
pub struct Closed<T>(pub T);

impl<T> fmt::Debug for Closed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Closed(..)")
    }
}

impl<T> fmt::Display for Closed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the reactor's inbox is closed")
    }
}

impl<T> std::error::Error for Closed<T> {}

impl<T> Inbox<T> {
    /// An inbox that interrupts the reactor's poll through `waker`.
    pub fn new(waker: std::sync::Arc<dyn Wake>) -> Inbox<T> {
        Inbox {
            shared: Arc::new(Shared {
                queue: Mutex::new(Queue {
                    items: Vec::new(),
                    asleep: false,
                    closed: false,
                }),
                nonempty: AtomicBool::new(false),
                wakes: AtomicU64::new(0),
                waker,
            }),
        }
    }

    /// A new posting end.
    pub fn sender(&self) -> Sender<T> {
        Sender {
            shared: self.shared.clone(),
        }
    }

    /// Announces that the reactor is about to sleep. Returns false if items are already waiting,
    /// in which case the reactor must not block.
    pub fn prepare_sleep(&self) -> bool {
        let mut q = lock(&self.shared.queue);
        q.asleep = q.items.is_empty();
        q.asleep
    }

    /// Announces that the reactor is awake again.
    pub fn finish_sleep(&self) {
        lock(&self.shared.queue).asleep = false;
    }

    /// Whether items are waiting.
    pub fn has_items(&self) -> bool {
        !lock(&self.shared.queue).items.is_empty()
    }

    /// Whether items are probably waiting, without taking the lock (for spinning).
    pub fn probably_has_items(&self) -> bool {
        self.shared.nonempty.load(Ordering::Relaxed)
    }

    /// Moves every waiting item into `out` (appending), in posting order.
    pub fn drain_into(&self, out: &mut Vec<T>) {
        let mut q = lock(&self.shared.queue);
        self.shared.nonempty.store(false, Ordering::Relaxed);
        if out.is_empty() {
            std::mem::swap(out, &mut q.items);
        } else {
            out.append(&mut q.items);
        }
    }

    /// How many times a poster has woken the reactor (for tests and benchmarks).
    pub fn wake_count(&self) -> u64 {
        self.shared.wakes.load(Ordering::Relaxed)
    }
}

impl<T> Drop for Inbox<T> {
    fn drop(&mut self) {
        let items = {
            let mut q = lock(&self.shared.queue);
            q.closed = true;
            std::mem::take(&mut q.items)
        };
        // Dropped outside the lock: an item's destructor may post again (and get `Closed`).
        drop(items);
    }
}

impl<T> Sender<T> {
    /// Posts one item, waking the reactor if it sleeps.
    pub fn post(&self, item: T) -> Result<(), Closed<T>> {
        let wake = {
            let mut q = lock(&self.shared.queue);
            if q.closed {
                return Err(Closed(item));
            }
            q.items.push(item);
            self.shared.nonempty.store(true, Ordering::Relaxed);
            std::mem::take(&mut q.asleep)
        };
        self.wake(wake);
        Ok(())
    }

    /// Posts several items under one lock and at most one wake-up. If the inbox is closed, the
    /// items are handed back.
    pub fn post_batch(&self, items: Vec<T>) -> Result<(), Closed<Vec<T>>> {
        let wake = {
            let mut q = lock(&self.shared.queue);
            if q.closed {
                return Err(Closed(items));
            }
            q.items.extend(items);
            self.shared.nonempty.store(true, Ordering::Relaxed);
            std::mem::take(&mut q.asleep)
        };
        self.wake(wake);
        Ok(())
    }

    /// Whether the reactor's inbox has been dropped.
    pub fn is_closed(&self) -> bool {
        lock(&self.shared.queue).closed
    }

    fn wake(&self, asleep: bool) {
        if asleep {
            self.shared.wakes.fetch_add(1, Ordering::Relaxed);
            // A failed wake (eventfd counter full) still leaves the eventfd readable, so the
            // reactor wakes anyway.
            let _ = self.shared.waker.wake();
        }
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Sender {
            shared: self.shared.clone(),
        }
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sender(..)")
    }
}
