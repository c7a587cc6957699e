//! loom models of the actor system's cross-thread pieces: the reply slot (answering races the
//! requester dropping its future) and revocation (a send races `revoke`).
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test -p actors --release --lib loom_models`.

use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::sync::{Arc, Mutex};
use loom::thread;

use crate::error::ActorError;
use crate::reply::ReplyTo;
use crate::rights::{Revocation, Revoker};

/// Counts its drops.
struct Tracked(Arc<AtomicUsize>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn answer_races_dropping_the_future() {
    loom::model(|| {
        let drops = Arc::new(AtomicUsize::new(0));
        let (reply, mut future) = ReplyTo::<Tracked>::future("model");
        let d = drops.clone();
        let answerer = thread::spawn(move || reply.send(Tracked(d)));
        // The requester looks once, then gives up.
        let got = future.try_take();
        drop(future);
        answerer.join().unwrap();
        drop(got);
        // Whoever ended up with the value dropped it, exactly once.
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn dropped_reply_races_dropping_the_future() {
    loom::model(|| {
        let (reply, mut future) = ReplyTo::<u32>::future("model");
        let dropper = thread::spawn(move || drop(reply));
        let got = future.try_take();
        drop(future);
        dropper.join().unwrap();
        if let Some(r) = got {
            assert_eq!(r, Err(ActorError::NoReply { kind: "model" }));
        }
    });
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Outcome {
    DeniedAtSend,
    RevokedAtDelivery,
    Handled,
}

#[test]
fn revocation_races_a_send() {
    loom::model(|| {
        // A reference derived from a revocable one: revoking the parent must reach it.
        let parent = Revocation::new(None);
        let cell = Revocation::new(Some(parent.clone()));
        let revoker = Revoker::new(parent);
        let revoked = Arc::new(AtomicBool::new(false));
        let mailbox: Arc<Mutex<Vec<bool>>> = Arc::new(Mutex::new(Vec::new()));
        let outcome: Arc<Mutex<Option<Outcome>>> = Arc::new(Mutex::new(None));

        // The revoker.
        let r = revoked.clone();
        let revoking = thread::spawn(move || {
            revoker.revoke();
            r.store(true, Ordering::Release);
        });

        // The sender: checks at send; if allowed, the envelope goes to the mailbox, remembering
        // whether the sender had already seen the revocation complete.
        let (c, r, m, o) = (
            cell.clone(),
            revoked.clone(),
            mailbox.clone(),
            outcome.clone(),
        );
        let sending = thread::spawn(move || {
            let saw_revoke_done = r.load(Ordering::Acquire);
            if c.is_revoked() {
                *o.lock().unwrap() = Some(Outcome::DeniedAtSend);
            } else {
                assert!(
                    !saw_revoke_done,
                    "a send after revoke() returned must be refused"
                );
                m.lock().unwrap().push(true);
            }
        });

        // The reactor thread: delivers whatever reached the mailbox, checking again.
        sending.join().unwrap();
        let saw_revoke_done = revoked.load(Ordering::Acquire);
        if mailbox.lock().unwrap().pop().is_some() {
            let o = if cell.is_revoked() {
                Outcome::RevokedAtDelivery
            } else {
                assert!(
                    !saw_revoke_done,
                    "a message handled after revoke() returned"
                );
                Outcome::Handled
            };
            *outcome.lock().unwrap() = Some(o);
        }
        revoking.join().unwrap();
        // Exactly one outcome for the one send, and the reference ends up revoked.
        assert!(outcome.lock().unwrap().is_some());
        assert!(cell.is_revoked());
    });
}
