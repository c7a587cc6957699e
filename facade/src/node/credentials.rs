//! `internalBinding('credentials')`: the POSIX credential setters of `process` (`setuid`,
//! `seteuid`, `setgid`, `setegid`, `setgroups`, `initgroups`), `getgroups`, and the memory
//! figures libuv reads from the cgroup (`process.constrainedMemory`, `process.availableMemory`).
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/process.html#processsetuidid>.
//!
//! The setters answer as node's bindings do: `0` when done, `1` (or, for `setgroups`, the index
//! plus one) when a name is unknown, so the JS side throws `ERR_UNKNOWN_CREDENTIAL`, and
//! `[errno, text]` when the kernel refused, for node's errno error (`EPERM, Operation not
//! permitted`). Changing the identity of
//! the process reaches outside the program as much as running one does, so it takes the same
//! authority.

use std::ffi::CString;
use std::io;
use std::path::{Path, PathBuf};

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsString, JsValue};

use crate::authority::AccessDenied;
use crate::ops::{Binding, OpError, OpResult, arg};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "credentials",
    ops: &[
        ("op_credentials_set_id", op_credentials_set_id),
        ("op_credentials_setgroups", op_credentials_setgroups),
        ("op_credentials_initgroups", op_credentials_initgroups),
        ("op_credentials_getgroups", op_credentials_getgroups),
        ("op_memory_constrained", op_memory_constrained),
        ("op_memory_available", op_memory_available),
    ],
};

fn allowed(what: &str, cx: &mut Context) -> Result<(), OpError> {
    if state(cx).authority.allows_run() {
        return Ok(());
    }
    Err(OpError::Denied(AccessDenied {
        permission: "ChildProcess",
        resource: what.to_owned(),
    }))
}

/// One reentrant lookup of the user or group database (`getpwnam_r`, `getpwuid_r`,
/// `getgrnam_r`), with a buffer of the size `size_name` has sysconf suggest: the entry, if there
/// is one, with the buffer its strings point into.
fn lookup<T>(
    size_name: libc::c_int,
    call: impl FnOnce(*mut T, *mut libc::c_char, usize, *mut *mut T) -> libc::c_int,
) -> Option<(T, Vec<libc::c_char>)> {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(size_name) };
    let mut buf = vec![0; if n > 0 { n as usize } else { 16 * 1024 }];
    let mut entry = std::mem::MaybeUninit::<T>::uninit();
    let mut found = std::ptr::null_mut();
    let rc = call(entry.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut found);
    if rc != 0 || found.is_null() {
        return None;
    }
    // SAFETY: the lookup filled the entry (it answered it through `found`).
    Some((unsafe { entry.assume_init() }, buf))
}

/// A user's id: a number as it is (as node takes it), a name looked up.
fn user(id: &JsValue) -> Option<libc::uid_t> {
    if let Some(n) = id.as_number() {
        return Some(n as libc::uid_t);
    }
    let name = CString::new(id.as_string()?.to_std_string_lossy()).ok()?;
    // SAFETY: every pointer is valid for the call, and the name is NUL-terminated.
    lookup(libc::_SC_GETPW_R_SIZE_MAX, |p, b, l, f| unsafe {
        libc::getpwnam_r(name.as_ptr(), p, b, l, f)
    })
    .map(|(pwd, _)| pwd.pw_uid)
}

/// A user name for `initgroups`: the entry's own name for a number.
fn user_name(id: &JsValue) -> Option<CString> {
    if let Some(s) = id.as_string() {
        return CString::new(s.to_std_string_lossy()).ok();
    }
    let uid = id.as_number()? as libc::uid_t;
    // SAFETY: every pointer is valid for the call.
    let (pwd, _buf) = lookup(libc::_SC_GETPW_R_SIZE_MAX, |p, b, l, f| unsafe {
        libc::getpwuid_r(uid, p, b, l, f)
    })?;
    // SAFETY: pw_name points into `_buf`, alive here.
    Some(unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) }.to_owned())
}

/// A group's id, by number or by name.
fn group(id: &JsValue) -> Option<libc::gid_t> {
    if let Some(n) = id.as_number() {
        return Some(n as libc::gid_t);
    }
    let name = CString::new(id.as_string()?.to_std_string_lossy()).ok()?;
    // SAFETY: every pointer is valid for the call, and the name is NUL-terminated.
    lookup(libc::_SC_GETGR_R_SIZE_MAX, |g, b, l, f| unsafe {
        libc::getgrnam_r(name.as_ptr(), g, b, l, f)
    })
    .map(|(grp, _)| grp.gr_gid)
}

/// A refused call: `[errno, strerror text]`, from which the JS side makes node's errno error
/// (`node::ErrnoException`: `EPERM, Operation not permitted`, with `errno`, `code`, `syscall`).
fn refused(cx: &mut Context) -> JsValue {
    let errno = io::Error::last_os_error().raw_os_error().unwrap_or(0);
    // SAFETY: strerror returns a valid C string for any errno.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }.to_string_lossy();
    JsArray::from_iter(
        [JsValue::from(errno), JsString::from(text.as_ref()).into()],
        cx,
    )
    .into()
}

/// `op_credentials_set_id(which, id)`, `which` one of `setuid`, `seteuid`, `setgid`,
/// `setegid`: 0, or 1 when the name is unknown.
fn op_credentials_set_id(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let which = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    allowed(&which, cx)?;
    let id = arg(args, 1);
    let (id, set): (Option<u32>, unsafe extern "C" fn(u32) -> libc::c_int) = match which.as_str() {
        "setuid" => (user(&id), libc::setuid),
        "seteuid" => (user(&id), libc::seteuid),
        "setgid" => (group(&id), libc::setgid),
        "setegid" => (group(&id), libc::setegid),
        _ => return Err(OpError::invalid_arg("credential setter")),
    };
    let Some(id) = id else {
        return Ok(1.into());
    };
    // SAFETY: a plain syscall on an id.
    let rc = unsafe { set(id) };
    Ok(if rc == 0 { 0.into() } else { refused(cx) })
}

/// `op_credentials_setgroups(groups)`: 0, or the index plus one of an unknown group name.
fn op_credentials_setgroups(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    allowed("setgroups", cx)?;
    let list = arg(args, 0)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("groups"))?;
    let list = JsArray::from_object(list)?;
    let mut gids = Vec::new();
    for i in 0..list.length(cx)? {
        let item = list.get(i, cx)?;
        match group(&item) {
            Some(g) => gids.push(g),
            None => return Ok(JsValue::from(i as f64 + 1.0)),
        }
    }
    // SAFETY: `gids` holds `len` group ids.
    let rc = unsafe { libc::setgroups(gids.len(), gids.as_ptr()) };
    Ok(if rc == 0 { 0.into() } else { refused(cx) })
}

/// `op_credentials_initgroups(user, extraGroup)`: 0, 1 for an unknown user, 2 for an unknown
/// group.
fn op_credentials_initgroups(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    allowed("initgroups", cx)?;
    let Some(name) = user_name(&arg(args, 0)) else {
        return Ok(1.into());
    };
    let Some(extra) = group(&arg(args, 1)) else {
        return Ok(2.into());
    };
    // SAFETY: `name` is NUL-terminated.
    let rc = unsafe { libc::initgroups(name.as_ptr(), extra) };
    Ok(if rc == 0 { 0.into() } else { refused(cx) })
}

/// `process.getgroups()`: the supplementary groups, with the effective group among them.
fn op_credentials_getgroups(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    // SAFETY: a null buffer with size 0 asks for the count.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let mut gids: Vec<libc::gid_t> = vec![0; n.max(0) as usize];
    // SAFETY: `gids` has room for `n` ids.
    let n = unsafe { libc::getgroups(n, gids.as_mut_ptr()) };
    if n < 0 {
        return Ok(refused(cx));
    }
    gids.truncate(n as usize);
    // As node: the effective gid is in the list (once).
    // SAFETY: cannot fail.
    let egid = unsafe { libc::getegid() };
    if !gids.contains(&egid) {
        gids.push(egid);
    }
    Ok(JsArray::from_iter(gids.into_iter().map(JsValue::from), cx).into())
}

fn read_text(path: &Path) -> Option<String> {
    actors::pool::ops::read_file(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

/// A cgroup memory file: a number, `u64::MAX` for cgroup v2's `max`, 0 when unreadable.
fn cgroup_value(path: &Path) -> u64 {
    match read_text(path).as_deref().map(str::trim) {
        Some("max") => u64::MAX,
        Some(text) => text.parse().unwrap_or(0),
        None => 0,
    }
}

/// Where this process's memory cgroup is, as `/proc/self/cgroup` says.
enum Cgroup {
    /// cgroup v2 alone: the process's directory in the unified hierarchy.
    V2(PathBuf),
    /// cgroup v1: the memory controller's directory for the process, if the line names one
    /// (it may not be mounted there; then the controller's top directory counts).
    V1(Option<PathBuf>),
}

impl Cgroup {
    const V1_ROOT: &str = "/sys/fs/cgroup/memory";

    fn of_this_process() -> Option<Cgroup> {
        let cgroups = read_text(Path::new("/proc/self/cgroup"))?;
        if let Some(rel) = cgroups.strip_prefix("0::/") {
            let rel = rel.lines().next().unwrap_or("");
            return Some(Cgroup::V2(Path::new("/sys/fs/cgroup").join(rel)));
        }
        let own = cgroups
            .lines()
            .find_map(|l| l.split_once(":memory:").map(|(_, p)| p))
            .map(|p| Path::new(Self::V1_ROOT).join(p.trim_start_matches('/')));
        Some(Cgroup::V1(own))
    }

    /// A v1 figure: from the process's own directory when it has one there, else the top's.
    fn v1_value(own: &Option<PathBuf>, name: &str) -> u64 {
        own.as_ref()
            .map(|d| cgroup_value(&d.join(name)))
            .filter(|&v| v != 0)
            .unwrap_or_else(|| cgroup_value(&Path::new(Self::V1_ROOT).join(name)))
    }

    /// libuv's `uv_get_constrained_memory`: the lower of the two memory limits (`memory.max`
    /// and `memory.high` in v2, the hard and soft limits in v1), `u64::MAX` when nothing limits.
    fn limit(&self) -> u64 {
        match self {
            Cgroup::V2(dir) => {
                cgroup_value(&dir.join("memory.high")).min(cgroup_value(&dir.join("memory.max")))
            }
            Cgroup::V1(own) => {
                let dir_limits = |d: &Path| {
                    (
                        cgroup_value(&d.join("memory.soft_limit_in_bytes")),
                        cgroup_value(&d.join("memory.limit_in_bytes")),
                    )
                };
                let (high, max) = match own.as_deref().map(dir_limits) {
                    Some((h, m)) if h != 0 && m != 0 => (h, m),
                    _ => dir_limits(Path::new(Self::V1_ROOT)),
                };
                // SAFETY: sysconf has no preconditions.
                let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as u64;
                let v1_max = (i64::MAX as u64) & !(page - 1);
                let unlimited = |v: u64| if v == v1_max { u64::MAX } else { v };
                unlimited(high).min(unlimited(max))
            }
        }
    }

    /// What the cgroup uses now (`memory.current`, or v1's `memory.usage_in_bytes`).
    fn current(&self) -> u64 {
        match self {
            Cgroup::V2(dir) => cgroup_value(&dir.join("memory.current")),
            Cgroup::V1(own) => Self::v1_value(own, "memory.usage_in_bytes"),
        }
    }
}

/// `MemAvailable` of `/proc/meminfo`, in bytes (libuv's `uv_get_free_memory`).
fn free_memory() -> u64 {
    read_text(Path::new("/proc/meminfo"))
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn op_memory_constrained(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    let limit = Cgroup::of_this_process().map_or(0, |c| c.limit());
    Ok(JsValue::from(limit as f64))
}

/// libuv's `uv_get_available_memory`: the free memory, or what the cgroup's limit leaves when
/// that is less.
fn op_memory_available(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    let free = free_memory();
    let available = match Cgroup::of_this_process() {
        Some(cgroup) => match cgroup.limit() {
            0 | u64::MAX => free,
            limit => free.min(limit.saturating_sub(cgroup.current())),
        },
        None => free,
    };
    Ok(JsValue::from(available as f64))
}
