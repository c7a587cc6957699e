//! The socket actor: one TCP or Unix stream connection.
//!
//! Readiness driven and non-blocking. On readability it reads into a 64 KiB buffer aligned as a
//! JS engine's `ArrayBuffer` store is, and hands a large read on as [`Received`] without a copy
//! (a host adopts the allocation whole); a small one is copied out into a buffer of its size and
//! the big one is read into again. Writes queue [`Bytes`] and go out with `writev` ([`Socket::try_write`]
//! first offers the kernel the caller's own bytes); above the
//! high-water mark [`SocketCtl::write`] returns false and a [`SocketEvent::Drain`] follows when
//! the queue empties. [`SocketCtl::pause`] stops reading from the kernel (the consumer is
//! behind); [`SocketCtl::end`] half-closes after the queue drains; [`SocketCtl::reset`] closes
//! with an RST.
//!
//! Events go to the [`SocketHandler`] the socket was made with, on the reactor thread, in order:
//! `Connected` (for outgoing connections), `Data`…, `End`, and finally `Closed`, preceded by `Error`
//! when a call failed. Other actors (and the JS facade) steer it with messages: [`Write`], [`End`],
//! [`Destroy`], [`Pause`], [`Resume`], ...

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, IoSlice};
use std::net::Shutdown;
use std::os::fd::AsRawFd;
use std::time::Duration;

use aligned_vec::{AVec, ConstAlign};
use bytes::{Buf, Bytes};
use reactor::{Interest, Ready, TimerKey, Token};
use socket2::{Socket as RawSocket, TcpKeepalive};

use crate::actor::{Actor, Handler, Message};
use crate::addr::Addr;
use crate::context::Context;
use crate::net::{NetError, NetResult, SocketAddress};
use crate::reply::ReplyTo;
use crate::rights::Rights;

/// Node's default `writableHighWaterMark` for sockets.
pub const DEFAULT_HIGH_WATER: usize = 16 * 1024;
/// How much one read asks the kernel for (libuv's size).
const READ_CHUNK: usize = 64 * 1024;
/// A read at least this long hands its buffer on; a shorter one is copied out of it.
const ADOPT_AT: usize = READ_CHUNK / 2;
/// The alignment of the read buffers: Boa's for `ArrayBuffer` stores.
pub const READ_ALIGN: usize = 64;
/// Reads per readiness event before the socket lets other actors run.
const READS_PER_TURN: usize = 16;

/// The aligned allocation a read lands in.
pub type ReadBuffer = AVec<u8, ConstAlign<READ_ALIGN>>;

/// Bytes one read took from the kernel, in a [`READ_ALIGN`]-aligned allocation of their own that a
/// host can adopt whole: Boa's `ArrayBuffer` takes it without a copy
/// ([`into_buffer`](Self::into_buffer)), and [`Bytes`] wraps it without one.
#[derive(Clone, PartialEq, Eq)]
pub struct Received(ReadBuffer);

impl Received {
    /// The allocation, which may have room beyond the bytes (at most as much again).
    pub fn into_buffer(self) -> ReadBuffer {
        self.0
    }
}

impl std::ops::Deref for Received {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Received {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Received> for Bytes {
    fn from(r: Received) -> Bytes {
        Bytes::from_owner(r)
    }
}

impl fmt::Debug for Received {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Bytes::copy_from_slice(&self.0), f)
    }
}

/// What happens to a socket, in order.
#[derive(Debug, Clone)]
pub enum SocketEvent {
    /// An outgoing connection is established.
    Connected,
    /// Bytes arrived.
    Data(Received),
    /// The peer finished sending (a read returned end of stream).
    End,
    /// The write queue, which had gone above the high-water mark, is empty again.
    Drain,
    /// A call failed; `Closed` follows.
    Error(NetError),
    /// The socket is closed and the actor stops. Always the last event.
    Closed {
        /// Whether an `Error` preceded it.
        had_error: bool,
    },
}

/// Receives a socket's events.
pub trait SocketHandler: 'static {
    /// One event. `socket` steers the socket right away (write back, pause, end).
    fn event(&mut self, socket: &mut SocketCtl<'_, '_>, event: SocketEvent);
}

impl<F> SocketHandler for F
where
    F: FnMut(&mut SocketCtl<'_, '_>, SocketEvent) + 'static,
{
    fn event(&mut self, socket: &mut SocketCtl<'_, '_>, event: SocketEvent) {
        self(socket, event)
    }
}

/// Options for a socket.
#[derive(Debug, Clone)]
pub struct SocketOptions {
    /// Above this many queued bytes, `write` returns false.
    pub high_water: usize,
    /// Give up connecting after this long (`ETIMEDOUT`).
    pub connect_timeout: Option<Duration>,
    /// `TCP_NODELAY`.
    pub no_delay: bool,
    /// `SO_KEEPALIVE`, with the initial delay.
    pub keep_alive: Option<Duration>,
    /// Start paused: nothing is read from the kernel until [`Resume`] (Node's handles read only
    /// after `readStart`).
    pub paused: bool,
    /// The local address to bind before connecting (Node's `localAddress`/`localPort`).
    pub bind: Option<SocketAddress>,
    /// The type of service byte (`IP_TOS`, or `IPV6_TCLASS` on IPv6), set once connected.
    pub tos: Option<u8>,
}

impl Default for SocketOptions {
    fn default() -> SocketOptions {
        SocketOptions {
            high_water: DEFAULT_HIGH_WATER,
            connect_timeout: None,
            no_delay: false,
            keep_alive: None,
            paused: false,
            bind: None,
            tos: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Connecting(SocketAddress),
    Open,
    Closed,
}

struct Chunk {
    data: Bytes,
    done: Option<ReplyTo<NetResult<()>>>,
}

/// A stream socket actor. See the [module documentation](self).
pub struct Socket {
    sock: Option<RawSocket>,
    token: Option<Token>,
    phase: Phase,
    handler: Option<Box<dyn SocketHandler>>,
    events: VecDeque<SocketEvent>,
    read_buf: ReadBuffer,
    paused: bool,
    read_eof: bool,
    queue: VecDeque<Chunk>,
    queued: usize,
    need_drain: bool,
    end_requested: bool,
    end_waiters: Vec<ReplyTo<NetResult<()>>>,
    write_shut: bool,
    write_blocked: bool,
    connect_timer: Option<TimerKey>,
    bytes_read: u64,
    bytes_written: u64,
    local: Option<SocketAddress>,
    peer: Option<SocketAddress>,
    had_error: bool,
    options: SocketOptions,
}

impl fmt::Debug for Socket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Socket({})", Actor::holds(self))
    }
}

impl Socket {
    fn new(
        sock: Option<RawSocket>,
        phase: Phase,
        handler: Box<dyn SocketHandler>,
        options: SocketOptions,
    ) -> Socket {
        Socket {
            sock,
            token: None,
            phase,
            handler: Some(handler),
            events: VecDeque::new(),
            read_buf: ReadBuffer::new(READ_ALIGN),
            paused: options.paused,
            read_eof: false,
            queue: VecDeque::new(),
            queued: 0,
            need_drain: false,
            end_requested: false,
            end_waiters: Vec::new(),
            write_shut: false,
            write_blocked: false,
            connect_timer: None,
            bytes_read: 0,
            bytes_written: 0,
            local: None,
            peer: None,
            had_error: false,
            options,
        }
    }

    /// A socket that connects to `to` when spawned.
    pub fn connect(
        to: SocketAddress,
        options: SocketOptions,
        handler: impl SocketHandler,
    ) -> Socket {
        Socket::new(None, Phase::Connecting(to), Box::new(handler), options)
    }

    /// A socket for a connection a [`Server`](crate::server::Server) accepted.
    pub fn accepted(
        sock: RawSocket,
        options: SocketOptions,
        handler: impl SocketHandler,
    ) -> Socket {
        Socket::new(Some(sock), Phase::Open, Box::new(handler), options)
    }

    /// A socket over a stream descriptor that is already connected: one end of a socketpair
    /// (a child process's stdio), or a socket the program was given. It is made non-blocking.
    pub fn from_fd(
        fd: std::os::fd::OwnedFd,
        options: SocketOptions,
        handler: impl SocketHandler,
    ) -> io::Result<Socket> {
        let sock = RawSocket::from(fd);
        sock.set_nonblocking(true)?;
        Ok(Socket::new(
            Some(sock),
            Phase::Open,
            Box::new(handler),
            options,
        ))
    }

    fn apply_options(&mut self) -> io::Result<()> {
        let Some(s) = &self.sock else { return Ok(()) };
        let inet = matches!(
            s.local_addr().map(|a| SocketAddress::from_sockaddr(&a)),
            Ok(SocketAddress::Inet(_))
        );
        if inet {
            if let Some(tos) = self.options.tos {
                set_type_of_service(s, tos)?;
            }
            if self.options.no_delay {
                s.set_tcp_nodelay(true)?;
            }
            if let Some(delay) = self.options.keep_alive {
                s.set_tcp_keepalive(
                    &TcpKeepalive::new().with_time(delay.max(Duration::from_secs(1))),
                )?;
            }
        }
        Ok(())
    }

    fn opened(&mut self, cx: &mut Context<'_, Self>) {
        self.phase = Phase::Open;
        if let Some(s) = &self.sock {
            self.local = s
                .local_addr()
                .ok()
                .map(|a| SocketAddress::from_sockaddr(&a));
            self.peer = s.peer_addr().ok().map(|a| SocketAddress::from_sockaddr(&a));
        }
        if let Err(e) = self.apply_options() {
            self.fail("setsockopt", e, cx);
        }
    }

    fn start_connect(&mut self, to: SocketAddress, cx: &mut Context<'_, Self>) {
        let sock = match to.new_socket() {
            Ok(s) => s,
            Err(e) => return self.fail_at("connect", e, &to, cx),
        };
        let addr = match to.to_sockaddr() {
            Ok(a) => a,
            Err(e) => return self.fail_at("connect", e, &to, cx),
        };
        if let Some(local) = self.options.bind.clone() {
            if let SocketAddress::Inet(_) = local {
                let _ = sock.set_reuse_address(true);
            }
            if let Err(e) = local.to_sockaddr().and_then(|a| sock.bind(&a)) {
                return self.fail_at("bind", e, &local, cx);
            }
        }
        let immediate = match sock.connect(&addr) {
            Ok(()) => true,
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => false,
            Err(e) => return self.fail_at("connect", e, &to, cx),
        };
        let token = match cx.register(sock.as_raw_fd(), Interest::BOTH) {
            Ok(t) => t,
            Err(e) => return self.fail_at("connect", e, &to, cx),
        };
        self.sock = Some(sock);
        self.token = Some(token);
        if immediate {
            self.finish_connect(cx);
        } else if let Some(t) = self.options.connect_timeout {
            self.connect_timer = Some(cx.run_later(t, ConnectTimeout));
        }
    }

    fn finish_connect(&mut self, cx: &mut Context<'_, Self>) {
        let Phase::Connecting(to) = self.phase.clone() else {
            return;
        };
        if let Some(k) = self.connect_timer.take() {
            cx.cancel_timer(k);
        }
        let err = self.sock.as_ref().map(|s| s.take_error());
        match err {
            Some(Ok(None)) => {
                // Writable with no error can still mean "not yet" for some kernels; a peer
                // address settles it.
                if let Some(Err(e)) = self.sock.as_ref().map(|s| s.peer_addr()) {
                    if e.raw_os_error() == Some(libc::ENOTCONN) {
                        return;
                    }
                    return self.fail_at("connect", e, &to, cx);
                }
                self.opened(cx);
                self.events.push_back(SocketEvent::Connected);
                self.do_write(cx);
                self.do_read(cx);
            }
            Some(Ok(Some(e))) | Some(Err(e)) => self.fail_at("connect", e, &to, cx),
            None => {}
        }
    }

    /// Reads until the kernel has nothing more, handing each chunk to the handler at once so that
    /// a handler that pauses stops the next read.
    fn do_read(&mut self, cx: &mut Context<'_, Self>) {
        if self.paused || self.read_eof || self.phase != Phase::Open {
            return;
        }
        for _ in 0..READS_PER_TURN {
            let Some(sock) = &self.sock else { return };
            if self.read_buf.capacity() < READ_CHUNK {
                self.read_buf = ReadBuffer::with_capacity(READ_ALIGN, READ_CHUNK);
            }
            // SAFETY: the spare capacity of the empty buffer, viewed as possibly uninitialised
            // bytes, which recv only writes.
            let spare = unsafe {
                std::slice::from_raw_parts_mut(
                    self.read_buf
                        .as_mut_ptr()
                        .cast::<std::mem::MaybeUninit<u8>>(),
                    self.read_buf.capacity(),
                )
            };
            match sock.recv(spare) {
                Ok(0) => {
                    self.read_eof = true;
                    self.events.push_back(SocketEvent::End);
                    self.check_done(cx);
                    return;
                }
                Ok(n) => {
                    // SAFETY: recv initialised the first `n` bytes.
                    unsafe { self.read_buf.set_len(n) };
                    self.bytes_read += n as u64;
                    let chunk = if n >= ADOPT_AT {
                        std::mem::replace(&mut self.read_buf, ReadBuffer::new(READ_ALIGN))
                    } else {
                        let small = ReadBuffer::from_slice(READ_ALIGN, &self.read_buf);
                        self.read_buf.clear();
                        small
                    };
                    self.events.push_back(SocketEvent::Data(Received(chunk)));
                    self.deliver(cx);
                    if self.paused || self.phase != Phase::Open {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    // An idle socket holds no read buffer: thousands of quiet connections cost
                    // no 64 KiB each.
                    self.read_buf = ReadBuffer::new(READ_ALIGN);
                    return;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return self.fail("read", e, cx),
            }
        }
        // Budget spent with data perhaps still waiting: come back after others had a turn.
        let _ = cx.addr().tell(ReadMore);
    }

    fn do_write(&mut self, cx: &mut Context<'_, Self>) {
        if self.write_blocked || self.phase != Phase::Open {
            return;
        }
        while !self.queue.is_empty() {
            let Some(sock) = &self.sock else { return };
            let slices: Vec<IoSlice<'_>> = self
                .queue
                .iter()
                .take(64)
                .map(|c| IoSlice::new(&c.data))
                .collect();
            match sock.send_vectored_with_flags(&slices, libc::MSG_NOSIGNAL) {
                Ok(n) => {
                    self.bytes_written += n as u64;
                    self.queued -= n;
                    self.consume(n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.write_blocked = true;
                    return;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // The write that failed hears why; the ones queued behind it are cancelled.
                    if let Some(errno) = e.raw_os_error()
                        && let Some(done) = self.queue.front_mut().and_then(|c| c.done.take())
                    {
                        done.send(Err(NetError::errno("write", errno)));
                    }
                    return self.fail("write", e, cx);
                }
            }
        }
        if self.need_drain {
            self.need_drain = false;
            self.events.push_back(SocketEvent::Drain);
        }
        if self.end_requested && !self.write_shut {
            if let Some(s) = &self.sock
                && let Err(e) = s.shutdown(Shutdown::Write)
                && e.raw_os_error() != Some(libc::ENOTCONN)
            {
                return self.fail("shutdown", e, cx);
            }
            self.write_shut = true;
            for w in self.end_waiters.drain(..) {
                w.send(Ok(()));
            }
            self.check_done(cx);
        }
    }

    /// Drops `n` written bytes from the front of the queue, answering finished writes.
    fn consume(&mut self, mut n: usize) {
        while n > 0 {
            let front = self
                .queue
                .front_mut()
                .expect("the kernel took no more than was queued");
            if front.data.len() <= n {
                n -= front.data.len();
                let done = self.queue.pop_front().expect("front exists").done;
                if let Some(d) = done {
                    d.send(Ok(()));
                }
            } else {
                front.data.advance(n);
                n = 0;
            }
        }
        // Zero-length writes complete as soon as everything before them has.
        while self.queue.front().is_some_and(|c| c.data.is_empty()) {
            if let Some(d) = self.queue.pop_front().and_then(|c| c.done) {
                d.send(Ok(()));
            }
        }
    }

    fn write(
        &mut self,
        data: Bytes,
        done: Option<ReplyTo<NetResult<()>>>,
        cx: &mut Context<'_, Self>,
    ) -> bool {
        if self.end_requested || self.phase == Phase::Closed {
            if let Some(d) = done {
                d.send(Err(NetError::errno("write", libc::EPIPE)));
            }
            return false;
        }
        self.queued += data.len();
        self.queue.push_back(Chunk { data, done });
        if self.phase == Phase::Open {
            self.do_write(cx);
        }
        let ok = self.queued < self.options.high_water;
        if !ok {
            self.need_drain = true;
        }
        ok
    }

    /// Writes what the kernel takes of `data` at once, as libuv's `uv_try_write`, when nothing is
    /// queued ahead of it: bytes the kernel takes never need a buffer of their own. Returns how
    /// many it took: 0 when the socket is not open, is ending, or has writes queued or blocked
    /// (send the rest as a [`Write`]). A failed call closes the socket as a failed queued write
    /// does, and is returned.
    ///
    /// Called through [`System::call_now`](crate::System::call_now), which runs it only when no
    /// message is waiting, so it keeps the order of the writes sent before it.
    pub fn try_write(&mut self, data: &[u8], cx: &mut Context<'_, Self>) -> NetResult<usize> {
        if data.is_empty()
            || self.write_blocked
            || self.end_requested
            || self.phase != Phase::Open
            || !self.queue.is_empty()
        {
            return Ok(0);
        }
        let Some(sock) = &self.sock else {
            return Ok(0);
        };
        loop {
            match sock.send_with_flags(data, libc::MSG_NOSIGNAL) {
                Ok(n) => {
                    self.bytes_written += n as u64;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.write_blocked = true;
                    return Ok(0);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(libc::EIO);
                    self.fail("write", e, cx);
                    self.deliver(cx);
                    return Err(NetError::errno("write", errno));
                }
            }
        }
    }

    fn end(&mut self, cx: &mut Context<'_, Self>) {
        if self.end_requested || self.phase == Phase::Closed {
            return;
        }
        self.end_requested = true;
        if self.phase == Phase::Open {
            self.do_write(cx);
        }
    }

    fn check_done(&mut self, cx: &mut Context<'_, Self>) {
        if self.read_eof && self.write_shut {
            self.close(false, false, cx);
        }
    }

    fn fail(&mut self, syscall: &'static str, e: io::Error, cx: &mut Context<'_, Self>) {
        let mut err = NetError::new(syscall, e);
        err.address = self.peer.clone();
        self.fail_with(err, cx);
    }

    fn fail_at(
        &mut self,
        syscall: &'static str,
        e: io::Error,
        at: &SocketAddress,
        cx: &mut Context<'_, Self>,
    ) {
        self.fail_with(NetError::new(syscall, e).at(at), cx);
    }

    fn fail_with(&mut self, err: NetError, cx: &mut Context<'_, Self>) {
        if self.phase == Phase::Closed {
            return;
        }
        self.had_error = true;
        self.events.push_back(SocketEvent::Error(err));
        self.close(true, false, cx);
    }

    /// Closes now: queued writes fail, the descriptor is deregistered and closed (with an RST if
    /// `reset`), and `Closed` is queued.
    fn close(&mut self, had_error: bool, reset: bool, cx: &mut Context<'_, Self>) {
        if self.phase == Phase::Closed {
            return;
        }
        self.phase = Phase::Closed;
        if let Some(k) = self.connect_timer.take() {
            cx.cancel_timer(k);
        }
        if let Some(t) = self.token.take() {
            let _ = cx.deregister(t);
        }
        if let Some(s) = self.sock.take() {
            if reset {
                let _ = s.set_linger(Some(Duration::ZERO));
            }
            drop(s);
        }
        for chunk in self.queue.drain(..) {
            if let Some(d) = chunk.done {
                d.send(Err(NetError::errno("write", libc::ECANCELED)));
            }
        }
        for w in self.end_waiters.drain(..) {
            w.send(Err(NetError::errno("shutdown", libc::ECANCELED)));
        }
        self.queued = 0;
        self.events.push_back(SocketEvent::Closed {
            had_error: had_error || self.had_error,
        });
    }

    /// Hands queued events to the handler, one at a time; stops the actor after `Closed`.
    fn deliver(&mut self, cx: &mut Context<'_, Self>) {
        while let Some(ev) = self.events.pop_front() {
            let closed = matches!(ev, SocketEvent::Closed { .. });
            if let Some(mut h) = self.handler.take() {
                h.event(&mut SocketCtl { socket: self, cx }, ev);
                self.handler = Some(h);
            }
            if closed {
                self.events.clear();
                cx.stop();
                return;
            }
        }
        cx.set_active(self.is_active());
    }

    /// Whether the socket is busy, as libuv counts a stream handle active: connecting, reading
    /// (not paused, before the end of input), or with writes or a shutdown to finish. An idle
    /// socket does not keep the system alive even when ref'd.
    fn is_active(&self) -> bool {
        match self.phase {
            Phase::Connecting(_) => true,
            Phase::Open => {
                (!self.paused && !self.read_eof)
                    || !self.queue.is_empty()
                    || !self.end_waiters.is_empty()
            }
            Phase::Closed => true,
        }
    }
}

impl Actor for Socket {
    const KIND: &'static str = "socket";

    fn started(&mut self, cx: &mut Context<'_, Self>) {
        match self.phase.clone() {
            Phase::Connecting(to) => self.start_connect(to, cx),
            Phase::Open => {
                let fd = self.sock.as_ref().map(|s| s.as_raw_fd());
                match fd.map(|fd| cx.register(fd, Interest::BOTH)) {
                    Some(Ok(t)) => {
                        self.token = Some(t);
                        self.opened(cx);
                    }
                    Some(Err(e)) => self.fail("accept", e, cx),
                    None => {}
                }
            }
            Phase::Closed => {}
        }
        self.deliver(cx);
    }

    fn ready(&mut self, _token: Token, ready: Ready, cx: &mut Context<'_, Self>) {
        match self.phase {
            Phase::Connecting(_) => self.finish_connect(cx),
            Phase::Open => {
                // Reads first, as libuv: after a reset the reader hears ECONNRESET rather than a
                // write failing with EPIPE.
                if ready.is_readable() {
                    self.do_read(cx);
                }
                if ready.is_writable() && self.phase == Phase::Open {
                    self.write_blocked = false;
                    self.do_write(cx);
                }
                // A pending error (a reset) matters to a socket still reading or with writes to
                // make; after the peer's FIN with nothing queued, libuv no longer looks, and the
                // socket ends normally.
                if ready.is_error()
                    && self.phase == Phase::Open
                    && let Some(Ok(Some(e))) = self.sock.as_ref().map(|s| s.take_error())
                    && (!self.read_eof || !self.queue.is_empty())
                {
                    self.fail("read", e, cx);
                }
            }
            Phase::Closed => {}
        }
        self.deliver(cx);
    }

    fn holds(&self) -> String {
        let mut s = match (&self.sock, &self.peer, &self.phase) {
            (_, _, Phase::Connecting(to)) => format!("connecting to {to}"),
            (Some(sock), Some(peer), _) => format!("fd {} to {peer}", sock.as_raw_fd()),
            (Some(sock), None, _) => format!("fd {}", sock.as_raw_fd()),
            (None, _, _) => "closed".to_string(),
        };
        if self.queued > 0 {
            s.push_str(&format!(", {} bytes queued", self.queued));
        }
        s
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // Queued writes are answered by their `ReplyTo`s being dropped; the descriptor closes with
        // `sock`. The system deregistered it before dropping the actor.
        self.queue.clear();
    }
}

/// Steers a socket from inside its handler, without a message round trip.
pub struct SocketCtl<'s, 'c> {
    socket: &'s mut Socket,
    cx: &'s mut Context<'c, Socket>,
}

impl SocketCtl<'_, '_> {
    /// Queues `data` (a [`Received`] chunk too, without a copy); false when the queue is now
    /// above the high-water mark (a `Drain` follows).
    pub fn write(&mut self, data: impl Into<Bytes>) -> bool {
        self.socket.write(data.into(), None, self.cx)
    }

    /// Half-closes once the queue has drained.
    pub fn end(&mut self) {
        self.socket.end(self.cx);
    }

    /// Closes now, dropping what is queued.
    pub fn destroy(&mut self) {
        self.socket.close(false, false, self.cx);
    }

    /// Closes now with an RST.
    pub fn reset(&mut self) {
        self.socket.close(false, true, self.cx);
    }

    /// Stops reading from the kernel.
    pub fn pause(&mut self) {
        self.socket.paused = true;
    }

    /// Reads again.
    pub fn resume(&mut self) {
        if self.socket.paused {
            self.socket.paused = false;
            let _ = self.cx.addr().tell(ReadMore);
        }
    }

    /// Bytes waiting in the write queue.
    pub fn buffered(&self) -> usize {
        self.socket.queued
    }

    /// The local address.
    pub fn local_addr(&self) -> Option<&SocketAddress> {
        self.socket.local.as_ref()
    }

    /// The peer's address.
    pub fn peer_addr(&self) -> Option<&SocketAddress> {
        self.socket.peer.as_ref()
    }

    /// This socket's address, for other actors.
    pub fn addr(&self) -> Addr<Socket> {
        self.cx.addr()
    }
}

/// Continue reading (after `resume`, or when a read turn ran out of budget).
struct ReadMore;
impl Message for ReadMore {
    type Reply = ();
}
impl Handler<ReadMore> for Socket {
    fn handle(&mut self, _: ReadMore, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.do_read(cx);
        self.deliver(cx);
    }
}

struct ConnectTimeout;
impl Message for ConnectTimeout {
    type Reply = ();
}
impl Handler<ConnectTimeout> for Socket {
    fn handle(&mut self, _: ConnectTimeout, _: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        self.connect_timer = None;
        if let Phase::Connecting(to) = self.phase.clone() {
            self.fail_at(
                "connect",
                io::Error::from_raw_os_error(libc::ETIMEDOUT),
                &to,
                cx,
            );
        }
        self.deliver(cx);
    }
}

/// Queues data; answered once the kernel has taken all of it (or with the error that stopped it).
#[derive(Debug, Clone)]
pub struct Write {
    /// The data.
    pub data: Bytes,
}
impl Message for Write {
    type Reply = NetResult<()>;
    fn rights(&self) -> Rights {
        Rights::WRITE
    }
}
impl Handler<Write> for Socket {
    fn handle(&mut self, m: Write, reply: ReplyTo<NetResult<()>>, cx: &mut Context<'_, Self>) {
        self.write(m.data, Some(reply), cx);
        self.deliver(cx);
    }
}

macro_rules! control {
    ($(#[$doc:meta])* $name:ident, $rights:expr, |$this:ident, $cx:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl Message for $name {
            type Reply = ();
            fn rights(&self) -> Rights {
                $rights
            }
        }
        impl Handler<$name> for Socket {
            fn handle(&mut self, _: $name, reply: ReplyTo<()>, $cx: &mut Context<'_, Self>) {
                let $this = &mut *self;
                $body;
                self.deliver($cx);
                reply.send(());
            }
        }
    };
}

control!(
    /// Closes now, failing queued writes.
    Destroy, Rights::CONTROL, |s, cx| s.close(false, false, cx)
);
control!(
    /// Closes now with an RST.
    Reset, Rights::CONTROL, |s, cx| s.close(false, true, cx)
);
control!(
    /// Stops reading from the kernel.
    Pause, Rights::READ, |s, _cx| s.paused = true
);
control!(
    /// Reads again after [`Pause`].
    Resume, Rights::READ, |s, cx| {
        s.paused = false;
        s.do_read(cx)
    }
);

/// Half-closes once the write queue has drained; answered when the FIN is sent (or with the
/// error that closed the socket first).
#[derive(Debug, Clone, Copy)]
pub struct End;
impl Message for End {
    type Reply = NetResult<()>;
    fn rights(&self) -> Rights {
        Rights::WRITE
    }
}
impl Handler<End> for Socket {
    fn handle(&mut self, _: End, reply: ReplyTo<NetResult<()>>, cx: &mut Context<'_, Self>) {
        if self.write_shut {
            reply.send(Ok(()));
        } else if self.phase == Phase::Closed {
            reply.send(Err(NetError::errno("shutdown", libc::ENOTCONN)));
        } else {
            self.end_waiters.push(reply);
            self.end(cx);
        }
        self.deliver(cx);
    }
}

/// Turns `TCP_NODELAY` on or off.
#[derive(Debug, Clone, Copy)]
pub struct SetNoDelay(pub bool);
impl Message for SetNoDelay {
    type Reply = NetResult<()>;
}
impl Handler<SetNoDelay> for Socket {
    fn handle(&mut self, m: SetNoDelay, reply: ReplyTo<NetResult<()>>, _: &mut Context<'_, Self>) {
        self.options.no_delay = m.0;
        let r = match &self.sock {
            Some(s) if matches!(self.local, Some(SocketAddress::Inet(_))) => s.set_tcp_nodelay(m.0),
            _ => Ok(()),
        };
        reply.send(r.map_err(|e| NetError::new("setsockopt", e)));
    }
}

/// Sets the type of service byte as node's `tcp_wrap` does: `IP_TOS`, or `IPV6_TCLASS` where that
/// fails (an IPv6 socket).
fn set_type_of_service(s: &RawSocket, tos: u8) -> io::Result<()> {
    s.set_tos_v4(u32::from(tos))
        .or_else(|_| s.set_tclass_v6(u32::from(tos)))
}

/// Sets the type of service byte (`socket.setTypeOfService`); a socket not yet connected keeps
/// it for when it is.
#[derive(Debug, Clone, Copy)]
pub struct SetTypeOfService(pub u8);
impl Message for SetTypeOfService {
    type Reply = NetResult<()>;
}
impl Handler<SetTypeOfService> for Socket {
    fn handle(
        &mut self,
        m: SetTypeOfService,
        reply: ReplyTo<NetResult<()>>,
        _: &mut Context<'_, Self>,
    ) {
        self.options.tos = Some(m.0);
        let r = match (&self.sock, &self.phase) {
            (Some(s), Phase::Open) => set_type_of_service(s, m.0),
            _ => Ok(()),
        };
        reply.send(r.map_err(|e| NetError::new("setsockopt", e)));
    }
}

/// The type of service byte the kernel has for the socket (`socket.getTypeOfService`): `IP_TOS`,
/// or `IPV6_TCLASS` where that fails; before the socket is connected, the value kept for it.
#[derive(Debug, Clone, Copy)]
pub struct TypeOfService;
impl Message for TypeOfService {
    type Reply = NetResult<u8>;
}
impl Handler<TypeOfService> for Socket {
    fn handle(
        &mut self,
        _: TypeOfService,
        reply: ReplyTo<NetResult<u8>>,
        _: &mut Context<'_, Self>,
    ) {
        let r = match (&self.sock, &self.phase) {
            (Some(s), Phase::Open) => s
                .tos_v4()
                .or_else(|_| s.tclass_v6())
                .map(|v| v as u8)
                .map_err(|e| NetError::new("getsockopt", e)),
            _ => Ok(self.options.tos.unwrap_or(0)),
        };
        reply.send(r);
    }
}

/// Turns `SO_KEEPALIVE` on (with an initial delay) or off.
#[derive(Debug, Clone, Copy)]
pub struct SetKeepAlive(pub Option<Duration>);
impl Message for SetKeepAlive {
    type Reply = NetResult<()>;
}
impl Handler<SetKeepAlive> for Socket {
    fn handle(
        &mut self,
        m: SetKeepAlive,
        reply: ReplyTo<NetResult<()>>,
        _: &mut Context<'_, Self>,
    ) {
        self.options.keep_alive = m.0;
        let r = match (&self.sock, m.0) {
            (Some(s), Some(d)) if matches!(self.local, Some(SocketAddress::Inet(_))) => {
                s.set_tcp_keepalive(&TcpKeepalive::new().with_time(d.max(Duration::from_secs(1))))
            }
            (Some(s), None) => s.set_keepalive(false),
            _ => Ok(()),
        };
        reply.send(r.map_err(|e| NetError::new("setsockopt", e)));
    }
}

/// Whether the socket keeps the system alive (`socket.ref()` / `unref()`).
#[derive(Debug, Clone, Copy)]
pub struct SetRef(pub bool);
impl Message for SetRef {
    type Reply = ();
    fn rights(&self) -> Rights {
        Rights::CONTROL
    }
}
impl Handler<SetRef> for Socket {
    fn handle(&mut self, m: SetRef, reply: ReplyTo<()>, cx: &mut Context<'_, Self>) {
        cx.set_ref(m.0);
        reply.send(());
    }
}

/// A snapshot of a socket's addresses and counters.
#[derive(Debug, Clone, Default)]
pub struct SocketInfo {
    /// The local address.
    pub local: Option<SocketAddress>,
    /// The peer's address.
    pub peer: Option<SocketAddress>,
    /// Bytes read so far.
    pub bytes_read: u64,
    /// Bytes written so far.
    pub bytes_written: u64,
    /// Bytes waiting to be written.
    pub buffered: usize,
}

/// Asks for a [`SocketInfo`].
#[derive(Debug, Clone, Copy)]
pub struct Info;
impl Message for Info {
    type Reply = SocketInfo;
}
impl Handler<Info> for Socket {
    fn handle(&mut self, _: Info, reply: ReplyTo<SocketInfo>, _: &mut Context<'_, Self>) {
        reply.send(SocketInfo {
            local: self.local.clone(),
            peer: self.peer.clone(),
            bytes_read: self.bytes_read,
            bytes_written: self.bytes_written,
            buffered: self.queued,
        });
    }
}
