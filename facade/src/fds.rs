//! The context's descriptor table: the numbers JS sees as fds.
//!
//! A number is an index into this table only. 0, 1 and 2 are the process's stdio; the rest are
//! the files this context opened, numbered from the lowest free slot as POSIX numbers
//! descriptors. A number the program was not given is not in the table, so it cannot reach a
//! descriptor the program did not open, whatever the OS numbers happen to be. Each entry keeps
//! the rights it was opened with (a file opened for reading refuses writes with `EBADF`, as
//! the kernel would), and a number can be attenuated: [`FdTable::attenuate`] gives a second
//! number for the same file with fewer rights. When the context's authority narrows,
//! [`FdTable::sweep`] closes the entries it no longer covers.

use std::collections::BTreeSet;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use actors::Rights;
use actors::pool::ops::{self, FsResult};

use crate::authority::{Authority, Place};

/// A descriptor an operation holds while it runs (on this thread or the pool). The last
/// holder of a closed entry's descriptor closes it.
#[derive(Clone, Debug)]
pub enum Held {
    /// One of the process's stdio descriptors, which the table never closes.
    Stdio(RawFd),
    /// A file this context opened.
    Owned(Arc<OwnedFd>),
}

impl Held {
    /// The OS descriptor.
    pub fn raw(&self) -> RawFd {
        match self {
            Held::Stdio(fd) => *fd,
            Held::Owned(fd) => fd.as_raw_fd(),
        }
    }

    /// Closes the descriptor if this is the last holder (reporting what `close` says);
    /// otherwise the operation still running on it closes it when it finishes.
    pub fn close(self) -> FsResult<()> {
        match self {
            Held::Stdio(_) => Ok(()),
            Held::Owned(fd) => match Arc::try_unwrap(fd) {
                Ok(fd) => ops::close(fd),
                Err(_) => Ok(()),
            },
        }
    }
}

impl AsRawFd for Held {
    fn as_raw_fd(&self) -> RawFd {
        self.raw()
    }
}

#[derive(Debug)]
struct Entry {
    fd: Held,
    rights: Rights,
    path: Option<PathBuf>,
    /// The path the authority checked when it was opened (absolute, clean), if it checks paths.
    checked: Option<PathBuf>,
}

/// The table. See the [module documentation](self).
#[derive(Debug)]
pub struct FdTable {
    slots: Vec<Option<Entry>>,
    free: BTreeSet<usize>,
}

impl Default for FdTable {
    fn default() -> FdTable {
        let stdio = |fd: RawFd, rights| {
            Some(Entry {
                fd: Held::Stdio(fd),
                rights,
                path: None,
                checked: None,
            })
        };
        FdTable {
            slots: vec![
                stdio(0, Rights::READ),
                stdio(1, Rights::WRITE),
                stdio(2, Rights::WRITE),
            ],
            free: BTreeSet::new(),
        }
    }
}

impl FdTable {
    /// Adds a file opened at `place` with the rights it may be used for; returns its number.
    pub fn insert(&mut self, fd: OwnedFd, place: Place, rights: Rights) -> usize {
        self.add(Entry {
            fd: Held::Owned(Arc::new(fd)),
            rights,
            checked: place.checked_path().map(Path::to_path_buf),
            path: Some(place.user().to_path_buf()),
        })
    }

    /// A new number for the file numbered `n`, with only the rights in both `rights` and the
    /// original's: a read-only view of a file opened for reading and writing. Closing either
    /// number leaves the other open.
    pub fn attenuate(&mut self, n: f64, rights: Rights) -> Option<usize> {
        let entry = self.slots.get(Self::index(n)?)?.as_ref()?;
        let view = Entry {
            fd: entry.fd.clone(),
            rights: entry.rights.intersect(rights),
            path: entry.path.clone(),
            checked: entry.checked.clone(),
        };
        Some(self.add(view))
    }

    /// Takes out every entry `authority` no longer covers for its rights, and returns their
    /// descriptors for closing.
    pub fn sweep(&mut self, authority: &Authority) -> Vec<Held> {
        let gone: Vec<usize> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let e = e.as_ref()?;
                let path = e.checked.as_deref()?;
                let rights = e.rights.intersect(Rights::READ | Rights::WRITE);
                (!authority.allows_path(path, rights)).then_some(i)
            })
            .collect();
        gone.into_iter()
            .filter_map(|i| self.remove(i as f64))
            .collect()
    }

    fn add(&mut self, entry: Entry) -> usize {
        let entry = Some(entry);
        match self.free.pop_first() {
            Some(n) => {
                self.slots[n] = entry;
                n
            }
            None => {
                self.slots.push(entry);
                self.slots.len() - 1
            }
        }
    }

    fn index(n: f64) -> Option<usize> {
        (n >= 0.0 && n.fract() == 0.0 && n < u32::MAX as f64).then_some(n as usize)
    }

    /// The descriptor numbered `n`, if it is open and allows `rights`.
    pub fn get(&self, n: f64, rights: Rights) -> Option<Held> {
        let entry = self.slots.get(Self::index(n)?)?.as_ref()?;
        entry.rights.contains(rights).then(|| entry.fd.clone())
    }

    /// The path number `n` was opened from.
    pub fn path(&self, n: f64) -> Option<PathBuf> {
        self.slots.get(Self::index(n)?)?.as_ref()?.path.clone()
    }

    /// Takes number `n` out of the table (it may be reused at once) and returns its descriptor
    /// for closing.
    pub fn remove(&mut self, n: f64) -> Option<Held> {
        let i = Self::index(n)?;
        let entry = self.slots.get_mut(i)?.take()?;
        if i == self.slots.len() - 1 {
            self.slots.pop();
            // Trailing free slots go too, so the table shrinks back.
            while self.slots.last().is_some_and(Option::is_none) {
                self.slots.pop();
                self.free.remove(&self.slots.len());
            }
        } else {
            self.free.insert(i);
        }
        Some(entry.fd)
    }

    /// How many numbers are in use (stdio included).
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|e| e.is_some()).count()
    }

    /// Whether no number is in use.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn devnull() -> OwnedFd {
        ops::open(std::path::Path::new("/dev/null"), libc::O_RDONLY, 0).unwrap()
    }

    #[test]
    fn stdio_is_there_and_numbers_start_at_three() {
        let mut t = FdTable::default();
        assert!(t.get(1.0, Rights::WRITE).is_some());
        assert!(t.get(0.0, Rights::WRITE).is_none(), "stdin is not writable");
        assert_eq!(
            t.insert(devnull(), Place::anywhere("/dev/null".into()), Rights::READ),
            3
        );
        assert_eq!(
            t.insert(devnull(), Place::anywhere("/dev/null".into()), Rights::READ),
            4
        );
        assert!(t.get(5.0, Rights::NONE).is_none());
        assert!(t.get(3.5, Rights::NONE).is_none());
        assert!(t.get(-1.0, Rights::NONE).is_none());
        assert!(
            t.get(3.0, Rights::WRITE).is_none(),
            "opened for reading only"
        );
    }

    #[test]
    fn lowest_free_number_is_reused() {
        let mut t = FdTable::default();
        for _ in 0..3 {
            t.insert(devnull(), Place::anywhere("/dev/null".into()), Rights::READ);
        }
        t.remove(3.0).unwrap().close().unwrap();
        assert!(t.remove(3.0).is_none(), "closed twice");
        assert_eq!(
            t.insert(devnull(), Place::anywhere("/dev/null".into()), Rights::READ),
            3
        );
    }

    #[derive(Debug, Clone)]
    enum Step {
        Open(Rights),
        Close(u8),
        Use(u8, Rights),
    }

    /// Read, write or both: the rights the capability proptests draw from.
    pub(crate) fn rights() -> impl Strategy<Value = Rights> {
        prop_oneof![
            Just(Rights::READ),
            Just(Rights::WRITE),
            Just(Rights::READ | Rights::WRITE)
        ]
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            rights().prop_map(Step::Open),
            (0u8..12).prop_map(Step::Close),
            (0u8..12, rights()).prop_map(|(n, r)| Step::Use(n, r)),
        ]
    }

    proptest! {
        // The table against a map model: a number reaches a descriptor exactly when the model
        // has it open with at least the rights asked for, and new numbers are the lowest free.
        #[test]
        fn table_matches_a_map_model(steps in proptest::collection::vec(step(), 1..60)) {
            let mut t = FdTable::default();
            let mut model: BTreeMap<usize, Rights> = BTreeMap::new();
            model.insert(0, Rights::READ);
            model.insert(1, Rights::WRITE);
            model.insert(2, Rights::WRITE);
            for s in steps {
                match s {
                    Step::Open(r) => {
                        let n = t.insert(devnull(), Place::anywhere("/dev/null".into()), r);
                        let expected = (0..).find(|i| !model.contains_key(i)).unwrap();
                        prop_assert_eq!(n, expected);
                        model.insert(n, r);
                    }
                    Step::Close(n) => {
                        let got = t.remove(n as f64);
                        prop_assert_eq!(got.is_some(), model.remove(&(n as usize)).is_some());
                        if let Some(h) = got { h.close().unwrap(); }
                    }
                    Step::Use(n, r) => {
                        let allowed = model.get(&(n as usize)).is_some_and(|m| m.contains(r));
                        prop_assert_eq!(t.get(n as f64, r).is_some(), allowed);
                    }
                }
            }
            prop_assert_eq!(t.len(), model.len());
        }
    }
}
