//! Names and readiness for registered sources.

use std::fmt;
use std::ops::BitOr;

/// Names one registered source: a slot index plus the generation of that slot.
///
/// When a source is deregistered its slot may be reused; the new owner gets a new generation, so an
/// event or a handle still carrying the old token is recognised as stale and dropped instead of
/// reaching the new owner (mio's `Token`, with a generation added).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    index: u32,
    generation: u32,
}

impl Token {
    /// Builds a token from its parts.
    pub const fn new(index: u32, generation: u32) -> Token {
        Token { index, generation }
    }

    /// The slot index.
    pub const fn index(self) -> u32 {
        self.index
    }

    /// The slot's generation when this token was handed out.
    pub const fn generation(self) -> u32 {
        self.generation
    }

    /// Packs the token into the 64-bit key given to the backend.
    pub const fn to_key(self) -> u64 {
        ((self.generation as u64) << 32) | self.index as u64
    }

    /// Unpacks a key made by [`Token::to_key`].
    pub const fn from_key(key: u64) -> Token {
        Token {
            index: key as u32,
            generation: (key >> 32) as u32,
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({}v{})", self.index, self.generation)
    }
}

/// What a source wants to be told about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Interest(u8);

impl Interest {
    /// Readable (and hang-up).
    pub const READABLE: Interest = Interest(1);
    /// Writable.
    pub const WRITABLE: Interest = Interest(2);
    /// Both.
    pub const BOTH: Interest = Interest(3);

    /// Whether readability is wanted.
    pub const fn is_readable(self) -> bool {
        self.0 & 1 != 0
    }

    /// Whether writability is wanted.
    pub const fn is_writable(self) -> bool {
        self.0 & 2 != 0
    }
}

impl BitOr for Interest {
    type Output = Interest;
    fn bitor(self, rhs: Interest) -> Interest {
        Interest(self.0 | rhs.0)
    }
}

/// Readiness reported for a source. Backends are edge-triggered: a source is reported when its
/// state changes, so a consumer reads or writes until `WouldBlock` before waiting again.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Ready(u8);

impl Ready {
    const READABLE: u8 = 1;
    const WRITABLE: u8 = 2;
    const HUP: u8 = 4;
    const ERROR: u8 = 8;

    /// No readiness.
    pub const EMPTY: Ready = Ready(0);

    /// Builds readiness from its flags.
    pub const fn from_flags(readable: bool, writable: bool, hup: bool, error: bool) -> Ready {
        let mut bits = 0;
        if readable {
            bits |= Ready::READABLE;
        }
        if writable {
            bits |= Ready::WRITABLE;
        }
        if hup {
            bits |= Ready::HUP;
        }
        if error {
            bits |= Ready::ERROR;
        }
        Ready(bits)
    }

    /// A read would not block (data, end of stream or an error is waiting).
    pub const fn is_readable(self) -> bool {
        self.0 & Ready::READABLE != 0
    }

    /// A write would not block.
    pub const fn is_writable(self) -> bool {
        self.0 & Ready::WRITABLE != 0
    }

    /// Both directions are closed (`EPOLLHUP`).
    pub const fn is_hup(self) -> bool {
        self.0 & Ready::HUP != 0
    }

    /// An error is pending on the source (`EPOLLERR`); read it with `SO_ERROR`.
    pub const fn is_error(self) -> bool {
        self.0 & Ready::ERROR != 0
    }

    /// Adds the flags of `other`.
    pub const fn union(self, other: Ready) -> Ready {
        Ready(self.0 | other.0)
    }

    /// Whether no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Debug for Ready {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.is_readable() {
            parts.push("READABLE");
        }
        if self.is_writable() {
            parts.push("WRITABLE");
        }
        if self.is_hup() {
            parts.push("HUP");
        }
        if self.is_error() {
            parts.push("ERROR");
        }
        write!(f, "Ready({})", parts.join("|"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_round_trips_through_key() {
        let t = Token::new(7, u32::MAX);
        assert_eq!(Token::from_key(t.to_key()), t);
    }
}
