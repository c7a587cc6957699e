//! Replies: the requester's end ([`ReplyFuture`] or a callback) and the actor's end ([`ReplyTo`]).
//!
//! Every request gets exactly one answer. The actor answers with [`ReplyTo::send`]; if it drops the
//! `ReplyTo` instead (it forgot, it panicked, it was stopped with the request still queued) the
//! requester gets an [`ActorError`] that says which. A `ReplyTo` is `Send`: an actor may hand it to a
//! pool worker, which answers directly when the blocking work is done.
//!
//! A future's slot is a mutex-guarded state machine, so answering and dropping the future may race
//! from any two threads: the value is dropped exactly once, by whichever side sees the other gone
//! (`tests/loom_reply.rs`).

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll, Waker};

use reactor::sync::{Arc, Mutex, lock};

use crate::error::{ActorError, StopReason};

thread_local! {
    /// Set while the system tears an actor down, so the requests it drops say why.
    static TEARDOWN: RefCell<Option<(&'static str, StopReason)>> = const { RefCell::new(None) };
}

/// Runs `f` with the teardown reason of the actor being stopped in scope.
pub(crate) fn with_teardown<T>(
    kind: &'static str,
    reason: &StopReason,
    f: impl FnOnce() -> T,
) -> T {
    let prev = TEARDOWN.with(|t| t.replace(Some((kind, reason.clone()))));
    struct Restore(Option<(&'static str, StopReason)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let prev = self.0.take();
            TEARDOWN.with(|t| *t.borrow_mut() = prev);
        }
    }
    let _restore = Restore(prev);
    f()
}

fn dropped_error(kind: &'static str) -> ActorError {
    if let Some((k, reason)) = TEARDOWN.with(|t| t.borrow().clone()) {
        return ActorError::Stopped { kind: k, reason };
    }
    if std::thread::panicking() {
        return ActorError::Stopped {
            kind,
            reason: StopReason::Panicked("the handler panicked while holding this request".into()),
        };
    }
    ActorError::NoReply { kind }
}

enum State<R> {
    Waiting(Option<Waker>),
    Done(Result<R, ActorError>),
    Taken,
    Abandoned,
}

struct Slot<R> {
    state: Mutex<State<R>>,
}

enum Target<R> {
    Nobody,
    Slot(Arc<Slot<R>>),
    Post(Box<dyn FnOnce(Result<R, ActorError>) + Send>),
}

/// The actor's end of a request: answer it exactly once with [`send`](Self::send) or
/// [`fail`](Self::fail). Dropping it answers with an error.
pub struct ReplyTo<R: Send + 'static> {
    target: Target<R>,
    kind: &'static str,
}

impl<R: Send + 'static> ReplyTo<R> {
    /// A reply nobody waits for (fire-and-forget messages).
    pub fn nobody() -> ReplyTo<R> {
        ReplyTo {
            target: Target::Nobody,
            kind: "",
        }
    }

    /// A reply delivered to `f`, on whichever thread answers. Hosts use it to route replies into
    /// their own queues.
    pub fn from_fn(
        kind: &'static str,
        f: impl FnOnce(Result<R, ActorError>) + Send + 'static,
    ) -> ReplyTo<R> {
        ReplyTo {
            target: Target::Post(Box::new(f)),
            kind,
        }
    }

    /// A reply and the future that receives it.
    pub fn future(kind: &'static str) -> (ReplyTo<R>, ReplyFuture<R>) {
        let slot = Arc::new(Slot {
            state: Mutex::new(State::Waiting(None)),
        });
        (
            ReplyTo {
                target: Target::Slot(slot.clone()),
                kind,
            },
            ReplyFuture {
                inner: FutureInner::Slot(slot),
            },
        )
    }

    /// Answers the request.
    pub fn send(mut self, value: R) {
        self.complete(Ok(value));
    }

    /// Answers the request with an error.
    pub fn fail(mut self, err: ActorError) {
        self.complete(Err(err));
    }

    /// Whether anyone is waiting: false for [`nobody`](Self::nobody) and once a future was dropped.
    /// Work whose answer nobody wants may be skipped.
    pub fn is_wanted(&self) -> bool {
        match &self.target {
            Target::Nobody => false,
            Target::Post(_) => true,
            Target::Slot(slot) => !matches!(*lock(&slot.state), State::Abandoned),
        }
    }

    fn complete(&mut self, result: Result<R, ActorError>) {
        match std::mem::replace(&mut self.target, Target::Nobody) {
            Target::Nobody => {}
            Target::Post(f) => f(result),
            Target::Slot(slot) => {
                let mut st = lock(&slot.state);
                match std::mem::replace(&mut *st, State::Taken) {
                    State::Waiting(waker) => {
                        *st = State::Done(result);
                        drop(st);
                        if let Some(w) = waker {
                            w.wake();
                        }
                    }
                    State::Abandoned => {
                        *st = State::Abandoned;
                        drop(st);
                        // Nobody will read it: it is dropped here, outside the lock.
                        drop(result);
                    }
                    other => {
                        *st = other;
                        unreachable!("a reply slot is completed once");
                    }
                }
            }
        }
    }
}

impl<R: Send + 'static> Drop for ReplyTo<R> {
    fn drop(&mut self) {
        if !matches!(self.target, Target::Nobody) {
            let err = dropped_error(self.kind);
            self.complete(Err(err));
        }
    }
}

impl<R: Send + 'static> fmt::Debug for ReplyTo<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let to = match self.target {
            Target::Nobody => "nobody",
            Target::Slot(_) => "future",
            Target::Post(_) => "callback",
        };
        write!(f, "ReplyTo({to})")
    }
}

enum FutureInner<R> {
    Slot(Arc<Slot<R>>),
    Ready(Option<Result<R, ActorError>>),
}

/// The requester's end of a request: a `std::future::Future` any executor can await, or
/// [`wait`](Self::wait) for blocking callers outside the reactor thread.
pub struct ReplyFuture<R> {
    inner: FutureInner<R>,
}

impl<R> ReplyFuture<R> {
    /// A future that is already answered.
    pub fn ready(result: Result<R, ActorError>) -> ReplyFuture<R> {
        ReplyFuture {
            inner: FutureInner::Ready(Some(result)),
        }
    }

    /// Takes the answer if it has arrived.
    pub fn try_take(&mut self) -> Option<Result<R, ActorError>> {
        match &mut self.inner {
            FutureInner::Ready(r) => r.take(),
            FutureInner::Slot(slot) => {
                let mut st = lock(&slot.state);
                match std::mem::replace(&mut *st, State::Taken) {
                    State::Done(r) => Some(r),
                    other => {
                        *st = other;
                        None
                    }
                }
            }
        }
    }

    /// Blocks the calling thread until the answer arrives. Never call it on the reactor thread
    /// that must produce the answer: that thread would wait for itself.
    pub fn wait(mut self) -> Result<R, ActorError> {
        struct Unpark(std::thread::Thread);
        impl std::task::Wake for Unpark {
            fn wake(self: std::sync::Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
        let mut cx = TaskContext::from_waker(&waker);
        loop {
            if let Poll::Ready(r) = Pin::new(&mut self).poll(&mut cx) {
                return r;
            }
            std::thread::park();
        }
    }
}

// The answer is only ever moved out by value, never pinned in place.
impl<R> Unpin for ReplyFuture<R> {}

impl<R> Future for ReplyFuture<R> {
    type Output = Result<R, ActorError>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        match &mut this.inner {
            FutureInner::Ready(r) => {
                Poll::Ready(r.take().expect("ReplyFuture polled after completion"))
            }
            FutureInner::Slot(slot) => {
                let mut st = lock(&slot.state);
                match std::mem::replace(&mut *st, State::Taken) {
                    State::Done(r) => Poll::Ready(r),
                    State::Waiting(_) => {
                        *st = State::Waiting(Some(cx.waker().clone()));
                        Poll::Pending
                    }
                    State::Taken | State::Abandoned => {
                        panic!("ReplyFuture polled after completion")
                    }
                }
            }
        }
    }
}

impl<R> Drop for ReplyFuture<R> {
    fn drop(&mut self) {
        if let FutureInner::Slot(slot) = &self.inner {
            let old = std::mem::replace(&mut *lock(&slot.state), State::Abandoned);
            // An answer that arrived but was never read is dropped here, outside the lock.
            drop(old);
        }
    }
}

impl<R> fmt::Debug for ReplyFuture<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReplyFuture(..)")
    }
}
