//! Compile-time checks: what crosses threads is `Send` (and `Sync` where shared), as tokio's
//! `tests/async_send_sync.rs` does. A change that loses one of these fails to compile here.

use actors::file::{CancelToken, File};
use actors::net::{NetError, SocketAddress};
use actors::pool::{DiskPool, FsError, Stat};
use actors::socket::Socket;
use actors::{ActorError, Addr, ReplyFuture, ReplyTo, Revoker, Rights, SystemHandle};

fn send<T: Send>() {}
fn sync<T: Sync>() {}

#[test]
fn cross_thread_types() {
    send::<Addr<File>>();
    sync::<Addr<File>>();
    send::<Addr<Socket>>();
    send::<Addr<DiskPool>>();
    send::<ReplyTo<Vec<u8>>>();
    send::<ReplyFuture<Vec<u8>>>();
    send::<SystemHandle>();
    sync::<SystemHandle>();
    send::<Revoker>();
    sync::<Revoker>();
    send::<CancelToken>();
    sync::<CancelToken>();
    send::<Stat>();
    send::<FsError>();
    send::<NetError>();
    send::<ActorError>();
    send::<SocketAddress>();
    send::<Rights>();
    // `System` is deliberately absent: it stays on its thread, owning actors that need not be
    // `Send`; other threads reach it through `SystemHandle` and addresses.
}
