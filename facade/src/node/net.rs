//! `internalBinding('net')`: the ops under the `tcp_wrap` and `pipe_wrap` handles of
//! `internal/net/*_wrap.js`, which give `node:net` the binding interface it has in Node.
//!
//! A handle is a number naming an entry here: idle (made, not yet connected or listening), a
//! [`Socket`] actor, or a [`Server`] actor. Calls return `0` or a negative errno, as libuv's do;
//! what happens later arrives as events, delivered after the poll phase through the one JS
//! function given to `op_net_init`: `dispatch(handle, kind, a, b)`.
//!
//! | kind | when | `a` | `b` |
//! |---|---|---|---|
//! | [`CONNECT`] | an outgoing connection is made or failed | status (0 or -errno) | |
//! | [`READ`] | bytes arrived, the stream ended, or reading failed | byte count, `UV_EOF` or -errno | `ArrayBuffer` |
//! | [`WRITE`] | the kernel took a write (or it failed) | the write's number | status |
//! | [`SHUTDOWN`] | the FIN went out after everything written before it | the request's number | status |
//! | [`CONNECTION`] | a server accepted a connection | the new handle, or -errno | |
//! | [`CLOSE`] | the handle is closed | | |
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_net_init` | dispatch | undefined |
//! | `op_net_open` | | a new idle handle |
//! | `op_net_bind` | handle, address (IP literal or path), port (`-1` for a path), reusePort | 0 or -errno |
//! | `op_net_listen` | handle, ipv6Only, backlog, reusePort | 0 or -errno |
//! | `op_net_connect` | handle, address, port | 0 or -errno (the outcome comes as `CONNECT`) |
//! | `op_net_read` | handle, on | 0 or -errno |
//! | `op_net_write` | handle, write number, `Uint8Array` or an array of them | 1 (written now), 0 (a `WRITE` event follows) or -errno |
//! | `op_net_shutdown` | handle, request number | 0 or -errno |
//! | `op_net_close` | handle, reset | whether a `CLOSE` event will follow |
//! | `op_net_ref` | handle, on | undefined |
//! | `op_net_address` | handle, peer | `[address, family, port]`, a path, or undefined |
//! | `op_net_set_no_delay` | handle, on | 0 |
//! | `op_net_set_keep_alive` | handle, on, initial delay (seconds) | 0 |
//! | `op_net_open_ipc` | handle | 0, or -errno (`EBADF`: no channel, or already taken) |
//! | `op_net_set_tos` | handle, type of service (0–255) | 0 or -errno |
//! | `op_net_get_tos` | handle | the type of service, or -errno |
//! | `op_net_getaddrinfo` | hostname, family (0, 4, 6), flags, callback | calls `callback(status, addresses)` |
//!
//! Numbers name handles once: they are not reused, so a late answer for a closed handle cannot
//! reach a new one.

use std::cell::Cell;
use std::collections::HashMap;
use std::ffi::CString;
use std::net::{IpAddr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use actors::net::{NetError, SocketAddress};
use actors::pool::Call;
use actors::server::{Accepted, CloseServer, ListenOptions, Server, ServerCtl, ServerHandler};
use actors::socket::{
    Destroy, End, Pause, Received, Reset, Resume, SetKeepAlive, SetNoDelay, SetTypeOfService,
    Socket, SocketCtl, SocketEvent, SocketHandler, SocketOptions, TypeOfService, Write,
};
use actors::{Addr, Rights};
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsObject, JsString, JsValue};
use bytes::{Bytes, BytesMut};

use crate::authority::NetTarget;
use crate::node::buffer::with_bytes;
use crate::ops::{Binding, OpError, OpResult, arg};
use crate::state::{Completer, State, state};

pub(crate) static BINDING: Binding = Binding {
    name: "net",
    ops: &[
        ("op_net_init", op_net_init),
        ("op_net_open", op_net_open),
        ("op_net_bind", op_net_bind),
        ("op_net_listen", op_net_listen),
        ("op_net_connect", op_net_connect),
        ("op_net_read", op_net_read),
        ("op_net_write", op_net_write),
        ("op_net_shutdown", op_net_shutdown),
        ("op_net_close", op_net_close),
        ("op_net_ref", op_net_ref),
        ("op_net_address", op_net_address),
        ("op_net_set_no_delay", op_net_set_no_delay),
        ("op_net_open_ipc", op_net_open_ipc),
        ("op_net_set_tos", op_net_set_tos),
        ("op_net_get_tos", op_net_get_tos),
        ("op_net_set_keep_alive", op_net_set_keep_alive),
        ("op_net_getaddrinfo", op_net_getaddrinfo),
    ],
};

/// Event kinds (see the module documentation).
pub const CONNECT: i32 = 1;
/// Bytes, the end of the stream, or a read error.
pub const READ: i32 = 2;
/// A write finished.
pub const WRITE: i32 = 3;
/// A shutdown finished.
pub const SHUTDOWN: i32 = 4;
/// A server accepted a connection.
pub const CONNECTION: i32 = 5;
/// The handle is closed.
pub const CLOSE: i32 = 6;

/// libuv's end-of-stream code.
const UV_EOF: i32 = -4095;

pub(crate) type HandleId = u64;

enum Kind {
    Idle,
    Socket(Addr<Socket>),
    Server(Addr<Server>),
    /// The actor stopped by itself (both directions finished, or an error).
    Closed,
}

struct Entry {
    kind: Kind,
    refed: bool,
    /// Whether JS wants bytes (`readStart`); shared with the socket's event handler.
    reading: Rc<Cell<bool>>,
    /// The address given to `bind`, used by `connect` or `listen`.
    bind: Option<SocketAddress>,
    local: Option<SocketAddress>,
    peer: Option<SocketAddress>,
    no_delay: bool,
    keep_alive: Option<Duration>,
    /// The type of service to set once connected.
    tos: Option<u8>,
    /// `close` was called; the entry goes when `CLOSE` is delivered.
    closing: bool,
    /// What the authority allowed it to reach (when the authority checks), for re-checking
    /// when the authority narrows.
    reach: Option<Reach>,
}

/// An allowed network target, kept with the handle that reached it.
#[derive(Clone, Debug)]
enum Reach {
    Inet {
        host: Option<String>,
        ip: IpAddr,
        port: u16,
    },
    Unix(PathBuf),
}

impl Reach {
    fn target(&self) -> NetTarget<'_> {
        match self {
            Reach::Inet { host, ip, port } => NetTarget::Inet {
                host: host.as_deref(),
                ip: Some(*ip),
                port: *port,
            },
            Reach::Unix(p) => NetTarget::Unix(p),
        }
    }
}

/// Checks that the authority lets this context reach `addr` (asked for by the name `host`, if
/// it gave one); returns what to keep with the handle.
fn check_reach(
    cx: &Context,
    addr: &SocketAddress,
    host: Option<String>,
) -> Result<Option<Reach>, OpError> {
    let authority = state(cx).authority.clone();
    if authority.is_full() {
        return Ok(None);
    }
    let reach = match addr {
        SocketAddress::Inet(a) => Reach::Inet {
            host,
            ip: a.ip(),
            port: a.port(),
        },
        SocketAddress::Unix(p) => Reach::Unix(p.clone()),
    };
    authority.check_net(reach.target())?;
    Ok(Some(reach))
}

/// Closes every handle the narrowed authority no longer lets reach its target.
pub(crate) fn sweep(s: &State) {
    let mut handles = s.net.borrow_mut();
    let mut system = s.system.borrow_mut();
    for entry in handles.entries.values_mut() {
        let Some(reach) = &entry.reach else { continue };
        if entry.closing || s.authority.check_net(reach.target()).is_ok() {
            continue;
        }
        match &entry.kind {
            Kind::Socket(addr) => {
                let _ = system.send(addr, Destroy);
                entry.closing = true;
            }
            Kind::Server(addr) => {
                let _ = system.send(addr, CloseServer);
                entry.closing = true;
            }
            Kind::Idle | Kind::Closed => {}
        }
    }
}

impl Entry {
    fn new(kind: Kind) -> Entry {
        Entry {
            kind,
            refed: true,
            reading: Rc::default(),
            bind: None,
            local: None,
            peer: None,
            no_delay: false,
            tos: None,
            keep_alive: None,
            closing: false,
            reach: None,
        }
    }
}

/// This context's network handles.
#[derive(Default)]
pub struct Handles {
    dispatch: Option<JsObject>,
    entries: HashMap<HandleId, Entry>,
    next: Rc<Cell<HandleId>>,
}

impl Handles {
    fn insert(&mut self, entry: Entry) -> HandleId {
        let id = next_id(&self.next);
        self.entries.insert(id, entry);
        id
    }
}

fn next_id(counter: &Cell<HandleId>) -> HandleId {
    let id = counter.get() + 1;
    counter.set(id);
    id
}

// ---- arguments ----

fn handle_arg(args: &[JsValue]) -> HandleId {
    arg(args, 0).as_number().unwrap_or(0.0) as HandleId
}

fn string_arg(args: &[JsValue], i: usize) -> String {
    arg(args, i)
        .as_string()
        .map(|s| s.to_std_string_lossy())
        .unwrap_or_default()
}

/// An IP literal and port, or (port `-1`) a Unix socket path.
fn address_arg(args: &[JsValue], i: usize) -> Result<SocketAddress, i32> {
    let host = string_arg(args, i);
    let port = arg(args, i + 1).as_number().unwrap_or(-1.0);
    if port < 0.0 {
        return Ok(SocketAddress::Unix(PathBuf::from(host)));
    }
    // A scope (`fe80::1%eth0`) is not supported by the parser; such addresses are EINVAL.
    let ip: IpAddr = host.parse().map_err(|_| -libc::EINVAL)?;
    Ok(SocketAddress::Inet(SocketAddr::new(ip, port as u16)))
}

fn errno_of(e: &NetError) -> i32 {
    -e.raw_os_error().unwrap_or(libc::EIO)
}

fn status(r: Result<(), NetError>) -> i32 {
    r.map_or_else(|e| errno_of(&e), |()| 0)
}

// ---- events ----

/// An event's last argument.
enum Payload {
    None,
    /// Bytes read, adopted by an `ArrayBuffer`.
    Bytes(Received),
    /// A request's status (0 or -errno).
    Status(i32),
}

/// Posts `dispatch(handle, kind, a, b)` for delivery after the poll phase; `update` runs first,
/// on the handle table.
fn post(
    completer: &Completer,
    id: HandleId,
    kind: i32,
    a: i64,
    b: Payload,
    update: impl FnOnce(&mut Handles) + 'static,
) {
    completer.post(Box::new(move |cx: &mut Context| {
        let s = state(cx);
        let dispatch = {
            let mut handles = s.net.borrow_mut();
            update(&mut handles);
            handles.dispatch.clone()
        };
        let Some(dispatch) = dispatch else {
            return Ok(());
        };
        let b = match b {
            Payload::None => JsValue::undefined(),
            Payload::Bytes(bytes) => {
                JsValue::from(crate::buffers::adopt_array_buffer(bytes.into_buffer(), cx)?)
            }
            Payload::Status(st) => st.into(),
        };
        dispatch.call(
            &JsValue::undefined(),
            &[(id as f64).into(), kind.into(), (a as f64).into(), b],
            cx,
        )?;
        Ok(())
    }));
}

/// Posts the answer to write or shutdown request `req` of handle `id`.
fn post_status(completer: &Completer, id: HandleId, kind: i32, req: i64, st: i32) {
    post(completer, id, kind, req, Payload::Status(st), |_| {});
}

/// `CLOSE` is the last event of a handle: the entry goes if JS closed it, or is marked closed.
fn closed(handles: &mut Handles, id: HandleId) {
    if let Some(e) = handles.entries.get_mut(&id) {
        if e.closing {
            handles.entries.remove(&id);
        } else {
            e.kind = Kind::Closed;
        }
    }
}

/// Turns a socket actor's events into JS events for handle `id`.
struct SocketEvents {
    id: HandleId,
    completer: Completer,
    reading: Rc<Cell<bool>>,
    connecting: bool,
}

impl SocketHandler for SocketEvents {
    fn event(&mut self, socket: &mut SocketCtl<'_, '_>, event: SocketEvent) {
        let id = self.id;
        match event {
            SocketEvent::Connected => {
                self.connecting = false;
                let local = socket.local_addr().cloned();
                let peer = socket.peer_addr().cloned();
                post(&self.completer, id, CONNECT, 0, Payload::None, move |h| {
                    if let Some(e) = h.entries.get_mut(&id) {
                        e.local = local;
                        e.peer = peer;
                    }
                });
            }
            SocketEvent::Data(bytes) => {
                if !self.reading.get() {
                    // JS stopped reading after this chunk was read: hold the kernel's data.
                    socket.pause();
                }
                let n = bytes.len() as i64;
                post(&self.completer, id, READ, n, Payload::Bytes(bytes), |_| {});
            }
            SocketEvent::End => post(
                &self.completer,
                id,
                READ,
                UV_EOF.into(),
                Payload::None,
                |_| {},
            ),
            SocketEvent::Drain => {}
            SocketEvent::Error(e) => {
                let errno = errno_of(&e).into();
                if self.connecting {
                    self.connecting = false;
                    post(&self.completer, id, CONNECT, errno, Payload::None, |_| {});
                } else if e.syscall != "write" && e.syscall != "shutdown" {
                    // A failed write or shutdown is answered to its own request.
                    post(&self.completer, id, READ, errno, Payload::None, |_| {});
                }
            }
            SocketEvent::Closed { .. } => {
                post(&self.completer, id, CLOSE, 0, Payload::None, move |h| {
                    closed(h, id)
                });
            }
        }
    }
}

/// Makes a socket actor for each connection a server accepts.
struct ServerEvents {
    id: HandleId,
    completer: Completer,
    next: Rc<Cell<HandleId>>,
}

impl ServerHandler for ServerEvents {
    fn connection(&mut self, server: &mut ServerCtl<'_, '_>, conn: Accepted) {
        let client = next_id(&self.next);
        let local = conn
            .socket
            .local_addr()
            .ok()
            .map(|a| SocketAddress::from_sockaddr(&a));
        let peer = conn.peer.clone();
        let reading = Rc::new(Cell::new(false));
        let options = SocketOptions {
            paused: true,
            ..SocketOptions::default()
        };
        let events = SocketEvents {
            id: client,
            completer: self.completer.clone(),
            reading: reading.clone(),
            connecting: false,
        };
        let addr = server.spawn_socket(conn, options, events);
        let server_id = self.id;
        post(
            &self.completer,
            self.id,
            CONNECTION,
            client as i64,
            Payload::None,
            move |h| {
                let mut entry = Entry::new(Kind::Socket(addr));
                entry.reading = reading;
                entry.local = local;
                entry.peer = Some(peer);
                // A connection lives under the grant its server listened by.
                entry.reach = h.entries.get(&server_id).and_then(|e| e.reach.clone());
                h.entries.insert(client, entry);
            },
        );
    }

    fn error(&mut self, _: &mut ServerCtl<'_, '_>, err: NetError) {
        post(
            &self.completer,
            self.id,
            CONNECTION,
            errno_of(&err).into(),
            Payload::None,
            |_| {},
        );
    }
}

// ---- ops ----

fn op_net_init(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let dispatch = arg(args, 0)
        .as_callable()
        .ok_or_else(|| OpError::invalid_arg("dispatch function"))?;
    state(cx).net.borrow_mut().dispatch = Some(dispatch.clone());
    Ok(JsValue::undefined())
}

fn op_net_open(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let id = state(cx).net.borrow_mut().insert(Entry::new(Kind::Idle));
    Ok((id as f64).into())
}

fn op_net_bind(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let addr = match address_arg(args, 1) {
        Ok(a) => a,
        Err(errno) => return Ok(errno.into()),
    };
    // A TCP address in use is reported now, as libuv's bind does; a Unix path is taken by
    // listen (binding it here would create the file).
    if let SocketAddress::Inet(_) = addr
        && let Err(err) = addr.probe_bind(arg(args, 3).to_boolean())
    {
        return Ok((-err.raw_os_error().unwrap_or(libc::EINVAL)).into());
    }
    let s = state(cx);
    let mut handles = s.net.borrow_mut();
    let r = match handles.entries.get_mut(&id) {
        Some(
            e @ Entry {
                kind: Kind::Idle, ..
            },
        ) => {
            e.bind = Some(addr);
            0
        }
        _ => -libc::EINVAL,
    };
    Ok(r.into())
}

fn op_net_listen(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let s = state(cx);
    let (addr, refed) = match s.net.borrow().entries.get(&id) {
        Some(Entry {
            kind: Kind::Idle,
            bind,
            refed,
            ..
        }) => (bind.clone(), *refed),
        _ => return Ok((-libc::EINVAL).into()),
    };
    // A handle listened on without `bind` takes any port on every address, as libuv's does.
    let addr = addr.unwrap_or_else(|| SocketAddress::Inet("[::]:0".parse().expect("literal")));
    let reach = check_reach(cx, &addr, None)?;
    let options = ListenOptions {
        backlog: arg(args, 2).as_number().unwrap_or(511.0) as i32,
        ipv6_only: arg(args, 1).to_boolean(),
        reuse_port: arg(args, 3).to_boolean(),
    };
    let events = ServerEvents {
        id,
        completer: s.requests.completer(),
        next: s.net.borrow().next.clone(),
    };
    let server = match Server::bind(&addr, &options, events) {
        Ok(server) => server,
        Err(e) => return Ok(errno_of(&e).into()),
    };
    let local = server.local_addr().clone();
    let mut system = s.system.borrow_mut();
    let addr = system.spawn(server);
    if !refed {
        system.set_ref(addr.id(), false);
    }
    let completer = s.requests.completer();
    system.on_stop(addr.id(), move |_| {
        post(&completer, id, CLOSE, 0, Payload::None, move |h| {
            closed(h, id)
        });
    });
    drop(system);
    if let Some(e) = s.net.borrow_mut().entries.get_mut(&id) {
        e.kind = Kind::Server(addr);
        e.local = Some(local);
        e.reach = reach;
    }
    Ok(0.into())
}

fn op_net_connect(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let to = match address_arg(args, 1) {
        Ok(a) => a,
        Err(errno) => return Ok(errno.into()),
    };
    // The name the program asked for, so a grant by host name covers the address it became.
    let host = arg(args, 3).as_string().map(|h| h.to_std_string_lossy());
    let reach = check_reach(cx, &to, host)?;
    let s = state(cx);
    let (options, reading, refed) = match s.net.borrow().entries.get(&id) {
        Some(
            e @ Entry {
                kind: Kind::Idle, ..
            },
        ) => (
            SocketOptions {
                paused: true,
                no_delay: e.no_delay,
                keep_alive: e.keep_alive,
                tos: e.tos,
                bind: e.bind.clone(),
                ..SocketOptions::default()
            },
            e.reading.clone(),
            e.refed,
        ),
        _ => return Ok((-libc::EINVAL).into()),
    };
    let events = SocketEvents {
        id,
        completer: s.requests.completer(),
        reading,
        connecting: true,
    };
    attach(&s, id, Socket::connect(to, options, events), refed);
    if let Some(e) = s.net.borrow_mut().entries.get_mut(&id) {
        e.reach = reach;
    }
    Ok(0.into())
}

/// Starts `socket` as handle `id`'s actor, ref'd as the handle is.
fn attach(s: &State, id: HandleId, socket: Socket, refed: bool) {
    let mut system = s.system.borrow_mut();
    let addr = system.spawn(socket);
    if !refed {
        system.set_ref(addr.id(), false);
    }
    drop(system);
    if let Some(e) = s.net.borrow_mut().entries.get_mut(&id) {
        e.kind = Kind::Socket(addr);
    }
}

/// Makes idle handle `id` a socket over `fd`, a connected stream (the parent's end of a child
/// process's stdio pipe). Returns 0 or -errno.
pub(crate) fn adopt(cx: &Context, id: HandleId, fd: OwnedFd) -> i32 {
    let s = state(cx);
    let (reading, refed) = match s.net.borrow().entries.get(&id) {
        Some(
            e @ Entry {
                kind: Kind::Idle, ..
            },
        ) => (e.reading.clone(), e.refed),
        _ => return -libc::EINVAL,
    };
    let events = SocketEvents {
        id,
        completer: s.requests.completer(),
        reading,
        connecting: false,
    };
    let options = SocketOptions {
        paused: true,
        ..SocketOptions::default()
    };
    match Socket::from_fd(fd, options, events) {
        Ok(socket) => {
            attach(&s, id, socket, refed);
            0
        }
        Err(e) => -e.raw_os_error().unwrap_or(libc::EIO),
    }
}

/// The socket actor behind a handle, if it has one that is still open.
fn socket(cx: &Context, id: HandleId) -> Option<(Addr<Socket>, Rc<Cell<bool>>)> {
    match state(cx).net.borrow().entries.get(&id) {
        Some(Entry {
            kind: Kind::Socket(addr),
            reading,
            closing: false,
            ..
        }) => Some((addr.clone(), reading.clone())),
        _ => None,
    }
}

fn op_net_read(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let on = arg(args, 1).to_boolean();
    let Some((addr, reading)) = socket(cx, id) else {
        return Ok((-libc::ENOTCONN).into());
    };
    if reading.replace(on) != on {
        let s = state(cx);
        let mut system = s.system.borrow_mut();
        let _ = if on {
            system.send(&addr, Resume)
        } else {
            system.send(&addr, Pause)
        };
    }
    Ok(0.into())
}

fn op_net_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let req = arg(args, 1).as_number().unwrap_or(0.0) as i64;
    let Some((addr, _)) = socket(cx, id) else {
        return Ok((-libc::EBADF).into());
    };
    let data = arg(args, 2);
    let s = state(cx);
    let bytes = match data
        .as_object()
        .and_then(|o| JsArray::from_object(o.clone()).ok())
    {
        Some(list) => {
            let mut all = BytesMut::new();
            for i in 0..list.length(cx)? {
                let chunk = list.get(i, cx)?;
                with_bytes(&chunk, cx, |b| all.extend_from_slice(b))?;
            }
            all.freeze()
        }
        // The kernel takes what it can straight from the JS buffer; only a rest it did not take
        // is copied, to wait in the socket's queue.
        None => {
            let rest = with_bytes(&data, cx, |b| {
                if b.is_empty() {
                    // Done only once the writes queued before it are: the socket answers.
                    return Ok(Some(Bytes::new()));
                }
                let taken = s
                    .system
                    .borrow_mut()
                    .call_now(&addr, Rights::WRITE, |sock, cx| sock.try_write(b, cx));
                match taken {
                    Some(Ok(n)) if n == b.len() => Ok(None),
                    Some(Ok(n)) => Ok(Some(Bytes::copy_from_slice(&b[n..]))),
                    Some(Err(e)) => Err(errno_of(&e)),
                    None => Ok(Some(Bytes::copy_from_slice(b))),
                }
            })?;
            match rest {
                Ok(Some(rest)) => rest,
                Ok(None) => return Ok(1.into()),
                Err(errno) => return Ok(errno.into()),
            }
        }
    };
    let completer = s.requests.completer();
    // The kernel gets the bytes now, as with libuv's uv_try_write. When it takes them all at
    // once, the answer arrives while this op still runs and is returned (1, or the error);
    // otherwise it comes later as a WRITE event (and this op returns 0).
    let now: Rc<Cell<Option<i32>>> = Rc::new(Cell::new(None));
    let in_op = Rc::new(Cell::new(true));
    let (answer, still_in_op) = (now.clone(), in_op.clone());
    let mut system = s.system.borrow_mut();
    system.ask_then(&addr, Write { data: bytes }, move |r| {
        let st = r.map_or(-libc::ECANCELED, status);
        if still_in_op.get() {
            answer.set(Some(st));
        } else {
            post_status(&completer, id, WRITE, req, st);
        }
    });
    system.dispatch();
    in_op.set(false);
    Ok(match now.get() {
        Some(0) => 1,
        Some(err) => err,
        None => 0,
    }
    .into())
}

fn op_net_shutdown(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let req = arg(args, 1).as_number().unwrap_or(0.0) as i64;
    let Some((addr, _)) = socket(cx, id) else {
        return Ok((-libc::ENOTCONN).into());
    };
    let s = state(cx);
    let completer = s.requests.completer();
    s.system.borrow_mut().ask_then(&addr, End, move |r| {
        let st = r.map_or(-libc::ECANCELED, status);
        post_status(&completer, id, SHUTDOWN, req, st);
    });
    Ok(0.into())
}

fn op_net_close(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let reset = arg(args, 1).to_boolean();
    let s = state(cx);
    let mut handles = s.net.borrow_mut();
    let Some(entry) = handles.entries.get_mut(&id) else {
        return Ok(false.into());
    };
    if entry.closing {
        return Ok(true.into());
    }
    let mut system = s.system.borrow_mut();
    let will_close = match &entry.kind {
        Kind::Socket(addr) => {
            let _ = if reset {
                system.send(addr, Reset)
            } else {
                system.send(addr, Destroy)
            };
            true
        }
        Kind::Server(addr) => {
            let _ = system.send(addr, CloseServer);
            true
        }
        Kind::Idle | Kind::Closed => false,
    };
    if will_close {
        entry.closing = true;
    } else {
        handles.entries.remove(&id);
    }
    drop(handles);
    // As libuv's uv_close: the descriptor is closed now (a listening port is free at once),
    // after what was sent before it; the callback comes later with CLOSE.
    system.dispatch();
    Ok(will_close.into())
}

fn op_net_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let on = arg(args, 1).to_boolean();
    let s = state(cx);
    let actor = match s.net.borrow_mut().entries.get_mut(&id) {
        Some(e) => {
            e.refed = on;
            match &e.kind {
                Kind::Socket(a) => Some(a.id()),
                Kind::Server(a) => Some(a.id()),
                _ => None,
            }
        }
        None => None,
    };
    if let Some(actor) = actor {
        s.system.borrow_mut().set_ref(actor, on);
    }
    Ok(JsValue::undefined())
}

fn op_net_address(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let peer = arg(args, 1).to_boolean();
    let addr = state(cx).net.borrow().entries.get(&id).and_then(|e| {
        if peer {
            e.peer.clone()
        } else {
            e.local.clone()
        }
    });
    Ok(match addr {
        Some(SocketAddress::Inet(a)) => {
            let family = if a.is_ipv4() { "IPv4" } else { "IPv6" };
            JsArray::from_iter(
                [
                    JsString::from(a.ip().to_string().as_str()).into(),
                    JsString::from(family).into(),
                    f64::from(a.port()).into(),
                ],
                cx,
            )
            .into()
        }
        Some(SocketAddress::Unix(p)) => JsString::from(p.to_string_lossy().as_ref()).into(),
        None => JsValue::undefined(),
    })
}

fn op_net_set_no_delay(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let on = arg(args, 1).to_boolean();
    let s = state(cx);
    if let Some(e) = s.net.borrow_mut().entries.get_mut(&id) {
        e.no_delay = on;
        if let Kind::Socket(addr) = &e.kind {
            let _ = s.system.borrow_mut().send(addr, SetNoDelay(on));
        }
    }
    Ok(0.into())
}

/// Makes idle handle `id` the IPC channel the parent process gave (`NODE_CHANNEL_FD`), once.
/// Only that descriptor can be opened so: the host found it at start, as a socket, and owns it.
fn op_net_open_ipc(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let Some(raw) = cx
        .get_data::<crate::node::process::ProcessConfig>()
        .and_then(|c| c.ipc_channel.take())
    else {
        return Ok((-libc::EBADF).into());
    };
    // SAFETY: the host handed this descriptor to the context to own, and `take` gives it out
    // once.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    // Programs this one runs do not inherit it.
    // SAFETY: plain fcntl on a descriptor we own.
    if unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) } < 0 {
        return Ok((-std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EBADF))
        .into());
    }
    Ok(adopt(cx, id, fd).into())
}

/// Asks handle `id`'s socket actor now (it runs on this thread): `setTypeOfService` and
/// `getTypeOfService` answer synchronously, as the setsockopt under node's binding does.
fn ask_socket_now<M>(cx: &Context, id: HandleId, msg: M) -> Option<M::Reply>
where
    M: actors::Message,
    Socket: actors::Handler<M>,
{
    let (addr, _) = socket(cx, id)?;
    let answer = Rc::new(Cell::new(None));
    let slot = answer.clone();
    let s = state(cx);
    let mut system = s.system.borrow_mut();
    system.ask_then(&addr, msg, move |r| slot.set(r.ok()));
    system.dispatch();
    answer.take()
}

fn op_net_set_tos(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let tos = arg(args, 1).as_number().unwrap_or(0.0) as u8;
    if let Some(e) = state(cx).net.borrow_mut().entries.get_mut(&id) {
        e.tos = Some(tos);
    }
    Ok(match ask_socket_now(cx, id, SetTypeOfService(tos)) {
        Some(Err(e)) => errno_of(&e),
        _ => 0,
    }
    .into())
}

fn op_net_get_tos(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    Ok(match ask_socket_now(cx, id, TypeOfService) {
        Some(Ok(tos)) => i32::from(tos),
        Some(Err(e)) => errno_of(&e),
        // Not connected yet: the value kept for when it is.
        None => state(cx)
            .net
            .borrow()
            .entries
            .get(&id)
            .and_then(|e| e.tos)
            .map_or(0, i32::from),
    }
    .into())
}

fn op_net_set_keep_alive(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = handle_arg(args);
    let on = arg(args, 1).to_boolean();
    let delay = arg(args, 2).as_number().unwrap_or(0.0).max(0.0);
    let keep_alive = on.then(|| Duration::from_secs_f64(delay));
    let s = state(cx);
    if let Some(e) = s.net.borrow_mut().entries.get_mut(&id) {
        e.keep_alive = keep_alive;
        if let Kind::Socket(addr) = &e.kind {
            let _ = s.system.borrow_mut().send(addr, SetKeepAlive(keep_alive));
        }
    }
    Ok(0.into())
}

// ---- name resolution ----

/// `op_net_getaddrinfo(hostname, family, flags, callback)`: resolves on the disk pool (the call
/// blocks) and calls `callback(status, addresses)`, status being 0 or libuv's `UV_EAI_*` code.
fn op_net_getaddrinfo(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let host = string_arg(args, 0);
    let family = match arg(args, 1).as_number().unwrap_or(0.0) as i32 {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    let flags = arg(args, 2).as_number().unwrap_or(0.0) as i32;
    let callback = arg(args, 3)
        .as_callable()
        .ok_or_else(|| OpError::invalid_arg("callback"))?
        .clone();
    let s = state(cx);
    let completer = s.requests.completer();
    // The callback runs in the async context frame of the lookup.
    let frames = s.requests.frame.clone();
    let frame = frames.get();
    let call = Call::new(Rights::NONE, move || Ok(getaddrinfo(&host, family, flags)));
    s.system.borrow_mut().ask_then(&s.disk, call, move |r| {
        let result = match r {
            Ok(Ok(r)) => r,
            _ => Err(-3003),
        };
        completer.post(Box::new(move |cx: &mut Context| {
            let (st, list) = match result {
                Ok(ips) => {
                    let names = ips
                        .iter()
                        .map(|ip| JsString::from(ip.to_string().as_str()).into());
                    (0, JsArray::from_iter(names, cx).into())
                }
                Err(code) => (code, JsValue::undefined()),
            };
            frames.exchange(frame);
            callback.call(&JsValue::undefined(), &[st.into(), list], cx)?;
            Ok(())
        }));
    });
    Ok(JsValue::undefined())
}

/// The addresses of `host`, in the resolver's order, without duplicates; or libuv's code for why
/// not.
fn getaddrinfo(host: &str, family: i32, flags: i32) -> Result<Vec<IpAddr>, i32> {
    let name = CString::new(host).map_err(|_| -3008)?;
    // SAFETY: a zeroed addrinfo is a valid "no hints" value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = libc::SOCK_STREAM;
    hints.ai_flags = flags;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the name is a valid C string, hints a valid addrinfo, and `list` is freed below.
    let rc = unsafe { libc::getaddrinfo(name.as_ptr(), std::ptr::null(), &hints, &mut list) };
    if rc != 0 {
        return Err(eai_code(rc));
    }
    let mut out = Vec::new();
    let mut p = list;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned, which stays valid until freed.
        let ai = unsafe { &*p };
        let ip = match ai.ai_family {
            libc::AF_INET => {
                // SAFETY: an AF_INET entry's address is a sockaddr_in.
                let sa = unsafe { &*(ai.ai_addr as *const libc::sockaddr_in) };
                Some(IpAddr::from(u32::from_be(sa.sin_addr.s_addr).to_be_bytes()))
            }
            libc::AF_INET6 => {
                // SAFETY: an AF_INET6 entry's address is a sockaddr_in6.
                let sa = unsafe { &*(ai.ai_addr as *const libc::sockaddr_in6) };
                Some(IpAddr::from(sa.sin6_addr.s6_addr))
            }
            _ => None,
        };
        if let Some(ip) = ip
            && !out.contains(&ip)
        {
            out.push(ip);
        }
        p = ai.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(out)
}

/// libuv's number for a getaddrinfo error.
fn eai_code(rc: i32) -> i32 {
    match rc {
        libc::EAI_AGAIN => -3001,
        libc::EAI_BADFLAGS => -3002,
        libc::EAI_FAIL => -3004,
        libc::EAI_FAMILY => -3005,
        libc::EAI_MEMORY => -3006,
        libc::EAI_NODATA => -3007,
        libc::EAI_NONAME => -3008,
        libc::EAI_OVERFLOW => -3009,
        libc::EAI_SERVICE => -3010,
        libc::EAI_SOCKTYPE => -3011,
        libc::EAI_SYSTEM => -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO),
        _ => -3008,
    }
}
