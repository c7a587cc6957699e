//! The signal actor. Signals belong to the process, so this file holds one test.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use actors::signals::{Signals, UnwatchSignal, WatchSignal};
use actors::{Rights, System};

fn run_until(s: &mut System, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        s.run_once(Some(Duration::from_millis(10))).unwrap();
    }
}

fn raise(signo: i32) {
    // SAFETY: plain syscall.
    assert_eq!(unsafe { libc::kill(libc::getpid(), signo) }, 0);
}

#[test]
fn signals_arrive_as_events_and_unwatching_restores_the_default() {
    let mut s = System::new().unwrap();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen2 = seen.clone();
    let signals = s.spawn(Signals::new(move |signo: i32| {
        seen2.borrow_mut().push(signo)
    }));
    assert!(
        !s.is_alive(),
        "a signal actor does not keep the system alive"
    );

    let watch = |s: &mut System, signo| {
        s.call_now(&signals, Rights::CONTROL, |a, cx| a.watch(signo, cx))
            .unwrap()
            .map_err(|e| e.raw_os_error())
    };
    assert_eq!(watch(&mut s, libc::SIGUSR1), Ok(()));
    assert_eq!(watch(&mut s, libc::SIGWINCH), Ok(()));
    assert_eq!(watch(&mut s, libc::SIGKILL), Err(Some(libc::EINVAL)));
    assert_eq!(watch(&mut s, libc::SIGSTOP), Err(Some(libc::EINVAL)));

    raise(libc::SIGUSR1);
    raise(libc::SIGWINCH);
    run_until(&mut s, || seen.borrow().len() == 2);
    // Two signals pending at once may be delivered in either order.
    seen.borrow_mut().sort();
    assert_eq!(*seen.borrow(), [libc::SIGUSR1, libc::SIGWINCH]);

    // A second actor cannot take the process's signals while the first holds them.
    let other = s.spawn(Signals::new(|_: i32| {}));
    let taken = s
        .call_now(&other, Rights::CONTROL, |a, cx| a.watch(libc::SIGUSR2, cx))
        .unwrap();
    assert_eq!(taken.unwrap_err().raw_os_error(), Some(libc::EBUSY));

    // The message forms, as another actor would send them.
    let mut answer = signals.ask(WatchSignal(libc::SIGUSR2));
    run_until(&mut s, || {
        answer.try_take().is_some_and(|r| r == Ok(Ok(())))
    });
    raise(libc::SIGUSR2);
    run_until(&mut s, || seen.borrow().len() == 3);
    signals.tell(UnwatchSignal(libc::SIGUSR2)).unwrap();
    s.run_once(Some(Duration::ZERO)).unwrap();

    // Unwatched, SIGWINCH is ignored again by default (its default action), and SIGUSR1 would
    // end the process: check the disposition rather than raise it.
    s.call_now(&signals, Rights::CONTROL, |a, _| {
        a.unwatch(libc::SIGUSR1);
        a.unwatch(libc::SIGWINCH);
    })
    .unwrap();
    for signo in [libc::SIGUSR1, libc::SIGWINCH, libc::SIGUSR2] {
        // SAFETY: an all-zero sigaction is valid storage for the current one.
        let mut now: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: storage for the current action.
        let got = unsafe { libc::sigaction(signo, std::ptr::null(), &mut now) };
        assert_eq!(got, 0);
        assert_eq!(
            now.sa_sigaction,
            libc::SIG_DFL,
            "signal {signo} has its default back"
        );
    }
    assert_eq!(seen.borrow().len(), 3);
}
