//! Timer queue with 100k timers: insert them all, cancel half, fire the rest.

use std::hint::black_box;

use actors::reactor::TimerQueue;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const N: u64 = 100_000;

fn timers(c: &mut Criterion) {
    let mut g = c.benchmark_group("timers");
    g.throughput(Throughput::Elements(N));
    // Deadlines spread like a busy server's timeouts: many equal, many distinct.
    let deadlines: Vec<u64> = (0..N).map(|i| (i * 7919) % 5000).collect();
    g.bench_function("insert_100k", |b| {
        b.iter(|| {
            let mut q = TimerQueue::new();
            for (i, d) in deadlines.iter().enumerate() {
                q.insert(*d, i);
            }
            black_box(q.len())
        })
    });
    g.bench_function("insert_cancel_half_fire_rest_100k", |b| {
        b.iter(|| {
            let mut q = TimerQueue::new();
            let keys: Vec<_> = deadlines
                .iter()
                .enumerate()
                .map(|(i, d)| q.insert(*d, i))
                .collect();
            for k in keys.iter().step_by(2) {
                q.cancel(*k);
            }
            let mut fired = 0;
            while let Some((_, v)) = q.pop_expired(u64::MAX) {
                fired += black_box(v) & 1;
            }
            fired
        })
    });
    // With 100k pending, one more insert and cancel (a socket timeout being refreshed).
    let mut q = TimerQueue::new();
    for (i, d) in deadlines.iter().enumerate() {
        q.insert(*d, i);
    }
    g.throughput(Throughput::Elements(1));
    g.bench_function("insert_cancel_with_100k_pending", |b| {
        b.iter(|| {
            let k = q.insert(black_box(2500), 0);
            q.cancel(k)
        })
    });
    g.finish();
}

criterion_group!(benches, timers);
criterion_main!(benches);
