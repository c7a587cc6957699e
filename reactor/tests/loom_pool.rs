//! loom models of the worker pool: every task is finished exactly once and every thread is joined,
//! whether shutdown drains or cancels, and however it races with the worker.
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test -p reactor --release --test loom_pool`.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use reactor::{Pool, PoolConfig, PoolError, Task};

struct Count {
    ok: Arc<AtomicUsize>,
    cancelled: Arc<AtomicUsize>,
}

impl Task for Count {
    fn run(&mut self) {}
    fn finish(self: Box<Self>, outcome: Result<(), PoolError>) {
        match outcome {
            Ok(()) => self.ok.fetch_add(1, Ordering::SeqCst),
            Err(PoolError::Cancelled) => self.cancelled.fetch_add(1, Ordering::SeqCst),
            Err(e) => panic!("unexpected {e}"),
        };
    }
}

fn model(drain: bool) {
    loom::model(move || {
        let pool = Pool::new(PoolConfig {
            threads: 1,
            queue_capacity: 1,
            name: "loom".into(),
        })
        .unwrap();
        let ok = Arc::new(AtomicUsize::new(0));
        let cancelled = Arc::new(AtomicUsize::new(0));
        let task = || {
            Box::new(Count {
                ok: ok.clone(),
                cancelled: cancelled.clone(),
            })
        };
        // A second submitter races the worker for the single queue slot.
        let p2 = pool.clone();
        let t2 = task();
        let submitter = thread::spawn(move || p2.submit(t2).is_ok());
        let first = pool.submit(task()).is_ok();
        let second = submitter.join().unwrap();
        pool.shutdown(drain);
        let accepted = first as usize + second as usize;
        let finished = ok.load(Ordering::SeqCst) + cancelled.load(Ordering::SeqCst);
        assert_eq!(
            finished, accepted,
            "every accepted task finished exactly once"
        );
        if drain {
            assert_eq!(cancelled.load(Ordering::SeqCst), 0);
        }
        assert_eq!(pool.workers(), 0, "the worker was joined");
    });
}

#[test]
fn shutdown_drain_loses_nothing() {
    model(true);
}

#[test]
fn shutdown_cancel_finishes_everything_once() {
    model(false);
}
