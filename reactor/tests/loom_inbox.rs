//! loom model of the inbox's sleep handshake: no wake-up is lost, whatever the interleaving of
//! the reactor going to sleep and two threads posting.
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test -p reactor --release --test loom_inbox`.
#![cfg(loom)]

use loom::sync::{Condvar, Mutex};
use loom::thread;
use reactor::{Inbox, Wake};

/// Stands in for the backend's poll: an eventfd-like flag that stays set until the sleeper
/// consumes it.
struct Park {
    woken: Mutex<bool>,
    cv: Condvar,
}

impl Park {
    fn sleep(&self) {
        let mut woken = self.woken.lock().unwrap();
        while !*woken {
            woken = self.cv.wait(woken).unwrap();
        }
        *woken = false;
    }
}

impl Wake for Park {
    fn wake(&self) -> std::io::Result<()> {
        *self.woken.lock().unwrap() = true;
        self.cv.notify_one();
        Ok(())
    }
}

#[test]
fn no_lost_wakeup() {
    loom::model(|| {
        let park = std::sync::Arc::new(Park {
            woken: Mutex::new(false),
            cv: Condvar::new(),
        });
        let inbox = Inbox::<u32>::new(park.clone());
        let s1 = inbox.sender();
        let s2 = inbox.sender();
        let t1 = thread::spawn(move || s1.post(1).unwrap());
        let t2 = thread::spawn(move || s2.post_batch(vec![2, 3]).unwrap());
        let mut got = Vec::new();
        // The reactor's loop: sleep only when `prepare_sleep` allows it. If a wake-up were lost,
        // this would block forever and loom would report a deadlock.
        while got.len() < 3 {
            if inbox.prepare_sleep() {
                park.sleep();
                inbox.finish_sleep();
            }
            inbox.drain_into(&mut got);
        }
        got.sort();
        assert_eq!(got, [1, 2, 3]);
        t1.join().unwrap();
        t2.join().unwrap();
        assert!(inbox.wake_count() <= 2);
    });
}
