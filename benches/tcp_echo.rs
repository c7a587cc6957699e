//! TCP echo round trips of 64-byte messages over loopback: through the socket and server actors,
//! and through a plain mio echo loop, in the same run with the same client.

use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use actors::System;
use actors::net::SocketAddress;
use actors::server::{Accepted, ListenOptions, Server, ServerCtl};
use actors::socket::{SocketCtl, SocketEvent, SocketOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use mio::net::TcpListener;
use mio::{Events, Interest, Poll, Token};

/// An echo server on actors, in its own thread; returns its address.
fn actor_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut s = System::new().unwrap();
        let options = SocketOptions {
            no_delay: true,
            ..SocketOptions::default()
        };
        let server = Server::bind(
            &SocketAddress::Inet("127.0.0.1:0".parse().unwrap()),
            &ListenOptions::default(),
            move |ctl: &mut ServerCtl<'_, '_>, conn: Accepted| {
                ctl.spawn_socket(
                    conn,
                    options.clone(),
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
        let SocketAddress::Inet(at) = server.local_addr().clone() else {
            unreachable!()
        };
        s.spawn(server);
        tx.send(at).unwrap();
        s.run().unwrap();
    });
    rx.recv().unwrap()
}

/// The same echo server as a hand-written mio loop.
fn mio_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut poll = Poll::new().unwrap();
        let mut listener = TcpListener::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        poll.registry()
            .register(&mut listener, Token(0), Interest::READABLE)
            .unwrap();
        tx.send(listener.local_addr().unwrap()).unwrap();
        let mut events = Events::with_capacity(128);
        let mut conns = HashMap::new();
        let mut next = 1;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            poll.poll(&mut events, None).unwrap();
            for ev in events.iter() {
                if ev.token() == Token(0) {
                    while let Ok((mut c, _)) = listener.accept() {
                        c.set_nodelay(true).unwrap();
                        poll.registry()
                            .register(&mut c, Token(next), Interest::READABLE)
                            .unwrap();
                        conns.insert(next, c);
                        next += 1;
                    }
                    continue;
                }
                let id = ev.token().0;
                let mut closed = false;
                if let Some(c) = conns.get_mut(&id) {
                    loop {
                        match c.read(&mut buf) {
                            Ok(0) => {
                                closed = true;
                                break;
                            }
                            Ok(n) => c.write_all(&buf[..n]).unwrap(),
                            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                            Err(_) => {
                                closed = true;
                                break;
                            }
                        }
                    }
                }
                if closed {
                    conns.remove(&id);
                }
            }
        }
    });
    rx.recv().unwrap()
}

fn client(at: SocketAddr) -> TcpStream {
    let c = TcpStream::connect(at).unwrap();
    c.set_nodelay(true).unwrap();
    c
}

fn round_trip(c: &mut TcpStream, msg: &[u8; 64], buf: &mut [u8; 64]) {
    c.write_all(msg).unwrap();
    c.read_exact(buf).unwrap();
}

fn echo(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("tcp_echo_64b");
    g.measurement_time(Duration::from_secs(5));
    let msg = [7u8; 64];
    let mut buf = [0u8; 64];
    let mut via_actors = client(actor_server());
    let mut via_mio = client(mio_server());
    g.bench_function("actors", |b| {
        b.iter(|| round_trip(&mut via_actors, &msg, &mut buf))
    });
    g.bench_function("plain_mio", |b| {
        b.iter(|| round_trip(&mut via_mio, &msg, &mut buf))
    });
    g.finish();
}

criterion_group!(benches, echo);
criterion_main!(benches);
