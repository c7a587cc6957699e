//! Actor identities.

use std::fmt;

/// Names one actor: a slot index plus the generation of that slot. actorjs's equivalent of a
/// process id. When an actor stops, its slot may be reused by a new actor with a new generation,
/// so an old id (or an [`Addr`](crate::Addr) holding it) reaches nothing instead of the newcomer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId {
    pub(crate) index: u32,
    pub(crate) generation: u32,
}

impl ActorId {
    /// The slot index.
    pub fn index(self) -> u32 {
        self.index
    }

    /// The slot's generation.
    pub fn generation(self) -> u32 {
        self.generation
    }
}

impl fmt::Debug for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}.{}>", self.index, self.generation)
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
