//! The traits an actor implements.

use reactor::{Ready, Token};

use crate::context::Context;
use crate::error::StopReason;
use crate::id::ActorId;
use crate::reply::ReplyTo;
use crate::rights::Rights;

/// A state machine that owns one resource and is reached only by messages.
///
/// # Lifecycle
///
/// Spawned → **started** ([`started`](Actor::started) runs at once, on the reactor thread) →
/// **running** (one message or readiness event at a time, never concurrently) → **stopping**
/// ([`stopping`](Actor::stopping) runs when it is asked to stop, not when it is killed or panics) →
/// **stopped**: its registrations and timers are removed, it is dropped (closing what it owns),
/// the requests still queued for it fail with [`ActorError::Stopped`](crate::ActorError::Stopped),
/// and its monitors and links hear about it.
///
/// A panic in any of these methods stops the actor with [`StopReason::Panicked`]; the rest of the
/// system keeps running.
pub trait Actor: Sized + 'static {
    /// The kind of actor, for listings and errors (`"file"`, `"socket"`, ...).
    const KIND: &'static str;

    /// Runs once, right after the actor is spawned.
    fn started(&mut self, cx: &mut Context<'_, Self>) {
        let _ = cx;
    }

    /// A descriptor this actor registered (with [`Context::register`]) is ready.
    fn ready(&mut self, token: Token, ready: Ready, cx: &mut Context<'_, Self>) {
        let _ = (token, ready, cx);
    }

    /// Runs when the actor is asked to stop, before it is dropped: the place to flush.
    fn stopping(&mut self, cx: &mut Context<'_, Self>) {
        let _ = cx;
    }

    /// What the actor holds, for [`System::live_actors`](crate::System::live_actors)
    /// ("why won't it exit?"): a path, an address, a descriptor number.
    fn holds(&self) -> String {
        String::new()
    }
}

/// A message, with the type of its reply (actix's `Message::Result`).
pub trait Message: Send + 'static {
    /// What the handler answers.
    type Reply: Send + 'static;

    /// The rights a reference needs to send this message (some messages need different rights
    /// depending on their content: opening a file for writing needs [`Rights::WRITE`]).
    fn rights(&self) -> Rights {
        Rights::NONE
    }
}

/// An actor's handling of one message type.
pub trait Handler<M: Message>: Actor {
    /// Handles `msg`. Answer through `reply`, now or later (it may be moved to a pool task);
    /// dropping it answers with an error.
    fn handle(&mut self, msg: M, reply: ReplyTo<M::Reply>, cx: &mut Context<'_, Self>);
}

/// Sent to a monitoring actor when the monitored actor stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Down {
    /// The actor that stopped.
    pub id: ActorId,
    /// Its kind.
    pub kind: &'static str,
    /// Why.
    pub reason: StopReason,
}

impl Message for Down {
    type Reply = ();
}
