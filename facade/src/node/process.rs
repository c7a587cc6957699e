//! `internalBinding('process')`: what `process` needs from the OS.
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/process.html>.

use std::io;
use std::time::Instant;

use boa_engine::error::PanicError;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsBigInt, JsError, JsObject, JsString, JsValue, js_string};

use crate::authority::AccessDenied;
use crate::ops::{Binding, OpError, OpResult, arg};
use crate::state::state;

/// What the host tells `process` about how it was started.
#[derive(Debug, Clone)]
pub struct ProcessConfig {
    /// `process.argv`: the executable, the script, then the script's arguments.
    pub argv: Vec<String>,
    /// `process.execArgv`: the runtime's own flags.
    pub exec_argv: Vec<String>,
    /// `process.execPath`.
    pub exec_path: String,
    /// When the process started, for `process.uptime()`.
    pub started: Instant,
    /// Whether `process.exit` ends the whole process (the CLI), or only the script, unwinding
    /// back to the host that embeds it.
    pub exit_ends_process: bool,
    /// The descriptor a parent gave as node's IPC channel (`NODE_CHANNEL_FD`, a connected Unix
    /// stream socket), taken once by `process`'s channel; the context owns it.
    pub ipc_channel: std::cell::Cell<Option<std::os::fd::RawFd>>,
}

pub(crate) static BINDING: Binding = Binding {
    name: "process",
    ops: &[
        ("op_process_config", op_process_config),
        ("op_process_cwd", op_process_cwd),
        ("op_process_chdir", op_process_chdir),
        ("op_process_umask", op_process_umask),
        ("op_process_hrtime", op_process_hrtime),
        ("op_process_hrtime_bigint", op_process_hrtime_bigint),
        ("op_process_uptime", op_process_uptime),
        ("op_process_memory_usage", op_process_memory_usage),
        ("op_process_rss", op_process_rss),
        ("op_process_cpu_usage", op_process_cpu_usage),
        ("op_process_resource_usage", op_process_resource_usage),
        ("op_process_kill", op_process_kill),
        ("op_process_env_all", op_process_env_all),
        ("op_process_env_set", op_process_env_set),
        ("op_process_env_unset", op_process_env_unset),
        ("op_process_really_exit", op_process_really_exit),
        ("op_process_ids", op_process_ids),
        ("op_process_sleep", op_process_sleep),
    ],
};

fn string_arg(args: &[JsValue], i: usize, cx: &mut Context) -> Result<String, OpError> {
    Ok(arg(args, i).to_string(cx)?.to_std_string_lossy())
}

fn strings(items: &[String], cx: &mut Context) -> JsValue {
    JsArray::from_iter(
        items
            .iter()
            .map(|s| JsValue::from(JsString::from(s.as_str()))),
        cx,
    )
    .into()
}

fn set(
    obj: &JsObject,
    key: &str,
    value: impl Into<JsValue>,
    cx: &mut Context,
) -> Result<(), OpError> {
    obj.set(JsString::from(key), value.into(), true, cx)?;
    Ok(())
}

/// `{ argv, execArgv, execPath, pid, ppid, platform, arch }` from the host's configuration.
fn op_process_config(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let config = cx
        .get_data::<ProcessConfig>()
        .cloned()
        .ok_or_else(|| OpError::invalid_arg("process configuration missing"))?;
    let obj = JsObject::with_object_proto(cx.intrinsics());
    let argv = strings(&config.argv, cx);
    set(&obj, "argv", argv, cx)?;
    let exec_argv = strings(&config.exec_argv, cx);
    set(&obj, "execArgv", exec_argv, cx)?;
    set(
        &obj,
        "execPath",
        JsString::from(config.exec_path.as_str()),
        cx,
    )?;
    set(&obj, "pid", std::process::id(), cx)?;
    // SAFETY: getppid cannot fail.
    set(&obj, "ppid", unsafe { libc::getppid() }, cx)?;
    set(&obj, "platform", js_string!(std::env::consts::OS), cx)?;
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    };
    set(&obj, "arch", JsString::from(arch), cx)?;
    Ok(obj.into())
}

fn errno_error(syscall: &'static str, e: io::Error) -> OpError {
    OpError::Fs(actors::pool::FsError::new(syscall, e))
}

fn op_process_cwd(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    let cwd = std::env::current_dir().map_err(|e| errno_error("uv_cwd", e))?;
    Ok(JsString::from(cwd.to_string_lossy().as_ref()).into())
}

fn op_process_chdir(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let dir = string_arg(args, 0, cx)?;
    // As node's: `ENOENT: no such file or directory, chdir /from -> 'to'`, with the working
    // directory as `path` and the target as `dest`.
    std::env::set_current_dir(&dir).map_err(|e| {
        let from = std::env::current_dir().unwrap_or_default();
        OpError::Fs(actors::pool::FsError::new("chdir", e).path(from).dest(&dir))
    })?;
    Ok(JsValue::undefined())
}

/// `process.umask([mask])`: the old mask; sets the new one when given.
fn op_process_umask(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let new = arg(args, 0);
    // SAFETY: umask cannot fail.
    let old = unsafe { libc::umask(0o022) };
    let set_to = if new.is_undefined() {
        old
    } else {
        new.as_number().unwrap_or(0.0) as libc::mode_t
    };
    // SAFETY: as above.
    unsafe { libc::umask(set_to) };
    Ok(JsValue::from(old))
}

fn monotonic() -> (u64, u32) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to fill; CLOCK_MONOTONIC always exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    (ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// `[seconds, nanoseconds]` of the monotonic clock.
fn op_process_hrtime(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let (s, ns) = monotonic();
    Ok(JsArray::from_iter([JsValue::from(s as f64), JsValue::from(ns)], cx).into())
}

/// The monotonic clock in nanoseconds, as a bigint.
fn op_process_hrtime_bigint(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    let (s, ns) = monotonic();
    Ok(JsBigInt::from(s as i128 * 1_000_000_000 + ns as i128).into())
}

fn op_process_uptime(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let started = cx
        .get_data::<ProcessConfig>()
        .map(|c| c.started)
        .unwrap_or_else(Instant::now);
    Ok(JsValue::from(started.elapsed().as_secs_f64()))
}

/// Resident set size in bytes, from `/proc/self/statm`.
fn rss() -> u64 {
    let statm = actors::pool::ops::read_file(std::path::Path::new("/proc/self/statm"))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf cannot fail for _SC_PAGESIZE.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64;
    pages * page
}

fn op_process_rss(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    Ok(JsValue::from(rss() as f64))
}

/// `{ rss, heapTotal, heapUsed, external, arrayBuffers }`. Boa does not report its heap, so the
/// heap figures are what the allocator holds (the rss) and the external ones are zero.
fn op_process_memory_usage(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = JsObject::with_object_proto(cx.intrinsics());
    let r = rss() as f64;
    set(&obj, "rss", r, cx)?;
    set(&obj, "heapTotal", r, cx)?;
    set(&obj, "heapUsed", r, cx)?;
    set(&obj, "external", 0, cx)?;
    set(&obj, "arrayBuffers", 0, cx)?;
    Ok(obj.into())
}

fn rusage() -> libc::rusage {
    // SAFETY: an all-zero rusage is valid; getrusage fills it.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is valid for writes.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru
}

fn micros(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 * 1e6 + tv.tv_usec as f64
}

/// `{ user, system }` CPU time in microseconds.
fn op_process_cpu_usage(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let ru = rusage();
    let obj = JsObject::with_object_proto(cx.intrinsics());
    set(&obj, "user", micros(ru.ru_utime), cx)?;
    set(&obj, "system", micros(ru.ru_stime), cx)?;
    Ok(obj.into())
}

/// `process.resourceUsage()`, with Node's field names.
fn op_process_resource_usage(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let ru = rusage();
    let obj = JsObject::with_object_proto(cx.intrinsics());
    let fields: [(&str, f64); 16] = [
        ("userCPUTime", micros(ru.ru_utime)),
        ("systemCPUTime", micros(ru.ru_stime)),
        ("maxRSS", ru.ru_maxrss as f64),
        ("sharedMemorySize", ru.ru_ixrss as f64),
        ("unsharedDataSize", ru.ru_idrss as f64),
        ("unsharedStackSize", ru.ru_isrss as f64),
        ("minorPageFault", ru.ru_minflt as f64),
        ("majorPageFault", ru.ru_majflt as f64),
        ("swappedOut", ru.ru_nswap as f64),
        ("fsRead", ru.ru_inblock as f64),
        ("fsWrite", ru.ru_oublock as f64),
        ("ipcSent", ru.ru_msgsnd as f64),
        ("ipcReceived", ru.ru_msgrcv as f64),
        ("signalsCount", ru.ru_nsignals as f64),
        ("voluntaryContextSwitches", ru.ru_nvcsw as f64),
        ("involuntaryContextSwitches", ru.ru_nivcsw as f64),
    ];
    for (k, v) in fields {
        set(&obj, k, v, cx)?;
    }
    Ok(obj.into())
}

/// `kill(pid, signal)` → 0 or the negative errno; the glue has already turned a signal name into
/// its number.
fn op_process_kill(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let pid = arg(args, 0).as_number().unwrap_or(0.0) as libc::pid_t;
    let sig = arg(args, 1).as_number().unwrap_or(0.0) as libc::c_int;
    // Signalling another process reaches outside: it takes the authority to run programs.
    if pid != std::process::id() as libc::pid_t && !state(cx).authority.allows_run() {
        return Err(OpError::Denied(AccessDenied {
            permission: "ChildProcess",
            resource: pid.to_string(),
        }));
    }
    // SAFETY: plain syscall.
    if unsafe { libc::kill(pid, sig) } == -1 {
        // As node's `process._kill`: the negative errno, for `process.kill` to throw.
        let errno = io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL);
        return Ok(JsValue::from(-errno));
    }
    Ok(JsValue::from(0))
}

/// `op_process_sleep(ms)`: blocks the JS thread, as node's internal `sleep` (its tests use it to
/// let timers fall due).
fn op_process_sleep(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let ms = arg(args, 0).as_number().unwrap_or(0.0).max(0.0);
    std::thread::sleep(std::time::Duration::from_micros((ms * 1000.0) as u64));
    Ok(JsValue::undefined())
}

/// `[uid, euid, gid, egid]`.
fn op_process_ids(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    // SAFETY: these calls cannot fail.
    let ids = unsafe {
        [
            libc::getuid(),
            libc::geteuid(),
            libc::getgid(),
            libc::getegid(),
        ]
    };
    Ok(JsArray::from_iter(ids.iter().map(|&i| JsValue::from(i)), cx).into())
}

/// Every environment variable, as `[name, value, name, value, ...]`.
/// Only the variables the authority grants are there for the program.
fn op_process_env_all(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let authority = state(cx).authority.clone();
    let mut flat = Vec::new();
    for (k, v) in std::env::vars_os() {
        if !authority.allows_env(&k.to_string_lossy()) {
            continue;
        }
        flat.push(JsValue::from(JsString::from(k.to_string_lossy().as_ref())));
        flat.push(JsValue::from(JsString::from(v.to_string_lossy().as_ref())));
    }
    Ok(JsArray::from_iter(flat, cx).into())
}

fn op_process_env_set(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let key = string_arg(args, 0, cx)?;
    let value = string_arg(args, 1, cx)?;
    check_env(&key, cx)?;
    if !key.is_empty() && !key.contains('=') && !key.contains('\0') && !value.contains('\0') {
        // SAFETY: the runtime's JS thread is the only writer of the environment; worker threads
        // do not read it.
        unsafe { std::env::set_var(key, value) };
    }
    Ok(JsValue::undefined())
}

/// Setting or removing a variable the authority does not grant is `ERR_ACCESS_DENIED`.
fn check_env(key: &str, cx: &Context) -> Result<(), OpError> {
    if state(cx).authority.allows_env(key) {
        return Ok(());
    }
    Err(OpError::Denied(AccessDenied {
        permission: "Environment",
        resource: key.to_string(),
    }))
}

fn op_process_env_unset(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let key = string_arg(args, 0, cx)?;
    check_env(&key, cx)?;
    if !key.is_empty() && !key.contains('=') && !key.contains('\0') {
        // SAFETY: as in `op_process_env_set`.
        unsafe { std::env::remove_var(key) };
    }
    Ok(JsValue::undefined())
}

/// Ends the process now. Everything written to stdout and stderr has already reached the kernel
/// (those writes are synchronous), so nothing is lost. Embedded, it ends only the script: the
/// code is recorded and an error no JS can catch unwinds every frame back to the host.
fn op_process_really_exit(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let code = arg(args, 0).as_number().unwrap_or(0.0) as i32;
    if cx
        .get_data::<ProcessConfig>()
        .is_none_or(|c| c.exit_ends_process)
    {
        std::process::exit(code);
    }
    state(cx).request_exit(code);
    Err(OpError::Js(exit_unwind()))
}

/// The uncatchable error that unwinds a script that ended.
pub fn exit_unwind() -> JsError {
    PanicError::new("process.exit").into()
}
