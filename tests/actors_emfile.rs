//! Running out of descriptors: the server reports EMFILE as an error (once), keeps listening, and
//! accepts the waiting connections by itself once descriptors are freed. Opening files reports
//! EMFILE the same way and works again afterwards.
//!
//! This binary lowers its own descriptor limit, so it holds this one test only.

mod util;

use std::cell::RefCell;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::rc::Rc;

use actors::System;
use actors::net::SocketAddress;
use actors::pool::{DiskPool, OpenFile};
use actors::server::{Accepted, ListenOptions, Server, ServerCtl, ServerHandler};
use util::run_until;

#[derive(Clone, Default)]
struct Seen {
    accepted: Rc<RefCell<usize>>,
    errors: Rc<RefCell<Vec<i32>>>,
}

impl ServerHandler for Seen {
    fn connection(&mut self, _: &mut ServerCtl<'_, '_>, conn: Accepted) {
        drop(conn);
        *self.accepted.borrow_mut() += 1;
    }

    fn error(&mut self, _: &mut ServerCtl<'_, '_>, err: actors::net::NetError) {
        assert_eq!(err.syscall, "accept");
        self.errors
            .borrow_mut()
            .push(err.raw_os_error().unwrap_or(0));
    }
}

fn set_fd_limit(n: u64) -> libc::rlimit {
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `old` is a valid rlimit to fill.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut old) }, 0);
    let new = libc::rlimit {
        rlim_cur: n,
        rlim_max: old.rlim_max,
    };
    // SAFETY: `new` is a valid rlimit.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) }, 0);
    old
}

#[test]
fn emfile_is_reported_and_the_system_recovers() {
    let mut s = System::new().unwrap();
    let disk = s.spawn(DiskPool);
    let seen = Seen::default();
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        seen.clone(),
    )
    .unwrap();
    let port = server.local_addr().port().unwrap();
    s.spawn(server);
    s.dispatch();

    let old = set_fd_limit(util::fd_count() as u64 + 40);
    // Three clients connect (the kernel completes the handshakes), then every remaining descriptor
    // is taken.
    let clients: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let mut hog = Vec::new();
    while let Ok(f) = std::fs::File::open("/dev/null") {
        hog.push(f);
    }

    run_until(&mut s, |_| !seen.errors.borrow().is_empty());
    assert_eq!(*seen.errors.borrow(), [libc::EMFILE]);
    assert_eq!(*seen.accepted.borrow(), 0);
    // Opening a file fails the same way, as an error rather than a crash.
    let mut open = disk.ask(OpenFile {
        path: "/dev/null".into(),
        flags: libc::O_RDONLY,
        mode: 0,
    });
    let mut opened = None;
    run_until(&mut s, |_| {
        opened = open.try_take();
        opened.is_some()
    });
    let err = opened.unwrap().unwrap().unwrap_err();
    assert_eq!(
        (err.syscall, err.raw_os_error()),
        ("open", Some(libc::EMFILE))
    );

    // Free the descriptors: the server's retry accepts the waiting clients without new readiness.
    drop(hog);
    run_until(&mut s, |_| *seen.accepted.borrow() == 3);
    assert_eq!(seen.errors.borrow().len(), 1, "one report per episode");
    let mut open = disk.ask(OpenFile {
        path: "/dev/null".into(),
        flags: libc::O_RDONLY,
        mode: 0,
    });
    let mut opened = None;
    run_until(&mut s, |_| {
        opened = open.try_take();
        opened.is_some()
    });
    assert!(opened.unwrap().unwrap().is_ok());
    drop(clients);
    // SAFETY: `old` came from getrlimit.
    unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &old) };
}
