//! A pool of worker threads for blocking work (disk syscalls, DNS).
//!
//! - **Bounded queue.** [`Pool::submit`] blocks while the queue is full; [`Pool::try_submit`] hands the
//!   task back instead, for callers that must not block (the reactor thread keeps such tasks itself
//!   and retries when completions free room).
//! - **Batches.** [`Pool::submit_batch`] takes the lock once per run of tasks that fit.
//! - **Size** from `ACTORJS_POOL_SIZE` (default 4, like libuv's `UV_THREADPOOL_SIZE`).
//! - **Panics.** A task that panics fails with [`PoolError::Panicked`]; its worker thread exits and a
//!   fresh one takes its place, so the pool never silently shrinks.
//! - **Shutdown** ([`Pool::shutdown`]) either runs every queued task or fails each with
//!   [`PoolError::Cancelled`], then joins every thread, replacements included.
//!
//! Every task is finished exactly once: [`Task::finish`] runs after [`Task::run`] returns, or instead of
//! it when the task is cancelled, panics, or arrives after shutdown.

use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::sync::{Arc, AtomicUsize, Condvar, Mutex, Ordering, lock, thread};

/// A unit of blocking work.
pub trait Task: Send + 'static {
    /// Does the work, on a worker thread. May block; may panic.
    fn run(&mut self);

    /// Reports the outcome, exactly once: `Ok` after `run` returned, or the reason `run` did not
    /// complete. Usually posts a completion to the reactor's inbox.
    fn finish(self: Box<Self>, outcome: Result<(), PoolError>);
}

/// Why a task did not complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// The task panicked; the message is the panic's.
    Panicked(String),
    /// The pool shut down before the task ran.
    Cancelled,
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::Panicked(msg) => write!(f, "worker panicked: {msg}"),
            PoolError::Cancelled => f.write_str("the worker pool shut down before the task ran"),
        }
    }
}

impl std::error::Error for PoolError {}

impl From<PoolError> for io::Error {
    fn from(e: PoolError) -> io::Error {
        match e {
            PoolError::Cancelled => io::Error::new(io::ErrorKind::Interrupted, e),
            PoolError::Panicked(_) => io::Error::other(e),
        }
    }
}

/// A task that was not accepted, handed back to the submitter.
pub enum SubmitError {
    /// The queue is full (only from [`Pool::try_submit`]).
    Full(Box<dyn Task>),
    /// The pool is shutting down.
    ShutDown(Box<dyn Task>),
}

impl SubmitError {
    /// The rejected task.
    pub fn into_task(self) -> Box<dyn Task> {
        match self {
            SubmitError::Full(t) | SubmitError::ShutDown(t) => t,
        }
    }
}

impl fmt::Debug for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmitError::Full(_) => f.write_str("Full(..)"),
            SubmitError::ShutDown(_) => f.write_str("ShutDown(..)"),
        }
    }
}

/// How a pool is built.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// Worker threads.
    pub threads: usize,
    /// Tasks that may wait in the queue before submitters get backpressure.
    pub queue_capacity: usize,
    /// Prefix of the workers' thread names.
    pub name: String,
}

impl Default for PoolConfig {
    fn default() -> PoolConfig {
        let threads = pool_size_from_env();
        PoolConfig {
            threads,
            queue_capacity: 1024,
            name: "actorjs-pool".into(),
        }
    }
}

/// The pool size from `ACTORJS_POOL_SIZE`: 4 when unset or not a number, clamped to 1..=1024
/// (libuv's rule for `UV_THREADPOOL_SIZE`).
pub fn pool_size_from_env() -> usize {
    std::env::var("ACTORJS_POOL_SIZE")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map(|n| n.clamp(1, 1024))
        .unwrap_or(4)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    Running,
    /// Run what is queued, then stop.
    Draining,
    /// Queued tasks were failed; stop.
    Stopped,
}

struct State {
    queue: VecDeque<Box<dyn Task>>,
    phase: Phase,
}

/// How long a worker that ran out of work watches the queue before it sleeps. A task submitted
/// right after another finished (a loop of `await fs.stat()`) is then picked up without the cost of
/// waking a sleeping thread.
#[cfg(not(loom))]
const SPIN: std::time::Duration = std::time::Duration::from_micros(50);

struct Shared {
    state: Mutex<State>,
    not_empty: Condvar,
    not_full: Condvar,
    capacity: usize,
    threads: Mutex<Vec<thread::JoinHandle<()>>>,
    live_workers: AtomicUsize,
    /// Tasks in the queue, readable without the lock (for spinning workers).
    queued: AtomicUsize,
    spawned: AtomicUsize,
    replaced: AtomicUsize,
    name: String,
}

/// A handle to the pool; clones share it. When the last handle is dropped without
/// [`Pool::shutdown`], the workers run what is queued and exit on their own.
#[derive(Clone)]
pub struct Pool {
    shared: Arc<Shared>,
    _last: Arc<LastHandle>,
}

struct LastHandle(Arc<Shared>);

impl Drop for LastHandle {
    fn drop(&mut self) {
        let s = &*self.0;
        {
            let mut st = lock(&s.state);
            if st.phase == Phase::Running {
                st.phase = Phase::Draining;
            }
        }
        s.not_empty.notify_all();
        s.not_full.notify_all();
    }
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("workers", &self.workers())
            .field("queued", &self.queued())
            .finish()
    }
}

impl Pool {
    /// Starts a pool sized by `ACTORJS_POOL_SIZE`.
    pub fn from_env() -> io::Result<Pool> {
        Pool::new(PoolConfig::default())
    }

    /// Starts `config.threads` workers.
    pub fn new(config: PoolConfig) -> io::Result<Pool> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                phase: Phase::Running,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity: config.queue_capacity.max(1),
            threads: Mutex::new(Vec::new()),
            live_workers: AtomicUsize::new(0),
            queued: AtomicUsize::new(0),
            spawned: AtomicUsize::new(0),
            replaced: AtomicUsize::new(0),
            name: config.name,
        });
        let pool = Pool {
            _last: Arc::new(LastHandle(shared.clone())),
            shared,
        };
        for _ in 0..config.threads.max(1) {
            if let Err(e) = spawn_worker(&pool.shared) {
                pool.shutdown(false);
                return Err(e);
            }
        }
        Ok(pool)
    }

    /// Queues a task, blocking while the queue is full.
    pub fn submit(&self, task: Box<dyn Task>) -> Result<(), SubmitError> {
        let s = &*self.shared;
        let mut st = lock(&s.state);
        loop {
            if st.phase != Phase::Running {
                return Err(SubmitError::ShutDown(task));
            }
            if st.queue.len() < s.capacity {
                st.queue.push_back(task);
                s.queued.store(st.queue.len(), Ordering::Relaxed);
                drop(st);
                s.not_empty.notify_one();
                return Ok(());
            }
            st = wait(&s.not_full, st);
        }
    }

    /// Queues a task if there is room, without blocking.
    pub fn try_submit(&self, task: Box<dyn Task>) -> Result<(), SubmitError> {
        let s = &*self.shared;
        let mut st = lock(&s.state);
        if st.phase != Phase::Running {
            return Err(SubmitError::ShutDown(task));
        }
        if st.queue.len() >= s.capacity {
            return Err(SubmitError::Full(task));
        }
        st.queue.push_back(task);
        s.queued.store(st.queue.len(), Ordering::Relaxed);
        drop(st);
        s.not_empty.notify_one();
        Ok(())
    }

    /// Queues several tasks, taking the lock once for every run of tasks that fits and blocking
    /// while the queue is full. On shutdown the tasks not yet queued are handed back.
    pub fn submit_batch(&self, tasks: Vec<Box<dyn Task>>) -> Result<(), Vec<Box<dyn Task>>> {
        let s = &*self.shared;
        let mut rest = tasks.into_iter().peekable();
        let mut st = lock(&s.state);
        while rest.peek().is_some() {
            if st.phase != Phase::Running {
                return Err(rest.collect());
            }
            let room = s.capacity.saturating_sub(st.queue.len());
            if room == 0 {
                st = wait(&s.not_full, st);
                continue;
            }
            let before = st.queue.len();
            st.queue.extend(rest.by_ref().take(room));
            s.queued.store(st.queue.len(), Ordering::Relaxed);
            let added = st.queue.len() - before;
            if added == 1 {
                s.not_empty.notify_one();
            } else {
                s.not_empty.notify_all();
            }
        }
        Ok(())
    }

    /// Runs `work` on a worker and passes its result, or the reason it did not run, to `done`
    /// (called on the worker thread). Blocks while the queue is full.
    pub fn spawn<T, F, D>(&self, work: F, done: D) -> Result<(), SubmitError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
        D: FnOnce(Result<T, PoolError>) + Send + 'static,
    {
        self.submit(task_from_fn(work, done))
    }

    /// Tasks waiting in the queue.
    pub fn queued(&self) -> usize {
        lock(&self.shared.state).queue.len()
    }

    /// The queue's capacity.
    pub fn capacity(&self) -> usize {
        self.shared.capacity
    }

    /// Worker threads alive now.
    pub fn workers(&self) -> usize {
        self.shared.live_workers.load(Ordering::SeqCst)
    }

    /// Workers replaced after a panic so far.
    pub fn replaced(&self) -> usize {
        self.shared.replaced.load(Ordering::SeqCst)
    }

    /// Stops the pool. With `drain`, every queued task runs first; otherwise each queued task is
    /// finished with [`PoolError::Cancelled`]. New submissions are refused from now on. Returns
    /// when every worker thread (replacements included) has been joined. Calling it again is a
    /// no-op that still waits for the threads.
    pub fn shutdown(&self, drain: bool) {
        let s = &*self.shared;
        let cancelled = {
            let mut st = lock(&s.state);
            if st.phase == Phase::Running {
                st.phase = if drain {
                    Phase::Draining
                } else {
                    Phase::Stopped
                };
            }
            if st.phase == Phase::Stopped {
                s.queued.store(0, Ordering::Relaxed);
                std::mem::take(&mut st.queue)
            } else {
                VecDeque::new()
            }
        };
        s.not_empty.notify_all();
        s.not_full.notify_all();
        for task in cancelled {
            finish_guarded(task, Err(PoolError::Cancelled));
        }
        // A worker that panics pushes its replacement's handle before it exits, so joining until
        // the list stays empty joins replacements too.
        loop {
            let handles = std::mem::take(&mut *lock(&s.threads));
            if handles.is_empty() {
                break;
            }
            for h in handles {
                let _ = h.join();
            }
        }
    }
}

/// Wraps a closure pair as a [`Task`]: `work` runs on a worker, `done` gets its result or the
/// reason it did not run.
pub fn task_from_fn<T, F, D>(work: F, done: D) -> Box<dyn Task>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
    D: FnOnce(Result<T, PoolError>) + Send + 'static,
{
    struct FnTask<F, T, D> {
        work: Option<F>,
        out: Option<T>,
        done: D,
    }
    impl<T, F, D> Task for FnTask<F, T, D>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
        D: FnOnce(Result<T, PoolError>) + Send + 'static,
    {
        fn run(&mut self) {
            if let Some(work) = self.work.take() {
                self.out = Some(work());
            }
        }
        fn finish(self: Box<Self>, outcome: Result<(), PoolError>) {
            let this = *self;
            let result = match (outcome, this.out) {
                (Ok(()), Some(v)) => Ok(v),
                (Ok(()), None) => Err(PoolError::Cancelled),
                (Err(e), _) => Err(e),
            };
            (this.done)(result);
        }
    }
    Box::new(FnTask {
        work: Some(work),
        out: None,
        done,
    })
}

fn wait<'a, T>(
    cv: &Condvar,
    guard: crate::sync::MutexGuard<'a, T>,
) -> crate::sync::MutexGuard<'a, T> {
    match cv.wait(guard) {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

fn spawn_worker(shared: &Arc<Shared>) -> io::Result<()> {
    let s = shared.clone();
    let n = shared.spawned.fetch_add(1, Ordering::SeqCst);
    let name = format!("{}-{n}", shared.name);
    shared.live_workers.fetch_add(1, Ordering::SeqCst);
    let spawned = spawn_named(name, move || {
        crate::sys::block_async_signals();
        worker(s)
    });
    match spawned {
        Ok(handle) => {
            lock(&shared.threads).push(handle);
            Ok(())
        }
        Err(e) => {
            shared.live_workers.fetch_sub(1, Ordering::SeqCst);
            Err(e)
        }
    }
}

#[cfg(not(loom))]
fn spawn_named<F: FnOnce() + Send + 'static>(
    name: String,
    f: F,
) -> io::Result<thread::JoinHandle<()>> {
    thread::Builder::new().name(name).spawn(f)
}

#[cfg(loom)]
fn spawn_named<F: FnOnce() + Send + 'static>(
    _name: String,
    f: F,
) -> io::Result<thread::JoinHandle<()>> {
    Ok(thread::spawn(f))
}

/// The message of a caught panic (`&str` and `String` payloads; anything else is named as such).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-string payload".to_string()
    }
}

/// Finishes a task; a panic inside `finish` is contained (the task is consumed either way).
fn finish_guarded(task: Box<dyn Task>, outcome: Result<(), PoolError>) -> bool {
    catch_unwind(AssertUnwindSafe(move || task.finish(outcome))).is_ok()
}

/// Watches the queue counter for up to [`SPIN`] before the worker goes to sleep.
#[cfg(not(loom))]
fn spin_for_work(s: &Shared) {
    let start = std::time::Instant::now();
    while start.elapsed() < SPIN {
        for _ in 0..64 {
            if s.queued.load(Ordering::Relaxed) > 0 {
                return;
            }
            std::hint::spin_loop();
        }
        // Let a thread that has real work run on this core.
        std::thread::yield_now();
    }
}

/// Under loom the spin is skipped altogether: it only multiplies the interleavings to explore.
#[cfg(loom)]
fn spin_for_work(_: &Shared) {}

fn worker(s: Arc<Shared>) {
    loop {
        let mut task = {
            let mut st = lock(&s.state);
            let mut spun = cfg!(loom);
            loop {
                if let Some(t) = st.queue.pop_front() {
                    s.queued.store(st.queue.len(), Ordering::Relaxed);
                    break t;
                }
                if st.phase != Phase::Running {
                    s.live_workers.fetch_sub(1, Ordering::SeqCst);
                    return;
                }
                if !spun {
                    spun = true;
                    drop(st);
                    spin_for_work(&s);
                    st = lock(&s.state);
                    continue;
                }
                st = wait(&s.not_empty, st);
            }
        };
        s.not_full.notify_one();
        let ran = catch_unwind(AssertUnwindSafe(|| task.run()));
        let healthy = match ran {
            Ok(()) => finish_guarded(task, Ok(())),
            Err(payload) => {
                let msg = panic_message(&*payload);
                finish_guarded(task, Err(PoolError::Panicked(msg)));
                false
            }
        };
        if !healthy {
            // The thread's state may be damaged: hand over to a fresh thread and leave.
            s.replaced.fetch_add(1, Ordering::SeqCst);
            s.live_workers.fetch_sub(1, Ordering::SeqCst);
            if let Err(e) = spawn_worker(&s) {
                eprintln!("actorjs: could not replace a panicked pool worker: {e}");
            }
            return;
        }
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        // Workers hold the `Arc<Shared>`, so this only runs once every worker has returned.
        debug_assert_eq!(self.live_workers.load(Ordering::SeqCst), 0);
    }
}
