//! A TCP echo server built from actorjs's server and socket actors, with no JavaScript involved.
//!
//! Run it:
//!
//! ```text
//! cargo run -p actorjs-examples --example tcp_echo            # listens on 127.0.0.1:9000
//! cargo run -p actorjs-examples --example tcp_echo -- [::1]:9001
//! ```
//!
//! Poke it from another terminal with `nc 127.0.0.1 9000`: every line you type comes back.
//! Press Ctrl-D in `nc` to half-close; the server ends its side too. Ctrl-C stops the server.
//!
//! What it shows:
//! - [`Server::bind`] listens; the [`System`] runs its accept loop on the reactor thread.
//! - Each connection becomes a [`Socket`] actor whose handler gets events (`Data`, `End`, `Closed`)
//!   and answers through [`SocketCtl`], without a message round trip.
//! - `write` returning false means the peer reads slower than we write: pausing reads until
//!   `Drain` keeps memory bounded (the backpressure a Node `pipe` does).

use std::net::SocketAddr;

use actors::System;
use actors::net::SocketAddress;
use actors::server::{Accepted, ListenOptions, Server, ServerCtl};
use actors::socket::{SocketCtl, SocketEvent, SocketOptions};

fn main() -> std::io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:9000".into())
        .parse()
        .expect("an address like 127.0.0.1:9000");

    let mut system = System::new()?;
    let server = Server::bind(
        &SocketAddress::Inet(addr),
        &ListenOptions::default(),
        |server: &mut ServerCtl<'_, '_>, conn: Accepted| {
            println!("connection from {}", conn.peer);
            server.spawn_socket(conn, SocketOptions::default(), echo);
        },
    )?;
    println!(
        "echoing on {} (try: nc {} {})",
        server.local_addr(),
        addr.ip(),
        server.local_addr().port().unwrap_or(0)
    );
    system.spawn(server);
    // The server is ref'd, so this runs until the process is stopped.
    system.run()
}

/// One connection's behaviour.
fn echo(sock: &mut SocketCtl<'_, '_>, event: SocketEvent) {
    match event {
        SocketEvent::Data(bytes) => {
            if !sock.write(bytes) {
                // The peer is behind: stop reading until our queue drains.
                sock.pause();
            }
        }
        SocketEvent::Drain => sock.resume(),
        SocketEvent::End => sock.end(),
        SocketEvent::Error(e) => eprintln!("connection error: {e}"),
        SocketEvent::Closed { .. } => {
            if let Some(peer) = sock.peer_addr() {
                println!("{peer} closed");
            }
        }
        SocketEvent::Connected => {}
    }
}
