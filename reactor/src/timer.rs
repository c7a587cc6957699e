//! A timer queue with millisecond deadlines.
//!
//! A binary heap ordered by `(deadline, sequence)` gives insertion order among equal deadlines,
//! which Node relies on (`setTimeout(a, 1); setTimeout(b, 1)` runs `a` first). Cancelling removes the
//! entry from a slab at once and leaves its heap item behind as garbage that is skipped when it
//! surfaces; the heap is rebuilt when garbage outnumbers live timers, so insert, cancel and fire stay
//! `O(log n)` amortised with 100k timers pending (`benches/timers.rs`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use slab::Slab;

/// Names a pending timer. A key whose timer fired or was cancelled is stale: every operation on it
/// is a no-op returning `None`/`false`, even if its slot has been reused.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TimerKey {
    index: u32,
    seq: u64,
}

impl TimerKey {
    /// The key's parts, for hosts that hand keys to scripts.
    pub fn to_bits(self) -> (u32, u64) {
        (self.index, self.seq)
    }

    /// A key from the parts [`to_bits`](Self::to_bits) gave. A key that names no pending timer is
    /// simply stale.
    pub fn from_bits(index: u32, seq: u64) -> TimerKey {
        TimerKey { index, seq }
    }
}

struct Entry<T> {
    deadline: u64,
    seq: u64,
    refed: bool,
    value: T,
}

/// Pending timers, each carrying a value of type `T`.
pub struct TimerQueue<T> {
    entries: Slab<Entry<T>>,
    heap: BinaryHeap<Reverse<(u64, u64, u32)>>,
    next_seq: u64,
    refed: usize,
}

impl<T> Default for TimerQueue<T> {
    fn default() -> Self {
        TimerQueue::new()
    }
}

impl<T> TimerQueue<T> {
    /// An empty queue.
    pub fn new() -> TimerQueue<T> {
        TimerQueue {
            entries: Slab::new(),
            heap: BinaryHeap::new(),
            next_seq: 0,
            refed: 0,
        }
    }

    /// Adds a timer due at `deadline` (milliseconds on the owner's clock). New timers keep the
    /// process alive (they are "ref'd").
    pub fn insert(&mut self, deadline: u64, value: T) -> TimerKey {
        let seq = self.bump();
        let index = self.entries.insert(Entry {
            deadline,
            seq,
            refed: true,
            value,
        }) as u32;
        self.refed += 1;
        self.heap.push(Reverse((deadline, seq, index)));
        TimerKey { index, seq }
    }

    /// Removes a pending timer and returns its value.
    pub fn cancel(&mut self, key: TimerKey) -> Option<T> {
        self.entry(key)?;
        let e = self.entries.remove(key.index as usize);
        if e.refed {
            self.refed -= 1;
        }
        self.maybe_compact();
        Some(e.value)
    }

    /// Moves a pending timer to a new deadline; it goes after timers already due at that deadline
    /// (Node's `timeout.refresh()`). Returns the new key (the old one becomes stale).
    pub fn reschedule(&mut self, key: TimerKey, deadline: u64) -> Option<TimerKey> {
        self.entry(key)?;
        let seq = self.bump();
        let e = &mut self.entries[key.index as usize];
        e.deadline = deadline;
        e.seq = seq;
        self.heap.push(Reverse((deadline, seq, key.index)));
        self.maybe_compact();
        Some(TimerKey {
            index: key.index,
            seq,
        })
    }

    /// Whether the timer keeps its owner alive; returns false for a stale key.
    pub fn set_ref(&mut self, key: TimerKey, refed: bool) -> bool {
        let Some(e) = self
            .entries
            .get_mut(key.index as usize)
            .filter(|e| e.seq == key.seq)
        else {
            return false;
        };
        if e.refed != refed {
            e.refed = refed;
            if refed {
                self.refed += 1;
            } else {
                self.refed -= 1;
            }
        }
        true
    }

    /// Whether the timer is ref'd (`None` for a stale key).
    pub fn is_refed(&self, key: TimerKey) -> Option<bool> {
        self.entry(key).map(|e| e.refed)
    }

    /// The deadline of a pending timer.
    pub fn deadline(&self, key: TimerKey) -> Option<u64> {
        self.entry(key).map(|e| e.deadline)
    }

    /// The value of a pending timer.
    pub fn get(&self, key: TimerKey) -> Option<&T> {
        self.entry(key).map(|e| &e.value)
    }

    /// The value of a pending timer, mutably.
    pub fn get_mut(&mut self, key: TimerKey) -> Option<&mut T> {
        self.entries
            .get_mut(key.index as usize)
            .filter(|e| e.seq == key.seq)
            .map(|e| &mut e.value)
    }

    /// The earliest deadline of any pending timer.
    pub fn next_deadline(&mut self) -> Option<u64> {
        self.skip_garbage();
        self.heap.peek().map(|Reverse((d, _, _))| *d)
    }

    /// Removes and returns the earliest timer due at or before `now`; among equal deadlines, the
    /// one inserted (or rescheduled) first.
    pub fn pop_expired(&mut self, now: u64) -> Option<(TimerKey, T)> {
        self.skip_garbage();
        let &Reverse((deadline, seq, index)) = self.heap.peek()?;
        if deadline > now {
            return None;
        }
        self.heap.pop();
        let e = self.entries.remove(index as usize);
        if e.refed {
            self.refed -= 1;
        }
        Some((TimerKey { index, seq }, e.value))
    }

    /// Like [`pop_expired`](Self::pop_expired), but only timers inserted (or rescheduled) before
    /// [`watermark`](Self::watermark) returned `mark`. A timer phase takes the mark when it starts,
    /// so a zero-delay timer added by a timer callback waits for the next phase instead of running
    /// in this one, while a due timer cancelled by an earlier callback of the phase never runs.
    pub fn pop_expired_before(&mut self, now: u64, mark: u64) -> Option<(TimerKey, T)> {
        self.skip_garbage();
        let &Reverse((_, seq, _)) = self.heap.peek()?;
        // Timers added after the mark are due no earlier than the phase's `now`, and among equal
        // deadlines older timers sort first, so nothing older hides behind a newer head.
        if seq >= mark {
            return None;
        }
        self.pop_expired(now)
    }

    /// A mark for [`pop_expired_before`](Self::pop_expired_before).
    pub fn watermark(&self) -> u64 {
        self.next_seq
    }

    /// Pending timers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no timer is pending.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Pending timers that keep their owner alive.
    pub fn refed_len(&self) -> usize {
        self.refed
    }

    fn bump(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    fn entry(&self, key: TimerKey) -> Option<&Entry<T>> {
        self.entries
            .get(key.index as usize)
            .filter(|e| e.seq == key.seq)
    }

    fn is_live(&self, seq: u64, index: u32) -> bool {
        self.entries
            .get(index as usize)
            .is_some_and(|e| e.seq == seq)
    }

    fn skip_garbage(&mut self) {
        while let Some(&Reverse((_, seq, index))) = self.heap.peek() {
            if self.is_live(seq, index) {
                break;
            }
            self.heap.pop();
        }
    }

    fn maybe_compact(&mut self) {
        if self.heap.len() > 64 && self.heap.len() > 2 * self.entries.len() {
            let entries = &self.entries;
            self.heap.retain(|Reverse((_, seq, index))| {
                entries.get(*index as usize).is_some_and(|e| e.seq == *seq)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_deadlines_fire_in_insertion_order() {
        let mut q = TimerQueue::new();
        q.insert(5, "a");
        q.insert(3, "x");
        q.insert(5, "b");
        q.insert(5, "c");
        let mut order = Vec::new();
        while let Some((_, v)) = q.pop_expired(10) {
            order.push(v);
        }
        assert_eq!(order, ["x", "a", "b", "c"]);
    }

    #[test]
    fn cancel_and_stale_keys() {
        let mut q = TimerQueue::new();
        let a = q.insert(1, 1);
        assert_eq!(q.cancel(a), Some(1));
        assert_eq!(q.cancel(a), None);
        let b = q.insert(1, 2);
        assert_eq!(a.index, b.index);
        assert_eq!(
            q.cancel(a),
            None,
            "stale key must not cancel the slot's new timer"
        );
        assert_eq!(q.pop_expired(1).map(|(_, v)| v), Some(2));
        assert!(q.is_empty());
    }

    #[test]
    fn reschedule_goes_behind_equal_deadlines() {
        let mut q = TimerQueue::new();
        let a = q.insert(5, "a");
        q.insert(5, "b");
        let a2 = q.reschedule(a, 5).unwrap();
        assert_eq!(q.deadline(a), None);
        assert_eq!(q.deadline(a2), Some(5));
        let order: Vec<_> = std::iter::from_fn(|| q.pop_expired(5).map(|(_, v)| v)).collect();
        assert_eq!(order, ["b", "a"]);
    }

    #[test]
    fn ref_counting() {
        let mut q = TimerQueue::new();
        let a = q.insert(1, ());
        let _b = q.insert(2, ());
        assert_eq!(q.refed_len(), 2);
        q.set_ref(a, false);
        q.set_ref(a, false);
        assert_eq!(q.refed_len(), 1);
        q.cancel(a);
        assert_eq!(q.refed_len(), 1);
        q.pop_expired(2);
        assert_eq!(q.refed_len(), 0);
    }

    #[test]
    fn garbage_is_compacted() {
        let mut q = TimerQueue::new();
        let keys: Vec<_> = (0..10_000).map(|i| q.insert(i, i)).collect();
        for k in &keys[..9_990] {
            q.cancel(*k);
        }
        assert!(q.heap.len() <= 2 * q.len().max(64));
        assert_eq!(q.next_deadline(), Some(9_990));
    }
}
