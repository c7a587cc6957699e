//! Why a request to an actor failed, and why an actor stopped.

use std::fmt;
use std::io;

use crate::id::ActorId;
use crate::rights::Rights;

/// Why an actor stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopReason {
    /// It stopped itself or was asked to stop.
    Normal,
    /// It was killed: stopped at once, without its `stopping` hook.
    Killed,
    /// A handler panicked; the message is the panic's.
    Panicked(String),
    /// An actor it was linked to stopped abnormally.
    LinkExited {
        /// The linked actor.
        id: ActorId,
        /// Its kind.
        kind: &'static str,
    },
    /// It had already stopped when it was monitored.
    Gone,
}

impl StopReason {
    /// Whether links propagate this exit (everything but a normal stop).
    pub fn is_abnormal(&self) -> bool {
        !matches!(self, StopReason::Normal)
    }
}

impl fmt::Display for StopReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StopReason::Normal => f.write_str("it was stopped"),
            StopReason::Killed => f.write_str("it was killed"),
            StopReason::Panicked(msg) => write!(f, "its handler panicked: {msg}"),
            StopReason::LinkExited { id, kind } => {
                write!(
                    f,
                    "the {kind} actor {id} it was linked to stopped abnormally"
                )
            }
            StopReason::Gone => f.write_str("it had already stopped"),
        }
    }
}

/// Why a message did not get a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorError {
    /// The actor stopped before it replied.
    Stopped {
        /// The actor's kind (`"file"`, `"socket"`, ...).
        kind: &'static str,
        /// Why it stopped.
        reason: StopReason,
    },
    /// The address names no live actor.
    NotFound {
        /// The kind the address was for.
        kind: &'static str,
    },
    /// The actor dropped the request without replying.
    NoReply {
        /// The actor's kind.
        kind: &'static str,
    },
    /// The reference lacks rights the message needs.
    PermissionDenied {
        /// What the message needs.
        needed: Rights,
        /// What the reference holds.
        held: Rights,
    },
    /// The reference was revoked.
    Revoked,
    /// The actor system is gone.
    SystemGone,
}

impl ActorError {
    /// Whether this is a capability failure (missing rights or revoked).
    pub fn is_permission(&self) -> bool {
        matches!(
            self,
            ActorError::PermissionDenied { .. } | ActorError::Revoked
        )
    }
}

impl fmt::Display for ActorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActorError::Stopped { kind, reason } => {
                write!(f, "the {kind} actor stopped before replying: {reason}")
            }
            ActorError::NotFound { kind } => {
                write!(f, "no {kind} actor at this address: it has stopped")
            }
            ActorError::NoReply { kind } => {
                write!(f, "the {kind} actor dropped the request without replying")
            }
            ActorError::PermissionDenied { needed, held } => write!(
                f,
                "permission denied: the reference lacks {} (holds {held})",
                needed.minus(*held)
            ),
            ActorError::Revoked => f.write_str("permission denied: the reference was revoked"),
            ActorError::SystemGone => f.write_str("the actor system has shut down"),
        }
    }
}

impl std::error::Error for ActorError {}

impl From<ActorError> for io::Error {
    fn from(e: ActorError) -> io::Error {
        let kind = if e.is_permission() {
            io::ErrorKind::PermissionDenied
        } else {
            io::ErrorKind::Other
        };
        io::Error::new(kind, e)
    }
}
