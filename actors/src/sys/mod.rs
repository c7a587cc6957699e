//! System calls, for the actors that own descriptors and for the disk pool's operations.
//!
//! Every libc call goes through [`syscall!`](crate::syscall), which turns `-1` into
//! `io::Error::last_os_error()` (mio's `syscall!`); the `unsafe` stays at the call site with its
//! `SAFETY` comment.

use std::ffi::CString;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Evaluates a libc call and turns a `-1` result into the thread's last OS error.
macro_rules! syscall {
    ($call:expr) => {{
        let res = $call;
        if res == -1 {
            Err(::std::io::Error::last_os_error())
        } else {
            Ok(res)
        }
    }};
}
pub(crate) use syscall;

/// A path as a C string; a path with a NUL byte in it is `EINVAL`... except Node reports it as
/// `ERR_INVALID_ARG_VALUE` before it gets here, so reaching this error means a Rust caller's bug.
pub fn cstr(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// Whether an error is `EINTR` (a call to retry).
pub fn is_interrupted(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Interrupted
}
