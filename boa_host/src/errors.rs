//! Turning Rust errors into JS errors with Node's shape. This is the only place that does it.
//!
//! - An OS error from a filesystem call becomes Node's `uvException`:
//!   `ENOENT: no such file or directory, open '/x'`, with `errno` (negative), `code`, `syscall`,
//!   `path` and `dest`.
//! - An OS error from a socket call becomes `exceptionWithHostPort`:
//!   `connect ECONNREFUSED 127.0.0.1:8080`, with `address` and `port`.
//! - A Node error (`ERR_*`) keeps its class, code and message.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsError, JsNativeError, JsObject, JsString, JsValue, js_string};
use facade::{ErrorClass, OpError};

use actors::net::{NetError, SocketAddress};
use actors::pool::FsError;

/// libuv's name and description of an errno (`uv_err_name`, `uv_strerror`).
pub(crate) fn uv_error(errno: i32) -> (&'static str, &'static str) {
    match errno {
        // libuv's own code for the end of a stream.
        4095 => ("EOF", "end of file"),
        // libuv's getaddrinfo codes (UV_EAI_*), above the errno range.
        3000 => ("EAI_ADDRFAMILY", "address family not supported"),
        3001 => ("EAI_AGAIN", "temporary failure"),
        3002 => ("EAI_BADFLAGS", "bad ai_flags value"),
        3003 => ("EAI_CANCELED", "request canceled"),
        3004 => ("EAI_FAIL", "permanent failure"),
        3005 => ("EAI_FAMILY", "ai_family not supported"),
        3006 => ("EAI_MEMORY", "out of memory"),
        3007 => ("EAI_NODATA", "no address"),
        3008 => ("EAI_NONAME", "unknown node or service"),
        3009 => ("EAI_OVERFLOW", "argument buffer overflow"),
        3010 => ("EAI_SERVICE", "service not available for socket type"),
        3011 => ("EAI_SOCKTYPE", "socket type not supported"),
        3013 => ("EAI_BADHINTS", "invalid value for hints"),
        3014 => ("EAI_PROTOCOL", "resolved protocol is unknown"),
        libc::E2BIG => ("E2BIG", "argument list too long"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EADDRINUSE => ("EADDRINUSE", "address already in use"),
        libc::EADDRNOTAVAIL => ("EADDRNOTAVAIL", "address not available"),
        libc::EAFNOSUPPORT => ("EAFNOSUPPORT", "address family not supported"),
        libc::EAGAIN => ("EAGAIN", "resource temporarily unavailable"),
        libc::EALREADY => ("EALREADY", "connection already in progress"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EBUSY => ("EBUSY", "resource busy or locked"),
        libc::ECANCELED => ("ECANCELED", "operation canceled"),
        libc::ECONNABORTED => ("ECONNABORTED", "software caused connection abort"),
        libc::ECONNREFUSED => ("ECONNREFUSED", "connection refused"),
        libc::ECONNRESET => ("ECONNRESET", "connection reset by peer"),
        libc::EDESTADDRREQ => ("EDESTADDRREQ", "destination address required"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EFAULT => ("EFAULT", "bad address in system call argument"),
        libc::EFBIG => ("EFBIG", "file too large"),
        libc::EHOSTUNREACH => ("EHOSTUNREACH", "host is unreachable"),
        libc::EINTR => ("EINTR", "interrupted system call"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::EIO => ("EIO", "i/o error"),
        libc::EISCONN => ("EISCONN", "socket is already connected"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::EMLINK => ("EMLINK", "too many links"),
        libc::EMSGSIZE => ("EMSGSIZE", "message too long"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::ENETDOWN => ("ENETDOWN", "network is down"),
        libc::ENETUNREACH => ("ENETUNREACH", "network is unreachable"),
        libc::ENFILE => ("ENFILE", "file table overflow"),
        libc::ENOBUFS => ("ENOBUFS", "no buffer space available"),
        libc::ENODEV => ("ENODEV", "no such device"),
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::ENOMEM => ("ENOMEM", "not enough memory"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::ENOSYS => ("ENOSYS", "function not implemented"),
        libc::ENOTCONN => ("ENOTCONN", "socket is not connected"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::ENOTSOCK => ("ENOTSOCK", "socket operation on non-socket"),
        libc::ENOTSUP => ("ENOTSUP", "operation not supported on socket"),
        libc::ENOTTY => ("ENOTTY", "inappropriate ioctl for device"),
        libc::ENXIO => ("ENXIO", "no such device or address"),
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::EPIPE => ("EPIPE", "broken pipe"),
        libc::EOVERFLOW => ("EOVERFLOW", "value too large for defined data type"),
        libc::EPROTO => ("EPROTO", "protocol error"),
        libc::EPROTONOSUPPORT => ("EPROTONOSUPPORT", "protocol not supported"),
        libc::EPROTOTYPE => ("EPROTOTYPE", "protocol wrong type for socket"),
        libc::ERANGE => ("ERANGE", "result too large"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::ESHUTDOWN => ("ESHUTDOWN", "cannot send after transport endpoint shutdown"),
        libc::ESPIPE => ("ESPIPE", "invalid seek"),
        libc::ESRCH => ("ESRCH", "no such process"),
        libc::ETIMEDOUT => ("ETIMEDOUT", "connection timed out"),
        libc::ETXTBSY => ("ETXTBSY", "text file is busy"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

fn set(obj: &JsObject, key: &str, value: impl Into<JsValue>, cx: &mut Context) {
    let _ = obj.set(JsString::from(key), value.into(), false, cx);
}

fn new_error(class: ErrorClass, message: &str, cx: &mut Context) -> JsObject {
    let native = match class {
        ErrorClass::Error => JsNativeError::error(),
        ErrorClass::TypeError => JsNativeError::typ(),
        ErrorClass::RangeError => JsNativeError::range(),
    };
    native
        .with_message(message.to_string())
        .into_opaque(cx)
        .upcast()
}

/// Node's fs error for `e`.
pub(crate) fn fs_error(e: &FsError, cx: &mut Context) -> JsObject {
    let Some(errno) = e.raw_os_error() else {
        return new_error(ErrorClass::Error, &e.error.to_string(), cx);
    };
    let (code, desc) = uv_error(errno);
    let mut message = format!("{code}: {desc}, {}", e.syscall);
    if let Some(p) = &e.path {
        message.push_str(&format!(" '{}'", p.display()));
    }
    if let Some(d) = &e.dest {
        message.push_str(&format!(" -> '{}'", d.display()));
    }
    let err = new_error(ErrorClass::Error, &message, cx);
    set(&err, "errno", -errno, cx);
    set(&err, "code", JsString::from(code), cx);
    set(&err, "syscall", JsString::from(e.syscall), cx);
    if let Some(p) = &e.path {
        set(
            &err,
            "path",
            JsString::from(p.to_string_lossy().as_ref()),
            cx,
        );
    }
    if let Some(d) = &e.dest {
        set(
            &err,
            "dest",
            JsString::from(d.to_string_lossy().as_ref()),
            cx,
        );
    }
    err
}

/// Node's net error for `e`.
pub(crate) fn net_error(e: &NetError, cx: &mut Context) -> JsObject {
    let Some(errno) = e.raw_os_error() else {
        return new_error(ErrorClass::Error, &e.error.to_string(), cx);
    };
    let (code, _) = uv_error(errno);
    let mut message = format!("{} {code}", e.syscall);
    match &e.address {
        Some(SocketAddress::Inet(a)) => message.push_str(&format!(" {}:{}", a.ip(), a.port())),
        Some(SocketAddress::Unix(p)) => message.push_str(&format!(" {}", p.display())),
        None => {}
    }
    let err = new_error(ErrorClass::Error, &message, cx);
    set(&err, "errno", -errno, cx);
    set(&err, "code", JsString::from(code), cx);
    set(&err, "syscall", JsString::from(e.syscall), cx);
    match &e.address {
        Some(SocketAddress::Inet(a)) => {
            set(
                &err,
                "address",
                JsString::from(a.ip().to_string().as_str()),
                cx,
            );
            set(&err, "port", a.port(), cx);
        }
        Some(SocketAddress::Unix(p)) => set(
            &err,
            "address",
            JsString::from(p.to_string_lossy().as_ref()),
            cx,
        ),
        None => {}
    }
    err
}

/// The JS error for an op's failure.
pub(crate) fn to_js(e: OpError, cx: &mut Context) -> JsError {
    match e {
        OpError::Js(e) => e,
        OpError::Fs(e) => JsError::from_opaque(fs_error(&e, cx).into()),
        OpError::Net(e) => JsError::from_opaque(net_error(&e, cx).into()),
        OpError::Node {
            class,
            code,
            message,
        } => {
            let err = new_error(class, &message, cx);
            set(&err, "code", JsString::from(code), cx);
            JsError::from_opaque(err.into())
        }
        OpError::Denied(d) => {
            // As node's: `new Error(message)` with `code`, `permission` and `resource`.
            let err = new_error(
                ErrorClass::Error,
                "Access to this API has been restricted",
                cx,
            );
            set(&err, "code", js_string!("ERR_ACCESS_DENIED"), cx);
            set(&err, "permission", JsString::from(d.permission), cx);
            set(&err, "resource", JsString::from(d.resource.as_str()), cx);
            JsError::from_opaque(err.into())
        }
        OpError::Actor(e) => {
            let code = if e.is_permission() {
                "ERR_ACCESS_DENIED"
            } else {
                "ERR_ACTORJS_ACTOR_STOPPED"
            };
            let err = new_error(ErrorClass::Error, &e.to_string(), cx);
            set(&err, "code", JsString::from(code), cx);
            JsError::from_opaque(err.into())
        }
    }
}

/// A thrown value as a JS value (native errors become error objects).
pub(crate) fn opaque(e: JsError, cx: &mut Context) -> JsValue {
    e.into_opaque(cx)
        .unwrap_or_else(|e| JsValue::from(js_string!(e.to_string())))
}

/// Best-effort text of a thrown value without running JS, for errors raised before the JS
/// side is up (while bootstrapping).
pub(crate) fn plain_text(value: &JsValue, cx: &mut Context) -> String {
    if let Some(obj) = value.as_object() {
        for key in ["stack", "message"] {
            if let Ok(v) = obj.get(JsString::from(key), cx)
                && let Some(s) = v.as_string()
            {
                let name = obj
                    .get(js_string!("name"), cx)
                    .ok()
                    .and_then(|n| n.as_string().map(|s| s.to_std_string_lossy()))
                    .unwrap_or_else(|| "Error".into());
                let text = s.to_std_string_lossy();
                return if key == "stack" && !text.starts_with(&name) {
                    format!(
                        "{name}: {}\n{text}",
                        obj.get(js_string!("message"), cx)
                            .ok()
                            .and_then(|m| m.as_string().map(|m| m.to_std_string_lossy()))
                            .unwrap_or_default()
                    )
                } else {
                    text
                };
            }
        }
    }
    value.display().to_string()
}

/// Calls `f(args)` with `this` undefined.
pub(crate) fn call(
    f: &JsObject,
    args: &[JsValue],
    cx: &mut Context,
) -> boa_engine::JsResult<JsValue> {
    let f = JsFunction::from_object(f.clone())
        .ok_or_else(|| JsNativeError::typ().with_message("not a function"))?;
    f.call(&JsValue::undefined(), args, cx)
}

/// Calls `f` with a `this`.
pub(crate) fn call_with_this(
    f: &JsObject,
    this: &JsValue,
    args: &[JsValue],
    cx: &mut Context,
) -> boa_engine::JsResult<JsValue> {
    let f = JsFunction::from_object(f.clone())
        .ok_or_else(|| JsNativeError::typ().with_message("not a function"))?;
    f.call(this, args, cx)
}

/// `Object.getOwnPropertyDescriptor(obj, key)`, through the intrinsic (Boa keeps its own
/// descriptor access internal).
pub(crate) fn own_descriptor(
    obj: &JsObject,
    key: JsValue,
    cx: &mut Context,
) -> boa_engine::JsResult<Option<JsObject>> {
    let object_ctor = cx.intrinsics().constructors().object().constructor();
    let f = object_ctor.get(js_string!("getOwnPropertyDescriptor"), cx)?;
    let f = f
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("no getOwnPropertyDescriptor"))?;
    let d = call(&f, &[obj.clone().into(), key], cx)?;
    Ok(d.as_object())
}

/// Whether `obj` has an own enumerable property `key`.
pub(crate) fn is_own_enumerable(
    obj: &JsObject,
    key: JsValue,
    cx: &mut Context,
) -> boa_engine::JsResult<bool> {
    match own_descriptor(obj, key, cx)? {
        Some(d) => Ok(d.get(js_string!("enumerable"), cx)?.to_boolean()),
        None => Ok(false),
    }
}
