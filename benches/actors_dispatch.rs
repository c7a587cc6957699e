//! Message dispatch throughput: an actor sends bursts of messages to another on the reactor
//! thread (the local path: no locks, no wake-ups), and the system runs them to completion.

use std::hint::black_box;
use std::time::Duration;

use actors::{Actor, Addr, Context, Handler, Message, ReplyTo, System};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

struct Counter(u64);
impl Actor for Counter {
    const KIND: &'static str = "counter";
}

struct Add(u64);
impl Message for Add {
    type Reply = ();
}
impl Handler<Add> for Counter {
    fn handle(&mut self, msg: Add, _: ReplyTo<()>, _: &mut Context<'_, Self>) {
        self.0 = self.0.wrapping_add(black_box(msg.0));
    }
}

struct Driver(Addr<Counter>);
impl Actor for Driver {
    const KIND: &'static str = "driver";
}

/// Send `n` messages to the counter.
struct Burst(u64);
impl Message for Burst {
    type Reply = ();
}
impl Handler<Burst> for Driver {
    fn handle(&mut self, msg: Burst, _: ReplyTo<()>, _: &mut Context<'_, Self>) {
        for i in 0..msg.0 {
            let _ = self.0.tell(Add(i));
        }
    }
}

const BURST: u64 = 10_000;

fn dispatch(c: &mut Criterion) {
    let mut g = c.benchmark_group("actors");
    g.throughput(Throughput::Elements(BURST));
    g.measurement_time(Duration::from_secs(5));

    let mut s = System::new().unwrap();
    let counter = s.spawn(Counter(0));
    let driver = s.spawn(Driver(counter));
    g.bench_function("dispatch_local_10k", |b| {
        b.iter(|| {
            driver.tell(Burst(BURST)).unwrap();
            s.dispatch();
        })
    });

    // The same messages sent from another thread, through the inbox.
    let counter = s.spawn(Counter(0));
    g.bench_function("dispatch_cross_thread_10k", |b| {
        b.iter(|| {
            let c = counter.clone();
            let sender = std::thread::spawn(move || {
                for i in 0..BURST {
                    let _ = c.tell(Add(i));
                }
            });
            sender.join().unwrap();
            s.dispatch();
        })
    });
    g.finish();
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
