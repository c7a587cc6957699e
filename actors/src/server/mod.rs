//! The server actor: a listening socket and its accept loop.
//!
//! On readability it accepts until the kernel has no more connections and hands each to its
//! [`ServerHandler`], which usually spawns a [`Socket`] for it. When accepting fails for lack of
//! descriptors (`EMFILE`, `ENFILE`) or memory, the handler hears the error once and the server
//! retries on a timer, backing off from 10 ms to 1 s, so it recovers by itself once descriptors are
//! freed. Closing a server listening on a Unix socket path removes the socket file, as libuv does.

use std::fmt;
use std::io;
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::time::Duration;

use reactor::{Interest, Ready, TimerKey, Token};
use socket2::Socket as RawSocket;

use crate::actor::{Actor, Handler, Message};
use crate::addr::Addr;
use crate::context::Context;
use crate::net::{NetError, NetResult, SocketAddress};
use crate::reply::ReplyTo;
use crate::rights::Rights;
use crate::socket::{Socket, SocketHandler, SocketOptions};

/// Options for [`Server::bind`].
#[derive(Debug, Clone)]
pub struct ListenOptions {
    /// The accept backlog (Node's default is 511).
    pub backlog: i32,
    /// `SO_REUSEPORT`.
    pub reuse_port: bool,
    /// `IPV6_V6ONLY`: an IPv6 wildcard address does not also accept IPv4.
    pub ipv6_only: bool,
}

impl Default for ListenOptions {
    fn default() -> ListenOptions {
        ListenOptions {
            backlog: 511,
            reuse_port: false,
            ipv6_only: false,
        }
    }
}

/// A connection the server accepted.
#[derive(Debug)]
pub struct Accepted {
    /// The connected socket (non-blocking, close-on-exec).
    pub socket: RawSocket,
    /// The peer's address.
    pub peer: SocketAddress,
}

/// Receives a server's connections and errors.
pub trait ServerHandler: 'static {
    /// A new connection.
    fn connection(&mut self, server: &mut ServerCtl<'_, '_>, conn: Accepted);

    /// Accepting failed; the server keeps listening and retries.
    fn error(&mut self, server: &mut ServerCtl<'_, '_>, err: NetError) {
        let _ = (server, err);
    }
}

impl<F> ServerHandler for F
where
    F: FnMut(&mut ServerCtl<'_, '_>, Accepted) + 'static,
{
    fn connection(&mut self, server: &mut ServerCtl<'_, '_>, conn: Accepted) {
        self(server, conn)
    }
}

/// A listening socket actor. See the [module documentation](self).
pub struct Server {
    listener: Option<RawSocket>,
    token: Option<Token>,
    local: SocketAddress,
    handler: Option<Box<dyn ServerHandler>>,
    retry: Option<TimerKey>,
    backoff: Duration,
    unix_file: Option<PathBuf>,
    accepted: u64,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Server({})", self.local)
    }
}

const MIN_BACKOFF: Duration = Duration::from_millis(10);
const MAX_BACKOFF: Duration = Duration::from_secs(1);

impl Server {
    /// Binds and listens on `addr` (port 0 picks a free port; `::` also accepts IPv4 unless
    /// `ipv6_only`). Errors are reported with the syscall `listen`, as Node does.
    pub fn bind(
        addr: &SocketAddress,
        options: &ListenOptions,
        handler: impl ServerHandler,
    ) -> NetResult<Server> {
        let fail = |e: io::Error| NetError::new("listen", e).at(addr);
        let sock = addr.new_socket().map_err(fail)?;
        if let SocketAddress::Inet(a) = addr {
            sock.set_reuse_address(true).map_err(fail)?;
            if a.is_ipv6() {
                sock.set_only_v6(options.ipv6_only).map_err(fail)?;
            }
            if options.reuse_port {
                sock.set_reuse_port(true).map_err(fail)?;
            }
        }
        sock.bind(&addr.to_sockaddr().map_err(fail)?)
            .map_err(fail)?;
        sock.listen(options.backlog).map_err(fail)?;
        let local = sock
            .local_addr()
            .map(|a| SocketAddress::from_sockaddr(&a))
            .map_err(fail)?;
        Ok(Server {
            listener: Some(sock),
            token: None,
            unix_file: addr.unix_file().map(PathBuf::from),
            local,
            handler: Some(Box::new(handler)),
            retry: None,
            backoff: MIN_BACKOFF,
            accepted: 0,
        })
    }

    /// The address it listens on (with the port the kernel picked).
    pub fn local_addr(&self) -> &SocketAddress {
        &self.local
    }

    fn accept_all(&mut self, cx: &mut Context<'_, Self>) {
        loop {
            let Some(listener) = &self.listener else {
                return;
            };
            match listener.accept() {
                Ok((socket, peer)) => {
                    self.backoff = MIN_BACKOFF;
                    if let Err(e) = socket.set_nonblocking(true) {
                        self.report(NetError::new("accept", e), cx);
                        continue;
                    }
                    self.accepted += 1;
                    let conn = Accepted {
                        socket,
                        peer: SocketAddress::from_sockaddr(&peer),
                    };
                    self.with_handler(cx, |h, ctl| h.connection(ctl, conn));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e)
                    if matches!(
                        e.raw_os_error(),
                        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM)
                    ) =>
                {
                    // Out of descriptors: the connection stays in the backlog. Say so once per
                    // episode and try again later; no new readiness edge would come for it.
                    if self.retry.is_none() {
                        if self.backoff == MIN_BACKOFF {
                            self.report(NetError::new("accept", e), cx);
                        }
                        self.retry = Some(cx.run_later(self.backoff, RetryAccept));
                        self.backoff = (self.backoff * 2).min(MAX_BACKOFF);
                    }
                    return;
                }
                // The peer gave up before we accepted (ECONNABORTED) and the like: next one.
                Err(e) if e.raw_os_error() == Some(libc::ECONNABORTED) => continue,
                Err(e) => {
                    self.report(NetError::new("accept", e), cx);
                    return;
                }
            }
        }
    }

    fn report(&mut self, err: NetError, cx: &mut Context<'_, Self>) {
        self.with_handler(cx, |h, ctl| h.error(ctl, err));
    }

    fn with_handler(
        &mut self,
        cx: &mut Context<'_, Self>,
        f: impl FnOnce(&mut dyn ServerHandler, &mut ServerCtl<'_, '_>),
    ) {
        if let Some(mut h) = self.handler.take() {
            let mut ctl = ServerCtl {
                server: self,
                cx,
                close: false,
            };
            f(&mut *h, &mut ctl);
            let close = ctl.close;
            self.handler = Some(h);
            if close {
                self.close(cx);
            }
        }
    }

    fn close(&mut self, cx: &mut Context<'_, Self>) {
        if let Some(t) = self.token.take() {
            let _ = cx.deregister(t);
        }
        if let Some(k) = self.retry.take() {
            cx.cancel_timer(k);
        }
        self.listener = None;
        self.remove_socket_file();
        cx.stop();
    }

    fn remove_socket_file(&mut self) {
        if let Some(p) = self.unix_file.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

impl Actor for Server {
    const KIND: &'static str = "server";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        let fd = self.listener.as_ref().map(|l| l.as_raw_fd());
        if let Some(fd) = fd {
            match cx.register(fd, Interest::READABLE) {
                Ok(t) => self.token = Some(t),
                Err(e) => {
                    self.report(NetError::new("listen", e), cx);
                    self.close(cx);
                    return;
                }
            }
            // Connections may have queued between listen and registration.
            self.accept_all(cx);
        }
    }

    fn ready(&mut self, _: Token, _: Ready, cx: &mut Context<'_, Self>) {
        if self.retry.is_none() {
            self.accept_all(cx);
        }
    }

    fn holds(&self) -> String {
        match &self.listener {
            Some(l) => format!(
                "fd {} listening on {}, {} accepted",
                l.as_raw_fd(),
                self.local,
                self.accepted
            ),
            None => format!("closed, was {}", self.local),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.remove_socket_file();
    }
}

/// Steers a server from inside its handler.
pub struct ServerCtl<'s, 'c> {
    server: &'s mut Server,
    cx: &'s mut Context<'c, Server>,
    close: bool,
}

impl ServerCtl<'_, '_> {
    /// Spawns a socket actor for an accepted connection.
    pub fn spawn_socket(
        &mut self,
        conn: Accepted,
        options: SocketOptions,
        handler: impl SocketHandler,
    ) -> Addr<Socket> {
        self.cx
            .spawn(Socket::accepted(conn.socket, options, handler))
    }

    /// Stops listening after this call (existing connections are not touched).
    pub fn close(&mut self) {
        self.close = true;
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> &SocketAddress {
        &self.server.local
    }

    /// The server's own address.
    pub fn addr(&self) -> Addr<Server> {
        self.cx.addr()
    }
}

struct RetryAccept;
impl Message for RetryAccept {
    type Reply = ();
}
impl Handler<RetryAccept> for Server {
    fn handle(&mut self, _: RetryAccept, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.retry = None;
        self.accept_all(cx);
    }
}

/// Stops listening and closes the socket (removing a Unix socket file); connections already
/// accepted are not touched.
#[derive(Debug, Clone, Copy)]
pub struct CloseServer;
impl Message for CloseServer {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<CloseServer> for Server {
    fn handle(&mut self, _: CloseServer, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.close(cx);
        reply.send(());
    }
}

/// Asks for the address the server listens on.
#[derive(Debug, Clone, Copy)]
pub struct LocalAddr;
impl Message for LocalAddr {
    type Reply = SocketAddress;
}
impl Handler<LocalAddr> for Server {
    fn handle(&mut self, _: LocalAddr, reply: ReplyTo<SocketAddress>, _: &mut Context<'_, Self>) {
        reply.send(self.local.clone());
    }
}

/// Whether the server keeps the system alive (`server.ref()` / `unref()`).
#[derive(Debug, Clone, Copy)]
pub struct SetRef(pub bool);
impl Message for SetRef {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<SetRef> for Server {
    fn handle(&mut self, m: SetRef, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        cx.set_ref(m.0);
        reply.send(());
    }
}
