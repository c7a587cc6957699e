//! No descriptor leaks: thousands of file opens and closes, accepted connections, refused
//! connects, killed actors and abandoned opens all leave `/proc/self/fd` where it started.

mod util;

use std::cell::Cell;
use std::net::{Ipv4Addr, SocketAddr};
use std::rc::Rc;

use actors::System;
use actors::file::{Close, Read, WriteAll};
use actors::net::SocketAddress;
use actors::pool::{DiskPool, OpenFile};
use actors::server::{Accepted, CloseServer, ListenOptions, Server, ServerCtl};
use actors::socket::{Socket, SocketCtl, SocketEvent, SocketOptions};
use bytes::Bytes;
use util::{eventually, fd_count, run_until};

#[test]
fn descriptors_return_to_where_they_started() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = System::new().unwrap();
    let disk = s.spawn(DiskPool);
    // Let the system settle (pool threads, reactor descriptors) before counting.
    s.dispatch();
    let before = fd_count();

    // 2,000 files: open, write, read, close.
    let done = Rc::new(Cell::new(0));
    for i in 0..2000 {
        let path = dir.path().join(format!("f{}", i % 50));
        let d = done.clone();
        s.ask_then(
            &disk,
            OpenFile {
                path,
                flags: libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC,
                mode: 0o600,
            },
            move |r| {
                let file = r.unwrap().unwrap();
                let _ = file.tell(WriteAll {
                    data: Bytes::from_static(b"data"),
                    cancel: None,
                });
                let _ = file.tell(Read {
                    len: 16,
                    cancel: None,
                });
                let _ = file.tell(Close {});
                d.set(d.get() + 1);
            },
        );
        // Keep a bounded number in flight.
        if i % 100 == 99 {
            run_until(&mut s, |_| done.get() == i + 1);
        }
    }
    run_until(&mut s, |s| {
        done.get() == 2000 && !s.live_actors().iter().any(|a| a.kind == "file")
    });

    // 500 opens whose requester went away: the file is closed, not leaked.
    for i in 0..500 {
        let f = disk.ask(OpenFile {
            path: dir.path().join(format!("g{i}")),
            flags: libc::O_RDONLY | libc::O_CREAT,
            mode: 0o600,
        });
        drop(f);
    }
    run_until(&mut s, |s| {
        s.liveness().in_flight == 0 && !s.live_actors().iter().any(|a| a.kind == "file")
    });

    // 1,000 accepted connections, each echoing one message and closing.
    let accepted = Rc::new(Cell::new(0));
    let closed = Rc::new(Cell::new(0));
    let (a, c) = (accepted.clone(), closed.clone());
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            a.set(a.get() + 1);
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| match ev {
                    SocketEvent::Data(d) => {
                        sock.write(d);
                    }
                    SocketEvent::End => sock.end(),
                    _ => {}
                },
            );
        },
    )
    .unwrap();
    let at = server.local_addr().clone();
    let server = s.spawn(server);
    for round in 0..10 {
        for _ in 0..100 {
            let c = c.clone();
            s.spawn(Socket::connect(
                at.clone(),
                SocketOptions::default(),
                move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| match ev {
                    SocketEvent::Connected => {
                        sock.write(Bytes::from_static(b"ping"));
                        sock.end();
                    }
                    SocketEvent::Closed { .. } => c.set(c.get() + 1),
                    _ => {}
                },
            ));
        }
        run_until(&mut s, |_| closed.get() == (round + 1) * 100);
    }
    assert_eq!(accepted.get(), 1000);

    // 500 refused connections.
    let refused_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let refused = Rc::new(Cell::new(0));
    for _ in 0..500 {
        let r = refused.clone();
        s.spawn(Socket::connect(
            SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, refused_port))),
            SocketOptions::default(),
            move |_: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                if let SocketEvent::Closed { had_error: true } = ev {
                    r.set(r.get() + 1);
                }
            },
        ));
    }
    run_until(&mut s, |_| refused.get() == 500);

    // Killed actors holding files: closed on the pool.
    let mut opening: Vec<_> = (0..200)
        .map(|i| {
            disk.ask(OpenFile {
                path: dir.path().join(format!("k{i}")),
                flags: libc::O_RDWR | libc::O_CREAT,
                mode: 0o600,
            })
        })
        .collect();
    let mut files = Vec::new();
    run_until(&mut s, |_| {
        opening.retain_mut(|f| match f.try_take() {
            Some(r) => {
                files.push(r.unwrap().unwrap());
                false
            }
            None => true,
        });
        opening.is_empty()
    });
    assert!(fd_count() >= before + 200);
    for f in &files {
        s.kill(f.id());
    }

    server.tell(CloseServer).unwrap();
    run_until(&mut s, |s| {
        s.live_actors().iter().all(|a| a.kind == "disk pool") && s.liveness().in_flight == 0
    });
    eventually(|| fd_count() == before);
    assert_eq!(fd_count(), before);
}
