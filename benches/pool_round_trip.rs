//! Pool round trip latency: an actor submits a no-op to the worker pool and the measurement ends
//! when the continuation runs back on the reactor thread (submit → run → completion delivered).

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use actors::{Actor, Context, Handler, Message, ReplyTo, System};
use criterion::{Criterion, criterion_group, criterion_main};

struct Pinger(Rc<Cell<bool>>);
impl Actor for Pinger {
    const KIND: &'static str = "pinger";
}

struct Ping;
impl Message for Ping {
    type Reply = ();
}
impl Handler<Ping> for Pinger {
    fn handle(&mut self, _: Ping, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        cx.spawn_blocking(|| (), |this: &mut Pinger, _, _| this.0.set(true));
    }
}

fn round_trip(c: &mut Criterion) {
    let mut g = c.benchmark_group("pool");
    g.measurement_time(Duration::from_secs(5));
    let mut s = System::new().unwrap();
    let done = Rc::new(Cell::new(false));
    let pinger = s.spawn(Pinger(done.clone()));
    g.bench_function("round_trip", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                done.set(false);
                let start = Instant::now();
                pinger.tell(Ping).unwrap();
                s.dispatch();
                while !done.get() {
                    s.run_once(None).unwrap();
                }
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
