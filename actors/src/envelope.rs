//! Messages in flight, with their type erased so one mailbox holds every message type an actor
//! handles.

use std::any::Any;
use std::marker::PhantomData;

use reactor::sync::Arc;

use crate::actor::{Actor, Handler, Message};
use crate::context::Context;
use crate::error::ActorError;
use crate::id::ActorId;
use crate::reply::ReplyTo;
use crate::rights::Revocation;
use crate::system::{Core, Rx};

/// A message on its way to an actor.
pub(crate) trait Envelope: Send {
    /// Runs the handler. `actor` is the recipient, which has the type the envelope was made for.
    fn deliver(self: Box<Self>, actor: &mut dyn Any, core: &mut Core, rx: &mut Rx, id: ActorId);
    /// The recipient is gone: answer with `err`.
    fn fail(self: Box<Self>, err: ActorError);
}

/// A message with its reply.
pub(crate) struct MsgEnvelope<A, M: Message> {
    pub(crate) msg: M,
    pub(crate) reply: ReplyTo<M::Reply>,
    pub(crate) revocation: Option<Arc<Revocation>>,
    pub(crate) _actor: PhantomData<fn() -> A>,
}

impl<A, M> Envelope for MsgEnvelope<A, M>
where
    A: Handler<M>,
    M: Message,
{
    fn deliver(self: Box<Self>, actor: &mut dyn Any, core: &mut Core, rx: &mut Rx, id: ActorId) {
        let this = *self;
        if this.revocation.as_ref().is_some_and(|r| r.is_revoked()) {
            this.reply.fail(ActorError::Revoked);
            return;
        }
        let actor = actor
            .downcast_mut::<A>()
            .expect("an envelope is only queued for the actor type it was made for");
        let mut cx = Context::new(id, core, rx);
        actor.handle(this.msg, this.reply, &mut cx);
    }

    fn fail(self: Box<Self>, err: ActorError) {
        self.reply.fail(err);
    }
}

/// A continuation: a closure that runs on the actor with a value produced elsewhere (a pool
/// result, another actor's reply).
pub(crate) struct ThenEnvelope<A, T, F> {
    pub(crate) value: T,
    pub(crate) then: F,
    pub(crate) _actor: PhantomData<fn() -> A>,
}

impl<A, T, F> Envelope for ThenEnvelope<A, T, F>
where
    A: Actor,
    T: Send + 'static,
    F: FnOnce(&mut A, T, &mut Context<'_, A>) + Send + 'static,
{
    fn deliver(self: Box<Self>, actor: &mut dyn Any, core: &mut Core, rx: &mut Rx, id: ActorId) {
        let this = *self;
        let actor = actor
            .downcast_mut::<A>()
            .expect("an envelope is only queued for the actor type it was made for");
        let mut cx = Context::new(id, core, rx);
        (this.then)(actor, this.value, &mut cx);
    }

    fn fail(self: Box<Self>, _err: ActorError) {
        // The actor that wanted the value is gone; the value is dropped with the envelope.
    }
}
