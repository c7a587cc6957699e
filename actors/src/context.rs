//! What an actor can do while it handles a message.

use std::io;
use std::marker::PhantomData;
use std::os::fd::RawFd;
use std::time::Duration;

use reactor::{Interest, Pool, PoolError, Task, TimerKey, Token};

use crate::actor::{Actor, Down, Handler, Message};
use crate::addr::Addr;
use crate::envelope::{MsgEnvelope, ThenEnvelope};
use crate::error::ActorError;
use crate::id::ActorId;
use crate::reply::ReplyTo;
use crate::system::{Core, Remote, Rx, TimerAction, post_from_anywhere};

/// The actor's view of the system during one message or event: its own address, registrations
/// and timers, spawning, the worker pool and stopping itself.
pub struct Context<'a, A: Actor> {
    id: ActorId,
    pub(crate) core: &'a mut Core,
    pub(crate) rx: &'a mut Rx,
    _actor: PhantomData<fn(A)>,
}

impl<'a, A: Actor> Context<'a, A> {
    pub(crate) fn new(id: ActorId, core: &'a mut Core, rx: &'a mut Rx) -> Context<'a, A> {
        Context {
            id,
            core,
            rx,
            _actor: PhantomData,
        }
    }

    /// This actor's id.
    pub fn id(&self) -> ActorId {
        self.id
    }

    /// A reference to this actor with every right.
    pub fn addr(&self) -> Addr<A> {
        Addr::new(self.id, self.core.link())
    }

    /// Stops this actor after the current message: its `stopping` hook runs, then it is dropped.
    pub fn stop(&mut self) {
        self.core.stop_self(self.id, crate::StopReason::Normal);
    }

    /// Whether this actor keeps the system alive (actors do by default).
    pub fn set_ref(&mut self, refed: bool) {
        self.core.set_ref(self.id, refed);
    }

    /// Whether this actor is busy (actors are by default). An idle actor does not keep the
    /// system alive even when ref'd, as an inactive libuv handle does not keep its loop alive:
    /// a socket that is paused and has nothing to write sets itself idle.
    pub fn set_active(&mut self, active: bool) {
        self.core.set_active(self.id, active);
    }

    /// Whether this actor keeps the system alive when active.
    pub fn is_refed(&self) -> bool {
        self.core.is_refed(self.id)
    }

    /// Watches `fd` for readiness; events arrive at [`Actor::ready`]. The registration ends when
    /// the actor stops, before the actor (and so `fd`) is dropped.
    pub fn register(&mut self, fd: RawFd, interest: Interest) -> io::Result<Token> {
        self.core.register(self.rx, self.id, fd, interest)
    }

    /// Changes the interest of a registration.
    pub fn reregister(&mut self, token: Token, interest: Interest) -> io::Result<()> {
        self.rx.reregister(token, interest)
    }

    /// Ends a registration. Call it before closing the descriptor.
    pub fn deregister(&mut self, token: Token) -> io::Result<()> {
        self.core.deregister(self.rx, self.id, token)
    }

    /// Loop time in milliseconds.
    pub fn now(&self) -> u64 {
        self.rx.now()
    }

    /// Sends `msg` to this actor after `after`. The timer ends with the actor.
    pub fn run_later<M>(&mut self, after: Duration, msg: M) -> TimerKey
    where
        M: Message,
        A: Handler<M>,
    {
        let env = MsgEnvelope::<A, M> {
            msg,
            reply: ReplyTo::nobody(),
            revocation: None,
            _actor: PhantomData,
        };
        let key = self.rx.insert_timer(
            after,
            TimerAction::Remote(Remote::Deliver(self.id, Box::new(env))),
        );
        self.core.own_timer(self.id, key);
        key
    }

    /// Cancels a timer set with [`run_later`](Self::run_later). False if it already fired.
    pub fn cancel_timer(&mut self, key: TimerKey) -> bool {
        self.core.disown_timer(self.id, key);
        self.rx.timers().cancel(key).is_some()
    }

    /// Whether a timer keeps the system alive.
    pub fn set_timer_ref(&mut self, key: TimerKey, refed: bool) -> bool {
        self.rx.timers().set_ref(key, refed)
    }

    /// Spawns another actor.
    pub fn spawn<B: Actor>(&mut self, actor: B) -> Addr<B> {
        self.core.spawn(self.rx, actor)
    }

    /// Spawns another actor linked to this one: if either stops abnormally, the other is stopped.
    pub fn spawn_linked<B: Actor>(&mut self, actor: B) -> Addr<B> {
        let addr = self.core.spawn(self.rx, actor);
        self.core.link_actors(self.id, addr.id());
        addr
    }

    /// Links this actor with `other`: if either stops abnormally, the other is stopped with
    /// [`StopReason::LinkExited`](crate::StopReason::LinkExited).
    pub fn link(&mut self, other: ActorId) {
        self.core.link_actors(self.id, other);
    }

    /// Sends this actor a [`Down`] message when `target` stops (at once if it already has).
    pub fn monitor(&mut self, target: ActorId)
    where
        A: Handler<Down>,
    {
        let me = self.id;
        self.core.monitor(
            target,
            Box::new(move |down: &Down| {
                let env = MsgEnvelope::<A, Down> {
                    msg: down.clone(),
                    reply: ReplyTo::nobody(),
                    revocation: None,
                    _actor: PhantomData,
                };
                Some(Remote::Deliver(me, Box::new(env)))
            }),
        );
    }

    /// Sends `msg` to `to` and runs `then` on this actor with the reply. If this actor has stopped
    /// by then, the reply is dropped.
    pub fn ask<B, M, F>(&mut self, to: &Addr<B>, msg: M, then: F)
    where
        B: Handler<M>,
        M: Message,
        F: FnOnce(&mut A, Result<M::Reply, ActorError>, &mut Context<'_, A>) + Send + 'static,
    {
        let reply = self.continuation(B::KIND, then);
        to.send_with(msg, reply);
    }

    /// A [`ReplyTo`] whose answer runs `then` on this actor (on the reactor thread), from
    /// whichever thread answers.
    pub fn continuation<R, F>(&self, kind: &'static str, then: F) -> ReplyTo<R>
    where
        R: Send + 'static,
        F: FnOnce(&mut A, Result<R, ActorError>, &mut Context<'_, A>) + Send + 'static,
    {
        let me = self.id;
        let link = self.core.link();
        ReplyTo::from_fn(kind, move |result| {
            let env = ThenEnvelope::<A, _, _> {
                value: result,
                then,
                _actor: PhantomData,
            };
            post_from_anywhere(&link, Remote::Deliver(me, Box::new(env)));
        })
    }

    /// Runs `work` on the worker pool, then `then` on this actor with its result. Never blocks the
    /// reactor: when the pool's queue is full the work waits in the system's overflow queue.
    /// Pending work keeps the system alive.
    pub fn spawn_blocking<T, W, F>(&mut self, work: W, then: F)
    where
        T: Send + 'static,
        W: FnOnce() -> T + Send + 'static,
        F: FnOnce(&mut A, Result<T, PoolError>, &mut Context<'_, A>) + Send + 'static,
    {
        let me = self.id;
        let link = self.core.link();
        let task = reactor::task_from_fn(work, move |result| {
            let env = ThenEnvelope::<A, _, _> {
                value: result,
                then,
                _actor: PhantomData,
            };
            post_from_anywhere(&link, Remote::Deliver(me, Box::new(env)));
        });
        self.core.submit(task);
    }

    /// Submits a raw task to the worker pool, with the same overflow handling and liveness
    /// accounting as [`spawn_blocking`](Self::spawn_blocking).
    pub fn submit(&mut self, task: Box<dyn Task>) {
        self.core.submit(task);
    }

    /// The worker pool.
    pub fn pool(&self) -> &Pool {
        self.core.pool()
    }
}
