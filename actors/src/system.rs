//! The actor system: the actor table, mailboxes, dispatch, supervision and liveness, on one
//! reactor thread.
//!
//! # How a message travels
//!
//! [`Addr::send_with`] wraps the message and its [`ReplyTo`] in an envelope and posts it. On the
//! reactor thread, while the system is running, the post goes onto a thread-local queue; from any
//! other thread it goes through the reactor's [inbox](reactor::Inbox), which wakes the reactor if it
//! sleeps. The system moves envelopes into the recipient's mailbox and runs actors from a run queue,
//! up to [`BUDGET`] messages per actor per turn so that a busy actor cannot starve the others. A
//! stop or kill request skips the mailbox.
//!
//! # Supervision
//!
//! Every call into an actor runs under `catch_unwind`. A panic stops that actor: its registrations
//! and timers are removed, it is dropped (closing its resource), every message still in its mailbox
//! fails with [`ActorError::Stopped`], its monitors get [`Down`], and actors linked to it are
//! stopped in turn. Nothing else is disturbed.

use std::any::Any;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::io;
use std::os::fd::RawFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc as StdArc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use reactor::{Interest, Pool, Reactor, Ready, Sender, SubmitError, Task, TimerKey, Token};
use slab::Slab;

use crate::actor::{Actor, Down, Handler, Message};
use crate::addr::Addr;
use crate::context::Context;
use crate::envelope::Envelope;
use crate::error::{ActorError, StopReason};
use crate::id::ActorId;
use crate::reply::{ReplyFuture, ReplyTo, with_teardown};
use crate::rights::Rights;

/// Messages an actor handles in one go before others get a turn.
pub const BUDGET: usize = 64;

/// How long the reactor watches its inbox before sleeping while pool work is in flight.
const SPIN_WHILE_IN_FLIGHT: Duration = Duration::from_micros(50);

pub(crate) type Rx = Reactor<Core>;

/// Work for the reactor thread, sent from anywhere.
pub(crate) type RunFn = Box<dyn FnOnce(&mut Core, &mut Rx) + Send>;
/// Work for the reactor thread, made on it.
pub(crate) type LocalFn = Box<dyn FnOnce(&mut Core, &mut Rx)>;

/// What reaches the system from outside an actor's handler.
pub(crate) enum Remote {
    /// A message for an actor's mailbox.
    Deliver(ActorId, Box<dyn Envelope>),
    /// A priority stop or kill.
    Stop(ActorId, StopReason),
    /// Work to run on the reactor thread with the system at hand.
    Run(RunFn),
    /// The answer for a callback registered with [`System::callback`].
    Callback(usize, u64, Box<dyn Any + Send>),
    /// Nothing: makes the reactor look at its overflow queue again.
    Wake,
}

/// A timer's action.
pub(crate) enum TimerAction {
    Remote(Remote),
    Local(LocalFn),
}

/// How addresses reach their system.
pub(crate) struct Link {
    system: u64,
    sender: Sender<Remote>,
}

struct Local {
    /// The system running on this thread right now (0: none).
    current: u64,
    queue: VecDeque<Remote>,
}

thread_local! {
    static LOCAL: RefCell<Local> = const {
        RefCell::new(Local {
            current: 0,
            queue: VecDeque::new(),
        })
    };
}

/// Posts to a system: straight onto the local queue when that system is running on this thread,
/// through its inbox otherwise. Hands the item back if the system is gone.
pub(crate) fn post(link: &Link, remote: Remote) -> Result<(), Remote> {
    let remote = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if l.current == link.system {
            l.queue.push_back(remote);
            None
        } else {
            Some(remote)
        }
    });
    match remote {
        None => Ok(()),
        Some(remote) => link.sender.post(remote).map_err(|c| c.0),
    }
}

/// Like [`post`], failing a delivery whose system is gone instead of handing it back.
pub(crate) fn post_from_anywhere(link: &Link, remote: Remote) {
    if let Err(Remote::Deliver(_, env)) = post(link, remote) {
        env.fail(ActorError::SystemGone);
    }
}

static NEXT_SYSTEM: AtomicU64 = AtomicU64::new(1);

/// Counters other threads update.
struct Shared {
    /// Pool tasks submitted and not yet finished.
    in_flight: AtomicUsize,
    /// The overflow queue is not empty: finishing tasks should wake the reactor.
    overflow_waiting: AtomicBool,
}

/// An actor with its type erased.
pub(crate) trait AnyActor {
    fn as_any(&mut self) -> &mut dyn Any;
    fn holds(&self) -> String;
    fn started(&mut self, core: &mut Core, rx: &mut Rx, id: ActorId);
    fn ready(&mut self, token: Token, ready: Ready, core: &mut Core, rx: &mut Rx, id: ActorId);
    fn stopping(&mut self, core: &mut Core, rx: &mut Rx, id: ActorId);
}

impl<A: Actor> AnyActor for A {
    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
    fn holds(&self) -> String {
        Actor::holds(self)
    }
    fn started(&mut self, core: &mut Core, rx: &mut Rx, id: ActorId) {
        Actor::started(self, &mut Context::new(id, core, rx));
    }
    fn ready(&mut self, token: Token, ready: Ready, core: &mut Core, rx: &mut Rx, id: ActorId) {
        Actor::ready(self, token, ready, &mut Context::new(id, core, rx));
    }
    fn stopping(&mut self, core: &mut Core, rx: &mut Rx, id: ActorId) {
        Actor::stopping(self, &mut Context::new(id, core, rx));
    }
}

type Monitor = Box<dyn FnOnce(&Down) -> Option<Remote>>;

/// A host callback behind a trampoline that knows the answer's type.
type Callback = Box<dyn FnOnce(Box<dyn Any + Send>)>;

struct Entry {
    /// `None` while one of its handlers runs (or while it starts).
    actor: Option<Box<dyn AnyActor>>,
    kind: &'static str,
    generation: u32,
    mailbox: VecDeque<Box<dyn Envelope>>,
    /// In the run queue.
    scheduled: bool,
    /// Whether its owner wants it to keep the system alive (`ref`/`unref`).
    refed: bool,
    /// Whether it is doing something (libuv's active handle: a socket reading, connecting or
    /// with writes queued). Only an actor both ref'd and active keeps the system alive.
    active: bool,
    tokens: Vec<Token>,
    timers: Vec<TimerKey>,
    monitors: Vec<Monitor>,
    links: Vec<ActorId>,
    /// Asked to stop while running; acted on when the handler returns.
    stop: Option<StopReason>,
}

impl Entry {
    fn keeps_alive(&self) -> bool {
        self.refed && self.active
    }
}

/// One live actor, as [`System::live_actors`] lists it.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    /// Its id.
    pub id: ActorId,
    /// Its kind.
    pub kind: &'static str,
    /// What it holds (its [`Actor::holds`]).
    pub holds: String,
    /// Whether it keeps the system alive.
    pub refed: bool,
    /// Messages waiting in its mailbox.
    pub queued: usize,
}

impl fmt::Display for ActorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.id)?;
        if !self.holds.is_empty() {
            write!(f, " {}", self.holds)?;
        }
        if self.refed {
            f.write_str(" (ref'd)")?;
        }
        if self.queued > 0 {
            write!(f, " [{} queued]", self.queued)?;
        }
        Ok(())
    }
}

/// What keeps a system alive: it is alive while any count is above zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Liveness {
    /// Actors that are ref'd and active.
    pub refed_actors: usize,
    /// Timers that are ref'd.
    pub refed_timers: usize,
    /// Pool tasks submitted and not finished, queued or overflowing.
    pub in_flight: usize,
    /// Callbacks registered with [`System::callback`] and not yet answered.
    pub pending_callbacks: usize,
    /// Messages and completions not yet handled.
    pub queued: usize,
}

impl Liveness {
    /// Whether anything keeps the system alive.
    pub fn is_alive(&self) -> bool {
        self.refed_actors
            + self.refed_timers
            + self.in_flight
            + self.pending_callbacks
            + self.queued
            > 0
    }
}

/// The actor table and its queues. Driven through [`System`].
pub(crate) struct Core {
    entries: Slab<Entry>,
    generations: Vec<u32>,
    run_queue: VecDeque<ActorId>,
    pending: VecDeque<Remote>,
    owners: HashMap<Token, ActorId>,
    callbacks: Slab<(u64, Callback)>,
    /// The slots of `callbacks` that do not keep the system alive ([`System::detached_callback`]).
    detached: HashSet<usize>,
    next_callback: u64,
    link: StdArc<Link>,
    shared: StdArc<Shared>,
    pool: Pool,
    overflow: VecDeque<Box<dyn Task>>,
    refed: usize,
    link_exits: VecDeque<(ActorId, StopReason)>,
}

impl Core {
    pub(crate) fn link(&self) -> StdArc<Link> {
        self.link.clone()
    }

    pub(crate) fn pool(&self) -> &Pool {
        &self.pool
    }

    fn entry(&self, id: ActorId) -> Option<&Entry> {
        self.entries
            .get(id.index as usize)
            .filter(|e| e.generation == id.generation)
    }

    fn entry_mut(&mut self, id: ActorId) -> Option<&mut Entry> {
        self.entries
            .get_mut(id.index as usize)
            .filter(|e| e.generation == id.generation)
    }

    pub(crate) fn spawn<A: Actor>(&mut self, rx: &mut Rx, actor: A) -> Addr<A> {
        let index = self.entries.vacant_key();
        if index >= self.generations.len() {
            self.generations.resize(index + 1, 0);
        }
        let generation = self.generations[index];
        self.entries.insert(Entry {
            actor: None,
            kind: A::KIND,
            generation,
            mailbox: VecDeque::new(),
            scheduled: false,
            refed: true,
            active: true,
            tokens: Vec::new(),
            timers: Vec::new(),
            monitors: Vec::new(),
            links: Vec::new(),
            stop: None,
        });
        self.refed += 1;
        let id = ActorId {
            index: index as u32,
            generation,
        };
        let mut boxed: Box<dyn AnyActor> = Box::new(actor);
        let started = catch_unwind(AssertUnwindSafe(|| boxed.started(self, rx, id)));
        self.after_run(rx, id, boxed, started.err());
        Addr::new(id, self.link.clone())
    }

    /// Puts an actor back after one of its handlers ran, or stops it.
    fn after_run(
        &mut self,
        rx: &mut Rx,
        id: ActorId,
        actor: Box<dyn AnyActor>,
        panic: Option<Box<dyn Any + Send>>,
    ) {
        if let Some(payload) = panic {
            let reason = StopReason::Panicked(reactor::panic_message(&*payload));
            self.teardown(rx, id, Some(actor), reason);
            return;
        }
        let Some(e) = self.entry_mut(id) else {
            return;
        };
        if let Some(reason) = e.stop.take() {
            self.teardown(rx, id, Some(actor), reason);
            return;
        }
        e.actor = Some(actor);
        if !e.mailbox.is_empty() && !e.scheduled {
            e.scheduled = true;
            self.run_queue.push_back(id);
        }
    }

    fn deliver(&mut self, id: ActorId, env: Box<dyn Envelope>) {
        let Some(e) = self.entry_mut(id) else {
            env.fail(ActorError::NotFound { kind: "" });
            return;
        };
        e.mailbox.push_back(env);
        if !e.scheduled && e.actor.is_some() {
            e.scheduled = true;
            self.run_queue.push_back(id);
        }
    }

    fn run_actor(&mut self, rx: &mut Rx, id: ActorId) {
        let Some(e) = self.entry_mut(id) else {
            return;
        };
        e.scheduled = false;
        let Some(mut actor) = e.actor.take() else {
            return;
        };
        for _ in 0..BUDGET {
            let Some(e) = self.entry_mut(id) else {
                break;
            };
            if e.stop.is_some() {
                break;
            }
            let Some(env) = e.mailbox.pop_front() else {
                break;
            };
            let ran = catch_unwind(AssertUnwindSafe(|| {
                env.deliver(actor.as_any(), self, rx, id);
            }));
            if let Err(payload) = ran {
                self.after_run(rx, id, actor, Some(payload));
                return;
            }
        }
        self.after_run(rx, id, actor, None);
    }

    /// Runs `f` on actor `id` now if it is idle: not running, not stopping, and with nothing in
    /// its mailbox once every message already posted on this thread has been delivered (the
    /// caller drains the inbox first).
    fn call_now<A: Actor, R>(
        &mut self,
        rx: &mut Rx,
        id: ActorId,
        f: impl FnOnce(&mut A, &mut Context<'_, A>) -> R,
    ) -> Option<R> {
        self.absorb(rx);
        let e = self.entry_mut(id)?;
        if !e.mailbox.is_empty() || e.stop.is_some() {
            return None;
        }
        let mut actor = e.actor.take()?;
        let ran = catch_unwind(AssertUnwindSafe(|| {
            let a = actor
                .as_any()
                .downcast_mut::<A>()
                .expect("an address names an actor of its own type");
            f(a, &mut Context::new(id, self, rx))
        }));
        match ran {
            Ok(r) => {
                self.after_run(rx, id, actor, None);
                Some(r)
            }
            Err(payload) => {
                self.after_run(rx, id, actor, Some(payload));
                None
            }
        }
    }

    fn run_ready(&mut self, rx: &mut Rx, id: ActorId, token: Token, ready: Ready) {
        let Some(mut actor) = self.entry_mut(id).and_then(|e| e.actor.take()) else {
            return;
        };
        let ran = catch_unwind(AssertUnwindSafe(|| actor.ready(token, ready, self, rx, id)));
        self.after_run(rx, id, actor, ran.err());
    }

    /// A stop asked for from outside the actor: acted on now, or when its handler returns.
    fn request_stop(&mut self, rx: &mut Rx, id: ActorId, reason: StopReason) {
        let Some(e) = self.entry_mut(id) else {
            return;
        };
        match e.actor.take() {
            Some(actor) => self.teardown(rx, id, Some(actor), reason),
            None => {
                e.stop.get_or_insert(reason);
            }
        }
    }

    pub(crate) fn stop_self(&mut self, id: ActorId, reason: StopReason) {
        if let Some(e) = self.entry_mut(id) {
            e.stop.get_or_insert(reason);
        }
    }

    fn teardown(
        &mut self,
        rx: &mut Rx,
        id: ActorId,
        actor: Option<Box<dyn AnyActor>>,
        reason: StopReason,
    ) {
        let mut actor = actor;
        let mut reason = reason;
        if reason == StopReason::Normal
            && let Some(a) = actor.as_mut()
        {
            // Mark it stopping so that a stop requested by the hook itself is not acted on twice.
            if let Some(e) = self.entry_mut(id) {
                e.stop = Some(StopReason::Normal);
            }
            if let Err(payload) = catch_unwind(AssertUnwindSafe(|| a.stopping(self, rx, id))) {
                reason = StopReason::Panicked(reactor::panic_message(&*payload));
            }
        }
        let Some(e) = self.entry(id) else {
            return;
        };
        debug_assert_eq!(e.generation, id.generation);
        let e = self.entries.remove(id.index as usize);
        self.generations[id.index as usize] = e.generation.wrapping_add(1);
        if e.keeps_alive() {
            self.refed -= 1;
        }
        for token in &e.tokens {
            self.owners.remove(token);
            let _ = rx.deregister(*token);
        }
        for key in &e.timers {
            rx.timers().cancel(*key);
        }
        let kind = e.kind;
        with_teardown(kind, &reason, || {
            drop(actor.take());
            for env in e.mailbox {
                env.fail(ActorError::Stopped {
                    kind,
                    reason: reason.clone(),
                });
            }
        });
        let down = Down { id, kind, reason };
        for m in e.monitors {
            if let Some(remote) = m(&down) {
                self.pending.push_back(remote);
            }
        }
        if down.reason.is_abnormal() {
            for other in e.links {
                self.link_exits
                    .push_back((other, StopReason::LinkExited { id, kind }));
            }
        }
    }

    pub(crate) fn link_actors(&mut self, a: ActorId, b: ActorId) {
        if a == b {
            return;
        }
        match (self.entry(a).is_some(), self.entry(b).is_some()) {
            (true, true) => {
                self.entry_mut(a).expect("checked").links.push(b);
                self.entry_mut(b).expect("checked").links.push(a);
            }
            (true, false) => {
                // Linking to an actor that is already gone stops the caller, as in Erlang.
                self.link_exits
                    .push_back((a, StopReason::LinkExited { id: b, kind: "" }));
            }
            _ => {}
        }
    }

    pub(crate) fn monitor(&mut self, target: ActorId, m: Monitor) {
        match self.entry_mut(target) {
            Some(e) => e.monitors.push(m),
            None => {
                let down = Down {
                    id: target,
                    kind: "",
                    reason: StopReason::Gone,
                };
                if let Some(remote) = m(&down) {
                    self.pending.push_back(remote);
                }
            }
        }
    }

    pub(crate) fn set_ref(&mut self, id: ActorId, refed: bool) {
        self.update_liveness(id, |e| e.refed = refed);
    }

    pub(crate) fn set_active(&mut self, id: ActorId, active: bool) {
        self.update_liveness(id, |e| e.active = active);
    }

    /// Changes an entry's ref or activity, keeping the count of actors that keep the system
    /// alive.
    fn update_liveness(&mut self, id: ActorId, change: impl FnOnce(&mut Entry)) {
        if let Some(e) = self.entry_mut(id) {
            let before = e.keeps_alive();
            change(e);
            match (before, e.keeps_alive()) {
                (false, true) => self.refed += 1,
                (true, false) => self.refed -= 1,
                _ => {}
            }
        }
    }

    pub(crate) fn is_refed(&self, id: ActorId) -> bool {
        self.entry(id).is_some_and(|e| e.refed)
    }

    pub(crate) fn register(
        &mut self,
        rx: &mut Rx,
        id: ActorId,
        fd: RawFd,
        interest: Interest,
    ) -> io::Result<Token> {
        let token = rx.register(fd, interest)?;
        self.owners.insert(token, id);
        if let Some(e) = self.entry_mut(id) {
            e.tokens.push(token);
        }
        Ok(token)
    }

    pub(crate) fn deregister(&mut self, rx: &mut Rx, id: ActorId, token: Token) -> io::Result<()> {
        self.owners.remove(&token);
        if let Some(e) = self.entry_mut(id) {
            e.tokens.retain(|t| *t != token);
        }
        rx.deregister(token)
    }

    pub(crate) fn own_timer(&mut self, id: ActorId, key: TimerKey) {
        if let Some(e) = self.entry_mut(id) {
            e.timers.push(key);
        }
    }

    pub(crate) fn disown_timer(&mut self, id: ActorId, key: TimerKey) {
        if let Some(e) = self.entry_mut(id) {
            e.timers.retain(|k| *k != key);
        }
    }

    /// Submits a task to the pool without ever blocking: when the pool's queue is full, tasks wait
    /// here in order and are retried as tasks finish.
    pub(crate) fn submit(&mut self, task: Box<dyn Task>) {
        self.shared.in_flight.fetch_add(1, Ordering::SeqCst);
        let task = Box::new(Tracked {
            inner: Some(task),
            shared: self.shared.clone(),
            link: self.link.clone(),
        });
        if !self.overflow.is_empty() {
            self.overflow.push_back(task);
            return;
        }
        self.try_submit(task);
    }

    fn try_submit(&mut self, task: Box<dyn Task>) -> bool {
        match self.pool.try_submit(task) {
            Ok(()) => true,
            Err(SubmitError::Full(task)) => {
                self.overflow.push_front(task);
                self.shared.overflow_waiting.store(true, Ordering::SeqCst);
                false
            }
            Err(SubmitError::ShutDown(task)) => {
                task.finish(Err(reactor::PoolError::Cancelled));
                true
            }
        }
    }

    fn flush_overflow(&mut self) {
        while let Some(task) = self.overflow.pop_front() {
            if !self.try_submit(task) {
                return;
            }
        }
        self.shared.overflow_waiting.store(false, Ordering::SeqCst);
        // A task may have finished between the last failed try and clearing the flag; if the
        // queue still has room it is used at the next completion, and there is nothing left here.
    }

    fn apply(&mut self, rx: &mut Rx, remote: Remote) {
        match remote {
            Remote::Deliver(id, env) => self.deliver(id, env),
            Remote::Stop(id, reason) => self.request_stop(rx, id, reason),
            Remote::Run(f) => f(self, rx),
            Remote::Callback(key, seq, value) => self.run_callback(key, seq, value),
            Remote::Wake => {}
        }
    }

    /// Moves everything posted on this thread into the system.
    fn absorb(&mut self, rx: &mut Rx) -> bool {
        let mut did = false;
        while let Some(remote) = self.pending.pop_front() {
            self.apply(rx, remote);
            did = true;
        }
        loop {
            let batch = LOCAL.with(|l| std::mem::take(&mut l.borrow_mut().queue));
            if batch.is_empty() {
                break;
            }
            for remote in batch {
                self.apply(rx, remote);
            }
            did = true;
            while let Some(remote) = self.pending.pop_front() {
                self.apply(rx, remote);
            }
        }
        did
    }

    /// Runs actors until no message is left.
    pub(crate) fn dispatch(&mut self, rx: &mut Rx) {
        loop {
            self.absorb(rx);
            if let Some((id, reason)) = self.link_exits.pop_front() {
                self.request_stop(rx, id, reason);
                continue;
            }
            match self.run_queue.pop_front() {
                Some(id) => self.run_actor(rx, id),
                None => {
                    if self.pending.is_empty() && LOCAL.with(|l| l.borrow().queue.is_empty()) {
                        break;
                    }
                }
            }
        }
    }

    fn add_callback<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(Result<R, ActorError>) + 'static,
        detached: bool,
    ) -> ReplyTo<R> {
        let seq = self.next_callback;
        self.next_callback += 1;
        let trampoline: Callback = Box::new(move |value: Box<dyn Any + Send>| {
            let result = value
                .downcast::<Result<R, ActorError>>()
                .expect("a callback's answer has the type it was registered with");
            f(*result);
        });
        let key = self.callbacks.insert((seq, trampoline));
        if detached {
            self.detached.insert(key);
        }
        let link = self.link.clone();
        ReplyTo::from_fn("", move |result: Result<R, ActorError>| {
            let _ = post(&link, Remote::Callback(key, seq, Box::new(result)));
        })
    }

    fn run_callback(&mut self, key: usize, seq: u64, value: Box<dyn Any + Send>) {
        if self.callbacks.get(key).is_none_or(|(s, _)| *s != seq) {
            return;
        }
        let (_, f) = self.callbacks.remove(key);
        self.detached.remove(&key);
        f(value);
    }

    /// How long the reactor should watch its inbox before sleeping: pool work in flight usually
    /// answers within microseconds, sooner than a sleeping thread can be woken.
    pub(crate) fn spin_hint(&self) -> Duration {
        if self.shared.in_flight.load(Ordering::Relaxed) > 0 {
            SPIN_WHILE_IN_FLIGHT
        } else {
            Duration::ZERO
        }
    }

    fn liveness(&self, rx: &Rx, refed_timers: usize) -> Liveness {
        let queued = self.pending.len()
            + self.run_queue.len()
            + usize::from(rx.inbox().has_items())
            + LOCAL.with(|l| {
                let l = l.borrow();
                if l.current == self.link.system {
                    l.queue.len()
                } else {
                    0
                }
            });
        Liveness {
            refed_actors: self.refed,
            refed_timers,
            in_flight: self.shared.in_flight.load(Ordering::SeqCst),
            pending_callbacks: self.callbacks.len() - self.detached.len(),
            queued,
        }
    }
}

/// Keeps in-flight accounting honest: decremented after the task's own completion is posted,
/// even if that completion panics.
struct Tracked {
    inner: Option<Box<dyn Task>>,
    shared: StdArc<Shared>,
    link: StdArc<Link>,
}

impl Task for Tracked {
    fn run(&mut self) {
        if let Some(t) = self.inner.as_mut() {
            t.run();
        }
    }

    fn finish(mut self: Box<Self>, outcome: Result<(), reactor::PoolError>) {
        struct Done<'a>(&'a Shared, &'a Link);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                // The reactor may have looked at the count before this decrement and gone to
                // sleep because of it: when the last task finishes, wake it so that it looks
                // again (and can find it has nothing left to do). A full pool queue likewise
                // needs the reactor to resubmit what overflowed.
                let last = self.0.in_flight.fetch_sub(1, Ordering::SeqCst) == 1;
                if last || self.0.overflow_waiting.load(Ordering::SeqCst) {
                    let _ = self.1.sender.post(Remote::Wake);
                }
            }
        }
        let shared = self.shared.clone();
        let link = self.link.clone();
        let _done = Done(&shared, &link);
        if let Some(t) = self.inner.take() {
            t.finish(outcome);
        }
    }
}

impl reactor::Handler for Core {
    type Completion = Remote;
    type Timer = TimerAction;

    fn ready(&mut self, rx: &mut Rx, token: Token, ready: Ready) {
        if let Some(&id) = self.owners.get(&token) {
            self.run_ready(rx, id, token, ready);
            self.dispatch(rx);
        }
    }

    fn timer(&mut self, rx: &mut Rx, key: TimerKey, action: TimerAction) {
        match action {
            TimerAction::Remote(remote) => {
                if let Remote::Deliver(id, _) = &remote {
                    let id = *id;
                    self.disown_timer(id, key);
                }
                self.apply(rx, remote);
            }
            TimerAction::Local(f) => f(self, rx),
        }
        self.dispatch(rx);
    }

    fn completions(&mut self, rx: &mut Rx, batch: &mut Vec<Remote>) {
        for remote in batch.drain(..) {
            self.apply(rx, remote);
        }
        if !self.overflow.is_empty() {
            self.flush_overflow();
        }
        self.dispatch(rx);
    }
}

/// An actor system on the current thread: spawn actors, then run the loop.
///
/// ```
/// use actors::{Actor, Context, Handler, Message, ReplyTo, System};
///
/// struct Counter(u64);
/// impl Actor for Counter {
///     const KIND: &'static str = "counter";
/// }
///
/// struct Add(u64);
/// impl Message for Add {
///     type Reply = u64;
/// }
/// impl Handler<Add> for Counter {
///     fn handle(&mut self, msg: Add, reply: ReplyTo<u64>, _: &mut Context<'_, Self>) {
///         self.0 += msg.0;
///         reply.send(self.0);
///     }
/// }
///
/// let mut system = System::new().unwrap();
/// let counter = system.spawn(Counter(0));
/// counter.tell(Add(2)).unwrap();
/// let mut total = counter.ask(Add(3));
/// let mut answer = None;
/// let wait = std::time::Duration::from_millis(10);
/// system.run_until(|_| { answer = total.try_take(); answer.is_some() }, wait).unwrap();
/// assert_eq!(answer, Some(Ok(5)));
/// ```
pub struct System {
    rx: Rx,
    core: Core,
}

impl fmt::Debug for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("System")
            .field("id", &self.core.link.system)
            .field("actors", &self.core.entries.len())
            .finish()
    }
}

impl System {
    /// A system on the default backend with a pool sized by `ACTORJS_POOL_SIZE`.
    pub fn new() -> io::Result<System> {
        System::with_pool(Pool::from_env()?)
    }

    /// A system that submits blocking work to `pool` (which may be shared with other systems).
    pub fn with_pool(pool: Pool) -> io::Result<System> {
        let rx: Rx = Reactor::new()?;
        let link = StdArc::new(Link {
            system: NEXT_SYSTEM.fetch_add(1, Ordering::Relaxed),
            sender: rx.sender(),
        });
        Ok(System {
            rx,
            core: Core {
                entries: Slab::new(),
                generations: Vec::new(),
                run_queue: VecDeque::new(),
                pending: VecDeque::new(),
                owners: HashMap::new(),
                callbacks: Slab::new(),
                detached: HashSet::new(),
                next_callback: 0,
                link,
                shared: StdArc::new(Shared {
                    in_flight: AtomicUsize::new(0),
                    overflow_waiting: AtomicBool::new(false),
                }),
                pool,
                overflow: VecDeque::new(),
                refed: 0,
                link_exits: VecDeque::new(),
            },
        })
    }

    /// Runs `f` with this system current on this thread, so that posts from it go straight to the
    /// local queue; what is left there afterwards stays with this system.
    fn enter<T>(&mut self, f: impl FnOnce(&mut Core, &mut Rx) -> T) -> T {
        let me = self.core.link.system;
        let saved = LOCAL.with(|l| {
            let mut l = l.borrow_mut();
            let saved = (l.current, std::mem::take(&mut l.queue));
            l.current = me;
            saved
        });
        struct Leave<'a> {
            pending: &'a mut VecDeque<Remote>,
            saved: Option<(u64, VecDeque<Remote>)>,
        }
        impl Drop for Leave<'_> {
            fn drop(&mut self) {
                let (current, queue) = self.saved.take().expect("restored once");
                let left = LOCAL.with(|l| {
                    let mut l = l.borrow_mut();
                    l.current = current;
                    std::mem::replace(&mut l.queue, queue)
                });
                self.pending.extend(left);
            }
        }
        let mut spill = VecDeque::new();
        let result = {
            let _leave = Leave {
                pending: &mut spill,
                saved: Some(saved),
            };
            f(&mut self.core, &mut self.rx)
        };
        self.core.pending.extend(spill);
        result
    }

    /// Spawns an actor; its `started` hook runs now.
    pub fn spawn<A: Actor>(&mut self, actor: A) -> Addr<A> {
        self.enter(|core, rx| core.spawn(rx, actor))
    }

    /// Stops an actor (its `stopping` hook runs).
    pub fn stop(&mut self, id: ActorId) {
        self.enter(|core, rx| core.request_stop(rx, id, StopReason::Normal));
    }

    /// Kills an actor (no hook).
    pub fn kill(&mut self, id: ActorId) {
        self.enter(|core, rx| core.request_stop(rx, id, StopReason::Killed));
    }

    /// Whether an actor keeps the system alive, set from outside it (an actor sets its own with
    /// [`Context::set_ref`](crate::Context::set_ref)). Takes effect at once, unlike a message.
    pub fn set_ref(&mut self, id: ActorId, refed: bool) {
        self.core.set_ref(id, refed);
    }

    /// A [`ReplyTo`] whose answer runs `f` on the reactor thread, during a later loop turn, from
    /// whichever thread answers. Pending callbacks keep the system alive.
    pub fn callback<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(Result<R, ActorError>) + 'static,
    ) -> ReplyTo<R> {
        self.core.add_callback(f, false)
    }

    /// A [`System::callback`] that does not keep the system alive: for an answer that may never
    /// come while the process has nothing else to do (a read waiting for someone at a terminal),
    /// whose owner decides by its own count whether to wait for it.
    pub fn detached_callback<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(Result<R, ActorError>) + 'static,
    ) -> ReplyTo<R> {
        self.core.add_callback(f, true)
    }

    /// Sends `msg` and runs `f` with the reply on the reactor thread.
    pub fn ask_then<A, M>(
        &mut self,
        addr: &Addr<A>,
        msg: M,
        f: impl FnOnce(Result<M::Reply, ActorError>) + 'static,
    ) where
        A: Handler<M>,
        M: Message,
    {
        let reply = self.callback(f);
        self.enter(|_, _| addr.send_with(msg, reply));
    }

    /// Runs `f` on the actor at once, on this thread, when it is idle: every message posted to
    /// it before has been handled and it is not running. The call is then ordered with those
    /// messages as one more message would be, and `f` may borrow what a message could not own
    /// (a socket writes straight from the caller's buffer this way, as libuv's `uv_try_write`).
    ///
    /// `None` when the actor is busy or gone, when `addr` lacks `needed`, or when `f` panicked
    /// (the actor is then stopped, as for a panicking handler): the caller falls back to a
    /// message, which reports the reason.
    pub fn call_now<A: Actor, R>(
        &mut self,
        addr: &Addr<A>,
        needed: Rights,
        f: impl FnOnce(&mut A, &mut Context<'_, A>) -> R,
    ) -> Option<R> {
        addr.check(needed).ok()?;
        let id = addr.id();
        self.enter(|core, rx| {
            // Messages posted through the inbox (from other threads, or from this one outside
            // the system) come first too.
            rx.drain_inbox(core);
            core.call_now(rx, id, f)
        })
    }

    /// Sends `msg` from the reactor thread, ignoring the reply, in order with the messages
    /// [`ask_then`](Self::ask_then) sends (both queue locally; [`Addr::tell`] from outside a
    /// handler goes through the cross-thread inbox, which the next turn drains first).
    pub fn send<A, M>(&mut self, addr: &Addr<A>, msg: M) -> Result<(), ActorError>
    where
        A: Handler<M>,
        M: Message,
    {
        self.enter(|_, _| addr.tell(msg))
    }

    /// Runs `f` with a [`Down`] when the actor stops (at once, with [`StopReason::Gone`], if it
    /// already has).
    pub fn on_stop(&mut self, id: ActorId, f: impl FnOnce(&Down) + 'static) {
        self.core.monitor(
            id,
            Box::new(move |down| {
                f(down);
                None
            }),
        );
    }

    /// Runs `f` on the reactor thread after `after`. Timers keep the system alive unless
    /// [`set_timer_ref`](Self::set_timer_ref) says otherwise.
    pub fn set_timer(&mut self, after: Duration, f: impl FnOnce() + 'static) -> TimerKey {
        self.rx
            .insert_timer(after, TimerAction::Local(Box::new(move |_, _| f())))
    }

    /// Cancels a timer from [`set_timer`](Self::set_timer); false if it already ran.
    pub fn cancel_timer(&mut self, key: TimerKey) -> bool {
        self.rx.timers().cancel(key).is_some()
    }

    /// Whether a timer keeps the system alive.
    pub fn set_timer_ref(&mut self, key: TimerKey, refed: bool) -> bool {
        self.rx.timers().set_ref(key, refed)
    }

    /// Handles everything already queued (the inbox included), without waiting.
    pub fn dispatch(&mut self) {
        self.enter(|core, rx| {
            rx.drain_inbox(core);
            core.dispatch(rx);
        });
    }

    /// One loop turn: queued messages, due timers, then a poll that waits up to `timeout` (not at
    /// all if a timer ran or work is queued), readiness, completions, and the messages they caused.
    pub fn run_once(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        self.enter(|core, rx| {
            core.dispatch(rx);
            let fired = rx.fire_timers(core);
            let timeout = if fired > 0 {
                Some(Duration::ZERO)
            } else {
                timeout
            };
            rx.set_spin(core.spin_hint());
            rx.poll_io(core, timeout)?;
            core.dispatch(rx);
            Ok(())
        })
    }

    /// Runs until nothing keeps the system alive ([`is_alive`](Self::is_alive)).
    pub fn run(&mut self) -> io::Result<()> {
        while self.is_alive() {
            self.run_once(None)?;
        }
        Ok(())
    }

    /// Runs loop turns until `done` says so or the system has nothing left to do. Each turn waits
    /// at most `max_wait`, so `done` is checked at least that often.
    pub fn run_until(
        &mut self,
        mut done: impl FnMut(&mut System) -> bool,
        max_wait: Duration,
    ) -> io::Result<()> {
        loop {
            self.dispatch();
            if done(self) || !self.is_alive() {
                return Ok(());
            }
            self.run_once(Some(max_wait))?;
        }
    }

    /// Whether anything keeps the system alive.
    pub fn is_alive(&mut self) -> bool {
        self.liveness().is_alive()
    }

    /// What keeps the system alive, counted.
    pub fn liveness(&mut self) -> Liveness {
        let refed_timers = self.rx.timers().refed_len();
        self.core.liveness(&self.rx, refed_timers)
    }

    /// Every live actor, with its kind and what it holds.
    pub fn live_actors(&self) -> Vec<ActorInfo> {
        self.core
            .entries
            .iter()
            .map(|(index, e)| ActorInfo {
                id: ActorId {
                    index: index as u32,
                    generation: e.generation,
                },
                kind: e.kind,
                holds: e.actor.as_ref().map(|a| a.holds()).unwrap_or_default(),
                refed: e.keeps_alive(),
                queued: e.mailbox.len(),
            })
            .collect()
    }

    /// The worker pool.
    pub fn pool(&self) -> &Pool {
        &self.core.pool
    }

    /// Loop time in milliseconds.
    pub fn now(&self) -> u64 {
        self.rx.now()
    }

    /// The reactor's backend name.
    pub fn backend_name(&self) -> &'static str {
        self.rx.backend_name()
    }

    /// A `Send` handle for other threads.
    pub fn handle(&self) -> SystemHandle {
        SystemHandle {
            link: self.core.link.clone(),
        }
    }
}

impl Drop for System {
    fn drop(&mut self) {
        // Stop every actor, so that each closes what it owns and fails what it was asked.
        self.enter(|core, rx| {
            let ids: Vec<ActorId> = core
                .entries
                .iter()
                .map(|(i, e)| ActorId {
                    index: i as u32,
                    generation: e.generation,
                })
                .collect();
            for id in ids {
                core.request_stop(rx, id, StopReason::Killed);
            }
            core.pending.clear();
            LOCAL.with(|l| l.borrow_mut().queue.clear());
        });
    }
}

/// A handle other threads use to spawn actors into a running system.
#[derive(Clone)]
pub struct SystemHandle {
    link: StdArc<Link>,
}

impl fmt::Debug for SystemHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SystemHandle({})", self.link.system)
    }
}

impl SystemHandle {
    /// Wakes the system's thread if it waits in its poll, so its owner looks at whatever state
    /// changed (the host checks its authority after every poll).
    pub fn wake(&self) {
        let _ = post(
            &self.link,
            Remote::Run(Box::new(|_: &mut Core, _: &mut Rx| {})),
        );
    }

    /// Spawns `actor` on the system's thread and answers with its address.
    pub fn spawn<A: Actor + Send>(&self, actor: A) -> ReplyFuture<Addr<A>> {
        let (reply, future) = ReplyTo::future(A::KIND);
        let run = Remote::Run(Box::new(move |core: &mut Core, rx: &mut Rx| {
            reply.send(core.spawn(rx, actor));
        }));
        if post(&self.link, run).is_err() {
            return ReplyFuture::ready(Err(ActorError::SystemGone));
        }
        future
    }
}
