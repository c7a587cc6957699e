//! The actor system: messages, replies, supervision, liveness, capabilities.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use actors::reactor::{Pool, PoolConfig, PoolError};
use actors::{
    Actor, ActorError, Addr, Context, Down, Handler, Message, ReplyTo, Rights, StopReason, System,
};

const WAIT: Duration = Duration::from_millis(20);

/// Records what it receives; panics on request; flags its drop (its "resource").
#[derive(Default)]
struct Probe {
    seen: Vec<(u32, u32)>,
    dropped: Option<Arc<AtomicBool>>,
    downs: Vec<Down>,
}

impl Actor for Probe {
    const KIND: &'static str = "probe";
    fn holds(&self) -> String {
        format!("{} messages", self.seen.len())
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        if let Some(d) = &self.dropped {
            d.store(true, Ordering::SeqCst);
        }
    }
}

/// `(sender, sequence)`.
struct Note(u32, u32);
impl Message for Note {
    type Reply = usize;
}
impl Handler<Note> for Probe {
    fn handle(&mut self, msg: Note, reply: ReplyTo<usize>, _: &mut Context<'_, Self>) {
        self.seen.push((msg.0, msg.1));
        reply.send(self.seen.len());
    }
}

struct Boom;
impl Message for Boom {
    type Reply = ();
}
impl Handler<Boom> for Probe {
    fn handle(&mut self, _: Boom, _reply: ReplyTo<()>, _: &mut Context<'_, Self>) {
        panic!("boom");
    }
}

struct Seen;
impl Message for Seen {
    type Reply = Vec<(u32, u32)>;
}
impl Handler<Seen> for Probe {
    fn handle(&mut self, _: Seen, reply: ReplyTo<Vec<(u32, u32)>>, _: &mut Context<'_, Self>) {
        reply.send(self.seen.clone());
    }
}

struct WriteIt;
impl Message for WriteIt {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::WRITE
    }
}
impl Handler<WriteIt> for Probe {
    fn handle(&mut self, _: WriteIt, reply: ReplyTo<()>, _: &mut Context<'_, Self>) {
        reply.send(());
    }
}

struct Watch(actors::ActorId);
impl Message for Watch {
    type Reply = ();
}
impl Handler<Watch> for Probe {
    fn handle(&mut self, msg: Watch, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        cx.monitor(msg.0);
        reply.send(());
    }
}
impl Handler<Down> for Probe {
    fn handle(&mut self, msg: Down, _: ReplyTo<()>, _: &mut Context<'_, Self>) {
        self.downs.push(msg);
    }
}

struct Downs;
impl Message for Downs {
    type Reply = Vec<Down>;
}
impl Handler<Downs> for Probe {
    fn handle(&mut self, _: Downs, reply: ReplyTo<Vec<Down>>, _: &mut Context<'_, Self>) {
        reply.send(self.downs.clone());
    }
}

fn settle(system: &mut System) {
    for _ in 0..3 {
        system.run_once(Some(Duration::ZERO)).unwrap();
    }
}

fn ask<A, M>(system: &mut System, addr: &Addr<A>, msg: M) -> Result<M::Reply, ActorError>
where
    A: Handler<M>,
    M: Message,
{
    let mut f = addr.ask(msg);
    for _ in 0..1000 {
        if let Some(r) = f.try_take() {
            return r;
        }
        system.run_once(Some(Duration::from_millis(5))).unwrap();
    }
    panic!("no reply");
}

#[test]
fn tell_and_ask() {
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    p.tell(Note(0, 0)).unwrap();
    assert_eq!(ask(&mut s, &p, Note(0, 1)), Ok(2));
    assert_eq!(ask(&mut s, &p, Seen).unwrap(), [(0, 0), (0, 1)]);
}

#[test]
fn fifo_per_sender_across_threads() {
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    let senders: Vec<_> = (1..=2)
        .map(|t| {
            let p = p.clone();
            std::thread::spawn(move || {
                for i in 0..2000 {
                    p.tell(Note(t, i)).unwrap();
                }
            })
        })
        .collect();
    // And the reactor thread itself sends too.
    for i in 0..2000 {
        p.tell(Note(0, i)).unwrap();
    }
    for t in senders {
        t.join().unwrap();
    }
    let seen = loop {
        let seen = ask(&mut s, &p, Seen).unwrap();
        if seen.len() == 6000 {
            break seen;
        }
    };
    for sender in 0..=2 {
        let order: Vec<u32> = seen.iter().filter(|m| m.0 == sender).map(|m| m.1).collect();
        assert_eq!(order, (0..2000).collect::<Vec<_>>(), "sender {sender}");
    }
}

#[test]
fn reply_future_from_another_thread() {
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    let done = Arc::new(AtomicBool::new(false));
    let d = done.clone();
    let asker = std::thread::spawn(move || {
        let r = p.ask(Note(9, 9)).wait();
        d.store(true, Ordering::SeqCst);
        r
    });
    s.run_until(|_| done.load(Ordering::SeqCst), WAIT).unwrap();
    assert_eq!(asker.join().unwrap(), Ok(1));
}

#[test]
fn panic_stops_only_that_actor() {
    let mut s = System::new().unwrap();
    let dropped = Arc::new(AtomicBool::new(false));
    let mut probe = Probe::default();
    probe.dropped = Some(dropped.clone());
    let bad = s.spawn(probe);
    let watcher = s.spawn(Probe::default());
    ask(&mut s, &watcher, Watch(bad.id())).unwrap();
    let host_down = Rc::new(RefCell::new(None));
    let hd = host_down.clone();
    s.on_stop(bad.id(), move |d| *hd.borrow_mut() = Some(d.clone()));

    let boom = bad.ask(Boom);
    let queued = bad.ask(Note(1, 1));
    settle(&mut s);
    let panicked = StopReason::Panicked("boom".into());
    assert_eq!(
        boom.wait(),
        Err(ActorError::Stopped {
            kind: "probe",
            reason: StopReason::Panicked("the handler panicked while holding this request".into())
        })
    );
    assert_eq!(
        queued.wait(),
        Err(ActorError::Stopped {
            kind: "probe",
            reason: panicked.clone()
        }),
        "requests still queued fail with the reason"
    );
    assert!(dropped.load(Ordering::SeqCst), "its resource was released");
    assert_eq!(host_down.borrow().as_ref().unwrap().reason, panicked);
    let downs = ask(&mut s, &watcher, Downs).unwrap();
    assert_eq!(downs.len(), 1);
    assert_eq!(downs[0].id, bad.id());
    assert_eq!(downs[0].reason, panicked);
    // The system and its other actors keep working.
    assert_eq!(ask(&mut s, &watcher, Note(0, 0)), Ok(1));
    assert!(matches!(
        ask(&mut s, &bad, Note(0, 0)),
        Err(ActorError::NotFound { .. })
    ));
}

#[test]
fn call_now_runs_only_an_idle_actor() {
    let mut s = System::new().unwrap();
    let dropped = Arc::new(AtomicBool::new(false));
    let mut probe = Probe::default();
    probe.dropped = Some(dropped.clone());
    let p = s.spawn(probe);
    let push = |at: u32| {
        move |probe: &mut Probe, _: &mut Context<'_, Probe>| {
            probe.seen.push((9, at));
            probe.seen.len()
        }
    };
    assert_eq!(
        s.call_now(&p, Rights::NONE, push(0)),
        Some(1),
        "idle: runs now"
    );
    // A message sent before and not yet handled makes the actor busy: the call would overtake it.
    s.send(&p, Note(0, 1)).unwrap();
    assert_eq!(s.call_now(&p, Rights::NONE, push(1)), None);
    settle(&mut s);
    assert_eq!(s.call_now(&p, Rights::NONE, push(2)), Some(3));
    // One posted through the inbox (from outside the running system) is not overtaken either:
    // it is delivered, and handled, before the call runs.
    p.tell(Note(0, 3)).unwrap();
    assert_eq!(s.call_now(&p, Rights::NONE, push(4)), Some(5));
    assert_eq!(
        ask(&mut s, &p, Seen).unwrap(),
        [(9, 0), (0, 1), (9, 2), (0, 3), (9, 4)]
    );
    // The reference must carry the rights the call asks for.
    let read_only = p.attenuate(Rights::READ);
    assert_eq!(s.call_now(&read_only, Rights::WRITE, push(3)), None);
    // A panic stops the actor, as in a handler.
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        s.call_now(&p, Rights::NONE, |_: &mut Probe, _| -> () {
            panic!("boom")
        })
    }));
    assert!(matches!(panicked, Ok(None)), "the panic is caught");
    assert!(dropped.load(Ordering::SeqCst), "its resource was released");
    assert_eq!(s.call_now(&p, Rights::NONE, push(4)), None, "gone");
}

#[test]
fn links_stop_each_other_on_abnormal_exit() {
    struct Parent;
    impl Actor for Parent {
        const KIND: &'static str = "parent";
    }
    struct SpawnChild;
    impl Message for SpawnChild {
        type Reply = Addr<Probe>;
    }
    impl Handler<SpawnChild> for Parent {
        fn handle(
            &mut self,
            _: SpawnChild,
            reply: ReplyTo<Addr<Probe>>,
            cx: &mut Context<'_, Self>,
        ) {
            reply.send(cx.spawn_linked(Probe::default()));
        }
    }
    let mut s = System::new().unwrap();
    let parent = s.spawn(Parent);
    let child = ask(&mut s, &parent, SpawnChild).unwrap();
    let parent_down = Rc::new(RefCell::new(None));
    let pd = parent_down.clone();
    s.on_stop(parent.id(), move |d| {
        *pd.borrow_mut() = Some(d.reason.clone())
    });
    child.tell(Boom).unwrap();
    settle(&mut s);
    assert_eq!(
        *parent_down.borrow(),
        Some(StopReason::LinkExited {
            id: child.id(),
            kind: "probe"
        })
    );

    // A normal stop does not propagate.
    let parent = s.spawn(Parent);
    let child = ask(&mut s, &parent, SpawnChild).unwrap();
    child.stop().unwrap();
    settle(&mut s);
    assert!(s.live_actors().iter().any(|a| a.id == parent.id()));
}

#[test]
fn stop_overtakes_queued_messages() {
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    let queued: Vec<_> = (0..5).map(|i| p.ask(Note(0, i))).collect();
    p.stop().unwrap();
    settle(&mut s);
    for f in queued {
        assert_eq!(
            f.wait(),
            Err(ActorError::Stopped {
                kind: "probe",
                reason: StopReason::Normal
            })
        );
    }
}

#[test]
fn stale_address_does_not_reach_the_slots_new_owner() {
    let mut s = System::new().unwrap();
    let old = s.spawn(Probe::default());
    s.kill(old.id());
    let new = s.spawn(Probe::default());
    assert_eq!(old.id().index(), new.id().index());
    assert!(matches!(
        ask(&mut s, &old, Note(0, 0)),
        Err(ActorError::NotFound { .. })
    ));
    assert_eq!(ask(&mut s, &new, Seen).unwrap(), []);
}

#[test]
fn rights_attenuation_and_revocation() {
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    assert_eq!(ask(&mut s, &p, WriteIt), Ok(()));
    let ro = p.attenuate(Rights::READ);
    assert_eq!(
        ask(&mut s, &ro, WriteIt),
        Err(ActorError::PermissionDenied {
            needed: Rights::WRITE,
            held: Rights::READ
        })
    );
    assert_eq!(
        ro.attenuate(Rights::ALL).rights(),
        Rights::READ,
        "never widened"
    );
    assert!(ro.stop().is_err(), "stopping needs CONTROL");

    let (r, revoker) = p.revocable();
    let derived = r.attenuate(Rights::READ | Rights::WRITE);
    let queued = r.ask(Note(0, 0));
    revoker.revoke();
    assert_eq!(
        queued.wait_or_run(&mut s),
        Err(ActorError::Revoked),
        "queued before revoke, handled after"
    );
    assert_eq!(ask(&mut s, &r, Note(0, 0)), Err(ActorError::Revoked));
    assert_eq!(ask(&mut s, &derived, Note(0, 0)), Err(ActorError::Revoked));
    assert!(r.tell(Note(0, 0)).is_err());
    // The original reference is untouched.
    assert_eq!(ask(&mut s, &p, Note(0, 0)), Ok(1));
}

trait WaitOrRun<R> {
    fn wait_or_run(self, s: &mut System) -> Result<R, ActorError>;
}
impl<R> WaitOrRun<R> for actors::ReplyFuture<R> {
    fn wait_or_run(mut self, s: &mut System) -> Result<R, ActorError> {
        loop {
            if let Some(r) = self.try_take() {
                return r;
            }
            s.run_once(Some(Duration::from_millis(5))).unwrap();
        }
    }
}

#[test]
fn liveness_and_listing() {
    let mut s = System::new().unwrap();
    assert!(!s.is_alive());
    let p = s.spawn(Probe::default());
    assert_eq!(s.liveness().refed_actors, 1);
    let listing = s.live_actors();
    assert_eq!(listing.len(), 1);
    assert_eq!(listing[0].kind, "probe");
    assert_eq!(listing[0].holds, "0 messages");
    assert!(listing[0].to_string().starts_with("probe <"));

    struct Unref;
    impl Message for Unref {
        type Reply = ();
    }
    impl Handler<Unref> for Probe {
        fn handle(&mut self, _: Unref, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
            cx.set_ref(false);
            reply.send(());
        }
    }
    ask(&mut s, &p, Unref).unwrap();
    assert!(
        !s.is_alive(),
        "an unref'd actor does not keep the system alive"
    );

    let fired = Rc::new(RefCell::new(false));
    let f = fired.clone();
    let key = s.set_timer(Duration::from_millis(5), move || *f.borrow_mut() = true);
    assert_eq!(s.liveness().refed_timers, 1);
    s.run().unwrap();
    assert!(*fired.borrow(), "run() waited for the ref'd timer");

    let key2 = s.set_timer(Duration::from_secs(3600), || panic!("never"));
    s.set_timer_ref(key2, false);
    assert!(!s.is_alive(), "an unref'd timer does not keep it alive");
    assert!(!s.cancel_timer(key));
    assert!(s.cancel_timer(key2));
}

struct Worker {
    results: Vec<usize>,
}
impl Actor for Worker {
    const KIND: &'static str = "worker";
}
struct Crunch(usize);
impl Message for Crunch {
    type Reply = ();
}
impl Handler<Crunch> for Worker {
    fn handle(&mut self, msg: Crunch, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        for i in 0..msg.0 {
            cx.spawn_blocking(
                move || {
                    std::thread::sleep(Duration::from_micros(50));
                    i * 2
                },
                |this: &mut Worker, r: Result<usize, PoolError>, _| this.results.push(r.unwrap()),
            );
        }
    }
}
struct Results;
impl Message for Results {
    type Reply = Vec<usize>;
}
impl Handler<Results> for Worker {
    fn handle(&mut self, _: Results, reply: ReplyTo<Vec<usize>>, _: &mut Context<'_, Self>) {
        reply.send(self.results.clone());
    }
}

#[test]
fn blocking_work_overflows_instead_of_blocking_the_reactor() {
    let pool = Pool::new(PoolConfig {
        threads: 1,
        queue_capacity: 2,
        name: "tiny".into(),
    })
    .unwrap();
    let mut s = System::with_pool(pool).unwrap();
    let w = s.spawn(Worker { results: vec![] });
    w.tell(Crunch(200)).unwrap();
    s.dispatch();
    assert!(s.liveness().in_flight > 0);
    let results = loop {
        let r = ask(&mut s, &w, Results).unwrap();
        if r.len() == 200 {
            break r;
        }
    };
    assert_eq!(
        results,
        (0..200).map(|i| i * 2).collect::<Vec<_>>(),
        "overflow keeps order"
    );
    s.run_until(|s| s.liveness().in_flight == 0, WAIT).unwrap();
}

#[test]
fn timers_and_callbacks_run_on_the_reactor_thread() {
    struct Tick(u32);
    impl Message for Tick {
        type Reply = ();
    }
    impl Handler<Tick> for Probe {
        fn handle(&mut self, msg: Tick, _: ReplyTo<()>, _: &mut Context<'_, Self>) {
            self.seen.push((99, msg.0));
        }
    }
    struct Schedule;
    impl Message for Schedule {
        type Reply = ();
    }
    impl Handler<Schedule> for Probe {
        fn handle(&mut self, _: Schedule, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
            cx.run_later(Duration::from_millis(10), Tick(2));
            cx.run_later(Duration::from_millis(5), Tick(1));
            let k = cx.run_later(Duration::from_millis(5), Tick(3));
            cx.cancel_timer(k);
            reply.send(());
        }
    }
    let mut s = System::new().unwrap();
    let p = s.spawn(Probe::default());
    ask(&mut s, &p, Schedule).unwrap();
    let reactor_thread = std::thread::current().id();
    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    s.ask_then(&p, Seen, move |r| {
        assert_eq!(std::thread::current().id(), reactor_thread);
        *g.borrow_mut() = Some(r);
    });
    s.run_until(|_| got.borrow().is_some(), WAIT).unwrap();
    assert_eq!(s.liveness().pending_callbacks, 0);
    std::thread::sleep(Duration::from_millis(15));
    settle(&mut s);
    assert_eq!(ask(&mut s, &p, Seen).unwrap(), [(99, 1), (99, 2)]);
}

#[test]
fn a_detached_callback_runs_when_answered_but_keeps_nothing_alive() {
    let mut s = System::new().unwrap();
    assert!(!s.is_alive());
    let got = Rc::new(RefCell::new(Vec::new()));
    let g = got.clone();
    let detached: ReplyTo<u32> = s.detached_callback(move |r| g.borrow_mut().push(r.unwrap()));
    assert!(!s.is_alive(), "only a detached callback waits");
    assert_eq!(s.liveness().pending_callbacks, 0);
    let g = got.clone();
    let kept: ReplyTo<u32> = s.callback(move |r| g.borrow_mut().push(r.unwrap()));
    assert_eq!(s.liveness().pending_callbacks, 1);
    // Answered from another thread, as a read waiting at a terminal would be.
    std::thread::spawn(move || detached.send(7)).join().unwrap();
    s.run_until(|_| !got.borrow().is_empty(), WAIT).unwrap();
    assert_eq!(*got.borrow(), [7]);
    assert_eq!(
        s.liveness().pending_callbacks,
        1,
        "the kept one still counts"
    );
    kept.send(8);
    s.run_until(|_| got.borrow().len() == 2, WAIT).unwrap();
    assert_eq!(*got.borrow(), [7, 8]);
    assert!(!s.is_alive());
}

#[test]
fn spawning_from_another_thread() {
    let mut s = System::new().unwrap();
    let handle = s.handle();
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    let t = std::thread::spawn(move || {
        let addr = handle.spawn(Probe::default()).wait().unwrap();
        let n = addr.ask(Note(1, 1)).wait().unwrap();
        c.store(n, Ordering::SeqCst);
    });
    // The system has nothing of its own to keep it alive until the other thread's requests
    // arrive, so drive it by hand.
    while count.load(Ordering::SeqCst) != 1 {
        s.run_once(Some(WAIT)).unwrap();
    }
    t.join().unwrap();
}

// Regression: `run()` could sleep forever when the last pool task's in-flight count dropped
// after the reactor had already looked at it (the decrement woke nobody). The task here answers,
// then lingers before returning, so the reactor sees the answer while the task still counts.
#[test]
fn run_returns_once_the_last_blocking_task_finishes() {
    struct Lingering(Option<ReplyTo<()>>);
    impl actors::reactor::Task for Lingering {
        fn run(&mut self) {}
        fn finish(mut self: Box<Self>, _: Result<(), PoolError>) {
            if let Some(r) = self.0.take() {
                r.send(());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    struct Submit;
    impl Message for Submit {
        type Reply = ();
    }
    impl Handler<Submit> for Worker {
        fn handle(&mut self, _: Submit, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
            cx.set_ref(false);
            let answered = cx.continuation(
                "worker",
                |this: &mut Worker, _: Result<(), ActorError>, _| {
                    this.results.push(1);
                },
            );
            cx.submit(Box::new(Lingering(Some(answered))));
        }
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut s = System::new().unwrap();
        let w = s.spawn(Worker { results: vec![] });
        w.tell(Submit).unwrap();
        s.run().unwrap();
        tx.send(()).unwrap();
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("run() returned after the task finished");
}
