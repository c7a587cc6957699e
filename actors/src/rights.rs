//! Capabilities: what a reference may do, narrowing it, and revoking it.
//!
//! An [`Addr`](crate::Addr) is the capability: holding it is the authority to send it messages.
//! Each address carries [`Rights`]; each message type declares the rights it needs
//! ([`Message::rights`](crate::Message::rights)), and a send without them fails with
//! [`ActorError::PermissionDenied`](crate::ActorError::PermissionDenied).
//! [`Addr::attenuate`](crate::Addr::attenuate) derives a weaker address (a read-only view of a file
//! actor); nothing derives a stronger one. [`Addr::revocable`](crate::Addr::revocable) derives an
//! address that a [`Revoker`] can switch off: every later send through it, and every message sent
//! through it but not yet handled, fails with [`ActorError::Revoked`](crate::ActorError::Revoked).

use std::fmt;
use std::ops::{BitAnd, BitOr};

use reactor::sync::{Arc, AtomicBool, Ordering};

/// A set of rights on an actor reference.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rights(u32);

impl Rights {
    /// No rights.
    pub const NONE: Rights = Rights(0);
    /// Read data or metadata.
    pub const READ: Rights = Rights(1);
    /// Write data or change metadata.
    pub const WRITE: Rights = Rights(2);
    /// Control the actor's life: close, stop, kill, ref and unref.
    pub const CONTROL: Rights = Rights(4);
    /// Every right.
    pub const ALL: Rights = Rights(7);

    /// Whether every right in `other` is in `self`.
    pub const fn contains(self, other: Rights) -> bool {
        self.0 & other.0 == other.0
    }

    /// The rights in both.
    pub const fn intersect(self, other: Rights) -> Rights {
        Rights(self.0 & other.0)
    }

    /// The rights in `self` but not in `other`.
    pub const fn minus(self, other: Rights) -> Rights {
        Rights(self.0 & !other.0)
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl BitOr for Rights {
    type Output = Rights;
    fn bitor(self, rhs: Rights) -> Rights {
        Rights(self.0 | rhs.0)
    }
}

impl BitAnd for Rights {
    type Output = Rights;
    fn bitand(self, rhs: Rights) -> Rights {
        self.intersect(rhs)
    }
}

impl fmt::Debug for Rights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("NONE");
        }
        let names = [
            (Rights::READ, "READ"),
            (Rights::WRITE, "WRITE"),
            (Rights::CONTROL, "CONTROL"),
        ];
        let parts: Vec<&str> = names
            .iter()
            .filter(|(r, _)| self.contains(*r))
            .map(|(_, n)| *n)
            .collect();
        f.write_str(&parts.join("|"))
    }
}

impl fmt::Display for Rights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// The switch behind a revocable reference. Revoking a reference also revokes every reference
/// derived from it, so each cell points at the cell of the reference it was derived from.
pub(crate) struct Revocation {
    revoked: AtomicBool,
    parent: Option<Arc<Revocation>>,
}

impl Revocation {
    pub(crate) fn new(parent: Option<Arc<Revocation>>) -> Arc<Revocation> {
        Arc::new(Revocation {
            revoked: AtomicBool::new(false),
            parent,
        })
    }

    pub(crate) fn is_revoked(&self) -> bool {
        let mut cell = Some(self);
        while let Some(c) = cell {
            if c.revoked.load(Ordering::Acquire) {
                return true;
            }
            cell = c.parent.as_deref();
        }
        false
    }
}

/// Revokes the reference it was created with (see [`Addr::revocable`](crate::Addr::revocable)).
/// Dropping the revoker does not revoke.
pub struct Revoker {
    cell: Arc<Revocation>,
}

impl Revoker {
    pub(crate) fn new(cell: Arc<Revocation>) -> Revoker {
        Revoker { cell }
    }

    /// Revokes the reference and everything derived from it. Once this returns, every send
    /// through it fails, and so does every message sent through it that has not started running.
    pub fn revoke(&self) {
        self.cell.revoked.store(true, Ordering::Release);
    }

    /// Whether [`revoke`](Self::revoke) has been called (here or on a parent).
    pub fn is_revoked(&self) -> bool {
        self.cell.is_revoked()
    }
}

impl fmt::Debug for Revoker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Revoker(revoked: {})", self.is_revoked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attenuation_only_narrows() {
        let rw = Rights::READ | Rights::WRITE;
        assert!(rw.contains(Rights::READ));
        assert!(!Rights::READ.contains(rw));
        assert_eq!(rw.intersect(Rights::READ | Rights::CONTROL), Rights::READ);
        assert_eq!(format!("{:?}", Rights::ALL), "READ|WRITE|CONTROL");
    }

    #[test]
    fn revoking_a_parent_revokes_children() {
        let parent = Revocation::new(None);
        let child = Revocation::new(Some(parent.clone()));
        Revoker::new(parent).revoke();
        assert!(child.is_revoked());
    }
}
