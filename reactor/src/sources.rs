//! The table of registered descriptors, with a generation per slot.

use std::os::fd::RawFd;

use slab::Slab;

use crate::token::{Interest, Token};

struct Entry {
    fd: RawFd,
    generation: u32,
    interest: Interest,
}

/// Registered descriptors by [`Token`]. A slot's generation changes every time it is freed, so a
/// token from before the change no longer finds anything.
///
/// Invariant: `generations[i]` is the generation the next owner of slot `i` receives; an occupied
/// slot's entry carries the generation its token was issued with, which equals `generations[i]`.
#[derive(Default)]
pub struct Sources {
    slots: Slab<Entry>,
    generations: Vec<u32>,
}

impl Sources {
    /// An empty table.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Adds a descriptor and returns its token.
    pub fn insert(&mut self, fd: RawFd, interest: Interest) -> Token {
        let index = self.slots.vacant_key();
        if index >= self.generations.len() {
            self.generations.resize(index + 1, 0);
        }
        let generation = self.generations[index];
        let key = self.slots.insert(Entry {
            fd,
            generation,
            interest,
        });
        debug_assert_eq!(key, index);
        Token::new(index as u32, generation)
    }

    /// The descriptor behind `token`, unless the token is stale.
    pub fn get(&self, token: Token) -> Option<RawFd> {
        self.entry(token).map(|e| e.fd)
    }

    /// The interest registered for `token`, unless the token is stale.
    pub fn interest(&self, token: Token) -> Option<Interest> {
        self.entry(token).map(|e| e.interest)
    }

    /// Records a new interest for `token`; false if the token is stale.
    pub fn set_interest(&mut self, token: Token, interest: Interest) -> bool {
        match self.slots.get_mut(token.index() as usize) {
            Some(e) if e.generation == token.generation() => {
                e.interest = interest;
                true
            }
            _ => false,
        }
    }

    /// Removes `token`'s entry and returns its descriptor; `None` if the token is stale.
    pub fn remove(&mut self, token: Token) -> Option<RawFd> {
        let index = token.index() as usize;
        self.entry(token)?;
        let entry = self.slots.remove(index);
        self.generations[index] = entry.generation.wrapping_add(1);
        Some(entry.fd)
    }

    /// How many descriptors are registered.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether nothing is registered.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn entry(&self, token: Token) -> Option<&Entry> {
        self.slots
            .get(token.index() as usize)
            .filter(|e| e.generation == token.generation())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_token_does_not_reach_new_owner() {
        let mut s = Sources::new();
        let a = s.insert(10, Interest::READABLE);
        assert_eq!(s.remove(a), Some(10));
        let b = s.insert(11, Interest::READABLE);
        assert_eq!(a.index(), b.index(), "slab reuses the freed slot");
        assert_ne!(a, b);
        assert_eq!(s.get(a), None);
        assert_eq!(s.remove(a), None);
        assert_eq!(s.get(b), Some(11));
    }
}
