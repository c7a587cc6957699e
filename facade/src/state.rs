//! Per-context runtime state the ops share with the host: the actor system, and the table of
//! requests waiting for actors to answer.
//!
//! An async op registers what waits for its answer (a JS callback or a promise) and gets a
//! [`RequestId`]; the actor's reply, which arrives during the host's poll phase, is queued as a
//! [`Completion`] holding a closure that turns the Rust result into a JS value. The host drains
//! the queue after the poll, one completion per callback, so no JS runs while the actor system
//! is busy and completions that arrived in one loop turn are delivered as one batch.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

use actors::System;
use actors::pool::DiskPool;
use actors::{ActorError, Addr, ReplyTo};
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsObject, JsValue};
use slab::Slab;

use crate::authority::Authority;
use crate::fds::FdTable;
use crate::ops::OpResult;

/// Names a waiting request.
pub type RequestId = usize;

/// Turns an answer into the JS value delivered to the waiter.
pub type Deliver = Box<dyn FnOnce(&mut Context) -> OpResult>;

/// Runs an event's JS callback (a socket's data, a server's connection); an error it returns is
/// an exception that escaped the callback.
pub type Event = Box<dyn FnOnce(&mut Context) -> boa_engine::JsResult<()>>;

/// What the host delivers after the poll phase, in arrival order.
pub enum Completion {
    /// The answer to a waiting request.
    Answer {
        /// Which request.
        id: RequestId,
        /// Its answer.
        deliver: Deliver,
    },
    /// Something a resource reported on its own (no request waits for it).
    Event(Event),
}

/// What waits for an answer.
pub enum Waiter {
    /// A Node-style callback: called as `cb(null, value)` or `cb(err)`.
    Callback(JsObject),
    /// A promise's resolving functions.
    Promise {
        /// Fulfils it.
        resolve: JsObject,
        /// Rejects it.
        reject: JsObject,
    },
}

struct Entry {
    waiter: Waiter,
    refed: bool,
    /// The async context frame a callback runs in: the one current when the request started
    /// (a promise's reactions keep their own).
    frame: JsValue,
}

/// The requests waiting for answers.
#[derive(Default)]
pub struct Requests {
    /// The context's async context frame, which callbacks capture.
    pub frame: AsyncFrame,
    // Request ids never outlive their entry (an answer finishes its request exactly once), so a
    // plain slab suffices.
    waiting: RefCell<Slab<Entry>>,
    refed: Cell<usize>,
    completions: Rc<RefCell<VecDeque<Completion>>>,
}

impl Requests {
    /// Registers a waiter. Ref'd requests keep the process alive.
    pub fn start(&self, waiter: Waiter, refed: bool) -> RequestId {
        if refed {
            self.refed.set(self.refed.get() + 1);
        }
        let frame = match waiter {
            Waiter::Callback(_) => self.frame.get(),
            Waiter::Promise { .. } => JsValue::undefined(),
        };
        self.waiting.borrow_mut().insert(Entry {
            waiter,
            refed,
            frame,
        })
    }

    /// Registers a callback waiter.
    pub fn start_callback(&self, callback: JsObject) -> RequestId {
        self.start(Waiter::Callback(callback), true)
    }

    /// Registers a promise waiter and returns the promise.
    pub fn start_promise(&self, cx: &mut Context) -> (RequestId, JsPromise) {
        let (promise, fns) = JsPromise::new_pending(cx);
        let id = self.start(
            Waiter::Promise {
                resolve: fns.resolve.into(),
                reject: fns.reject.into(),
            },
            true,
        );
        (id, promise)
    }

    /// Queues the answer to `id`; it is delivered after the current poll phase.
    pub fn complete(&self, id: RequestId, deliver: Deliver) {
        self.completer().complete(id, deliver);
    }

    /// A handle that queues answers, for closures that outlive the borrow of the state.
    pub fn completer(&self) -> Completer {
        Completer {
            completions: self.completions.clone(),
        }
    }

    /// Makes a waiting request keep the process alive, or stop keeping it (a read on a stream
    /// that was paused: it may go on waiting while the process ends). False if `id` is done.
    pub fn set_ref(&self, id: RequestId, refed: bool) -> bool {
        let mut waiting = self.waiting.borrow_mut();
        let Some(entry) = waiting.get_mut(id) else {
            return false;
        };
        if entry.refed != refed {
            entry.refed = refed;
            let n = self.refed.get();
            self.refed.set(if refed { n + 1 } else { n - 1 });
        }
        true
    }

    /// Removes a request and returns its waiter and the async context frame to deliver in
    /// (for delivery, or to cancel it).
    pub fn finish(&self, id: RequestId) -> Option<(Waiter, JsValue)> {
        let entry = self.waiting.borrow_mut().try_remove(id)?;
        if entry.refed {
            self.refed.set(self.refed.get() - 1);
        }
        Some((entry.waiter, entry.frame))
    }

    /// The next answered request, in arrival order.
    pub fn next_completion(&self) -> Option<Completion> {
        self.completions.borrow_mut().pop_front()
    }

    /// Whether answers wait for delivery.
    pub fn has_completions(&self) -> bool {
        !self.completions.borrow().is_empty()
    }

    /// Ref'd requests still waiting.
    pub fn refed(&self) -> usize {
        self.refed.get()
    }
}

/// The current async context frame (node's `AsyncContextFrame`, which V8 keeps as its
/// continuation-preserved embedder data): the stores of the `AsyncLocalStorage`s, as one JS
/// value, or undefined where no store was ever entered. Whatever schedules a callback (a promise
/// reaction, a tick, a timer, a request, a socket) keeps the frame current then, and the
/// callback runs in it; the event loop goes back to undefined after each callback.
#[derive(Clone, Default)]
pub struct AsyncFrame(Rc<RefCell<JsValue>>);

impl AsyncFrame {
    /// The current frame.
    pub fn get(&self) -> JsValue {
        self.0.borrow().clone()
    }

    /// Makes `frame` current and returns the one before.
    pub fn exchange(&self, frame: JsValue) -> JsValue {
        std::mem::replace(&mut *self.0.borrow_mut(), frame)
    }
}

/// Queues answers (see [`Requests::completer`]).
#[derive(Clone)]
pub struct Completer {
    completions: Rc<RefCell<VecDeque<Completion>>>,
}

impl Completer {
    /// Queues the answer to `id`.
    pub fn complete(&self, id: RequestId, deliver: Deliver) {
        self.completions
            .borrow_mut()
            .push_back(Completion::Answer { id, deliver });
    }

    /// Queues an event, delivered with the answers in arrival order.
    pub fn post(&self, event: Event) {
        self.completions
            .borrow_mut()
            .push_back(Completion::Event(event));
    }
}

/// The state every op can reach through the context (`state(cx)`).
pub struct State {
    /// The actor system on this thread.
    pub system: RefCell<System>,
    /// Requests waiting for actors.
    pub requests: Requests,
    /// The disk pool actor.
    pub disk: Addr<DiskPool>,
    /// The numbers JS sees as fds.
    pub fds: RefCell<FdTable>,
    /// Network handles (sockets and servers).
    pub net: RefCell<crate::node::net::Handles>,
    /// The JS side of `EventEmitter.prototype.emit`.
    pub emit: RefCell<crate::node::events::Emit>,
    /// `fs.watch`'s watcher actor and callbacks.
    pub watch: RefCell<crate::node::fs_watch::Watches>,
    /// `process.on(<signal>)`'s signal actor and callback.
    pub signals: RefCell<crate::node::signals::SignalState>,
    /// `actorjs:fs`'s lock actors.
    pub locks: RefCell<crate::node::fs_lock::Locks>,
    /// What this context may reach outside itself.
    pub authority: Arc<Authority>,
    /// The authority's epoch when the handles were last checked against it.
    seen_epoch: Cell<u64>,
    /// The code `process.exit` (or a fatal exception) ended the script with, when the host
    /// unwinds rather than ending the process; once set, no more JS runs.
    exit: Cell<Option<i32>>,
}

impl State {
    /// A state around a fresh system, with `authority`.
    pub fn new(system: System, authority: Arc<Authority>) -> State {
        State::with_requests(system, authority, Requests::default())
    }

    /// As [`State::new`], with a request table made beforehand (the host's promise hooks share
    /// its async context frame).
    pub fn with_requests(
        mut system: System,
        authority: Arc<Authority>,
        requests: Requests,
    ) -> State {
        let disk = system.spawn(DiskPool);
        if !authority.is_full() {
            authority.set_waker(system.handle());
        }
        State {
            seen_epoch: Cell::new(authority.epoch()),
            authority,
            system: RefCell::new(system),
            requests,
            disk,
            fds: RefCell::new(FdTable::default()),
            net: RefCell::default(),
            emit: RefCell::default(),
            watch: RefCell::default(),
            signals: RefCell::default(),
            locks: RefCell::default(),
            exit: Cell::new(None),
        }
    }

    /// Records that the script ended with `code` (the first code wins).
    pub fn request_exit(&self, code: i32) {
        if self.exit.get().is_none() {
            self.exit.set(Some(code));
        }
    }

    /// The code the script ended with, if it has.
    pub fn exit_requested(&self) -> Option<i32> {
        self.exit.get()
    }

    /// If the authority narrowed since the last look, closes every handle it no longer
    /// covers: files, sockets and servers, watchers. Cheap when it did not (one atomic load).
    pub fn sweep_if_narrowed(&self) {
        let epoch = self.authority.epoch();
        if epoch == self.seen_epoch.get() {
            return;
        }
        self.seen_epoch.set(epoch);
        let closed = self.fds.borrow_mut().sweep(&self.authority);
        for held in closed {
            let _ = held.close();
        }
        crate::node::net::sweep(self);
        crate::node::fs_watch::sweep(self);
        crate::node::fs_lock::sweep(self);
    }

    /// A [`ReplyTo`] that delivers its answer to request `id` through `convert`.
    pub fn reply_to<R: Send + 'static>(
        &self,
        id: RequestId,
        convert: impl FnOnce(Result<R, ActorError>, &mut Context) -> OpResult + 'static,
    ) -> ReplyTo<R> {
        let completer = self.requests.completer();
        self.system
            .borrow_mut()
            .callback(move |result: Result<R, ActorError>| {
                completer.complete(id, Box::new(move |cx| convert(result, cx)));
            })
    }
}

/// The state of the context `cx`. Panics if the host did not install one, which is a bug.
pub fn state(cx: &Context) -> Rc<State> {
    cx.get_data::<Rc<State>>()
        .cloned()
        .expect("the host installs the facade state before running JS")
}
