//! `internalBinding('stdio')`: the process's standard streams and terminals, behind
//! `process.stdout`/`stderr`/`stdin` and `node:tty`.
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/tty.html>.
//!
//! Every op takes the number JS sees and looks it up in the context's descriptor table, so a
//! terminal the program opened itself (`fs.openSync('/dev/tty')`) works as stdio does, and a
//! number it was not given is `EBADF`.

use std::io;

use boa_engine::object::builtins::{JsArray, JsTypedArray};
use boa_engine::{Context, JsString, JsValue, js_string};

use actors::Rights;
use actors::pool::{FsError, FsResult};

use crate::fds::Held;
use crate::ops::{Binding, OpError, OpResult, arg};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "stdio",
    ops: &[
        ("op_stdio_write", op_stdio_write),
        ("op_stdio_kind", op_stdio_kind),
        ("op_stdio_read", op_stdio_read),
        ("op_stdio_read_ref", op_stdio_read_ref),
        ("op_stdio_read_line_sync", op_stdio_read_line_sync),
        ("op_stdio_set_raw_mode", op_stdio_set_raw_mode),
        ("op_stdio_window_size", op_stdio_window_size),
    ],
};

/// The descriptor JS numbered `args[i]`, if it is open for `rights`.
fn held(args: &[JsValue], i: usize, rights: Rights, cx: &Context) -> Option<Held> {
    let n = arg(args, i).as_number().unwrap_or(-1.0);
    state(cx).fds.borrow().get(n, rights)
}

fn errno_error(syscall: &'static str, e: io::Error) -> OpError {
    OpError::Fs(FsError::new(syscall, e))
}

fn bad_fd(syscall: &'static str) -> OpError {
    OpError::Fs(FsError::errno(syscall, libc::EBADF))
}

/// The last OS error as a negative errno, as libuv returns it.
fn neg_errno() -> i32 {
    -io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// Writes all of `data` (a string or a Uint8Array) to `fd`, synchronously, as Node does for
/// stdout and stderr on Linux whether they are files, TTYs or pipes. A full non-blocking pipe is
/// waited for with `poll`.
fn op_stdio_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let fd = held(args, 0, Rights::WRITE, cx).ok_or_else(|| bad_fd("write"))?;
    let fd = fd.raw();
    let data = arg(args, 1);
    let written = if let Some(s) = data.as_string() {
        write_all(fd, s.to_std_string_lossy().as_bytes())
    } else if let Some(obj) = data.as_object() {
        let ta = JsTypedArray::from_object(obj.clone())?;
        let offset = ta.byte_offset(cx)?;
        let len = ta.byte_length(cx)?;
        let buffer = ta.buffer(cx)?;
        let buffer = buffer
            .as_object()
            .ok_or_else(|| OpError::invalid_arg("typed array without a buffer"))?;
        let ab = boa_engine::object::builtins::JsArrayBuffer::from_object(buffer)?;
        let bytes = ab
            .data()
            .ok_or_else(|| OpError::invalid_arg("detached buffer"))?;
        write_all(fd, &bytes[offset..offset + len])
    } else {
        return Err(OpError::invalid_arg("stdio data"));
    };
    written.map_err(|e| errno_error("write", e))?;
    Ok(JsValue::undefined())
}

fn write_all(fd: i32, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        // SAFETY: `data` is valid for reads of its length.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n >= 0 {
            data = &data[n as usize..];
            continue;
        }
        let e = io::Error::last_os_error();
        match e.kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: `p` is one valid pollfd.
                unsafe { libc::poll(&mut p, 1, -1) };
            }
            _ => return Err(e),
        }
    }
    Ok(())
}

/// The terminal settings before the first switch to raw mode, restored when raw mode ends and
/// when the process exits (as libuv's `uv_tty_reset_mode`).
static SAVED_TERMIOS: std::sync::Mutex<Option<(i32, libc::termios)>> = std::sync::Mutex::new(None);

extern "C" fn restore_terminal() {
    if let Ok(saved) = SAVED_TERMIOS.lock()
        && let Some((fd, t)) = saved.as_ref()
    {
        // SAFETY: `t` is a termios tcgetattr filled for `fd`.
        unsafe { libc::tcsetattr(*fd, libc::TCSADRAIN, t) };
    }
}

/// `op_stdio_set_raw_mode(fd, on)` → 0 or -errno: a terminal's raw mode (`setRawMode`), as
/// libuv's `UV_TTY_MODE_RAW`.
fn op_stdio_set_raw_mode(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(fd) = held(args, 0, Rights::NONE, cx) else {
        return Ok((-libc::EBADF).into());
    };
    let fd = fd.raw();
    let on = arg(args, 1).to_boolean();
    let mut saved = SAVED_TERMIOS.lock().unwrap_or_else(|e| e.into_inner());
    if !on {
        if let Some((_, t)) = saved.as_ref() {
            // SAFETY: `t` is a termios tcgetattr filled.
            if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, t) } == -1 {
                return Ok(neg_errno().into());
            }
        }
        return Ok(0.into());
    }
    // SAFETY: an all-zero termios is valid storage for tcgetattr to fill.
    let mut current: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `current` is valid for writes.
    if unsafe { libc::tcgetattr(fd, &mut current) } == -1 {
        return Ok(neg_errno().into());
    }
    if saved.is_none() {
        *saved = Some((fd, current));
        // SAFETY: registering a plain function to run at exit.
        unsafe { libc::atexit(restore_terminal) };
    }
    let mut raw = current;
    // libuv's raw mode: no echo, no canonical input, no signals from keys, 8-bit characters.
    raw.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
    raw.c_oflag |= libc::ONLCR;
    raw.c_cflag |= libc::CS8;
    raw.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
    raw.c_cc[libc::VMIN] = 1;
    raw.c_cc[libc::VTIME] = 0;
    // SAFETY: `raw` is a valid termios.
    if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &raw) } == -1 {
        return Ok(neg_errno().into());
    }
    Ok(0.into())
}

/// What kind of thing `fd` is: `"tty"`, `"file"`, `"pipe"` (pipes and sockets) or `"unknown"`.
fn op_stdio_kind(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(fd) = held(args, 0, Rights::NONE, cx) else {
        return Ok(js_string!("unknown").into());
    };
    let fd = fd.raw();
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(js_string!("tty").into());
    }
    // SAFETY: an all-zero stat is valid; fstat fills it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    if unsafe { libc::fstat(fd, &mut st) } == -1 {
        return Ok(js_string!("unknown").into());
    }
    let kind = match st.st_mode & libc::S_IFMT {
        // A character device that is not a terminal (/dev/null) is a file to libuv too.
        libc::S_IFREG | libc::S_IFCHR => "file",
        libc::S_IFIFO | libc::S_IFSOCK => "pipe",
        _ => "unknown",
    };
    Ok(JsString::from(kind).into())
}

/// `op_stdio_read(fd, len, callback)` → request id: one read; the callback gets a `Uint8Array`,
/// empty at end of input. A file or pipe is read on the worker pool. A terminal is read on a
/// thread of its own that keeps nothing alive but the request, so once the stream is paused
/// (`op_stdio_read_ref`) the process may end while the read still waits for a key, as node's
/// does.
fn op_stdio_read(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let fd = held(args, 0, Rights::READ, cx).ok_or_else(|| bad_fd("read"))?;
    let len = arg(args, 1).as_number().unwrap_or(65536.0) as usize;
    let callback = arg(args, 2)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("stdin callback"))?;
    let s = state(cx);
    let id = s.requests.start_callback(callback);
    let completer = s.requests.completer();
    let deliver = move |r: Result<FsResult<Vec<u8>>, actors::ActorError>| {
        completer.complete(
            id,
            Box::new(move |cx: &mut Context| {
                let bytes = r??;
                Ok(crate::buffers::uint8_array(&bytes, cx)?.into())
            }),
        );
    };
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(fd.raw()) } == 1 {
        let reply = s.system.borrow_mut().detached_callback(deliver);
        actors::pool::read_on_own_thread(fd, len, reply);
    } else {
        let raw = fd.raw();
        // The descriptor stays open until the read is answered, even if JS closes it.
        let reply = s.system.borrow_mut().callback(move |r| {
            drop(fd);
            deliver(r)
        });
        s.disk
            .send_with(actors::pool::ReadFd { fd: raw, len }, reply);
    }
    Ok((id as f64).into())
}

/// `op_stdio_read_ref(request, on)`: whether a read `op_stdio_read` started keeps the process
/// alive. A paused stream's read may still be waiting for a user who never types; the process
/// ends without it, as node's does once its stdin is paused.
fn op_stdio_read_ref(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = arg(args, 0).as_number().unwrap_or(-1.0);
    if id >= 0.0 && id.fract() == 0.0 {
        state(cx)
            .requests
            .set_ref(id as usize, arg(args, 1).to_boolean());
    }
    Ok(JsValue::undefined())
}

/// Reads one line from standard input, blocking (the REPL waits for its user between
/// commands). `null` at end of input.
fn op_stdio_read_line_sync(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Ok(JsValue::null()),
        Ok(_) => Ok(JsString::from(line.trim_end_matches('\n')).into()),
        Err(e) => Err(errno_error("read", e)),
    }
}

/// `op_stdio_window_size(fd, out)` → 0 or -errno: a terminal's size in `out` as
/// `[columns, rows]` (`TIOCGWINSZ`, as libuv's `uv_tty_get_winsize`).
fn op_stdio_window_size(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(fd) = held(args, 0, Rights::NONE, cx) else {
        return Ok((-libc::EBADF).into());
    };
    let out = arg(args, 1)
        .as_object()
        .and_then(|o| JsArray::from_object(o.clone()).ok())
        .ok_or_else(|| OpError::invalid_arg("window size array"))?;
    // SAFETY: an all-zero winsize is valid storage for the ioctl to fill.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize to the pointer it is given.
    if unsafe { libc::ioctl(fd.raw(), libc::TIOCGWINSZ, &mut size) } == -1 {
        return Ok(neg_errno().into());
    }
    out.set(0, size.ws_col, true, cx)?;
    out.set(1, size.ws_row, true, cx)?;
    Ok(0.into())
}
