//! Addresses: the only way to reach an actor, and the capability to do so.

use std::fmt;
use std::marker::PhantomData;

use reactor::sync::Arc;
use std::sync::Arc as StdArc;

use crate::actor::{Actor, Handler, Message};
use crate::envelope::MsgEnvelope;
use crate::error::{ActorError, StopReason};
use crate::id::ActorId;
use crate::reply::{ReplyFuture, ReplyTo};
use crate::rights::{Revocation, Revoker, Rights};
use crate::system::{Link, Remote, post};

/// A reference to an actor of type `A`: its [`ActorId`], the rights this reference carries and,
/// for revocable references, the switch that can turn it off. Cheap to clone, `Send`, usable from
/// any thread: sends from the reactor thread go straight to the mailbox, sends from other threads
/// through the reactor's inbox. Messages from one sender arrive in the order they were sent.
pub struct Addr<A: Actor> {
    id: ActorId,
    link: StdArc<Link>,
    rights: Rights,
    revocation: Option<Arc<Revocation>>,
    _actor: PhantomData<fn() -> A>,
}

impl<A: Actor> Clone for Addr<A> {
    fn clone(&self) -> Self {
        Addr {
            id: self.id,
            link: self.link.clone(),
            rights: self.rights,
            revocation: self.revocation.clone(),
            _actor: PhantomData,
        }
    }
}

impl<A: Actor> fmt::Debug for Addr<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Addr<{}>({}, {:?})", A::KIND, self.id, self.rights)
    }
}

impl<A: Actor> Addr<A> {
    pub(crate) fn new(id: ActorId, link: StdArc<Link>) -> Addr<A> {
        Addr {
            id,
            link,
            rights: Rights::ALL,
            revocation: None,
            _actor: PhantomData,
        }
    }

    /// The actor's id.
    pub fn id(&self) -> ActorId {
        self.id
    }

    /// The rights this reference carries.
    pub fn rights(&self) -> Rights {
        self.rights
    }

    /// A reference with only the rights in both `self` and `keep`: a read-only view of a file is
    /// `file.attenuate(Rights::READ)`. Rights are never widened.
    pub fn attenuate(&self, keep: Rights) -> Addr<A> {
        let mut a = self.clone();
        a.rights = self.rights.intersect(keep);
        a
    }

    /// A reference that the returned [`Revoker`] can switch off, together with every reference
    /// later derived from it.
    pub fn revocable(&self) -> (Addr<A>, Revoker) {
        let cell = Revocation::new(self.revocation.clone());
        let mut a = self.clone();
        a.revocation = Some(cell.clone());
        (a, Revoker::new(cell))
    }

    /// Whether this reference has been revoked.
    pub fn is_revoked(&self) -> bool {
        self.revocation.as_ref().is_some_and(|r| r.is_revoked())
    }

    /// Checks that this reference may send messages needing `needed`.
    pub fn check(&self, needed: Rights) -> Result<(), ActorError> {
        if self.is_revoked() {
            return Err(ActorError::Revoked);
        }
        if !self.rights.contains(needed) {
            return Err(ActorError::PermissionDenied {
                needed,
                held: self.rights,
            });
        }
        Ok(())
    }

    /// Sends `msg` with `reply` as its answer channel. A send this reference may not make is
    /// answered at once with the permission error.
    pub fn send_with<M>(&self, msg: M, reply: ReplyTo<M::Reply>)
    where
        M: Message,
        A: Handler<M>,
    {
        if let Err(e) = self.check(msg.rights()) {
            reply.fail(e);
            return;
        }
        let env = MsgEnvelope::<A, M> {
            msg,
            reply,
            revocation: self.revocation.clone(),
            _actor: PhantomData,
        };
        if let Err(Remote::Deliver(_, env)) =
            post(&self.link, Remote::Deliver(self.id, Box::new(env)))
        {
            env.fail(ActorError::SystemGone);
        }
    }

    /// Sends `msg` and ignores the reply. Fails at once only for a missing right or a revoked
    /// reference; a message to an actor that has stopped is dropped.
    pub fn tell<M>(&self, msg: M) -> Result<(), ActorError>
    where
        M: Message,
        A: Handler<M>,
    {
        self.check(msg.rights())?;
        self.send_with(msg, ReplyTo::nobody());
        Ok(())
    }

    /// Sends `msg` and returns a future of the reply.
    pub fn ask<M>(&self, msg: M) -> ReplyFuture<M::Reply>
    where
        M: Message,
        A: Handler<M>,
    {
        if let Err(e) = self.check(msg.rights()) {
            return ReplyFuture::ready(Err(e));
        }
        let (reply, future) = ReplyTo::future(A::KIND);
        self.send_with(msg, reply);
        future
    }

    /// Asks the actor to stop: it overtakes every message still queued, runs the actor's
    /// `stopping` hook and then stops it. Needs [`Rights::CONTROL`].
    pub fn stop(&self) -> Result<(), ActorError> {
        self.control(StopReason::Normal)
    }

    /// Stops the actor at once, without its `stopping` hook. Needs [`Rights::CONTROL`].
    pub fn kill(&self) -> Result<(), ActorError> {
        self.control(StopReason::Killed)
    }

    fn control(&self, reason: StopReason) -> Result<(), ActorError> {
        self.check(Rights::CONTROL)?;
        post(&self.link, Remote::Stop(self.id, reason)).map_err(|_| ActorError::SystemGone)
    }
}
