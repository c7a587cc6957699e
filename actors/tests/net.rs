//! Socket and server actors over loopback TCP (IPv4 and IPv6) and Unix sockets.

use std::cell::RefCell;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::rc::Rc;
use std::time::{Duration, Instant};

use actors::net::SocketAddress;
use actors::server::{Accepted, CloseServer, ListenOptions, Server, ServerCtl};
use actors::socket::{
    Destroy, Pause, READ_ALIGN, Resume, Socket, SocketCtl, SocketEvent, SocketOptions, Write,
};
use actors::{Addr, Rights, System};
use bytes::Bytes;

type Log = Rc<RefCell<Vec<String>>>;

fn describe(ev: &SocketEvent) -> String {
    match ev {
        SocketEvent::Connected => "connect".into(),
        SocketEvent::Data(d) => format!("data {}", String::from_utf8_lossy(d)),
        SocketEvent::End => "end".into(),
        SocketEvent::Drain => "drain".into(),
        SocketEvent::Error(e) => format!("error {} {}", e.syscall, e.raw_os_error().unwrap_or(0)),
        SocketEvent::Closed { had_error } => format!("close {had_error}"),
    }
}

fn run_until(s: &mut System, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        s.run_once(Some(Duration::from_millis(10))).unwrap();
    }
}

/// An echo server that ends its side when the client ends; logs its events.
fn echo_server(s: &mut System, at: SocketAddress, log: Log) -> (Addr<Server>, SocketAddress) {
    let server = Server::bind(
        &at,
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            let log = log.clone();
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                    log.borrow_mut().push(format!("server {}", describe(&ev)));
                    match ev {
                        SocketEvent::Data(d) => {
                            sock.write(d);
                        }
                        SocketEvent::End => sock.end(),
                        _ => {}
                    }
                },
            );
        },
    )
    .unwrap();
    let local = server.local_addr().clone();
    (s.spawn(server), local)
}

fn client(
    s: &mut System,
    to: SocketAddress,
    log: Log,
    send: &'static [&'static str],
) -> Addr<Socket> {
    s.spawn(Socket::connect(
        to,
        SocketOptions::default(),
        move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            log.borrow_mut().push(format!("client {}", describe(&ev)));
            if let SocketEvent::Connected = ev {
                for m in send {
                    sock.write(Bytes::from_static(m.as_bytes()));
                }
                sock.end();
            }
        },
    ))
}

fn echo_round_trip(at: SocketAddress) {
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let (server, local) = echo_server(&mut s, at, log.clone());
    client(&mut s, local, log.clone(), &["hello"]);
    run_until(&mut s, || {
        log.borrow()
            .iter()
            .filter(|l| l.ends_with("close false"))
            .count()
            == 2
    });
    let client_events: Vec<_> = log
        .borrow()
        .iter()
        .filter(|l| l.starts_with("client"))
        .cloned()
        .collect();
    assert_eq!(
        client_events,
        [
            "client connect",
            "client data hello",
            "client end",
            "client close false"
        ]
    );
    let server_events: Vec<_> = log
        .borrow()
        .iter()
        .filter(|l| l.starts_with("server"))
        .cloned()
        .collect();
    assert_eq!(
        server_events,
        ["server data hello", "server end", "server close false"]
    );
    server.tell(CloseServer).unwrap();
    s.run_until(|_| false, Duration::from_millis(10)).unwrap();
    assert!(s.live_actors().is_empty(), "{:?}", s.live_actors());
    assert!(!s.is_alive());
}

#[test]
fn echo_over_ipv4() {
    echo_round_trip(SocketAddress::Inet(SocketAddr::from((
        Ipv4Addr::LOCALHOST,
        0,
    ))));
}

#[test]
fn echo_over_ipv6() {
    echo_round_trip(SocketAddress::Inet(SocketAddr::from((
        Ipv6Addr::LOCALHOST,
        0,
    ))));
}

#[test]
fn echo_over_unix_socket_and_file_removed_on_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("echo.sock");
    echo_round_trip(SocketAddress::Unix(path.clone()));
    assert!(!path.exists(), "closing the server removes its socket file");
}

#[test]
fn echo_over_abstract_unix_name() {
    let name = format!("\0actorjs-test-{}", std::process::id());
    echo_round_trip(SocketAddress::Unix(name.into()));
}

#[test]
fn dual_stack_wildcard_accepts_ipv4() {
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let (_server, local) = echo_server(
        &mut s,
        SocketAddress::Inet(SocketAddr::from((Ipv6Addr::UNSPECIFIED, 0))),
        log.clone(),
    );
    let port = local.port().unwrap();
    client(
        &mut s,
        SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, port))),
        log.clone(),
        &["v4"],
    );
    run_until(&mut s, || {
        log.borrow().iter().any(|l| l == "client data v4")
    });
}

#[test]
fn connection_refused() {
    // Find a free port and leave it closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    client(
        &mut s,
        SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, port))),
        log.clone(),
        &[],
    );
    run_until(&mut s, || log.borrow().len() == 2);
    assert_eq!(
        *log.borrow(),
        [
            format!("client error connect {}", libc::ECONNREFUSED),
            "client close true".into()
        ]
    );
}

#[test]
fn half_close_keeps_the_other_direction_open() {
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let l2 = log.clone();
    // The server answers only after the client has ended its side.
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            let log = l2.clone();
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                    log.borrow_mut().push(format!("server {}", describe(&ev)));
                    if let SocketEvent::End = ev {
                        sock.write(Bytes::from_static(b"late reply"));
                        sock.end();
                    }
                },
            );
        },
    )
    .unwrap();
    let at = server.local_addr().clone();
    s.spawn(server);
    client(&mut s, at, log.clone(), &["question"]);
    run_until(&mut s, || {
        log.borrow().iter().filter(|l| l.contains("close")).count() == 2
    });
    let l = log.borrow();
    let pos = |x: &str| {
        l.iter()
            .position(|e| e == x)
            .unwrap_or_else(|| panic!("{x} missing from {l:?}"))
    };
    assert!(pos("server end") < pos("client data late reply"));
    assert!(pos("client data late reply") < pos("client end"));
}

#[test]
fn reset_is_seen_as_econnreset() {
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                    if let SocketEvent::Data(_) = ev {
                        sock.reset();
                    }
                },
            );
        },
    )
    .unwrap();
    let at = server.local_addr().clone();
    s.spawn(server);
    let l = log.clone();
    s.spawn(Socket::connect(
        at,
        SocketOptions::default(),
        move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            l.borrow_mut().push(describe(&ev));
            if let SocketEvent::Connected = ev {
                sock.write(Bytes::from_static(b"x"));
            }
        },
    ));
    run_until(&mut s, || {
        log.borrow().iter().any(|e| e.starts_with("close"))
    });
    assert_eq!(
        *log.borrow(),
        [
            "connect".to_string(),
            format!("error read {}", libc::ECONNRESET),
            "close true".into()
        ]
    );
}

#[test]
fn backpressure_over_8_mib_loses_nothing() {
    const TOTAL: usize = 8 << 20;
    let mut s = System::new().unwrap();
    let received = Rc::new(RefCell::new(Vec::with_capacity(TOTAL)));
    let paused_once = Rc::new(RefCell::new(false));
    let r = received.clone();
    let p = paused_once.clone();
    // A slow consumer: pauses after each chunk and resumes on a timer-ish cadence by messages.
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            let r = r.clone();
            let p = p.clone();
            let mut n = 0;
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                    if let SocketEvent::Data(d) = ev {
                        r.borrow_mut().extend_from_slice(&d);
                        n += 1;
                        if n % 8 == 0 {
                            *p.borrow_mut() = true;
                            sock.pause();
                            sock.resume();
                        }
                    }
                },
            );
        },
    )
    .unwrap();
    let at = server.local_addr().clone();
    s.spawn(server);
    let data: Bytes = (0..TOTAL)
        .map(|i| (i % 253) as u8)
        .collect::<Vec<u8>>()
        .into();
    let writes_refused = Rc::new(RefCell::new(0usize));
    let drains = Rc::new(RefCell::new(0usize));
    let (wr, dr) = (writes_refused.clone(), drains.clone());
    let to_send = data.clone();
    let mut offset = 0;
    s.spawn(Socket::connect(
        at,
        SocketOptions::default(),
        move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            let mut pump = |sock: &mut SocketCtl<'_, '_>| {
                while offset < TOTAL {
                    let end = (offset + 64 * 1024).min(TOTAL);
                    let ok = sock.write(to_send.slice(offset..end));
                    offset = end;
                    if !ok {
                        *wr.borrow_mut() += 1;
                        return;
                    }
                }
                sock.end();
            };
            match ev {
                SocketEvent::Connected => pump(sock),
                SocketEvent::Drain => {
                    *dr.borrow_mut() += 1;
                    pump(sock)
                }
                _ => {}
            }
        },
    ));
    run_until(&mut s, || received.borrow().len() == TOTAL);
    assert!(
        *received.borrow() == data,
        "bytes arrive complete and in order"
    );
    assert!(
        *writes_refused.borrow() > 0,
        "write() said stop at the high-water mark"
    );
    assert_eq!(
        *writes_refused.borrow(),
        *drains.borrow(),
        "every refusal was followed by a drain"
    );
    assert!(*paused_once.borrow());
}

#[test]
fn try_write_sends_from_the_callers_bytes_and_keeps_order_with_queued_writes() {
    // More than loopback's send and receive buffers hold together.
    const TOTAL: usize = 32 << 20;
    let mut s = System::new().unwrap();
    let received = Rc::new(RefCell::new(Vec::with_capacity(TOTAL)));
    let r = received.clone();
    let server = Server::bind(
        &SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        &ListenOptions::default(),
        move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
            let r = r.clone();
            ctl.spawn_socket(
                conn,
                SocketOptions::default(),
                move |_: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
                    if let SocketEvent::Data(d) = ev {
                        assert_eq!(d.as_ptr() as usize % READ_ALIGN, 0, "reads land aligned");
                        r.borrow_mut().extend_from_slice(&d);
                    }
                },
            );
        },
    )
    .unwrap();
    let at = server.local_addr().clone();
    s.spawn(server);
    let connected = Rc::new(RefCell::new(false));
    let c = connected.clone();
    let client = s.spawn(Socket::connect(
        at,
        SocketOptions::default(),
        move |_: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            if let SocketEvent::Connected = ev {
                *c.borrow_mut() = true;
            }
        },
    ));
    run_until(&mut s, || *connected.borrow());
    let data: Vec<u8> = (0..TOTAL).map(|i| (i % 251) as u8).collect();
    // Nobody reads while the host writes, so the kernel's buffer fills and a write comes back
    // short or refused.
    let mut sent = 0;
    while sent < TOTAL - 1 {
        let end = (sent + 64 * 1024).min(TOTAL - 1);
        let n = s
            .call_now(&client, Rights::WRITE, |sock, cx| {
                sock.try_write(&data[sent..end], cx)
            })
            .expect("an idle socket runs the call")
            .unwrap();
        sent += n;
        if sent < end {
            break;
        }
    }
    assert!(sent > 0, "the kernel took bytes straight from the caller");
    assert!(sent < TOTAL - 1, "the kernel's buffer filled");
    // The rest goes as a message; while it waits in the mailbox the socket is busy, and once it
    // is queued behind a full kernel buffer, try_write takes nothing, keeping the order.
    let rest = Bytes::copy_from_slice(&data[sent..TOTAL - 1]);
    client.tell(Write { data: rest }).unwrap();
    let busy = s.call_now(&client, Rights::WRITE, |sock, cx| sock.try_write(b"x", cx));
    assert!(
        matches!(busy, None | Some(Ok(0))),
        "a call behind a queued write takes nothing: {busy:?}"
    );
    client
        .tell(Write {
            data: Bytes::copy_from_slice(&data[TOTAL - 1..]),
        })
        .unwrap();
    let read_only = client.attenuate(Rights::READ);
    assert!(
        s.call_now(&read_only, Rights::WRITE, |_, _| ()).is_none(),
        "the call needs the right a write message needs"
    );
    run_until(&mut s, || received.borrow().len() == TOTAL);
    assert!(
        *received.borrow() == data,
        "bytes arrive complete and in order"
    );
}

#[test]
fn connect_timeout() {
    // A listener that never accepts, with a backlog that is already full, drops further SYNs,
    // so a new connection attempt hangs until our timeout.
    let listener =
        socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    listener
        .bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into())
        .unwrap();
    listener.listen(0).unwrap();
    let at = listener.local_addr().unwrap().as_socket().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..4 {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
        s.set_nonblocking(true).unwrap();
        let _ = s.connect(&at.into());
        fillers.push(s);
    }
    std::thread::sleep(Duration::from_millis(50));
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let l = log.clone();
    let options = SocketOptions {
        connect_timeout: Some(Duration::from_millis(100)),
        ..SocketOptions::default()
    };
    s.spawn(Socket::connect(
        SocketAddress::Inet(at),
        options,
        move |_: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            l.borrow_mut().push(describe(&ev));
        },
    ));
    run_until(&mut s, || {
        log.borrow().iter().any(|e| e.starts_with("close"))
    });
    assert_eq!(
        *log.borrow(),
        [
            format!("error connect {}", libc::ETIMEDOUT),
            "close true".to_string()
        ]
    );
}

/// A socket made paused reads nothing until `Resume`; `End` is answered once the FIN is out, and
/// a connecting socket binds the local address it was given.
#[test]
fn paused_start_end_answer_and_local_bind() {
    use actors::socket::End;
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let (_server, at) = echo_server(
        &mut s,
        SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        log.clone(),
    );
    let l = log.clone();
    let options = SocketOptions {
        paused: true,
        bind: Some(SocketAddress::Inet(SocketAddr::from((
            Ipv4Addr::LOCALHOST,
            0,
        )))),
        ..SocketOptions::default()
    };
    let sock = s.spawn(Socket::connect(
        at,
        options,
        move |sock: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            if let SocketEvent::Connected = ev {
                let bound = sock.local_addr().and_then(|a| a.port()).unwrap_or(0);
                l.borrow_mut().push(format!("client bound {}", bound != 0));
                sock.write(Bytes::from_static(b"ping"));
            } else {
                l.borrow_mut().push(format!("client {}", describe(&ev)));
            }
        },
    ));
    run_until(&mut s, || {
        log.borrow().iter().any(|l| l == "server data ping")
    });
    // The echo is waiting in the kernel: a paused socket has not read it.
    for _ in 0..5 {
        s.run_once(Some(Duration::from_millis(5))).unwrap();
    }
    assert!(!log.borrow().iter().any(|l| l == "client data ping"));
    sock.tell(Resume).unwrap();
    run_until(&mut s, || {
        log.borrow().iter().any(|l| l == "client data ping")
    });
    let ended = Rc::new(RefCell::new(None));
    let e = ended.clone();
    s.ask_then(&sock, End, move |r| {
        *e.borrow_mut() = Some(r.unwrap().is_ok())
    });
    run_until(&mut s, || ended.borrow().is_some());
    assert_eq!(*ended.borrow(), Some(true));
    run_until(&mut s, || {
        log.borrow().iter().any(|l| l.starts_with("client close"))
    });
    assert_eq!(log.borrow()[0], "client bound true");
}

/// A connected socket keeps the system alive only while it is busy, as an active libuv handle
/// does: reading, or with writes to finish. Paused and idle, it does not, even when ref'd.
#[test]
fn an_idle_socket_keeps_nothing_alive() {
    let mut s = System::new().unwrap();
    let log: Log = Rc::default();
    let at = SocketAddress::Inet(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
    let (server, local) = echo_server(&mut s, at, log);
    let connected = Rc::new(RefCell::new(false));
    let seen = connected.clone();
    let sock = s.spawn(Socket::connect(
        local,
        SocketOptions {
            paused: true,
            ..SocketOptions::default()
        },
        move |_: &mut SocketCtl<'_, '_>, ev: SocketEvent| {
            if let SocketEvent::Connected = ev {
                *seen.borrow_mut() = true;
            }
        },
    ));
    assert!(s.is_alive(), "a connecting socket is busy");
    run_until(&mut s, || *connected.borrow());
    // The server's side reads (it is busy); only the client's idle side is left to count.
    let client_counts =
        |s: &mut System| s.live_actors().iter().any(|a| a.id == sock.id() && a.refed);
    assert!(!client_counts(&mut s), "paused with nothing to write");
    sock.tell(Resume).unwrap();
    s.run_once(Some(Duration::ZERO)).unwrap();
    assert!(client_counts(&mut s), "reading again");
    sock.tell(Pause).unwrap();
    s.run_once(Some(Duration::ZERO)).unwrap();
    assert!(!client_counts(&mut s), "paused again");
    sock.tell(Destroy).unwrap();
    server.tell(CloseServer).unwrap();
    s.run_until(|_| false, Duration::from_millis(10)).unwrap();
    assert!(s.live_actors().is_empty(), "{:?}", s.live_actors());
}
