//! A panicking handler takes down its own actor and nothing else: the connection it served is
//! closed (the peer sees the end), the system and the other connections keep working, and no
//! descriptor is left behind.

mod util;

use std::cell::RefCell;
use std::net::{Ipv4Addr, SocketAddr};
use std::rc::Rc;

use actors::System;
use actors::net::SocketAddress;
use actors::server::{Accepted, CloseServer, ListenOptions, Server, ServerCtl};
use actors::socket::{Destroy, Socket, SocketCtl, SocketEvent, SocketOptions, Write};
use bytes::Bytes;
use util::{eventually, fd_count, run_until};

type Log = Rc<RefCell<Vec<String>>>;

fn client(at: &SocketAddress, first: &'static str, log: Log) -> Socket {
    Socket::connect(
        at.clone(),
        SocketOptions::default(),
        move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            let line = match ev {
                SocketEvent::Connected => {
                    sock.write(Bytes::from_static(first.as_bytes()));
                    return;
                }
                SocketEvent::Data(d) => format!("{first}: data {}", String::from_utf8_lossy(&d)),
                SocketEvent::End => {
                    // As Node does without allowHalfOpen: the peer ended, so end too.
                    sock.end();
                    format!("{first}: end")
                }
                SocketEvent::Closed { .. } => format!("{first}: closed"),
                _ => return,
            };
            log.borrow_mut().push(line);
        },
    )
}

#[test]
fn a_panicking_connection_handler_stops_only_its_connection() {
    let mut s = System::new().unwrap();
    s.dispatch();
    let before = fd_count();
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| match ev {
                    SocketEvent::Data(data) => {
                        assert!(&data[..] != b"boom", "the handler refuses to echo boom");
                        sock.write(data);
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
    let log: Log = Rc::default();
    let fine = s.spawn(client(&at, "fine", log.clone()));
    run_until(&mut s, |_| {
        log.borrow().iter().any(|l| l == "fine: data fine")
    });
    s.spawn(client(&at, "boom", log.clone()));

    // The server-side actor for "boom" panics; its socket closes, so the client reads the end.
    run_until(&mut s, |_| log.borrow().iter().any(|l| l == "boom: closed"));
    assert!(log.borrow().iter().any(|l| l == "boom: end"));
    assert!(!log.borrow().iter().any(|l| l.starts_with("boom: data")));

    // The other connection and the server are unaffected.
    fine.tell(Write {
        data: Bytes::from_static(b"still here"),
    })
    .unwrap();
    run_until(&mut s, |_| {
        log.borrow().iter().any(|l| l == "fine: data still here")
    });
    let sockets = s
        .live_actors()
        .iter()
        .filter(|a| a.kind == "socket")
        .count();
    assert_eq!(
        sockets,
        2,
        "the fine client and its server-side actor: {:?}",
        s.live_actors()
    );

    fine.tell(Destroy).unwrap();
    server.tell(CloseServer).unwrap();
    run_until(&mut s, |s| s.live_actors().is_empty());
    eventually(|| fd_count() == before);
}
