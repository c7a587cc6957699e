//! The timer queue against a sorted-list model.

use proptest::prelude::*;
use reactor::{TimerKey, TimerQueue};

#[derive(Debug, Clone)]
enum Op {
    Insert(u64),
    Cancel(usize),
    Reschedule(usize, u64),
    SetRef(usize, bool),
    Pop(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u64..40).prop_map(Op::Insert),
        2 => any::<usize>().prop_map(Op::Cancel),
        1 => (any::<usize>(), 0u64..40).prop_map(|(i, d)| Op::Reschedule(i, d)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(i, r)| Op::SetRef(i, r)),
        2 => (0u64..50).prop_map(Op::Pop),
    ]
}

/// The model: live timers as `(deadline, order, id, refed)`, where `order` grows with every insert
/// or reschedule.
#[derive(Default)]
struct Model {
    live: Vec<(u64, u64, usize, bool)>,
    order: u64,
}

impl Model {
    fn next_order(&mut self) -> u64 {
        self.order += 1;
        self.order
    }
    fn pos(&self, id: usize) -> Option<usize> {
        self.live.iter().position(|t| t.2 == id)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn timer_queue_matches_model(ops in proptest::collection::vec(op(), 1..200)) {
        let mut q = TimerQueue::new();
        let mut m = Model::default();
        // keys[id] is the current key of timer `id` (ids are never reused).
        let mut keys: Vec<TimerKey> = Vec::new();
        for op in ops {
            match op {
                Op::Insert(d) => {
                    let id = keys.len();
                    keys.push(q.insert(d, id));
                    let o = m.next_order();
                    m.live.push((d, o, id, true));
                }
                Op::Cancel(i) if !keys.is_empty() => {
                    let id = i % keys.len();
                    let got = q.cancel(keys[id]);
                    let want = m.pos(id).map(|p| m.live.remove(p).2);
                    prop_assert_eq!(got, want);
                }
                Op::Reschedule(i, d) if !keys.is_empty() => {
                    let id = i % keys.len();
                    let got = q.reschedule(keys[id], d);
                    match m.pos(id) {
                        Some(p) => {
                            let o = m.next_order();
                            m.live[p].0 = d;
                            m.live[p].1 = o;
                            keys[id] = got.expect("live timer reschedules");
                        }
                        None => prop_assert!(got.is_none()),
                    }
                }
                Op::SetRef(i, r) if !keys.is_empty() => {
                    let id = i % keys.len();
                    let got = q.set_ref(keys[id], r);
                    match m.pos(id) {
                        Some(p) => { m.live[p].3 = r; prop_assert!(got); }
                        None => prop_assert!(!got),
                    }
                }
                Op::Pop(now) => {
                    let mut fired = Vec::new();
                    while let Some((_, id)) = q.pop_expired(now) {
                        fired.push(id);
                    }
                    m.live.sort();
                    let (due, rest): (Vec<_>, Vec<_>) = m.live.iter().partition(|t| t.0 <= now);
                    m.live = rest;
                    prop_assert_eq!(fired, due.iter().map(|t| t.2).collect::<Vec<_>>());
                }
                _ => {}
            }
            prop_assert_eq!(q.len(), m.live.len());
            prop_assert_eq!(q.refed_len(), m.live.iter().filter(|t| t.3).count());
            prop_assert_eq!(q.next_deadline(), m.live.iter().map(|t| t.0).min());
        }
    }
}
