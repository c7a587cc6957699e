//! The worker pool: backpressure, batches, panics, shutdown, sizing.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use reactor::{Pool, PoolConfig, PoolError, SubmitError, Task};

fn pool(threads: usize, queue: usize) -> Pool {
    Pool::new(PoolConfig {
        threads,
        queue_capacity: queue,
        name: "test-pool".into(),
    })
    .unwrap()
}

/// A task that records its outcome.
struct Probe {
    id: usize,
    wait: Option<Arc<Barrier>>,
    panic: bool,
    tx: mpsc::Sender<(usize, Result<(), PoolError>)>,
}

impl Task for Probe {
    fn run(&mut self) {
        if let Some(b) = &self.wait {
            b.wait();
        }
        if self.panic {
            panic!("probe {} panicked", self.id);
        }
    }
    fn finish(self: Box<Self>, outcome: Result<(), PoolError>) {
        let _ = self.tx.send((self.id, outcome));
    }
}

fn probe(id: usize, tx: &mpsc::Sender<(usize, Result<(), PoolError>)>) -> Box<Probe> {
    Box::new(Probe {
        id,
        wait: None,
        panic: false,
        tx: tx.clone(),
    })
}

#[test]
fn runs_spawned_closures() {
    let p = pool(2, 16);
    let (tx, rx) = mpsc::channel();
    for i in 0..100 {
        let tx = tx.clone();
        p.spawn(move || i * 2, move |r| tx.send(r.unwrap()).unwrap())
            .unwrap();
    }
    let mut got: Vec<i32> = (0..100).map(|_| rx.recv().unwrap()).collect();
    got.sort();
    assert_eq!(got, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    p.shutdown(true);
}

#[test]
fn full_queue_gives_backpressure() {
    let p = pool(1, 2);
    let (tx, rx) = mpsc::channel();
    let gate = Arc::new(Barrier::new(2));
    // Occupy the only worker, then fill the queue.
    let mut blocker = probe(0, &tx);
    blocker.wait = Some(gate.clone());
    p.submit(blocker).unwrap();
    while p.queued() > 0 {
        std::thread::yield_now();
    }
    p.try_submit(probe(1, &tx)).unwrap();
    p.try_submit(probe(2, &tx)).unwrap();
    match p.try_submit(probe(3, &tx)) {
        Err(SubmitError::Full(t)) => drop(t),
        other => panic!("expected Full, got {other:?}"),
    }
    // A blocking submit waits until the worker frees room.
    let p2 = p.clone();
    let tx2 = tx.clone();
    let submitter = std::thread::spawn(move || p2.submit(probe(4, &tx2)).unwrap());
    std::thread::sleep(Duration::from_millis(30));
    assert!(
        !submitter.is_finished(),
        "submit must block while the queue is full"
    );
    gate.wait();
    submitter.join().unwrap();
    let mut ids: Vec<usize> = (0..4).map(|_| rx.recv().unwrap().0).collect();
    ids.sort();
    assert_eq!(ids, [0, 1, 2, 4]);
    p.shutdown(true);
}

#[test]
fn batch_submission_larger_than_queue() {
    let p = pool(2, 4);
    let (tx, rx) = mpsc::channel();
    let tasks: Vec<Box<dyn Task>> = (0..50).map(|i| probe(i, &tx) as Box<dyn Task>).collect();
    assert!(p.submit_batch(tasks).is_ok());
    let mut ids: Vec<usize> = (0..50).map(|_| rx.recv().unwrap().0).collect();
    ids.sort();
    assert_eq!(ids, (0..50).collect::<Vec<_>>());
    p.shutdown(true);
}

#[test]
fn panicking_task_fails_and_worker_is_replaced() {
    let p = pool(2, 16);
    let (tx, rx) = mpsc::channel();
    let mut bad = probe(1, &tx);
    bad.panic = true;
    p.submit(bad).unwrap();
    let (id, outcome) = rx.recv().unwrap();
    assert_eq!(id, 1);
    assert_eq!(outcome, Err(PoolError::Panicked("probe 1 panicked".into())));
    // Give the replacement a moment to register, then check the pool kept its size and works.
    for _ in 0..100 {
        if p.replaced() == 1 && p.workers() == 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(p.replaced(), 1);
    assert_eq!(p.workers(), 2);
    for i in 0..10 {
        p.submit(probe(10 + i, &tx)).unwrap();
    }
    for _ in 0..10 {
        assert_eq!(rx.recv().unwrap().1, Ok(()));
    }
    p.shutdown(true);
    assert_eq!(
        p.workers(),
        0,
        "every thread, replacement included, was joined"
    );
}

#[test]
fn shutdown_drain_runs_everything() {
    let p = pool(1, 64);
    let count = Arc::new(AtomicUsize::new(0));
    for _ in 0..50 {
        let c = count.clone();
        p.spawn(
            move || std::thread::sleep(Duration::from_micros(100)),
            move |r| {
                r.unwrap();
                c.fetch_add(1, Ordering::SeqCst);
            },
        )
        .unwrap();
    }
    p.shutdown(true);
    assert_eq!(count.load(Ordering::SeqCst), 50);
    assert_eq!(p.workers(), 0);
    let (tx, _rx) = mpsc::channel();
    assert!(matches!(
        p.submit(probe(0, &tx)),
        Err(SubmitError::ShutDown(_))
    ));
}

#[test]
fn shutdown_cancel_fails_queued_tasks() {
    let p = pool(1, 64);
    let (tx, rx) = mpsc::channel();
    let gate = Arc::new(Barrier::new(2));
    let mut blocker = probe(0, &tx);
    blocker.wait = Some(gate.clone());
    p.submit(blocker).unwrap();
    for i in 1..=20 {
        p.submit(probe(i, &tx)).unwrap();
    }
    while p.queued() > 20 {
        std::thread::yield_now();
    }
    let p2 = p.clone();
    let stopper = std::thread::spawn(move || p2.shutdown(false));
    // Every queued task is failed before the running one is let go.
    let mut cancelled = 0;
    while cancelled < 20 {
        let (_, outcome) = rx.recv().unwrap();
        assert_eq!(outcome, Err(PoolError::Cancelled));
        cancelled += 1;
    }
    gate.wait();
    stopper.join().unwrap();
    assert_eq!(rx.recv().unwrap(), (0, Ok(())));
    assert_eq!(p.workers(), 0);
}

#[test]
fn dropping_the_last_handle_lets_workers_finish() {
    let count = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    {
        let p = pool(2, 64);
        for _ in 0..20 {
            let c = count.clone();
            let tx = tx.clone();
            p.spawn(
                move || (),
                move |_| {
                    c.fetch_add(1, Ordering::SeqCst);
                    tx.send(()).unwrap();
                },
            )
            .unwrap();
        }
    }
    for _ in 0..20 {
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
    }
    assert_eq!(count.load(Ordering::SeqCst), 20);
}

#[test]
fn size_comes_from_the_environment() {
    // The only test in this binary that touches the variable.
    // SAFETY: no other thread of this test binary reads or writes the environment concurrently.
    unsafe { std::env::remove_var("ACTORJS_POOL_SIZE") };
    assert_eq!(reactor::pool_size_from_env(), 4);
    // SAFETY: as above.
    unsafe { std::env::set_var("ACTORJS_POOL_SIZE", "7") };
    assert_eq!(reactor::pool_size_from_env(), 7);
    let p = Pool::from_env().unwrap();
    assert_eq!(p.workers(), 7);
    p.shutdown(true);
    // SAFETY: as above.
    unsafe { std::env::set_var("ACTORJS_POOL_SIZE", "0") };
    assert_eq!(reactor::pool_size_from_env(), 1);
    // SAFETY: as above.
    unsafe { std::env::set_var("ACTORJS_POOL_SIZE", "lots") };
    assert_eq!(reactor::pool_size_from_env(), 4);
    // SAFETY: as above.
    unsafe { std::env::remove_var("ACTORJS_POOL_SIZE") };
}
